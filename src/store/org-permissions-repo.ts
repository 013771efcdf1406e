import type { Kysely } from "kysely";
import { prepared } from "./prepared.js";
import type { DB } from "./schema.js";

const ENABLED = prepared<{ orgId: number }>()((db, a) => db.selectFrom("org_enabled_permissions").select("permission_id").where("org_id", "=", a.orgId));

/** Financial permissions enabled for an organization (those that need enabling before a member may grant them). */
export class OrgPermissionsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** The permissions enabled for the organization. */
  async enabled(orgId: number): Promise<Set<number>> {
    return new Set((await ENABLED.rows(this.db, { orgId })).map((r) => r.permission_id));
  }

  /** Enable a permission for the organization (enabling it twice keeps the first time). */
  async enable(orgId: number, permissionId: number, now: number): Promise<void> {
    await this.db
      .insertInto("org_enabled_permissions")
      .values({ org_id: orgId, permission_id: permissionId, enabled_at: now })
      .onConflict((oc) => oc.columns(["org_id", "permission_id"]).doNothing())
      .execute();
  }

  /** Disable it again; members who were granted it keep it. */
  async disable(orgId: number, permissionId: number): Promise<void> {
    await this.db.deleteFrom("org_enabled_permissions").where("org_id", "=", orgId).where("permission_id", "=", permissionId).execute();
  }
}
