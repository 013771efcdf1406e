import type { Account } from "../../store/accounts-repo.js";
import type { AuthRelation } from "../../store/auth-relations-repo.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";
import { lockOrg } from "./caller.js";

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
    await lockOrg(tx, { org_id: orgId });
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
    await lockOrg(tx, org);
    const id = await tx.counters.next("auth_relation", FIRST_RELATION_ID);
    await tx.authRelations.insertIfAbsent({ relation_id: id, org_id: org.org_id, is_host: 0, auth_name: entityName, manager_uin: null, created_at: now });
    return (await tx.authRelations.findByName(org.org_id, entityName))!.relation_id;
  });
}

/**
 * Verified entities in an organization, as DescribeOrganizationAuthNode lists them: each member
 * carries the relation of its entity (auth_relation_id). The admin's own entity is administered by
 * the organization's admin; another entity by the admin the organization's admin set for it, if any
 * (see entity-admins.ts). An entity's admin pays on behalf of its members and approves creating
 * members for it.
 */

/** The admin UIN of a relation; undefined for another entity's relation without a manager. */
function adminOf(org: Organization, r: AuthRelation): number | undefined {
  return r.is_host === 1 ? org.host_uin : r.manager_uin ?? undefined;
}

/** The admin UIN of each relation among `relationIds` that has one (one query). */
export async function relationAdmins(store: Store, org: Organization, relationIds: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const r of await store.authRelations.findMany(org.org_id, relationIds)) {
    const admin = adminOf(org, r);
    if (admin !== undefined) out.set(r.relation_id, admin);
  }
  return out;
}

/** A relation of the organization with its entity's name and admin; undefined when it does not exist or has no admin. */
export async function relationEntity(store: Store, org: Organization, host: Account, relationId: number): Promise<{ entityName: string | null; adminUin: number } | undefined> {
  const [r] = await store.authRelations.findMany(org.org_id, [relationId]);
  const adminUin = r && adminOf(org, r);
  if (!r || adminUin === undefined) return undefined;
  return { entityName: r.is_host === 1 ? host.entity_name : r.auth_name, adminUin };
}

/** Whether a member administers another verified entity of its organization. */
export function isEntityAdmin(store: Store, member: OrgMember): Promise<boolean> {
  return store.authRelations.isManager(member.org_id, member.member_uin);
}

/**
 * The UIN of the admin of a member's verified entity: the organization's admin for members verified
 * under the admin's entity, the relation's admin for members of another entity, undefined otherwise.
 */
export async function entityAdminOf(store: Store, org: Organization, hostAccount: Account, member: OrgMember, account: Account): Promise<number | undefined> {
  if (account.entity_name !== null && account.entity_name === hostAccount.entity_name) return org.host_uin;
  if (member.auth_relation_id === null) return undefined;
  return (await relationAdmins(store, org, [member.auth_relation_id])).get(member.auth_relation_id);
}
