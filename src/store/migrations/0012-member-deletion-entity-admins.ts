import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialects/detect.js";
import { addEntityAdminForeignKey } from "../dialects/entity-admin-key.js";

/**
 * Member deletion and entity admins.
 * - org_member_deletion: the organizations whose admin turned member deletion on (the console's
 *   "开启成员删除许可"; a row per organization, gone with it). Without a row DeleteAccount refuses.
 * - An entity admin stays a member of its organization while it is one: a foreign key from the
 *   relation's (org_id, manager_uin) to the membership, on a unique (org_id, member_uin) of
 *   org_members, which replaces the plain index on the same columns (see addEntityAdminForeignKey).
 * - The admin's own membership is of type Invite: the organization did not create the admin's
 *   account (DescribeOrganizationMembers' MemberType, DeleteAccount's InviteAccountNotAllowDelete).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("org_member_deletion")
    .addColumn("org_id", "bigint", (c) => c.primaryKey().references("organizations.org_id").onDelete("cascade"))
    .addColumn("enabled_at", "bigint", (c) => c.notNull())
    .execute();
  // the same columns as org_members_org_uin, now declared unique (as the primary key on member_uin makes them) so a key can refer to them
  await db.schema.createIndex("org_members_org_member").on("org_members").columns(["org_id", "member_uin"]).unique().execute();
  await db.schema.dropIndex("org_members_org_uin").execute();
  await addEntityAdminForeignKey(db, (await isPostgres(db)) ? "postgres" : "sqlite");
  await sql`UPDATE org_members SET member_type = 'Invite' WHERE is_admin = 1`.execute(db);
}
