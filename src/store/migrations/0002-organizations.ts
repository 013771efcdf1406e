import { sql, type Kysely } from "kysely";
import { oneOf } from "./helpers.js";

/**
 * Organizations, their department tree, members, invitations and resource tags.
 * Invariants live here: an account belongs to at most one organization (org_members primary key,
 * the admin included); an admin hosts at most one; member names are unique in an organization;
 * department names are unique among siblings; an account has at most one pending invitation
 * from an organization.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organizations")
    .addColumn("org_id", "bigint", (c) => c.primaryKey())
    .addColumn("host_uin", "bigint", (c) => c.notNull().unique().references("accounts.uin"))
    .addColumn("org_type", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("root_node_id", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("org_nodes")
    .addColumn("node_id", "bigint", (c) => c.primaryKey())
    .addColumn("org_id", "bigint", (c) => c.notNull().references("organizations.org_id").onDelete("cascade"))
    .addColumn("parent_id", "bigint", (c) => c.references("org_nodes.node_id"))
    .addColumn("name", "varchar(255)", (c) => c.notNull())
    .addColumn("remark", "varchar(255)")
    .addColumn("depth", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("org_nodes_sibling_name", ["org_id", "parent_id", "name"])
    .execute();
  await db.schema.createIndex("org_nodes_parent").on("org_nodes").column("parent_id").execute();

  await db.schema
    .createTable("org_members")
    .addColumn("member_uin", "bigint", (c) => c.primaryKey().references("accounts.uin").onDelete("cascade"))
    .addColumn("org_id", "bigint", (c) => c.notNull().references("organizations.org_id").onDelete("cascade"))
    .addColumn("node_id", "bigint", (c) => c.notNull().references("org_nodes.node_id"))
    .addColumn("is_admin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("name", "varchar(255)", (c) => c.notNull())
    .addColumn("member_type", "varchar(16)", (c) => c.notNull().check(oneOf("member_type", ["Create", "Invite"])))
    .addColumn("policy_type", "varchar(32)", (c) => c.notNull().defaultTo("Financial"))
    /** comma-separated permission ids, ascending: "1,2,7" */
    .addColumn("permission_ids", "varchar(255)", (c) => c.notNull())
    .addColumn("is_allow_quit", "varchar(8)", (c) => c.notNull().defaultTo("Allow").check(oneOf("is_allow_quit", ["Allow", "Denied"])))
    .addColumn("pay_uin", "bigint")
    .addColumn("remark", "varchar(255)")
    .addColumn("auth_relation_id", "bigint")
    .addColumn("joined_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("org_members_name", ["org_id", "name"])
    .execute();
  await db.schema.createIndex("org_members_org_uin").on("org_members").columns(["org_id", "member_uin"]).execute();
  await db.schema.createIndex("org_members_node").on("org_members").columns(["node_id", "member_uin"]).execute();

  await db.schema
    .createTable("org_invitations")
    .addColumn("invitation_id", "bigint", (c) => c.primaryKey())
    .addColumn("org_id", "bigint", (c) => c.notNull().references("organizations.org_id").onDelete("cascade"))
    .addColumn("invitee_uin", "bigint", (c) => c.notNull().references("accounts.uin").onDelete("cascade"))
    .addColumn("name", "varchar(255)", (c) => c.notNull())
    .addColumn("remark", "varchar(255)")
    .addColumn("node_id", "bigint", (c) => c.notNull())
    .addColumn("policy_type", "varchar(32)", (c) => c.notNull().defaultTo("Financial"))
    .addColumn("permission_ids", "varchar(255)", (c) => c.notNull())
    .addColumn("is_allow_quit", "varchar(8)", (c) => c.notNull().defaultTo("Allow"))
    .addColumn("pay_uin", "bigint")
    .addColumn("relation_auth_name", "varchar(255)")
    /** JSON array of {TagKey, TagValue} applied to the member on acceptance */
    .addColumn("tags_json", "text")
    .addColumn("status", "varchar(16)", (c) => c.notNull().check(oneOf("status", ["Pending", "Accepted", "Denied", "Cancelled", "Expired"])))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expire_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("org_invitations_one_pending")
    .on("org_invitations")
    .columns(["org_id", "invitee_uin"])
    .unique()
    .where(sql.ref("status"), "=", "Pending")
    .execute();
  await db.schema.createIndex("org_invitations_invitee").on("org_invitations").columns(["invitee_uin", "status"]).execute();

  await db.schema
    .createTable("resource_tags")
    .addColumn("resource_type", "varchar(16)", (c) => c.notNull().check(oneOf("resource_type", ["member", "node"])))
    .addColumn("resource_id", "bigint", (c) => c.notNull())
    .addColumn("tag_key", "varchar(255)", (c) => c.notNull())
    .addColumn("tag_value", "varchar(255)", (c) => c.notNull())
    .addPrimaryKeyConstraint("resource_tags_pk", ["resource_type", "resource_id", "tag_key"])
    .execute();
  await db.schema.createIndex("resource_tags_kv").on("resource_tags").columns(["resource_type", "tag_key", "tag_value"]).execute();
}
