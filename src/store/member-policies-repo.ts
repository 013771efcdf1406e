import type { Kysely, Selectable } from "kysely";
import { chunks } from "./chunks.js";
import { containsText } from "./like.js";
import type { DB, IdentityType } from "./schema.js";

export type MemberPolicy = Selectable<DB["org_member_policies"]>;

/** A member access policy with the identity it grants. */
export interface MemberPolicyRow extends MemberPolicy {
  role_name: string;
  alias_name: string;
  identity_type: IdentityType;
}

/** A sub-account bound to a policy, with the policy and identity it is bound through. */
export interface PolicyBindingRow extends MemberPolicyRow {
  sub_uin: number;
  sub_name: string;
  bound_at: number;
  bound_updated_at: number;
}

/** One row of the organization-wide listing: a policy with one bound sub-account, or none. */
export interface PolicyListingRow extends MemberPolicyRow {
  sub_uin: number | null;
  sub_name: string | null;
  bound_at: number | null;
}

/** A member covered by a policy. */
export interface PolicyMemberRow {
  policy_id: number;
  member_uin: number;
  name: string;
}

/** A sub-account that would hold the same identity on the same member through two policies. */
export interface BindingConflict {
  sub_uin: number;
  policy_id: number;
  member_uin: number;
}

/** Which rows the organization-wide listing shows; every condition given must hold. */
export interface PolicyListingFilter {
  orgId: number;
  memberUin?: number;
  subUin?: number;
  policyId?: number;
}

