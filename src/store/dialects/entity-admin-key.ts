import { sql, type Kysely } from "kysely";

/**
 * Make the database keep an entity's admin (org_auth_relations.manager_uin) a member of the
 * relation's organization: a composite foreign key (org_id, manager_uin) → org_members(org_id,
 * member_uin), without cascade, so a membership cannot end while it administers an entity (the
 * organization's admin must change or remove the entity admin first). A null manager_uin (no admin
 * set) is not checked. Admins that are no longer members of the organization are cleared first.
 *
 * PostgreSQL adds the constraint in place. SQLite cannot add a constraint to a table, so the table
 * is rebuilt with it (nothing refers to org_auth_relations, so dropping the old table is safe with
 * foreign keys on) and its indexes are created again.
 */
export async function addEntityAdminForeignKey(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  await sql`
    UPDATE org_auth_relations SET manager_uin = NULL
     WHERE manager_uin IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM org_members m WHERE m.org_id = org_auth_relations.org_id AND m.member_uin = org_auth_relations.manager_uin)
  `.execute(db);
  if (dialect === "postgres") {
    await sql`ALTER TABLE org_auth_relations ADD CONSTRAINT org_auth_relations_manager_member
      FOREIGN KEY (org_id, manager_uin) REFERENCES org_members (org_id, member_uin)`.execute(db);
    return;
  }
  await sql`
    CREATE TABLE org_auth_relations_rebuilt (
      relation_id bigint PRIMARY KEY,
      org_id bigint NOT NULL REFERENCES organizations (org_id) ON DELETE CASCADE,
      is_host integer NOT NULL DEFAULT 0,
      auth_name varchar(255),
      manager_uin bigint,
      created_at bigint NOT NULL,
      CONSTRAINT org_auth_relations_name UNIQUE (org_id, auth_name),
      CONSTRAINT org_auth_relations_manager_member FOREIGN KEY (org_id, manager_uin) REFERENCES org_members (org_id, member_uin)
    )`.execute(db);
  await sql`INSERT INTO org_auth_relations_rebuilt (relation_id, org_id, is_host, auth_name, manager_uin, created_at)
    SELECT relation_id, org_id, is_host, auth_name, manager_uin, created_at FROM org_auth_relations`.execute(db);
  await sql`DROP TABLE org_auth_relations`.execute(db);
  await sql`ALTER TABLE org_auth_relations_rebuilt RENAME TO org_auth_relations`.execute(db);
  await sql`CREATE UNIQUE INDEX org_auth_relations_one_host ON org_auth_relations (org_id) WHERE is_host = 1`.execute(db);
  await sql`CREATE INDEX org_auth_relations_manager ON org_auth_relations (manager_uin)`.execute(db);
}
