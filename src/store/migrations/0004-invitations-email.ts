import { sql, type Kysely } from "kysely";
import { oneOf } from "./helpers.js";

/**
 * Login e-mail bindings of member accounts (the "security information" an admin sets for a
 * member it created). One row per binding attempt: a failed address stays on record and can never
 * be bound again, so addresses are unique over all rows (compared lower-cased); an account has at
 * most one binding that is awaiting activation or activated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("member_email_binds")
    .addColumn("bind_id", "bigint", (c) => c.primaryKey())
    .addColumn("member_uin", "bigint", (c) => c.notNull().references("accounts.uin").onDelete("cascade"))
    .addColumn("email", "varchar(255)", (c) => c.notNull())
    /** the address lower-cased: the uniqueness key */
    .addColumn("email_key", "varchar(255)", (c) => c.notNull().unique())
    .addColumn("country_code", "varchar(8)", (c) => c.notNull())
    .addColumn("phone", "varchar(32)", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull().check(oneOf("status", ["Valid", "Success", "Failed"])))
    .addColumn("description", "varchar(255)")
    /** changes of address or phone made before activation */
    .addColumn("update_count", "integer", (c) => c.notNull().defaultTo(0))
    /** activation mails sent again (SendOrgMemberAccountBindEmail), in all and in the current hour window */
    .addColumn("resend_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("resend_window_start", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("resend_window_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    /** when the current activation link was sent, and when it stops working */
    .addColumn("sent_at", "bigint", (c) => c.notNull())
    .addColumn("expire_at", "bigint", (c) => c.notNull())
    .addColumn("bound_at", "bigint")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("member_email_binds_one_live")
    .on("member_email_binds")
    .column("member_uin")
    .unique()
    .where(sql.ref("status"), "in", ["Valid", "Success"])
    .execute();
  await db.schema.createIndex("member_email_binds_member").on("member_email_binds").columns(["member_uin", "bind_id"]).execute();
  await db.schema.createIndex("member_email_binds_phone").on("member_email_binds").columns(["country_code", "phone"]).execute();
  await db.schema.createIndex("org_invitations_org_status").on("org_invitations").columns(["org_id", "status"]).execute();
}
