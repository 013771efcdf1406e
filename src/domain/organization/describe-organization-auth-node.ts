import type { AuthNode } from "../../spec/generated/v20210331.js";
import { v2021 } from "../base/contract.js";
import { ensureHostRelation } from "../base/entity-relations.js";
import { MAX_PAGE_LIMIT } from "../base/paging.js";

/**
 * DescribeOrganizationAuthNode — the real-name entities of the caller's organization whose admin is
 * set (the API page: "获取已设置管理员的互信主体关系列表"): the admin's own entity (administered by the
 * organization's admin) first, then every other entity whose admin the organization's admin set
 * (entity-admins.ts), by relation id. AuthName keeps only the entity of exactly that name.
 */
export const describeOrganizationAuthNode = v2021(
  "DescribeOrganizationAuthNode",
  { caller: "member", paging: { style: "offset", maxLimit: MAX_PAGE_LIMIT }, codes: ["InvalidParameter", "ResourceNotFound.OrganizationNotExist"] },
  async (input, ctx) => {
    const { org, page } = ctx;
    await ensureHostRelation(ctx.store, org.org_id, ctx.now());
    const [host, relations] = await Promise.all([ctx.store.accounts.find(org.host_uin), ctx.store.authRelations.listManaged(org.org_id)]);
    const entries = relations
      .map((r) => ({ id: r.relation_id, name: r.is_host === 1 ? host?.entity_name : r.auth_name, manager: r.is_host === 1 ? org.host_uin : r.manager_uin }))
      .filter((e): e is { id: number; name: string; manager: number } => !!e.name && e.manager !== null)
      .filter((e) => input.AuthName === undefined || input.AuthName === "" || e.name === input.AuthName);
    const items: AuthNode[] = await Promise.all(
      entries.slice(page.offset, page.offset + page.limit).map(async (e) => {
        const membership = await ctx.store.members.find(e.manager);
        const name = membership?.org_id === org.org_id ? membership.name : (await ctx.store.accounts.find(e.manager))?.name ?? "";
        return { RelationId: e.id, AuthName: e.name, Manager: { MemberUin: e.manager, MemberName: name } };
      }),
    );
    return { Total: entries.length, Items: items };
  },
);
