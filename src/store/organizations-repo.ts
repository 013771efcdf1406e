import type { Insertable, Kysely, Selectable } from "kysely";
import type { DB } from "./schema.js";

export type Organization = Selectable<DB["organizations"]>;

/** Organizations: one per admin account. */
export class OrganizationsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  find(orgId: number): Promise<Organization | undefined> {
    return this.db.selectFrom("organizations").selectAll().where("org_id", "=", orgId).executeTakeFirst();
  }

  findByHost(hostUin: number): Promise<Organization | undefined> {
    return this.db.selectFrom("organizations").selectAll().where("host_uin", "=", hostUin).executeTakeFirst();
  }

  async insert(org: Insertable<DB["organizations"]>): Promise<void> {
    await this.db.insertInto("organizations").values(org).execute();
  }

  /**
   * Lock an organization's row until the transaction ends (a no-op write), so checks of its
   * member count and the insert that follows are not interleaved with another process's.
   */
  async lock(orgId: number): Promise<void> {
    await this.db.updateTable("organizations").set((eb) => ({ org_type: eb.ref("org_type") })).where("org_id", "=", orgId).execute();
  }

  async delete(orgId: number): Promise<void> {
    await this.db.deleteFrom("organizations").where("org_id", "=", orgId).execute();
  }
}
