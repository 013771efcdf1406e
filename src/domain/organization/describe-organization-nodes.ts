import { ApiError } from "../../protocol/api-error.js";
import { v2018, v2021 } from "../base/contract.js";
import { MAX_PAGE_LIMIT } from "../base/paging.js";
import { MAX_TAGS } from "../base/tags.js";
import { NO_PARENT, orgNodeView } from "./node-rules.js";

/** DescribeOrganizationNodes — a page of the caller's organization's departments by id (the root
 *  first), optionally only those carrying every given tag; seen by the admin and by members. */
export const describeOrganizationNodes = v2021(
  "DescribeOrganizationNodes",
  { caller: "member", paging: { style: "offset", maxLimit: MAX_PAGE_LIMIT }, codes: ["InvalidParameter", "ResourceNotFound.OrganizationNotExist"] },
  async (input, ctx) => {
    const tags = input.Tags ?? [];
    if (tags.length > MAX_TAGS) {
      throw new ApiError("InvalidParameter", { en: `Parameter \`Tags\` can hold at most ${MAX_TAGS} tags.`, zh: `参数\`Tags\`最多 ${MAX_TAGS} 个标签。` });
    }
    const { rows, total } = await ctx.store.nodes.page(ctx.org.org_id, tags, ctx.page.offset, ctx.page.limit);
    const tagsOf = await ctx.store.tags.forMany("node", rows.map((n) => n.node_id));
    return {
      Total: total,
      Items: rows.map((n) => orgNodeView(n, tagsOf.get(n.node_id) ?? [], ctx.settings.utcOffsetMinutes)),
    };
  },
);

/** ListOrganizationNodes (2018-12-25) — every department of the caller's organization by id (the
 *  root first), with how many accounts sit directly in it (the admin counts in its department). */
export const listOrganizationNodes = v2018("ListOrganizationNodes", { caller: "member", codes: ["ResourceNotFound.OrganizationNotExist"] }, async (_input, ctx) => {
  const { org } = ctx;
  const [nodes, counts] = await Promise.all([ctx.store.nodes.listByOrg(org.org_id), ctx.store.members.countByNode(org.org_id)]);
  return {
    Nodes: nodes.map((n) => ({ NodeId: n.node_id, Name: n.name, ParentNodeId: n.parent_id ?? NO_PARENT, MemberCount: counts.get(n.node_id) ?? 0 })),
  };
});
