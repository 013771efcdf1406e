import { ApiError } from "../../protocol/api-error.js";
import type { NewBill } from "../../store/bills-repo.js";
import type { Store } from "../../store/store.js";
import { monthText, parseMonth } from "./rules.js";

/** A bill line as the operator loads it: what an account spent on a product in a month. */
export interface BillInput {
  MemberUin: number;
  Month: string;
  ProductCode: string;
  ProductName: string;
  /** yuan as decimal text with at most two decimals, e.g. "1234.5" */
  Amount: string;
}

const AMOUNT_RE = /^(\d{1,13})(?:\.(\d{1,2}))?$/;
const CODE_MAX = 64;
const NAME_MAX = 255;

/** Decimal yuan text as whole cents, exactly (no binary floating point on the way). */
export function parseAmount(text: string, where: string): number {
  const m = AMOUNT_RE.exec(text.trim());
  if (!m) {
    throw new ApiError("InvalidParameterValue", `${where}: Amount must be a non-negative number of yuan with at most two decimals, got "${text}".`);
  }
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/**
 * Check bill lines and turn them into rows: a registered account, a yyyy-mm month, a product code
 * of 1 to 64 characters, a name of at most 255, an exact amount. A line repeated in the input keeps
 * its last amount.
 */
export async function billRows(store: Store, bills: readonly BillInput[], now: number): Promise<NewBill[]> {
  const rows = new Map<string, NewBill>();
  const accounts = new Set<number>();
  bills.forEach((b, i) => {
    const where = `Bills.${i}`;
    const code = b.ProductCode.trim();
    if (code === "" || code.length > CODE_MAX) throw new ApiError("InvalidParameterValue", `${where}: ProductCode must be 1 to ${CODE_MAX} characters.`);
    if (b.ProductName.length > NAME_MAX) throw new ApiError("InvalidParameterValue", `${where}: ProductName must be at most ${NAME_MAX} characters.`);
    let month: string;
    try {
      month = monthText(parseMonth(b.Month, `${where}.Month`));
    } catch {
      throw new ApiError("InvalidParameterValue", `${where}: Month must be written yyyy-mm, got "${b.Month}".`);
    }
    const row: NewBill = { member_uin: b.MemberUin, month, product_code: code, product_name: b.ProductName.trim() || code, amount_cents: parseAmount(b.Amount, where), loaded_at: now };
    rows.set(`${row.member_uin} ${month} ${code}`, row);
    accounts.add(b.MemberUin);
  });
  for (const uin of accounts) {
    if (!(await store.accounts.find(uin))) throw new ApiError("ResourceNotFound", `Account ${uin} does not exist.`);
  }
  return [...rows.values()];
}
