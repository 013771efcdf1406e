import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialects/detect.js";
import { createMemberCountTriggers } from "../dialects/member-count-triggers.js";

/**
 * Each organization's member counts, kept on its row by triggers (see createMemberCountTriggers),
 * so the member limits and the Total of a member listing cost one row read instead of counting an
 * index range that grows with the organization; and a revision of its membership, raised by the
 * same triggers, which tells a cached position of a member in the listing from a stale one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("organizations").addColumn("member_count", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("organizations").addColumn("created_member_count", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("organizations").addColumn("members_rev", "bigint", (c) => c.notNull().defaultTo(0)).execute();
  await sql`
    UPDATE organizations SET
      member_count = (SELECT count(*) FROM org_members m WHERE m.org_id = organizations.org_id),
      created_member_count = (SELECT count(*) FROM org_members m WHERE m.org_id = organizations.org_id AND m.member_type = 'Create' AND m.is_admin = 0)
  `.execute(db);
  await createMemberCountTriggers(db, (await isPostgres(db)) ? "postgres" : "sqlite");
}
