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

  async insert(node: Insertable<DB["org_nodes"]>): Promise<void> {
    await this.db.insertInto("org_nodes").values(node).execute();
  }

  /** A node of any organization (to tell a missing node from another organization's). */
  findAnywhere(nodeId: number): Promise<OrgNode | undefined> {
    return this.db.selectFrom("org_nodes").selectAll().where("node_id", "=", nodeId).executeTakeFirst();
  }
}
