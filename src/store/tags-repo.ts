import type { Kysely } from "kysely";
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

  /** Drop every tag of the given resources. */
  async deleteAll(type: TaggedResource, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom("resource_tags").where("resource_type", "=", type).where("resource_id", "in", ids).execute();
  }
}
