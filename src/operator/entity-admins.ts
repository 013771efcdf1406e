import { listEntityRelations, setEntityAdmin, type EntityRelation } from "../domain/organization/entity-admins.js";
import type { OperatorContext } from "./context.js";

const view = (r: EntityRelation) => ({ RelationId: r.relationId, AuthName: r.authName, IsHost: r.isHost, ...(r.adminUin !== undefined ? { AdminUin: r.adminUin } : {}) });

async function relationView(ctx: OperatorContext, orgId: number, relationId: number) {
  const found = (await listEntityRelations(ctx.store, orgId, ctx.now())).find((r) => r.relationId === relationId);
  return { Relation: view(found!) };
}

/** ListEntityRelations — an organization's verified entities with their admins, set or not (the console's 认证主体管理 list). */
export async function listEntityRelationsAction(input: { OrgId: number }, ctx: OperatorContext) {
  return { Relations: (await listEntityRelations(ctx.store, input.OrgId, ctx.now())).map(view) };
}

/**
 * SetEntityAdmin — stand in for the organization's admin setting or changing, on the console's
 * 认证主体管理 page, the admin of another verified entity: one of the organization's members verified
 * as that entity (the API has no action for it).
 */
export async function setEntityAdminAction(input: { OrgId: number; RelationId: number; MemberUin: number }, ctx: OperatorContext) {
  await setEntityAdmin(ctx.store, input.OrgId, input.RelationId, input.MemberUin);
  return relationView(ctx, input.OrgId, input.RelationId);
}

/** RemoveEntityAdmin — stand in for the organization's admin removing an entity's admin on that console page. */
export async function removeEntityAdminAction(input: { OrgId: number; RelationId: number }, ctx: OperatorContext) {
  await setEntityAdmin(ctx.store, input.OrgId, input.RelationId, null);
  return relationView(ctx, input.OrgId, input.RelationId);
}
