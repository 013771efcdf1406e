import { sql, type Kysely } from "kysely";

/**
 * Delegated admins of organization services (with their management scope) and the members' bills
 * behind the financial overview.
 * Invariants: a member is a service's delegated admin at most once (primary key) and stays a member
 * while it is one (no cascade from org_members); scope rows belong to a delegation and go with it,
 * with the member or with the department they name (cascades); a
 * bill line is one amount per account, month and product, in whole cents, never negative.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("org_service_assigns")
    .addColumn("org_id", "bigint", (c) => c.notNull().references("organizations.org_id").onDelete("cascade"))
    .addColumn("service_id", "integer", (c) => c.notNull())
    // no cascade: a delegated admin cannot leave the organization while the delegation lasts
    .addColumn("member_uin", "bigint", (c) => c.notNull().references("org_members.member_uin"))
    /** 1: all members, 2: the chosen members and departments */
    .addColumn("management_scope", "integer", (c) => c.notNull().check(sql`management_scope in (1, 2)`))
    /** 1: the delegated admin switched the organization feature on in the service's console, 2: not */
    .addColumn("usage_status", "integer", (c) => c.notNull().defaultTo(2).check(sql`usage_status in (1, 2)`))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("org_service_assigns_pk", ["org_id", "service_id", "member_uin"])
    .execute();
  await db.schema.createIndex("org_service_assigns_member").on("org_service_assigns").columns(["member_uin", "service_id"]).execute();

  await db.schema
    .createTable("org_service_scope_members")
    .addColumn("org_id", "bigint", (c) => c.notNull())
    .addColumn("service_id", "integer", (c) => c.notNull())
    .addColumn("admin_uin", "bigint", (c) => c.notNull())
    .addColumn("member_uin", "bigint", (c) => c.notNull().references("org_members.member_uin").onDelete("cascade"))
    .addPrimaryKeyConstraint("org_service_scope_members_pk", ["org_id", "service_id", "admin_uin", "member_uin"])
    .addForeignKeyConstraint("org_service_scope_members_assign", ["org_id", "service_id", "admin_uin"], "org_service_assigns", ["org_id", "service_id", "member_uin"], (fk) =>
      fk.onDelete("cascade"),
    )
    .execute();
  await db.schema.createIndex("org_service_scope_members_member").on("org_service_scope_members").column("member_uin").execute();

  await db.schema
    .createTable("org_service_scope_nodes")
    .addColumn("org_id", "bigint", (c) => c.notNull())
    .addColumn("service_id", "integer", (c) => c.notNull())
    .addColumn("admin_uin", "bigint", (c) => c.notNull())
    .addColumn("node_id", "bigint", (c) => c.notNull().references("org_nodes.node_id").onDelete("cascade"))
    .addPrimaryKeyConstraint("org_service_scope_nodes_pk", ["org_id", "service_id", "admin_uin", "node_id"])
    .addForeignKeyConstraint("org_service_scope_nodes_assign", ["org_id", "service_id", "admin_uin"], "org_service_assigns", ["org_id", "service_id", "member_uin"], (fk) =>
      fk.onDelete("cascade"),
    )
    .execute();
  await db.schema.createIndex("org_service_scope_nodes_node").on("org_service_scope_nodes").column("node_id").execute();

  await db.schema
    .createTable("org_bills")
    .addColumn("member_uin", "bigint", (c) => c.notNull().references("accounts.uin").onDelete("cascade"))
    /** YYYY-MM */
    .addColumn("month", "varchar(7)", (c) => c.notNull())
    .addColumn("product_code", "varchar(64)", (c) => c.notNull())
    .addColumn("product_name", "varchar(255)", (c) => c.notNull())
    .addColumn("amount_cents", "bigint", (c) => c.notNull().check(sql`amount_cents >= 0`))
    .addColumn("loaded_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("org_bills_pk", ["member_uin", "month", "product_code"])
    .execute();
}
