import type { Kysely } from "kysely";

/**
 * Where each delegated admin of a service, and each member and department of a partial scope,
 * stands in the list it was given (CreateOrgServiceAssign): listings answer in that order, as the
 * Terraform provider keeps them as ordered lists. Rows from before keep 0 and list by UIN or id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ["org_service_assigns", "org_service_scope_members", "org_service_scope_nodes"]) {
    await db.schema.alterTable(table).addColumn("ordinal", "integer", (c) => c.notNull().defaultTo(0)).execute();
  }
  await db.schema.createIndex("org_service_assigns_order").on("org_service_assigns").columns(["org_id", "service_id", "ordinal"]).execute();
}
