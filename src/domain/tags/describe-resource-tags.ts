import type { DescribeResourceTagsRequest, DescribeResourceTagsResponse } from "../../spec/generated/tag-v20180813.js";
import type { OrgTagFilter } from "../../store/tags-repo.js";
import type { Context } from "../base/context.js";
import { tagPage } from "./paging.js";
import { ORGANIZATION_SERVICE, PREFIXES, RESOURCE_ID_RE } from "./resource-name.js";
import { ownedOrganization, tagResourceView } from "./rules.js";

/**
 * The organization resources the filters can match; undefined when they match none. Every filter
 * narrows, none is refused (the action documents no code for a filter): a creator other than the
 * organization's admin, another service, another prefix, an id that is no department or member, or
 * COS resources match nothing. ResourceRegion is not a condition: organization resources have no
 * region, and the page asks for it only of regional resources.
 */
function filterOf(input: DescribeResourceTagsRequest, adminUin: number): OrgTagFilter | undefined {
  if (input.CreateUin !== undefined && input.CreateUin !== adminUin) return undefined;
  if (input.ServiceType !== undefined && input.ServiceType !== ORGANIZATION_SERVICE) return undefined;
  if (input.CosResourceId === 1) return undefined;
  const filter: OrgTagFilter = {};
  if (input.ResourcePrefix !== undefined) {
    filter.type = PREFIXES[input.ResourcePrefix];
    if (!filter.type) return undefined;
  }
  if (input.ResourceId !== undefined) {
    if (!RESOURCE_ID_RE.test(input.ResourceId)) return undefined;
    filter.ids = [Number(input.ResourceId)];
  }
  return filter;
}

/**
 * DescribeResourceTags — a page of the tags on the caller's resources: the departments and members
 * of the organization it administers, by type, resource id and key, narrowed by the filters given.
 * Other accounts own no organization resources and get an empty list.
 * @throws InvalidParameter (Offset, Limit)
 */
export async function describeResourceTags(input: DescribeResourceTagsRequest, ctx: Context): Promise<DescribeResourceTagsResponse> {
  const page = tagPage(input.Offset, input.Limit);
  const org = await ownedOrganization(ctx.store, ctx.caller.uin);
  const filter = org ? filterOf(input, org.host_uin) : undefined;
  const { rows, total } = org && filter ? await ctx.store.tags.ofOrganization(org.org_id, filter, page) : { rows: [], total: 0 };
  return { TotalCount: total, Offset: page.offset, Limit: page.limit, Rows: rows.map(tagResourceView) };
}
