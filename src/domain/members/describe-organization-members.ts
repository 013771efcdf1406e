import { ApiError } from "../../protocol/api-error.js";
import type { DescribeOrganizationMembersRequest, DescribeOrganizationMembersResponse } from "../../spec/generated/v20210331.js";
import type { MemberFilter } from "../../store/members-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Context } from "../context.js";
import { checkTags, langParam, orgNotExist } from "../organization/rules.js";
import { checkLimit } from "../paging.js";
import { memberViews } from "./view.js";

/** A trusted-service product abbreviation such as `cloudaudit`. */
const PRODUCT_RE = /^[a-z][a-z0-9_-]{0,63}$/;

/**
 * SearchKey as a filter: members whose name contains the text (ASCII case-insensitive), or whose
 * UIN equals it when it is a number.
 */
export function searchFilter(searchKey: string | undefined): MemberFilter["search"] {
  const text = searchKey?.trim();
  if (!text) return undefined;
  const uin = /^\d{1,15}$/.test(text) ? Number(text) : undefined;
  return { text, uin };
}

/** The organization whose members the caller may list: its own, as admin. */
async function listingOrg(ctx: Context, product: string | undefined): Promise<Organization> {
  const membership = await ctx.store.members.find(ctx.caller.uin);
  const org = membership ? await ctx.store.organizations.find(membership.org_id) : undefined;
  if (!membership || !org) throw orgNotExist();
  if (product !== undefined && !PRODUCT_RE.test(product)) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`Product\`: "${product}" is not a product abbreviation.`, zh: `参数\`Product\`：“${product}”不是产品简称。` });
  }
  if (membership.is_admin === 1) return org;
  if (product === undefined) {
    throw new ApiError("ResourceNotFound.OrganizationNotExist", {
      en: "Only the organization's admin, or a delegated admin naming its `Product`, may list members.",
      zh: "只有组织管理员，或指定`Product`的委派管理员，可以查询成员列表。",
    });
  }
  // A member lists members as the delegated admin of a trusted service; it is none of `product`'s.
  throw new ApiError("ResourceNotFound.OrganizationServiceNotExist", {
    en: `The caller is not a delegated admin of the organization service ${product}.`,
    zh: `调用者不是集团服务 ${product} 的委派管理员。`,
  });
}

/**
 * DescribeOrganizationMembers — a page of the organization's members (its admin included) by
 * ascending UIN, filtered by SearchKey (name contains / exact UIN), AuthName (verified entity),
 * Tags (all of them), NodeId and NodeName (direct members of the department). Names of
 * permissions and policies follow Lang (en/zh), else the request's language.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationServiceNotExist,
 *   ResourceNotFound.OrganizationNodeNotExist, InvalidParameter, InvalidParameter.TagError
 */
export async function describeOrganizationMembers(input: DescribeOrganizationMembersRequest, ctx: Context): Promise<DescribeOrganizationMembersResponse> {
  checkLimit(input.Limit);
  const tags = checkTags(input.Tags);
  const org = await listingOrg(ctx, input.Product);
  const filter: MemberFilter = { orgId: org.org_id, search: searchFilter(input.SearchKey) };
  if (tags.length > 0) filter.tags = tags;
  if (input.AuthName) filter.entityName = input.AuthName;
  if (input.NodeId) {
    if (!(await ctx.store.nodes.find(org.org_id, input.NodeId))) {
      throw new ApiError("ResourceNotFound.OrganizationNodeNotExist", {
        en: `Parameter \`NodeId\`: department ${input.NodeId} does not exist in the organization.`,
        zh: `参数\`NodeId\`：组织中不存在部门 ${input.NodeId}。`,
      });
    }
    filter.nodeIds = [input.NodeId];
  }
  if (input.NodeName) {
    const named = await ctx.store.nodes.idsByName(org.org_id, input.NodeName);
    filter.nodeIds = filter.nodeIds ? filter.nodeIds.filter((id) => named.includes(id)) : named;
  }
  const [total, rows] = await Promise.all([ctx.store.members.count(filter), ctx.store.members.page(filter, input.Offset, input.Limit)]);
  return { Items: await memberViews(ctx.store, ctx, rows, langParam(input.Lang, ctx.lang)), Total: total };
}
