import { ApiError } from "../../protocol/api-error.js";
import type { DescribeOrganizationMembersRequest, DescribeOrganizationMembersResponse } from "../../spec/generated/v20210331.js";
import type { MemberFilter } from "../../store/members-repo.js";
import type { OrgNode } from "../../store/nodes-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Context } from "../base/context.js";
import { checkTags } from "../base/tags.js";
import { langParam } from "../base/language.js";
import { orgNotExist } from "../undeclared.js";
import { checkLimit } from "../base/paging.js";
import { serviceByProduct } from "../base/services-catalogue.js";
import { SCOPE_PARTIAL } from "../base/services-catalogue.js";
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

/**
 * What a caller may list: its organization; for a delegated admin with a partial scope, that
 * scope; for the admin naming a Product, that service's delegated admins.
 */
interface Listing {
  org: Organization;
  scope?: MemberFilter["scope"];
  delegatesOf?: number;
}

const serviceNotExist = (product: string, known: boolean) =>
  new ApiError(
    "ResourceNotFound.OrganizationServiceNotExist",
    known
      ? { en: `The caller is not a delegated admin of the organization service ${product}.`, zh: `调用者不是集团服务 ${product} 的委派管理员。` }
      : { en: `Parameter \`Product\`: organization service ${product} does not exist.`, zh: `参数\`Product\`：集团服务 ${product} 不存在。` },
  );

/**
 * The members the caller may list. The admin lists them all, or with a Product that service's
 * delegated admins (the docs' "querying the trusted service admin"). A member lists them as the delegated admin of the service Product
 * names: all of them, or with a partial scope the members it names and those of its departments
 * and their sub-departments.
 */
async function listing(ctx: Context, product: string | undefined): Promise<Listing> {
  const membership = await ctx.store.members.find(ctx.caller.uin);
  const org = membership ? await ctx.store.organizations.find(membership.org_id) : undefined;
  if (!membership || !org) throw orgNotExist();
  if (product !== undefined && !PRODUCT_RE.test(product)) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`Product\`: "${product}" is not a product abbreviation.`, zh: `参数\`Product\`：“${product}”不是产品简称。` });
  }
  const service = product === undefined ? undefined : serviceByProduct(product);
  if (product !== undefined && !service) throw serviceNotExist(product, false);
  if (membership.is_admin === 1) return service ? { org, delegatesOf: service.id } : { org };
  if (!service) {
    throw new ApiError("ResourceNotFound.OrganizationNotExist", {
      en: "Only the organization's admin, or a delegated admin naming its `Product`, may list members.",
      zh: "只有组织管理员，或指定`Product`的委派管理员，可以查询成员列表。",
    });
  }
  const assign = await ctx.store.serviceAssigns.find(org.org_id, service.id, ctx.caller.uin);
  if (!assign) throw serviceNotExist(service.product, true);
  if (assign.management_scope !== SCOPE_PARTIAL) return { org };
  const named = await ctx.store.serviceAssigns.scopeNodeIds(org.org_id, service.id, ctx.caller.uin);
  return { org, scope: { serviceId: service.id, adminUin: ctx.caller.uin, nodeIds: withDescendants(await ctx.store.nodes.listByOrg(org.org_id), named) } };
}

/** These departments and every department below them. */
function withDescendants(nodes: readonly OrgNode[], roots: readonly number[]): number[] {
  const children = new Map<number, number[]>();
  for (const n of nodes) if (n.parent_id !== null) children.set(n.parent_id, [...(children.get(n.parent_id) ?? []), n.node_id]);
  const out = new Set<number>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...out];
}

/**
 * DescribeOrganizationMembers — a page of the organization's members (its admin included) by
 * ascending UIN, filtered by SearchKey (name contains / exact UIN), AuthName (verified entity),
 * Tags (all of them), NodeId and NodeName (direct members of the department). A delegated admin
 * lists them naming its service in Product, and sees only its management scope. Names of
 * permissions and policies follow Lang (en/zh), else the request's language.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationServiceNotExist,
 *   ResourceNotFound.OrganizationNodeNotExist, InvalidParameter, InvalidParameter.TagError
 */
export async function describeOrganizationMembers(input: DescribeOrganizationMembersRequest, ctx: Context): Promise<DescribeOrganizationMembersResponse> {
  checkLimit(input.Limit);
  const tags = checkTags(input.Tags);
  const { org, scope, delegatesOf } = await listing(ctx, input.Product);
  const filter: MemberFilter = { orgId: org.org_id, search: searchFilter(input.SearchKey) };
  if (scope) filter.scope = scope;
  if (delegatesOf !== undefined) filter.delegatesOf = delegatesOf;
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
