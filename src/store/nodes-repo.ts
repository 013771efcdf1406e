import type { Insertable, Kysely, Selectable, Updateable } from "kysely";
import type { DB } from "./schema.js";
import type { TagPair } from "./tags-repo.js";
import { prepared } from "./prepared.js";

export type OrgNode = Selectable<DB["org_nodes"]>;

const FIND = prepared<{ orgId: number; nodeId: number }>()((db, a) =>
  db.selectFrom("org_nodes").selectAll().where("node_id", "=", a.nodeId).where("org_id", "=", a.orgId),
);

const BY_NAME = prepared<{ orgId: number; name: string }>()((db, a) =>
  db.selectFrom("org_nodes").selectAll().where("org_id", "=", a.orgId).where("name", "=", a.name),
);

const PAGE = prepared<{ orgId: number; offset: number; limit: number }>()((db, a) =>
  db.selectFrom("org_nodes").selectAll("org_nodes").where("org_nodes.org_id", "=", a.orgId).orderBy("org_nodes.node_id").offset(a.offset).limit(a.limit),
);
const COUNT = prepared<{ orgId: number }>()((db, a) =>
  db.selectFrom("org_nodes").select((eb) => eb.fn.countAll<number>().as("n")).where("org_nodes.org_id", "=", a.orgId),
);

/** Departments (nodes) of organizations, a tree under each organization's root node. */
export class NodesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** A node of the given organization. */
  find(orgId: number, nodeId: number): Promise<OrgNode | undefined> {
    return FIND.first(this.db, { orgId, nodeId });
  }

  /** Ids of an organization's departments with this name (at most one: names are unique in an organization). */
  async idsByName(orgId: number, name: string): Promise<number[]> {
    const rows = await this.db.selectFrom("org_nodes").select("node_id").where("org_id", "=", orgId).where("name", "=", name).execute();
    return rows.map((r) => r.node_id);
  }

  /** The department of an organization that goes by this name, if any. */
  findByName(orgId: number, name: string): Promise<OrgNode | undefined> {
    return BY_NAME.first(this.db, { orgId, name });
  }

  async insert(node: Insertable<DB["org_nodes"]>): Promise<void> {
    await this.db.insertInto("org_nodes").values(node).execute();
  }

  /** Every node of an organization, by id (the root first). */
  listByOrg(orgId: number): Promise<OrgNode[]> {
    return this.db.selectFrom("org_nodes").selectAll().where("org_id", "=", orgId).orderBy("node_id").execute();
  }

  /** How many nodes an organization has, its root included. */
  async count(orgId: number): Promise<number> {
    const r = await this.db.selectFrom("org_nodes").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", orgId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** A page of an organization's nodes carrying every one of `tags` (key and value), by id, and how many match in all. */
  async page(orgId: number, tags: readonly TagPair[], offset: number, limit: number): Promise<{ rows: OrgNode[]; total: number }> {
    if (tags.length === 0) {
      const [rows, total] = await Promise.all([PAGE.rows(this.db, { orgId, offset, limit }), COUNT.first(this.db, { orgId })]);
      return { rows, total: Number(total?.n ?? 0) };
    }
    let q = this.db.selectFrom("org_nodes").where("org_nodes.org_id", "=", orgId);
    for (const t of tags) {
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("resource_tags")
            .select("resource_tags.resource_id")
            .whereRef("resource_tags.resource_id", "=", "org_nodes.node_id")
            .where("resource_tags.resource_type", "=", "node")
            .where("resource_tags.tag_key", "=", t.TagKey)
            .where("resource_tags.tag_value", "=", t.TagValue),
        ),
      );
    }
    const [rows, total] = await Promise.all([
      q.selectAll("org_nodes").orderBy("org_nodes.node_id").offset(offset).limit(limit).execute(),
      q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  async update(nodeId: number, patch: Updateable<DB["org_nodes"]>): Promise<void> {
    await this.db.updateTable("org_nodes").set(patch).where("node_id", "=", nodeId).execute();
  }

  /** Move a set of nodes `delta` levels deeper (negative: shallower). */
  async shiftDepth(nodeIds: readonly number[], delta: number): Promise<void> {
    if (nodeIds.length === 0 || delta === 0) return;
    await this.db
      .updateTable("org_nodes")
      .set((eb) => ({ depth: eb("depth", "+", delta) }))
      .where("node_id", "in", nodeIds)
      .execute();
  }

  /** Delete nodes of an organization, in one statement (a parent may go with its children). */
  async deleteMany(orgId: number, nodeIds: readonly number[]): Promise<void> {
    if (nodeIds.length === 0) return;
    await this.db.deleteFrom("org_nodes").where("org_id", "=", orgId).where("node_id", "in", nodeIds).execute();
  }

  /** A node of any organization (to tell a missing node from another organization's). */
  findAnywhere(nodeId: number): Promise<OrgNode | undefined> {
    return this.db.selectFrom("org_nodes").selectAll().where("node_id", "=", nodeId).executeTakeFirst();
  }
}
