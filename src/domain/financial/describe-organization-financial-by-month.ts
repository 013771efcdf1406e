import { ApiError } from "../../protocol/api-error.js";
import type { DescribeOrganizationFinancialByMonthRequest, DescribeOrganizationFinancialByMonthResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { billFilter, growthRate, monthOf, monthText, parseMonth, yuan } from "./rules.js";

/** The trend covers 1 to 6 months, 6 by default (documented). */
const MAX_MONTHS = 6;

/**
 * DescribeOrganizationFinancialByMonth — the organization's cost of each of the Limit months up to
 * EndMonth (default: the current month), newest first, optionally only for some members and
 * products. Months without cost are left out. GrowthRate compares a month with the one before it
 * and is empty when that month had no cost. Id is the month as the number yyyymm. Only members
 * that let the organization view their bills (permission 1) count.
 * @throws InvalidParameter, ResourceNotFound.OrganizationNotExist (the caller administers no organization)
 */
export async function describeOrganizationFinancialByMonth(
  input: DescribeOrganizationFinancialByMonthRequest,
  ctx: Context,
): Promise<DescribeOrganizationFinancialByMonthResponse> {
  const months = input.Limit ?? MAX_MONTHS;
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`Limit\` must be from 1 to ${MAX_MONTHS}.`, zh: `参数\`Limit\`取值须为 1 至 ${MAX_MONTHS}。` });
  }
  const end = input.EndMonth === undefined || input.EndMonth.trim() === "" ? monthOf(ctx.now(), ctx.settings.utcOffsetMinutes) : parseMonth(input.EndMonth, "EndMonth");
  const first = end - months + 1;
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  // one month more than shown, for the first month's growth
  const costs = new Map((await ctx.store.bills.byMonth(billFilter(org.org_id, first - 1, end, input.MemberUins, input.ProductCodes))).map((r) => [r.month, r.cents]));
  const items = [];
  for (let m = end; m >= first; m--) {
    const cents = costs.get(monthText(m));
    if (cents === undefined) continue;
    items.push({ Id: Number(monthText(m).replace("-", "")), Month: monthText(m), TotalCost: yuan(cents), GrowthRate: growthRate(cents, costs.get(monthText(m - 1)) ?? 0) });
  }
  return { Items: items };
}
