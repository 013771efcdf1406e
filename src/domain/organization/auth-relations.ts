import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";
import { orgNotExist } from "../undeclared.js";

export const FIRST_RELATION_ID = 1;

/**
 * The id of the relation of the admin's own real-name entity, created the first time it is needed
 * (idempotent under concurrency: one host relation per organization is a database constraint).
 * The creation takes the organization's lock, as every writer of the organization does: an
 * organization deleted meanwhile answers ResourceNotFound.OrganizationNotExist.
 */
export async function ensureHostRelation(store: Store, orgId: number, now: number): Promise<number> {
  const found = await store.authRelations.findHost(orgId);
  if (found) return found.relation_id;
  return store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(orgId))) throw orgNotExist();
    const id = await tx.counters.next("auth_relation", FIRST_RELATION_ID);
    await tx.authRelations.insertIfAbsent({ relation_id: id, org_id: orgId, is_host: 1, auth_name: null, manager_uin: null, created_at: now });
    return (await tx.authRelations.findHost(orgId))!.relation_id;
  });
}

/**
 * The relation an account verified under `entityName` belongs to when it joins `org`: the admin's
 * own when the entity is the admin's, else that entity's relation, created on first use without an
 * admin: the organization's admin sets one later (setEntityAdmin), as the console's 认证主体管理 page
 * does. For the actions that add members (call it in their transaction and store the id in
 * org_members.auth_relation_id).
 */
export async function relationForEntity(store: Store, org: Organization, entityName: string, now: number): Promise<number> {
  const host = await store.accounts.find(org.host_uin);
  if (host?.entity_name === entityName) return ensureHostRelation(store, org.org_id, now);
  const found = await store.authRelations.findByName(org.org_id, entityName);
  if (found) return found.relation_id;
  return store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const id = await tx.counters.next("auth_relation", FIRST_RELATION_ID);
    await tx.authRelations.insertIfAbsent({ relation_id: id, org_id: org.org_id, is_host: 0, auth_name: entityName, manager_uin: null, created_at: now });
    return (await tx.authRelations.findByName(org.org_id, entityName))!.relation_id;
  });
}
