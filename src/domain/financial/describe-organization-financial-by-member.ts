import type { DescribeOrganizationFinancialByMemberRequest, DescribeOrganizationFinancialByMemberResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { billFilter, financialPage, monthRange, ratio, yuan } from "./rules.js";

/**
 * DescribeOrganizationFinancialByMember — what each member spent from Month to EndMonth (default:
 * Month), optionally only some members (MemberUins) and products (ProductCodes): a page of members
 * by descending cost, each with its share of the total. Only members that let the organization
 * view their bills (permission 1) count.
 * @throws InvalidParameter, ResourceNotFound.OrganizationNotExist (the caller administers no organization)
 */
export async function describeOrganizationFinancialByMember(
  input: DescribeOrganizationFinancialByMemberRequest,
  ctx: Context,
): Promise<DescribeOrganizationFinancialByMemberResponse> {
  const { from, to } = monthRange(input.Month, input.EndMonth);
  const page = financialPage(input.Offset, input.Limit);
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const filter = billFilter(org.org_id, from, to, input.MemberUins, input.ProductCodes);
  const [total, count, rows] = await Promise.all([
    ctx.store.bills.total(filter),
    ctx.store.bills.countMembers(filter),
    ctx.store.bills.byMember(filter, page.offset, page.limit),
  ]);
  return {
    TotalCost: yuan(total),
    Items: rows.map((r) => ({ MemberUin: r.member_uin, MemberName: r.member_name, TotalCost: yuan(r.cents), Ratio: ratio(r.cents, total) })),
    Total: count,
  };
}
