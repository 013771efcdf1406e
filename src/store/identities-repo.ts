import type { Insertable, Kysely, Selectable } from "kysely";
import { chunks } from "./chunks.js";
import { containsText } from "./like.js";
import type { DB, IdentityType } from "./schema.js";
import { preparedList } from "./prepared.js";

export type OrgIdentityRow = Selectable<DB["org_identities"]>;
export type IdentityPolicyRow = Selectable<DB["org_identity_policies"]>;

/** A member's identity with what a member listing shows of it. */
export interface MemberIdentityRow {
  member_uin: number;
  identity_id: number;
  alias_name: string;
  identity_type: IdentityType;
}

/** Which identities a listing shows; every condition given must hold. */
export interface IdentityFilter {
  /** alias name containing this text (or, with searchIds, one of those identities) */
  search?: string;
  /** identities that match `search` by a name not stored (built-in names in the caller's language) */
  searchIds?: readonly number[];
  identityId?: number;
  identityType?: IdentityType;
}

/** A member's grant of an identity, with what DescribeOrganizationMemberAuthIdentities shows of it. */
export interface IdentityGrantRow {
  member_uin: number;
  member_name: string;
  identity_id: number;
  role_name: string;
  alias_name: string;
  description: string;
  identity_type: IdentityType;
  identity_updated_at: number;
  created_at: number;
  configured_at: number | null;
}

/** Which grants a listing shows: of one member, of one identity, or both. */
export interface GrantFilter {
  orgId: number;
  memberUin?: number;
  identityId?: number;
}
const IDENTITIES_OF = preparedList<Record<string, never>, number>()((db, _a, uins) =>
  db
    .selectFrom("org_member_identities as mi")
    .innerJoin("org_identities as i", "i.identity_id", "mi.identity_id")
    .select(["mi.member_uin", "mi.identity_id", "i.alias_name", "i.identity_type"])
    .where("mi.member_uin", "in", uins)
    .orderBy("mi.member_uin")
    .orderBy("mi.identity_id"),
);

const USABLE = preparedList<{ orgId: number }, number>()((db, a, ids) =>
  db
    .selectFrom("org_identities")
    .select("identity_id")
    .where((eb) => eb.or([eb("org_id", "is", null), eb("org_id", "=", a.orgId)]))
    .where("identity_id", "in", ids),
);
const ASSIGN = preparedList<{ uin: number; now: number }, number>()((db, a, ids) =>
  db
    .insertInto("org_member_identities")
    .values(ids.map((identity_id) => ({ member_uin: a.uin, identity_id, created_at: a.now })))
    .onConflict((oc) => oc.columns(["member_uin", "identity_id"]).doNothing()),
);

