import { ApiError } from "../../protocol/api-error.js";
import type { DescribeOrganizationNodesRequest, DescribeOrganizationNodesResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { checkPage } from "../base/paging.js";
import { orgNodeView } from "./node-rules.js";
import { MAX_TAGS } from "../base/tags.js";
import { requireMembership } from "../undeclared.js";

/** DescribeOrganizationNodes — a page of the caller's organization's departments by id (the root
 *  first), optionally only those carrying every given tag; seen by the admin and by members.
 *  @throws InvalidParameter (Limit, Offset, Tags), ResourceNotFound.OrganizationNotExist */
export async function describeOrganizationNodes(input: DescribeOrganizationNodesRequest, ctx: Context): Promise<DescribeOrganizationNodesResponse> {
  checkPage(input.Offset, input.Limit);
  const tags = input.Tags ?? [];
  if (tags.length > MAX_TAGS) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`Tags\` can hold at most ${MAX_TAGS} tags.`, zh: `参数\`Tags\`最多 ${MAX_TAGS} 个标签。` });
  }
  const { org } = await requireMembership(ctx.store, ctx.caller.uin);
  const { rows, total } = await ctx.store.nodes.page(org.org_id, tags, input.Offset, input.Limit);
  const tagsOf = await ctx.store.tags.forMany("node", rows.map((n) => n.node_id));
  return {
    Total: total,
    Items: rows.map((n) => orgNodeView(n, tagsOf.get(n.node_id) ?? [], ctx.settings.utcOffsetMinutes)),
  };
}