/** Member access policies, the members each covers and the sub-accounts bound to each. */
export class MemberPoliciesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private withIdentity() {
    return this.db
      .selectFrom("org_member_policies as p")
      .innerJoin("org_identities as i", "i.identity_id", "p.identity_id")
      .selectAll("p")
      .select(["i.role_name", "i.alias_name", "i.identity_type"]);
  }

  /** A policy of the organization. */
  find(orgId: number, policyId: number): Promise<MemberPolicyRow | undefined> {
    return this.withIdentity().where("p.org_id", "=", orgId).where("p.policy_id", "=", policyId).executeTakeFirst();
  }

  async nameTaken(orgId: number, name: string): Promise<boolean> {
    const r = await this.db.selectFrom("org_member_policies").select("policy_id").where("org_id", "=", orgId).where("name", "=", name).executeTakeFirst();
    return r !== undefined;
  }

  /** Store a policy covering these members (each already granted the identity). */
  async insert(p: MemberPolicy, memberUins: readonly number[]): Promise<void> {
    await this.db.insertInto("org_member_policies").values(p).execute();
    await this.insertMembers(p.policy_id, p.identity_id, memberUins);
  }

  /** Change a policy's identity, members and description. */
  async update(policyId: number, identityId: number, memberUins: readonly number[], description: string, now: number): Promise<void> {
    await this.db.deleteFrom("org_member_policy_members").where("policy_id", "=", policyId).execute();
    await this.db.updateTable("org_member_policies").set({ identity_id: identityId, description, updated_at: now }).where("policy_id", "=", policyId).execute();
    await this.insertMembers(policyId, identityId, memberUins);
  }

  private async insertMembers(policyId: number, identityId: number, memberUins: readonly number[]): Promise<void> {
    const rows = [...new Set(memberUins)].map((member_uin) => ({ policy_id: policyId, member_uin, identity_id: identityId }));
    for (const part of chunks(rows, 200)) await this.db.insertInto("org_member_policy_members").values(part).execute();
  }

  /** Delete a policy with its members and bindings. */
  async delete(policyId: number): Promise<void> {
    await this.db.deleteFrom("org_member_policies").where("policy_id", "=", policyId).execute();
  }

  /** The members each of these policies covers, by policy, in UIN order. */
  async membersOf(policyIds: readonly number[]): Promise<Map<number, PolicyMemberRow[]>> {
    const out = new Map<number, PolicyMemberRow[]>();
    for (const part of chunks([...new Set(policyIds)])) {
      const rows = await this.db
        .selectFrom("org_member_policy_members as pm")
        .innerJoin("org_members as m", "m.member_uin", "pm.member_uin")
        .select(["pm.policy_id", "pm.member_uin", "m.name"])
        .where("pm.policy_id", "in", part)
        .orderBy("pm.policy_id")
        .orderBy("pm.member_uin")
        .execute();
      for (const r of rows) {
        const list = out.get(r.policy_id) ?? [];
        list.push(r);
        out.set(r.policy_id, list);
      }
    }
    return out;
  }

  /** Whether any policy uses the member's grant of the identity. */
  async usesGrant(memberUin: number, identityId: number): Promise<boolean> {
    const r = await this.db
      .selectFrom("org_member_policy_members")
      .select("policy_id")
      .where("member_uin", "=", memberUin)
      .where("identity_id", "=", identityId)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** Whether the organization has any member access policy (with members or without). */
  async existIn(orgId: number): Promise<boolean> {
    return (await this.db.selectFrom("org_member_policies").select("policy_id").where("org_id", "=", orgId).executeTakeFirst()) !== undefined;
  }

  /** Whether any policy grants the identity. */
  async usesIdentity(identityId: number): Promise<boolean> {
    const r = await this.db.selectFrom("org_member_policies").select("policy_id").where("identity_id", "=", identityId).executeTakeFirst();
    return r !== undefined;
  }

  /** Bind sub-accounts to a policy; those already bound keep their binding. */
  async bind(policyId: number, subUins: readonly number[], now: number): Promise<void> {
    const rows = [...new Set(subUins)].map((sub_uin) => ({ policy_id: policyId, sub_uin, created_at: now, updated_at: now }));
    if (rows.length === 0) return;
    await this.db
      .insertInto("org_policy_sub_accounts")
      .values(rows)
      .onConflict((oc) => oc.columns(["policy_id", "sub_uin"]).doNothing())
      .execute();
  }

  /** Unbind sub-accounts from a policy; answers how many were bound. */
  async unbind(policyId: number, subUins: readonly number[]): Promise<number> {
    if (subUins.length === 0) return 0;
    const r = await this.db.deleteFrom("org_policy_sub_accounts").where("policy_id", "=", policyId).where("sub_uin", "in", [...new Set(subUins)]).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Which of these sub-accounts are bound to the policy. */
  async boundOf(policyId: number, subUins: readonly number[]): Promise<Set<number>> {
    if (subUins.length === 0) return new Set();
    const rows = await this.db.selectFrom("org_policy_sub_accounts").select("sub_uin").where("policy_id", "=", policyId).where("sub_uin", "in", [...new Set(subUins)]).execute();
    return new Set(rows.map((r) => r.sub_uin));
  }

  /** Every sub-account bound to the policy. */
  async boundTo(policyId: number): Promise<number[]> {
    const rows = await this.db.selectFrom("org_policy_sub_accounts").select("sub_uin").where("policy_id", "=", policyId).orderBy("sub_uin").execute();
    return rows.map((r) => r.sub_uin);
  }

  /**
   * Sub-accounts of `subUins` that already hold `identityId` on one of `memberUins` through a
   * policy other than `exceptPolicyId`.
   */
  async conflicts(subUins: readonly number[], identityId: number, memberUins: readonly number[], exceptPolicyId: number): Promise<BindingConflict[]> {
    if (subUins.length === 0 || memberUins.length === 0) return [];
    return this.db
      .selectFrom("org_member_policy_members as pm")
      .innerJoin("org_policy_sub_accounts as b", "b.policy_id", "pm.policy_id")
      .select(["b.sub_uin", "pm.policy_id", "pm.member_uin"])
      .where("pm.identity_id", "=", identityId)
      .where("pm.member_uin", "in", [...new Set(memberUins)])
      .where("pm.policy_id", "<>", exceptPolicyId)
      .where("b.sub_uin", "in", [...new Set(subUins)])
      .orderBy("b.sub_uin")
      .orderBy("pm.policy_id")
      .execute();
  }

  private ofMember(orgId: number, memberUin: number, search?: string) {
    let q = this.withIdentity()
      .innerJoin("org_member_policy_members as pm", "pm.policy_id", "p.policy_id")
      .where("p.org_id", "=", orgId)
      .where("pm.member_uin", "=", memberUin);
    if (search) q = q.where((eb) => eb.or([containsText("p.name", search), containsText("p.description", search)]));
    return q;
  }

  /** A page of the policies covering a member, by id; `search` matches name or description. */
  memberPage(orgId: number, memberUin: number, search: string | undefined, offset: number, limit: number): Promise<MemberPolicyRow[]> {
    return this.ofMember(orgId, memberUin, search).orderBy("p.policy_id").limit(limit).offset(offset).execute();
  }

  async memberCount(orgId: number, memberUin: number, search: string | undefined): Promise<number> {
    const r = await this.ofMember(orgId, memberUin, search)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  private bindings(policyId: number) {
    return this.withIdentity()
      .innerJoin("org_policy_sub_accounts as b", "b.policy_id", "p.policy_id")
      .innerJoin("sub_accounts as s", "s.sub_uin", "b.sub_uin")
      .where("p.policy_id", "=", policyId);
  }

  /** A page of the sub-accounts bound to a policy, by UIN. */
  bindingPage(policyId: number, offset: number, limit: number): Promise<PolicyBindingRow[]> {
    return this.bindings(policyId)
      .select(["b.sub_uin", "s.name as sub_name", "b.created_at as bound_at", "b.updated_at as bound_updated_at"])
      .orderBy("b.sub_uin")
      .limit(limit)
      .offset(offset)
      .execute();
  }

  async bindingCount(policyId: number): Promise<number> {
    const r = await this.bindings(policyId)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  private listing(f: PolicyListingFilter) {
    let q = this.withIdentity()
      .leftJoin("org_policy_sub_accounts as b", "b.policy_id", "p.policy_id")
      .leftJoin("sub_accounts as s", "s.sub_uin", "b.sub_uin")
      .where("p.org_id", "=", f.orgId);
    if (f.policyId !== undefined) q = q.where("p.policy_id", "=", f.policyId);
    if (f.subUin !== undefined) q = q.where("b.sub_uin", "=", f.subUin);
    if (f.memberUin !== undefined) {
      const memberUin = f.memberUin;
      q = q.where((eb) =>
        eb.exists(
          eb.selectFrom("org_member_policy_members as pm").select("pm.policy_id").whereRef("pm.policy_id", "=", "p.policy_id").where("pm.member_uin", "=", memberUin),
        ),
      );
    }
    return q;
  }

  /** A page of (policy, bound sub-account) rows, a policy with none bound appearing once. */
  listingPage(f: PolicyListingFilter, offset: number, limit: number): Promise<PolicyListingRow[]> {
    return this.listing(f)
      .select(["b.sub_uin", "s.name as sub_name", "b.created_at as bound_at"])
      .orderBy("p.policy_id")
      .orderBy("b.sub_uin")
      .limit(limit)
      .offset(offset)
      .execute();
  }

  async listingCount(f: PolicyListingFilter): Promise<number> {
    const r = await this.listing(f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
