import { ApiError } from "../protocol/api-error.js";
import type { OrgMember } from "../store/members-repo.js";
import type { Organization } from "../store/organizations-repo.js";
import type { Store } from "../store/store.js";
import { orgNotExist } from "./base/caller.js";
import type { Context } from "./base/context.js";

export { orgNotExist };

/**
 * The handler style before action contracts: the handler finds its caller's organization itself.
 * Kept only while areas move to declared contracts (base/contract.ts); gone once all have.
 */
export type UndeclaredHandler<I, O> = (input: I, ctx: Context) => Promise<O>;

/** Handlers of the former style for some actions of an API's `Actions` map. */
export type UndeclaredMap<A> = {
  [K in keyof A]?: A[K] extends { input: infer I; output: infer O } ? UndeclaredHandler<I, O> : never;
};

/** The organization the caller belongs to (as admin or member), with the caller's membership. */
export async function requireMembership(store: Store, uin: number): Promise<{ org: Organization; membership: OrgMember }> {
  const membership = await store.members.find(uin);
  if (!membership) throw orgNotExist();
  const org = await store.organizations.find(membership.org_id);
  if (!org) throw orgNotExist();
  return { org, membership };
}

/** The organization the caller administers; a plain member or an outsider has none to manage. */
export async function requireAdminOrg(store: Store, uin: number): Promise<Organization> {
  const org = await store.organizations.findByHost(uin);
  if (!org) {
    throw new ApiError("ResourceNotFound.OrganizationNotExist", {
      en: "The caller does not administer an organization.",
      zh: "调用者不是任何组织的管理员。",
    });
  }
  return org;
}
