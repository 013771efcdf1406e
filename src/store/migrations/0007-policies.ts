import { sql, type Kysely } from "kysely";
import { oneOf } from "./helpers.js";

/** Policy types an organization can enable. */
const POLICY_TYPES = ["SERVICE_CONTROL_POLICY", "TAG_POLICY"] as const;

/** The preset full-access service control policy, shared by every organization (see domain/policies/presets.ts). */
const PRESET = {
  policy_id: 1000,
  name: "FullQcloudAccess",
  description: "Allows every action on every resource; bound by default when service control policies are enabled.",
  content: '{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}',
  at: Date.UTC(2022, 7, 8, 6, 45, 50),
};

/**
 * Organization management policies (service control and tag policies), the types an organization
 * enabled, the policies' attachments to departments and members, and the tagged resources of
 * accounts that tag policies are checked against.
 *
 * Invariants live here: a policy name is unique within an organization and policy type; a policy
 * is attached to a target at most once; an attachment names exactly one department or one member
 * and disappears with it (cascade), while a policy cannot be deleted while attached (plain foreign
 * key); a type is enabled at most once per organization. Preset policies have no organization.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("org_policies")
    .addColumn("policy_id", "bigint", (c) => c.primaryKey())
    /** null for the presets every organization sees */
    .addColumn("org_id", "bigint", (c) => c.references("organizations.org_id").onDelete("cascade"))
    .addColumn("policy_type", "varchar(32)", (c) => c.notNull().check(oneOf("policy_type", POLICY_TYPES)))
    .addColumn("name", "varchar(255)", (c) => c.notNull())
    .addColumn("description", "varchar(1024)")
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("is_preset", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("org_policies_name", ["org_id", "policy_type", "name"])
    .execute();

  await db.schema
    .createTable("org_policy_types")
    .addColumn("org_id", "bigint", (c) => c.notNull().references("organizations.org_id").onDelete("cascade"))
    .addColumn("policy_type", "varchar(32)", (c) => c.notNull().check(oneOf("policy_type", POLICY_TYPES)))
    .addColumn("enabled_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("org_policy_types_pk", ["org_id", "policy_type"])
    .execute();

  await db.schema
    .createTable("policy_attachments")
    .addColumn("attachment_id", "bigint", (c) => c.primaryKey())
    .addColumn("org_id", "bigint", (c) => c.notNull().references("organizations.org_id").onDelete("cascade"))
    .addColumn("policy_id", "bigint", (c) => c.notNull().references("org_policies.policy_id"))
    .addColumn("policy_type", "varchar(32)", (c) => c.notNull().check(oneOf("policy_type", POLICY_TYPES)))
    .addColumn("target_type", "varchar(8)", (c) => c.notNull().check(oneOf("target_type", ["NODE", "MEMBER"])))
    .addColumn("node_id", "bigint", (c) => c.references("org_nodes.node_id").onDelete("cascade"))
    .addColumn("member_uin", "bigint", (c) => c.references("org_members.member_uin").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addCheckConstraint(
      "policy_attachments_one_target",
      sql`(target_type = 'NODE' and node_id is not null and member_uin is null) or (target_type = 'MEMBER' and member_uin is not null and node_id is null)`,
    )
    .execute();
  await db.schema.createIndex("policy_attachments_node").on("policy_attachments").columns(["policy_id", "node_id"]).unique().execute();
  await db.schema.createIndex("policy_attachments_member").on("policy_attachments").columns(["policy_id", "member_uin"]).unique().execute();
  await db.schema.createIndex("policy_attachments_node_type").on("policy_attachments").columns(["node_id", "policy_type"]).execute();
  await db.schema.createIndex("policy_attachments_member_type").on("policy_attachments").columns(["member_uin", "policy_type"]).execute();
  await db.schema.createIndex("policy_attachments_org_type").on("policy_attachments").columns(["org_id", "policy_type"]).execute();

  await db.schema
    .createTable("member_resources")
    .addColumn("resource_id", "bigint", (c) => c.primaryKey())
    .addColumn("uin", "bigint", (c) => c.notNull().references("accounts.uin").onDelete("cascade"))
    .addColumn("service_type", "varchar(64)", (c) => c.notNull())
    .addColumn("resource_type", "varchar(64)", (c) => c.notNull())
    /** "" for resources without a region */
    .addColumn("region", "varchar(64)", (c) => c.notNull())
    .addColumn("resource_key", "varchar(255)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("member_resources_key", ["uin", "service_type", "region", "resource_type", "resource_key"])
    .execute();

  await db.schema
    .createTable("member_resource_tags")
    .addColumn("resource_id", "bigint", (c) => c.notNull().references("member_resources.resource_id").onDelete("cascade"))
    .addColumn("tag_key", "varchar(255)", (c) => c.notNull())
    .addColumn("tag_value", "varchar(255)", (c) => c.notNull())
    .addPrimaryKeyConstraint("member_resource_tags_pk", ["resource_id", "tag_key"])
    .execute();

  /** accounts that turned on tag policies of their own (the Tag service's single-account mode) */
  await db.schema
    .createTable("standalone_tag_policies")
    .addColumn("uin", "bigint", (c) => c.primaryKey().references("accounts.uin").onDelete("cascade"))
    .addColumn("enabled_at", "bigint", (c) => c.notNull())
    .execute();

  await (db as Kysely<any>)
    .insertInto("org_policies")
    .values({
      policy_id: PRESET.policy_id,
      org_id: null,
      policy_type: "SERVICE_CONTROL_POLICY",
      name: PRESET.name,
      description: PRESET.description,
      content: PRESET.content,
      is_preset: 1,
      created_at: PRESET.at,
      updated_at: PRESET.at,
    })
    .execute();
}
