import type { DescribeOrganizationFinancialByProductRequest, DescribeOrganizationFinancialByProductResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { billFilter, financialPage, monthRange, ratio, yuan } from "./rules.js";

/**
 * DescribeOrganizationFinancialByProduct — what the organization spent on each product from Month
 * to EndMonth (default: Month), optionally only for some members (MemberUins) and products
 * (ProductCodes): a page of products by descending cost, each with its share of the total. Only
 * members that let the organization view their bills (permission 1) count.
 * @throws InvalidParameter, ResourceNotFound.OrganizationNotExist (the caller administers no organization)
 */
export async function describeOrganizationFinancialByProduct(
  input: DescribeOrganizationFinancialByProductRequest,
  ctx: Context,
): Promise<DescribeOrganizationFinancialByProductResponse> {
  const { from, to } = monthRange(input.Month, input.EndMonth);
  const page = financialPage(input.Offset, input.Limit);
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const filter = billFilter(org.org_id, from, to, input.MemberUins, input.ProductCodes);
  const [total, count, rows] = await Promise.all([
    ctx.store.bills.total(filter),
    ctx.store.bills.countProducts(filter),
    ctx.store.bills.byProduct(filter, page.offset, page.limit),
  ]);
  return {
    TotalCost: yuan(total),
    Items: rows.map((r) => ({ ProductCode: r.product_code, ProductName: r.product_name, TotalCost: yuan(r.cents), Ratio: ratio(r.cents, total) })),
    Total: count,
  };
}
