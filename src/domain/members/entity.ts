import type { Account } from "../../store/accounts-repo.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";

/**
 * Verified entities in an organization. The admin's entity is administered by the admin. Members of
 * another entity are linked to it by a verified-entity relation (auth_relation_id, listed by
 * DescribeOrganizationAuthNode); that entity's admin is the member that brought the relation in,
 * i.e. the earliest-joined member carrying it. An entity admin pays on behalf of the members of its
 * entity and approves the creation of members for it.
 */

/** The admin UIN of each relation among `relationIds` (one query). */
export function relationAdmins(store: Store, orgId: number, relationIds: readonly number[]): Promise<Map<number, number>> {
  return store.members.firstCarriers(orgId, relationIds);
}

/** The admin of one verified-entity relation, with its account; undefined when no member carries it. */
export async function relationAdmin(store: Store, orgId: number, relationId: number): Promise<{ member: OrgMember; account: Account } | undefined> {
  const carriers = await store.members.withAuthRelation(orgId, relationId);
  if (carriers.length === 0) return undefined;
  const account = await store.accounts.find(carriers[0].member_uin);
  return account ? { member: carriers[0], account } : undefined;
}

/** Whether a member administers the verified entity of its relation. */
export async function isEntityAdmin(store: Store, member: OrgMember): Promise<boolean> {
  if (member.auth_relation_id === null) return false;
  const admins = await relationAdmins(store, member.org_id, [member.auth_relation_id]);
  return admins.get(member.auth_relation_id) === member.member_uin;
}

/**
 * The UIN of the admin of a member's verified entity: the organization's admin for members verified
 * under the admin's entity, the relation's admin for members of another entity, undefined otherwise.
 */
export async function entityAdminOf(store: Store, org: Organization, hostAccount: Account, member: OrgMember, account: Account): Promise<number | undefined> {
  if (account.entity_name !== null && account.entity_name === hostAccount.entity_name) return org.host_uin;
  if (member.auth_relation_id === null) return undefined;
  return (await relationAdmins(store, org.org_id, [member.auth_relation_id])).get(member.auth_relation_id);
}
