import type { Account } from "../../store/accounts-repo.js";
import type { AuthRelation } from "../../store/auth-relations-repo.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";

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
