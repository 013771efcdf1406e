import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from "kysely";
import { prepared } from "./prepared.js";
import type { DB, PolicyType } from "./schema.js";

const TYPE_ENABLED = prepared<{ orgId: number; type: PolicyType }>()((db, a) =>
  db.selectFrom("org_policy_types").select("org_id").where("org_id", "=", a.orgId).where("policy_type", "=", a.type),
);

export type OrgPolicy = Selectable<DB["org_policies"]>;

/** A policy as a list shows it: with how many targets of the organization it is attached to. */
export type PolicyListing = OrgPolicy & { attached_times: number };

/** Which policies a list covers: all, the presets only (QCS) or the organization's own (Local). */
export type PolicyScope = "All" | "QCS" | "Local";

/** `%text%` for LIKE, with the pattern characters of `text` escaped by a backslash. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Organization management policies: each organization's own (custom) policies and the presets
 * every organization sees (org_id null).
 */
export class PoliciesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** A policy an organization can see: its own, or a preset. */
  find(orgId: number, policyId: number): Promise<OrgPolicy | undefined> {
    return this.db
      .selectFrom("org_policies")
      .selectAll()
      .where("policy_id", "=", policyId)
      .where((eb) => eb.or([eb("org_id", "=", orgId), eb("is_preset", "=", 1)]))
      .executeTakeFirst();
  }

  /** The preset of a type with a given name. */
  findPreset(type: PolicyType, name: string): Promise<OrgPolicy | undefined> {
    return this.db.selectFrom("org_policies").selectAll().where("is_preset", "=", 1).where("policy_type", "=", type).where("name", "=", name).executeTakeFirst();
  }

  /** Presets of a type, by id. */
  presets(type: PolicyType): Promise<OrgPolicy[]> {
    return this.db.selectFrom("org_policies").selectAll().where("is_preset", "=", 1).where("policy_type", "=", type).orderBy("policy_id").execute();
  }

  async insert(p: Insertable<DB["org_policies"]>): Promise<void> {
    await this.db.insertInto("org_policies").values(p).execute();
  }

  async update(policyId: number, patch: Updateable<DB["org_policies"]>): Promise<void> {
    await this.db.updateTable("org_policies").set(patch).where("policy_id", "=", policyId).execute();
  }

  /** Delete a custom policy; answers whether it existed. */
  async delete(orgId: number, policyId: number): Promise<boolean> {
    const r = await this.db.deleteFrom("org_policies").where("policy_id", "=", policyId).where("org_id", "=", orgId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** How many custom policies of a type an organization has. */
  async countCustom(orgId: number, type: PolicyType): Promise<number> {
    const r = await this.db
      .selectFrom("org_policies")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("org_id", "=", orgId)
      .where("policy_type", "=", type)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * A page of the policies of a type an organization sees (presets and/or its own, by id), those
   * whose name contains `keyword` (case-insensitive) when given, and how many match in all.
   */
  async page(orgId: number, type: PolicyType, scope: PolicyScope, keyword: string, offset: number, limit: number): Promise<{ rows: PolicyListing[]; total: number }> {
    let q = this.db.selectFrom("org_policies as p").where("p.policy_type", "=", type);
    if (scope === "QCS") q = q.where("p.is_preset", "=", 1);
    else if (scope === "Local") q = q.where("p.org_id", "=", orgId);
    else q = q.where((eb) => eb.or([eb("p.org_id", "=", orgId), eb("p.is_preset", "=", 1)]));
    if (keyword !== "") q = q.where(sql<boolean>`lower(p.name) like ${containsPattern(keyword)} escape '\\'`);
    const [rows, total] = await Promise.all([
      q
        .selectAll("p")
        .select((eb) =>
          eb
            .selectFrom("policy_attachments as a")
            .select((eb2) => eb2.fn.countAll<number>().as("n"))
            .whereRef("a.policy_id", "=", "p.policy_id")
            .where("a.org_id", "=", orgId)
            .as("attached_times"),
        )
        .orderBy("p.policy_id")
        .offset(offset)
        .limit(limit)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map((r) => ({ ...r, attached_times: Number(r.attached_times ?? 0) })), total: Number(total.n) };
  }

  /** Delete every organization's own policies (presets stay). */
  async deleteAllCustom(): Promise<void> {
    await this.db.deleteFrom("org_policies").where("is_preset", "=", 0).execute();
  }
}

/** The policy types each organization enabled (a row per enabled type). */
export class PolicyTypesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async isEnabled(orgId: number, type: PolicyType): Promise<boolean> {
    const row = await TYPE_ENABLED.first(this.db, { orgId, type });
    return row !== undefined;
  }

  /** The types the organization has enabled, in name order. */
  async enabledIn(orgId: number): Promise<PolicyType[]> {
    const rows = await this.db.selectFrom("org_policy_types").select("policy_type").where("org_id", "=", orgId).orderBy("policy_type").execute();
    return rows.map((r) => r.policy_type);
  }

  /** Record a type as enabled; a second enabling of the same type violates the primary key. */
  async enable(orgId: number, type: PolicyType, now: number): Promise<void> {
    await this.db.insertInto("org_policy_types").values({ org_id: orgId, policy_type: type, enabled_at: now }).execute();
  }

  /** Record a type as disabled; answers whether it was enabled. */
  async disable(orgId: number, type: PolicyType): Promise<boolean> {
    const r = await this.db.deleteFrom("org_policy_types").where("org_id", "=", orgId).where("policy_type", "=", type).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
