import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialects/detect.js";

/** When the built-in identities were defined (shown as their UpdateTime). */
const BUILT_IN_TIME = Date.UTC(2021, 6, 15, 13, 8, 38);

/**
 * Member access identities (the CAM roles an organization may assume in member accounts), the
 * policies each grants, which identities each member supports, and the built-in identity 1
 * (OrganizationAccessControlRole with AdministratorAccess) that every created member supports.
 * Also a covering index for member search by name prefix, so a search reads the index only; on
 * PostgreSQL member names compare by code point (collation "C", as SQLite's BINARY does), which
 * makes a prefix an index range whatever the database's default collation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("org_identities")
    .addColumn("identity_id", "bigint", (c) => c.primaryKey())
    .addColumn("org_id", "bigint", (c) => c.references("organizations.org_id").onDelete("cascade"))
    .addColumn("role_name", "varchar(255)", (c) => c.notNull())
    .addColumn("alias_name", "varchar(255)", (c) => c.notNull())
    .addColumn("description", "varchar(1024)", (c) => c.notNull().defaultTo(""))
    .addColumn("identity_type", "integer", (c) => c.notNull().check(sql`identity_type in (1, 2)`))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("org_identities_org").on("org_identities").columns(["org_id", "identity_id"]).execute();

  await db.schema
    .createTable("org_identity_policies")
    .addColumn("identity_id", "bigint", (c) => c.notNull().references("org_identities.identity_id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("policy_id", "bigint")
    .addColumn("policy_name", "varchar(255)")
    .addColumn("policy_type", "integer", (c) => c.notNull().defaultTo(2))
    .addColumn("policy_document", "text")
    .addPrimaryKeyConstraint("org_identity_policies_pk", ["identity_id", "position"])
    .execute();

  await db.schema
    .createTable("org_member_identities")
    .addColumn("member_uin", "bigint", (c) => c.notNull().references("org_members.member_uin").onDelete("cascade"))
    .addColumn("identity_id", "bigint", (c) => c.notNull().references("org_identities.identity_id").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("org_member_identities_pk", ["member_uin", "identity_id"])
    .execute();
  await db.schema.createIndex("org_member_identities_identity").on("org_member_identities").column("identity_id").execute();

  if (await isPostgres(db)) {
    await sql`ALTER TABLE org_members ALTER COLUMN name TYPE varchar(255) COLLATE "C"`.execute(db);
  }
  // Name search scans (org_id, name) and needs member_uin: covering, so the table is not read.
  await db.schema.createIndex("org_members_org_name_uin").on("org_members").columns(["org_id", "name", "member_uin"]).execute();

  const admin = db as Kysely<any>;
  await admin
    .insertInto("org_identities")
    .values({
      identity_id: 1,
      org_id: null,
      role_name: "OrganizationAccessControlRole",
      alias_name: "登录访问",
      description: "AdministratorAccess",
      identity_type: 1,
      created_at: BUILT_IN_TIME,
      updated_at: BUILT_IN_TIME,
    })
    .execute();
  await admin
    .insertInto("org_identity_policies")
    .values({ identity_id: 1, position: 0, policy_id: 1, policy_name: "AdministratorAccess", policy_type: 2, policy_document: null })
    .execute();
}
