import type { Kysely } from "kysely";
import type { DB } from "./schema.js";

/** The member deletion switch of each organization: a row while member deletion is on. */
export class MemberDeletionRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** Whether the organization's admin turned member deletion on. */
  async isEnabled(orgId: number): Promise<boolean> {
    return (await this.db.selectFrom("org_member_deletion").select("org_id").where("org_id", "=", orgId).executeTakeFirst()) !== undefined;
  }

  /** Turn member deletion on (kept as it is when already on) or off. */
  async set(orgId: number, enabled: boolean, now: number): Promise<void> {
    if (!enabled) {
      await this.db.deleteFrom("org_member_deletion").where("org_id", "=", orgId).execute();
      return;
    }
    await this.db
      .insertInto("org_member_deletion")
      .values({ org_id: orgId, enabled_at: now })
      .onConflict((oc) => oc.column("org_id").doNothing())
      .execute();
  }
}