/** Member access identities: built-in ones (org_id null) and each organization's own. */
export class IdentitiesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private visible(orgId: number, f: IdentityFilter = {}) {
    let q = this.db.selectFrom("org_identities").where((eb) => eb.or([eb("org_id", "is", null), eb("org_id", "=", orgId)]));
    if (f.identityId !== undefined) q = q.where("identity_id", "=", f.identityId);
    if (f.identityType !== undefined) q = q.where("identity_type", "=", f.identityType);
    if (f.search) {
      const match = containsText("alias_name", f.search);
      const also = f.searchIds ?? [];
      q = q.where((eb) => (also.length > 0 ? eb.or([match, eb("identity_id", "in", also)]) : match));
    }
    return q;
  }

  /** Which of these identity ids an organization may use (built-in or its own). */
  async usable(orgId: number, ids: readonly number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await USABLE.rows(this.db, { orgId }, [...new Set(ids)]);
    return new Set(rows.map((r) => r.identity_id));
  }

  /** A page of the identities an organization may use, by id. */
  list(orgId: number, f: IdentityFilter, offset: number, limit: number): Promise<OrgIdentityRow[]> {
    return this.visible(orgId, f).selectAll().orderBy("identity_id").limit(limit).offset(offset).execute();
  }

  async count(orgId: number, f: IdentityFilter): Promise<number> {
    const r = await this.visible(orgId, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The policies of many identities at once, in their order. */
  async policiesOf(identityIds: readonly number[]): Promise<Map<number, IdentityPolicyRow[]>> {
    const out = new Map<number, IdentityPolicyRow[]>();
    if (identityIds.length === 0) return out;
    const rows = await this.db
      .selectFrom("org_identity_policies")
      .selectAll()
      .where("identity_id", "in", [...new Set(identityIds)])
      .orderBy("identity_id")
      .orderBy("position")
      .execute();
    for (const r of rows) {
      const list = out.get(r.identity_id) ?? [];
      list.push(r);
      out.set(r.identity_id, list);
    }
    return out;
  }

  /** An identity the organization may use (built-in or its own). */
  find(orgId: number, identityId: number): Promise<OrgIdentityRow | undefined> {
    return this.visible(orgId, { identityId }).selectAll().executeTakeFirst();
  }

  /** Whether the organization has a custom identity of this name (other than `exceptId`). */
  async aliasTaken(orgId: number, alias: string, exceptId?: number): Promise<boolean> {
    let q = this.db.selectFrom("org_identities").select("identity_id").where("org_id", "=", orgId).where("alias_name", "=", alias);
    if (exceptId !== undefined) q = q.where("identity_id", "<>", exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  /** How many custom identities the organization has defined. */
  async countCustom(orgId: number): Promise<number> {
    const r = await this.db.selectFrom("org_identities").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", orgId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Store a new identity with its policies, in the order given. */
  async insert(identity: OrgIdentityRow, policies: ReadonlyArray<Omit<Insertable<DB["org_identity_policies"]>, "identity_id" | "position">>): Promise<void> {
    await this.db.insertInto("org_identities").values(identity).execute();
    await this.insertPolicies(identity.identity_id, policies);
  }

  /** Replace an identity's description and policies. */
  async update(identityId: number, description: string, policies: ReadonlyArray<Omit<Insertable<DB["org_identity_policies"]>, "identity_id" | "position">>, now: number): Promise<void> {
    await this.db.updateTable("org_identities").set({ description, updated_at: now }).where("identity_id", "=", identityId).execute();
    await this.db.deleteFrom("org_identity_policies").where("identity_id", "=", identityId).execute();
    await this.insertPolicies(identityId, policies);
  }

  private async insertPolicies(identityId: number, policies: ReadonlyArray<Omit<Insertable<DB["org_identity_policies"]>, "identity_id" | "position">>): Promise<void> {
    const rows = policies.map((p, position) => ({ ...p, identity_id: identityId, position }));
    for (const part of chunks(rows, 100)) await this.db.insertInto("org_identity_policies").values(part).execute();
  }

  /** Delete a custom identity (its policies go with it). */
  async delete(identityId: number): Promise<void> {
    await this.db.deleteFrom("org_identities").where("identity_id", "=", identityId).where("org_id", "is not", null).execute();
  }

  /** How many member accounts support the identity. */
  async countGrants(identityId: number): Promise<number> {
    const r = await this.db.selectFrom("org_member_identities").select((eb) => eb.fn.countAll<number>().as("n")).where("identity_id", "=", identityId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Which of these members support the identity. */
  async membersSupporting(identityId: number, uins: readonly number[]): Promise<Set<number>> {
    const out = new Set<number>();
    for (const part of chunks([...new Set(uins)])) {
      const rows = await this.db.selectFrom("org_member_identities").select("member_uin").where("identity_id", "=", identityId).where("member_uin", "in", part).execute();
      for (const r of rows) out.add(r.member_uin);
    }
    return out;
  }

  /**
   * Grant identities to members: a new grant is configured now; an existing one is configured
   * again (its role set up anew with the identity's current policies).
   */
  async grant(uins: readonly number[], identityIds: readonly number[], now: number): Promise<void> {
    const rows = [...new Set(uins)].flatMap((member_uin) => [...new Set(identityIds)].map((identity_id) => ({ member_uin, identity_id, created_at: now, configured_at: now })));
    for (const part of chunks(rows, 200)) {
      await this.db
        .insertInto("org_member_identities")
        .values(part)
        .onConflict((oc) => oc.columns(["member_uin", "identity_id"]).doUpdateSet({ configured_at: now }))
        .execute();
    }
  }

  /** Withdraw one identity from one member; answers whether the member had it. */
  async revoke(uin: number, identityId: number): Promise<boolean> {
    const r = await this.db.deleteFrom("org_member_identities").where("member_uin", "=", uin).where("identity_id", "=", identityId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  private grants(f: GrantFilter) {
    let q = this.db
      .selectFrom("org_member_identities as g")
      .innerJoin("org_members as m", "m.member_uin", "g.member_uin")
      .innerJoin("org_identities as i", "i.identity_id", "g.identity_id")
      .where("m.org_id", "=", f.orgId);
    if (f.memberUin !== undefined) q = q.where("g.member_uin", "=", f.memberUin);
    if (f.identityId !== undefined) q = q.where("g.identity_id", "=", f.identityId);
    return q;
  }

  /** A page of grants of the organization's members, by member and identity. */
  grantPage(f: GrantFilter, offset: number, limit: number): Promise<IdentityGrantRow[]> {
    return this.grants(f)
      .select([
        "g.member_uin", "m.name as member_name", "g.identity_id", "i.role_name", "i.alias_name", "i.description", "i.identity_type",
        "i.updated_at as identity_updated_at", "g.created_at", "g.configured_at",
      ])
      .orderBy("g.member_uin")
      .orderBy("g.identity_id")
      .limit(limit)
      .offset(offset)
      .execute();
  }

  async countGrantsWhere(f: GrantFilter): Promise<number> {
    const r = await this.grants(f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Let a member support these identities (ids already checked). */
  async assign(memberUin: number, identityIds: readonly number[], now: number): Promise<void> {
    const ids = [...new Set(identityIds)];
    if (ids.length === 0) return;
    await ASSIGN.rows(this.db, { uin: memberUin, now }, ids);
  }

  /** Bulk form of assign, for loading many members at once. */
  async assignMany(rows: ReadonlyArray<{ member_uin: number; identity_id: number; created_at: number }>): Promise<void> {
    for (const part of chunks(rows)) await this.db.insertInto("org_member_identities").values(part).execute();
  }

  /** The identities of many members at once (one query), by member UIN. */
  async ofMembers(uins: readonly number[]): Promise<Map<number, MemberIdentityRow[]>> {
    const out = new Map<number, MemberIdentityRow[]>();
    if (uins.length === 0) return out;
    const rows = await IDENTITIES_OF.rows(this.db, {}, [...new Set(uins)]);
    for (const r of rows) {
      const list = out.get(r.member_uin) ?? [];
      list.push(r);
      out.set(r.member_uin, list);
    }
    return out;
  }
}
