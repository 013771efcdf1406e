import type { Kysely } from "kysely";

/**
 * Unified member login: the sub-accounts (CAM users) of an account and their access keys; custom
 * identity names unique per organization; when a member's identity role was last configured; member
 * access policies, the members each covers (each a grant of the policy's identity, so a grant in use
 * cannot be revoked and an identity in use cannot be deleted) and the sub-accounts bound to each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sub_accounts")
    .addColumn("sub_uin", "bigint", (c) => c.primaryKey())
    .addColumn("owner_uin", "bigint", (c) => c.notNull().references("accounts.uin").onDelete("cascade"))
    .addColumn("name", "varchar(64)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sub_accounts_owner_name").on("sub_accounts").columns(["owner_uin", "name"]).unique().execute();

  await db.schema
    .alterTable("access_keys")
    .addColumn("sub_uin", "bigint", (c) => c.references("sub_accounts.sub_uin").onDelete("cascade"))
    .execute();
  await db.schema.createIndex("access_keys_sub_uin").on("access_keys").column("sub_uin").execute();

  await db.schema.alterTable("org_member_identities").addColumn("configured_at", "bigint").execute();
  // built-in identities have org_id null, which never collides: their names are checked in code
  await db.schema.createIndex("org_identities_org_alias").on("org_identities").columns(["org_id", "alias_name"]).unique().execute();

  await db.schema
    .createTable("org_member_policies")
    .addColumn("policy_id", "bigint", (c) => c.primaryKey())
    .addColumn("org_id", "bigint", (c) => c.notNull().references("organizations.org_id").onDelete("cascade"))
    .addColumn("name", "varchar(128)", (c) => c.notNull())
    .addColumn("identity_id", "bigint", (c) => c.notNull().references("org_identities.identity_id"))
    .addColumn("description", "varchar(128)", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("org_member_policies_org_name").on("org_member_policies").columns(["org_id", "name"]).unique().execute();
  await db.schema.createIndex("org_member_policies_identity").on("org_member_policies").column("identity_id").execute();

  await db.schema
    .createTable("org_member_policy_members")
    .addColumn("policy_id", "bigint", (c) => c.notNull().references("org_member_policies.policy_id").onDelete("cascade"))
    .addColumn("member_uin", "bigint", (c) => c.notNull().references("org_members.member_uin").onDelete("cascade"))
    .addColumn("identity_id", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("org_member_policy_members_pk", ["policy_id", "member_uin"])
    .addForeignKeyConstraint("org_member_policy_members_grant", ["member_uin", "identity_id"], "org_member_identities", ["member_uin", "identity_id"])
    .execute();
  await db.schema.createIndex("org_member_policy_members_member").on("org_member_policy_members").columns(["member_uin", "identity_id"]).execute();

  await db.schema
    .createTable("org_policy_sub_accounts")
    .addColumn("policy_id", "bigint", (c) => c.notNull().references("org_member_policies.policy_id").onDelete("cascade"))
    .addColumn("sub_uin", "bigint", (c) => c.notNull().references("sub_accounts.sub_uin").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("org_policy_sub_accounts_pk", ["policy_id", "sub_uin"])
    .execute();
  await db.schema.createIndex("org_policy_sub_accounts_sub").on("org_policy_sub_accounts").column("sub_uin").execute();
}
