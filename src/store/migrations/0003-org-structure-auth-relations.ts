import { sql, type Kysely } from "kysely";

/**
 * Real-name entity ("auth") relations of an organization. The admin's own entity is one relation
 * (is_host = 1, at most one per organization; its name is the admin's registry entity, read when
 * listed, so auth_name stays null); every other entity whose verified accounts joined is a relation
 * with its name, unique in the organization, and the member managing it once one is set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("org_auth_relations")
    .addColumn("relation_id", "bigint", (c) => c.primaryKey())
    .addColumn("org_id", "bigint", (c) => c.notNull().references("organizations.org_id").onDelete("cascade"))
    .addColumn("is_host", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("auth_name", "varchar(255)")
    .addColumn("manager_uin", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("org_auth_relations_name", ["org_id", "auth_name"])
    .execute();
  await db.schema
    .createIndex("org_auth_relations_one_host")
    .on("org_auth_relations")
    .column("org_id")
    .unique()
    .where(sql.ref("is_host"), "=", 1)
    .execute();
  await db.schema.createIndex("org_auth_relations_manager").on("org_auth_relations").columns(["manager_uin"]).execute();
}
