import type { Kysely } from "kysely";

/**
 * Where each delegated admin of a service, and each member and department of a partial scope,
 * stands in the list it was given (CreateOrgServiceAssign): listings answer in that order, as the
 * Terraform provider keeps them as ordered lists. Rows from before keep 0 and list by UIN or id.
 *
 * And when a member's activated login e-mail binding was changed (UpdateOrganizationMemberEmailBind),
 * for the limit of such changes per month: a log, read by member and time, with no key of its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ["org_service_assigns", "org_service_scope_members", "org_service_scope_nodes"]) {
    await db.schema.alterTable(table).addColumn("ordinal", "integer", (c) => c.notNull().defaultTo(0)).execute();
  }
  await db.schema.createIndex("org_service_assigns_order").on("org_service_assigns").columns(["org_id", "service_id", "ordinal"]).execute();

  await db.schema
    .createTable("member_email_bind_changes")
    .addColumn("member_uin", "bigint", (c) => c.notNull().references("accounts.uin").onDelete("cascade"))
    .addColumn("bind_id", "bigint", (c) => c.notNull().references("member_email_binds.bind_id").onDelete("cascade"))
    .addColumn("changed_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("member_email_bind_changes_member").on("member_email_bind_changes").columns(["member_uin", "changed_at"]).execute();
}
