import type { Kysely, Selectable } from "kysely";
import { chunks } from "./chunks.js";
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
  /** alias name containing this text */
  search?: string;
  identityId?: number;
  identityType?: IdentityType;
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

/** Member access identities: built-in ones (org_id null) and each organization's own. */
export class IdentitiesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private visible(orgId: number, f: IdentityFilter = {}) {
    let q = this.db.selectFrom("org_identities").where((eb) => eb.or([eb("org_id", "is", null), eb("org_id", "=", orgId)]));
    if (f.identityId !== undefined) q = q.where("identity_id", "=", f.identityId);
    if (f.identityType !== undefined) q = q.where("identity_type", "=", f.identityType);
    if (f.search) {
      const pattern = `%${f.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb(eb.fn("lower", ["alias_name"]), "like", pattern));
    }
    return q;
  }

  /** Which of these identity ids an organization may use (built-in or its own). */
  async usable(orgId: number, ids: readonly number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.visible(orgId).select("identity_id").where("identity_id", "in", [...new Set(ids)]).execute();
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

  /** Let a member support these identities (ids already checked). */
  async assign(memberUin: number, identityIds: readonly number[], now: number): Promise<void> {
    const ids = [...new Set(identityIds)];
    if (ids.length === 0) return;
    await this.db
      .insertInto("org_member_identities")
      .values(ids.map((identity_id) => ({ member_uin: memberUin, identity_id, created_at: now })))
      .onConflict((oc) => oc.columns(["member_uin", "identity_id"]).doNothing())
      .execute();
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
