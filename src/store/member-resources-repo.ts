import type { Kysely, Selectable } from "kysely";
import type { DB } from "./schema.js";
import type { TagPair } from "./tags-repo.js";

export type MemberResource = Selectable<DB["member_resources"]>;

/** A resource with its tags (sorted by key). */
export type TaggedResource = MemberResource & { tags: TagPair[] };

/** What identifies a resource of an account. */
export interface ResourceKey {
  uin: number;
  serviceType: string;
  resourceType: string;
  region: string;
  resourceId: string;
}

/**
 * The tagged cloud resources of accounts, as the operator registers them: what tag policies are
 * checked against (this server runs no other cloud products).
 */
export class MemberResourcesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  find(k: ResourceKey): Promise<MemberResource | undefined> {
    return this.db
      .selectFrom("member_resources")
      .selectAll()
      .where("uin", "=", k.uin)
      .where("service_type", "=", k.serviceType)
      .where("resource_type", "=", k.resourceType)
      .where("region", "=", k.region)
      .where("resource_key", "=", k.resourceId)
      .executeTakeFirst();
  }

  /** A resource with its tags. */
  async findTagged(k: ResourceKey): Promise<TaggedResource | undefined> {
    const r = await this.find(k);
    return r ? (await this.withTags([r]))[0] : undefined;
  }

  async insert(resourceId: number, k: ResourceKey, now: number): Promise<void> {
    await this.db
      .insertInto("member_resources")
      .values({
        resource_id: resourceId,
        uin: k.uin,
        service_type: k.serviceType,
        resource_type: k.resourceType,
        region: k.region,
        resource_key: k.resourceId,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  /** Replace the tags of a resource. */
  async setTags(resourceId: number, tags: readonly TagPair[], now: number): Promise<void> {
    await this.db.deleteFrom("member_resource_tags").where("resource_id", "=", resourceId).execute();
    if (tags.length > 0) {
      await this.db
        .insertInto("member_resource_tags")
        .values(tags.map((t) => ({ resource_id: resourceId, tag_key: t.TagKey, tag_value: t.TagValue })))
        .execute();
    }
    await this.db.updateTable("member_resources").set({ updated_at: now }).where("resource_id", "=", resourceId).execute();
  }

  /** Forget a resource (its tags go with it); answers whether it was registered. */
  async delete(k: ResourceKey): Promise<boolean> {
    const found = await this.find(k);
    if (!found) return false;
    await this.db.deleteFrom("member_resources").where("resource_id", "=", found.resource_id).execute();
    return true;
  }

  /** A page of an account's resources by registration order, with their tags, and how many it has. */
  async page(uin: number, offset: number, limit: number): Promise<{ rows: TaggedResource[]; total: number }> {
    const q = this.db.selectFrom("member_resources").where("uin", "=", uin);
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy("resource_id").offset(offset).limit(limit).execute(),
      q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { rows: await this.withTags(rows), total: Number(total.n) };
  }

  /** Every resource of an account by registration order, without its tags. */
  untagged(uin: number): Promise<MemberResource[]> {
    return this.db.selectFrom("member_resources").selectAll().where("uin", "=", uin).orderBy("resource_id").execute();
  }

  /** Every resource of an account by registration order, with its tags. */
  async all(uin: number): Promise<TaggedResource[]> {
    const rows = await this.db.selectFrom("member_resources").selectAll().where("uin", "=", uin).orderBy("resource_id").execute();
    return this.withTags(rows);
  }

  private async withTags(rows: MemberResource[]): Promise<TaggedResource[]> {
    if (rows.length === 0) return [];
    const tags = await this.db
      .selectFrom("member_resource_tags")
      .selectAll()
      .where(
        "resource_id",
        "in",
        rows.map((r) => r.resource_id),
      )
      .orderBy("resource_id")
      .orderBy("tag_key")
      .execute();
    const byResource = new Map<number, TagPair[]>();
    for (const t of tags) {
      const list = byResource.get(t.resource_id) ?? [];
      list.push({ TagKey: t.tag_key, TagValue: t.tag_value });
      byResource.set(t.resource_id, list);
    }
    return rows.map((r) => ({ ...r, tags: byResource.get(r.resource_id) ?? [] }));
  }

  /** Forget every registered resource. */
  async deleteAll(): Promise<void> {
    await this.db.deleteFrom("member_resource_tags").execute();
    await this.db.deleteFrom("member_resources").execute();
  }
}

/** Accounts that turned on tag policies of their own (the Tag service's single-account mode). */
export class StandaloneTagPoliciesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async set(uin: number, enabled: boolean, now: number): Promise<void> {
    if (!enabled) {
      await this.db.deleteFrom("standalone_tag_policies").where("uin", "=", uin).execute();
      return;
    }
    await this.db
      .insertInto("standalone_tag_policies")
      .values({ uin, enabled_at: now })
      .onConflict((oc) => oc.column("uin").doNothing())
      .execute();
  }

  async isEnabled(uin: number): Promise<boolean> {
    return (await this.db.selectFrom("standalone_tag_policies").select("uin").where("uin", "=", uin).executeTakeFirst()) !== undefined;
  }

  /** The members of an organization (its admin aside) that turned on tag policies of their own. */
  async membersOf(orgId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom("standalone_tag_policies as s")
      .innerJoin("org_members as m", "m.member_uin", "s.uin")
      .select("s.uin")
      .where("m.org_id", "=", orgId)
      .where("m.is_admin", "=", 0)
      .orderBy("s.uin")
      .execute();
    return rows.map((r) => r.uin);
  }

  async deleteAll(): Promise<void> {
    await this.db.deleteFrom("standalone_tag_policies").execute();
  }
}
