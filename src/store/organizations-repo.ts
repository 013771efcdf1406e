import type { Insertable, Kysely, Selectable } from "kysely";
import type { DB } from "./schema.js";
import type { Dialect } from "./store.js";

export type Organization = Selectable<DB["organizations"]>;

/** Organizations: one per admin account. */
export class OrganizationsRepo {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  find(orgId: number): Promise<Organization | undefined> {
    return this.db.selectFrom("organizations").selectAll().where("org_id", "=", orgId).executeTakeFirst();
  }

  findByHost(hostUin: number): Promise<Organization | undefined> {
    return this.db.selectFrom("organizations").selectAll().where("host_uin", "=", hostUin).executeTakeFirst();
  }

  async insert(org: Insertable<DB["organizations"]>): Promise<void> {
    await this.db.insertInto("organizations").values(org).execute();
  }

  async delete(orgId: number): Promise<void> {
    await this.db.deleteFrom("organizations").where("org_id", "=", orgId).execute();
  }

  /**
   * Lock an organization's row until the transaction ends, so writers that change its tree or
   * membership take turns; answers false when the organization no longer exists. On PostgreSQL the
   * lock is FOR UPDATE, which also holds off inserts that reference the organization; SQLite takes
   * its database write lock with a no-op update.
   */
  async lock(orgId: number): Promise<boolean> {
    if (this.dialect === "postgres") {
      const row = await this.db.selectFrom("organizations").select("org_id").where("org_id", "=", orgId).forUpdate().executeTakeFirst();
      return row !== undefined;
    }
    const r = await this.db
      .updateTable("organizations")
      .set((eb) => ({ created_at: eb.ref("created_at") }))
      .where("org_id", "=", orgId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
