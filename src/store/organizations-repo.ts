import type { Insertable, Kysely, Selectable } from "kysely";
import type { DB } from "./schema.js";
import { lockOrganizationRow } from "./dialects/row-lock.js";
import type { Dialect } from "./store.js";
import { prepared } from "./prepared.js";

export type Organization = Selectable<DB["organizations"]>;

const FIND = prepared<{ orgId: number }>()((db, a) => db.selectFrom("organizations").selectAll().where("org_id", "=", a.orgId));
const FIND_BY_HOST = prepared<{ uin: number }>()((db, a) => db.selectFrom("organizations").selectAll().where("host_uin", "=", a.uin));

/** Organizations: one per admin account. */
export class OrganizationsRepo {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  find(orgId: number): Promise<Organization | undefined> {
    return FIND.first(this.db, { orgId });
  }

  findByHost(hostUin: number): Promise<Organization | undefined> {
    return FIND_BY_HOST.first(this.db, { uin: hostUin });
  }

  async insert(org: Insertable<DB["organizations"]>): Promise<void> {
    await this.db.insertInto("organizations").values(org).execute();
  }

  async delete(orgId: number): Promise<void> {
    await this.db.deleteFrom("organizations").where("org_id", "=", orgId).execute();
  }

  /** Lock the organization's row until the transaction ends (see lockOrganizationRow); false when it is gone. */
  lock(orgId: number): Promise<boolean> {
    return lockOrganizationRow(this.db, this.dialect, orgId);
  }
}
