import type { ExpressionBuilder, Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { DB, TaggedResource } from "./schema.js";
import { prepared, preparedList } from "./prepared.js";

export interface TagPair {
  TagKey: string;
  TagValue: string;
}

const CLEAR = prepared<{ type: TaggedResource; id: number }>()((db, a) => db.deleteFrom("resource_tags").where("resource_type", "=", a.type).where("resource_id", "=", a.id));
const TAGS_OF = preparedList<{ type: TaggedResource }, number>()((db, a, ids) =>
  db
    .selectFrom("resource_tags")
    .select(["resource_id", "tag_key", "tag_value"])
    .where("resource_type", "=", a.type)
    .where("resource_id", "in", ids)
    .orderBy("resource_id")
    .orderBy("tag_key"),
);

/** One tag of a department or member, with the resource it is on. */
export interface ResourceTagRow extends TagPair {
  type: TaggedResource;
  id: number;
}

/** Which tags of an organization's resources a listing reads; every condition given must hold. */
export interface OrgTagFilter {
  type?: TaggedResource;
  /** resources with these ids (of the given type, or of either) */
  ids?: readonly number[];
}

/** resource_tags rows on the organization's departments and members, as the filter narrows them. */
function ofOrganization(eb: ExpressionBuilder<DB, "resource_tags">, orgId: number, f: OrgTagFilter) {
  const nodes = eb.and([eb("resource_type", "=", "node"), eb("resource_id", "in", eb.selectFrom("org_nodes").select("node_id").where("org_id", "=", orgId))]);
  const members = eb.and([eb("resource_type", "=", "member"), eb("resource_id", "in", eb.selectFrom("org_members").select("member_uin").where("org_id", "=", orgId))]);
  const owned = f.type === "node" ? nodes : f.type === "member" ? members : eb.or([nodes, members]);
  return f.ids ? eb.and([owned, eb("resource_id", "in", [...f.ids])]) : owned;
}

/** Tags of members and departments. */
export class TagsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** Replace the tags of a resource. */
  async set(type: TaggedResource, id: number, tags: readonly TagPair[]): Promise<void> {
    await CLEAR.run(this.db, { type, id });
    if (tags.length === 0) return;
    await this.db
      .insertInto("resource_tags")
      .values(tags.map((t) => ({ resource_type: type, resource_id: id, tag_key: t.TagKey, tag_value: t.TagValue })))
      .execute();
  }

  /** Remove the tags of many resources. */
  async deleteFor(type: TaggedResource, ids: readonly number[]): Promise<void> {
    for (const part of chunks([...new Set(ids)])) {
      await this.db.deleteFrom("resource_tags").where("resource_type", "=", type).where("resource_id", "in", part).execute();
    }
  }

  /** Tags of many resources at once, by resource id (one query, not one per resource). */
  async forMany(type: TaggedResource, ids: readonly number[]): Promise<Map<number, TagPair[]>> {
    const out = new Map<number, TagPair[]>();
    if (ids.length === 0) return out;
    const rows = await TAGS_OF.rows(this.db, { type }, ids);
    for (const r of rows) {
      const list = out.get(r.resource_id) ?? [];
      list.push({ TagKey: r.tag_key, TagValue: r.tag_value });
      out.set(r.resource_id, list);
    }
    return out;
  }

  /**
   * Tags on an organization's departments and members, by type, resource id and key; a page of
   * them when `page` is given, and how many match in all. `ids`, when given, holds at most a few
   * hundred ids (one statement).
   */
  async ofOrganization(orgId: number, f: OrgTagFilter = {}, page?: { offset: number; limit: number }): Promise<{ rows: ResourceTagRow[]; total: number }> {
    if (f.ids?.length === 0) return { rows: [], total: 0 };
    let q = this.db
      .selectFrom("resource_tags")
      .select(["resource_type", "resource_id", "tag_key", "tag_value"])
      .where((eb) => ofOrganization(eb, orgId, f))
      .orderBy("resource_type")
      .orderBy("resource_id")
      .orderBy("tag_key");
    if (page) q = q.offset(page.offset).limit(page.limit);
    const rows = (await q.execute()).map((r) => ({ type: r.resource_type, id: r.resource_id, TagKey: r.tag_key, TagValue: r.tag_value }));
    if (!page) return { rows, total: rows.length };
    const count = await this.db
      .selectFrom("resource_tags")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where((eb) => ofOrganization(eb, orgId, f))
      .executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  }

  /** Drop every tag of the given resources. */
  async deleteAll(type: TaggedResource, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom("resource_tags").where("resource_type", "=", type).where("resource_id", "in", ids).execute();
  }
}
