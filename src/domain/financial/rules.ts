import { ApiError } from "../../protocol/api-error.js";
import type { BillFilter } from "../../store/bills-repo.js";

/** MemberUins and ProductCodes name at most 100 entries each (documented). */
export const MAX_FILTER_ENTRIES = 100;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A YYYY-MM month parameter as a month index (year * 12 + month - 1) → InvalidParameter otherwise. */
export function parseMonth(value: string, param: string): number {
  const m = MONTH_RE.exec(value.trim());
  if (!m) throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\` must be a month written yyyy-mm, e.g. 2021-01.`, zh: `参数\`${param}\`须为 yyyy-mm 格式的月份，例如 2021-01。` });
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** The YYYY-MM text of a month index. */
export function monthText(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The month index of an instant, in the zone `utcOffsetMinutes` east of UTC. */
export function monthOf(ms: number, utcOffsetMinutes: number): number {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Month (required) to EndMonth (default: Month), which must not come before it. */
export function monthRange(month: string, endMonth: string | undefined): { from: number; to: number } {
  const from = parseMonth(month, "Month");
  const to = endMonth === undefined || endMonth.trim() === "" ? from : parseMonth(endMonth, "EndMonth");
  if (to < from) {
    throw new ApiError("InvalidParameter", { en: "Parameter `EndMonth` must not come before `Month`.", zh: "参数`EndMonth`不能早于`Month`。" });
  }
  return { from, to };
}

/** Member and product filters: at most 100 entries each; an empty list filters nothing. */
export function billFilter(orgId: number, from: number, to: number, memberUins?: readonly number[], productCodes?: readonly string[]): BillFilter {
  for (const [param, list] of [["MemberUins", memberUins], ["ProductCodes", productCodes]] as const) {
    if (list && list.length > MAX_FILTER_ENTRIES) {
      throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\` names at most ${MAX_FILTER_ENTRIES} entries.`, zh: `参数\`${param}\`最多包含 ${MAX_FILTER_ENTRIES} 项。` });
    }
  }
  const f: BillFilter = { orgId, fromMonth: monthText(from), toMonth: monthText(to) };
  if (memberUins && memberUins.length > 0) f.memberUins = [...new Set(memberUins)];
  if (productCodes && productCodes.length > 0) f.productCodes = [...new Set(productCodes)];
  return f;
}

/** Limit (default 10, 1 to 50) and Offset (default 0, not negative) of the financial pages. */
export function financialPage(offset: number | undefined, limit: number | undefined): { offset: number; limit: number } {
  const page = { offset: offset ?? 0, limit: limit ?? 10 };
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > 50) {
    throw new ApiError("InvalidParameter", { en: "Parameter `Limit` must be from 1 to 50.", zh: "参数`Limit`取值须为 1 至 50。" });
  }
  if (!Number.isInteger(page.offset) || page.offset < 0) {
    throw new ApiError("InvalidParameter", { en: "Parameter `Offset` must not be negative.", zh: "参数`Offset`不能为负数。" });
  }
  return page;
}

/** An amount in cents as yuan (a JSON number with at most two decimals). */
export const yuan = (cents: number): number => cents / 100;

/** Hundredths of a percent as text with at most two decimals and no trailing zeros: 7950 → "79.5". */
function percentText(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, "0").replace(/0+$/, "");
  return `${sign}${whole}${frac ? `.${frac}` : ""}`;
}

/** `part` as a percentage of `whole` (both in cents), rounded to two decimals; "0" when the whole is 0. */
export function ratio(part: number, whole: number): string {
  return whole === 0 ? "0" : percentText(Math.round((part * 10000) / whole));
}

/** Growth from `previous` to `current` in percent, rounded half away from zero; "" when there is no previous cost. */
export function growthRate(current: number, previous: number): string {
  if (previous === 0) return "";
  const change = ((current - previous) * 10000) / previous;
  return percentText(Math.sign(change) * Math.round(Math.abs(change)));
}
