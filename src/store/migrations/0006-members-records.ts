import type { Kysely } from "kysely";
import { oneOf } from "./helpers.js";

/** CreateOrganizationMember attempts, one row each, so a failed attempt can be retried by RecordId. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("org_member_create_records")
    .addColumn("record_id", "bigint", (c) => c.primaryKey())
    .addColumn("org_id", "bigint", (c) => c.notNull().references("organizations.org_id").onDelete("cascade"))
    .addColumn("name", "varchar(255)", (c) => c.notNull())
    .addColumn("account_name", "varchar(255)", (c) => c.notNull())
    .addColumn("node_id", "bigint", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull().check(oneOf("status", ["Pending", "Failed", "Success"])))
    .addColumn("member_uin", "bigint")
    .addColumn("error_code", "varchar(128)")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("org_member_create_records_org").on("org_member_create_records").columns(["org_id", "record_id"]).execute();
}
