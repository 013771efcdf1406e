import type { Insertable, Kysely, Selectable } from "kysely";
import type { DB } from "./schema.js";

export type OrgNode = Selectable<DB["org_nodes"]>;

/** Departments (nodes) of organizations, a tree under each organization's root node. */
export class NodesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** A node of the given organization. */
  find(orgId: number, nodeId: number): Promise<OrgNode | undefined> {
    return this.db.selectFrom("org_nodes").selectAll().where("node_id", "=", nodeId).where("org_id", "=", orgId).executeTakeFirst();
  }

  /** Ids of an organization's departments with this name (names are unique among siblings only). */
  async idsByName(orgId: number, name: string): Promise<number[]> {
    const rows = await this.db.selectFrom("org_nodes").select("node_id").where("org_id", "=", orgId).where("name", "=", name).execute();
    return rows.map((r) => r.node_id);
  }

  async insert(node: Insertable<DB["org_nodes"]>): Promise<void> {
    await this.db.insertInto("org_nodes").values(node).execute();
  }
}
