import { sql, type Kysely } from "kysely";

/**
 * Triggers that keep organizations.member_count (rows of org_members, the admin's included) and
 * organizations.created_member_count (rows with member_type 'Create' and is_admin 0) equal to
 * what counting the rows would answer, whoever writes org_members: the repositories, a foreign
 * key's cascade, or a bulk load; and that raise organizations.members_rev whenever a member row
 * of the organization comes, goes or changes what it counts as. They run in the writing
 * statement's transaction.
 *
 * SQLite: row triggers (updating one row in place is cheap). PostgreSQL: statement triggers over
 * the transition tables for inserts and deletes, one UPDATE per statement and organization, so a
 * bulk insert does not pile up one row version of the organization per member; a row trigger for
 * the rare update that moves a row between organizations or changes what it counts as.
 */
export async function createMemberCountTriggers(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect === "sqlite") {
    const created = (row: "NEW" | "OLD") => `(${row}.member_type = 'Create' AND ${row}.is_admin = 0)`;
    const add = (row: "NEW" | "OLD", sign: "+" | "-") =>
      `UPDATE organizations SET member_count = member_count ${sign} 1, created_member_count = created_member_count ${sign} ${created(row)}, members_rev = members_rev + 1 WHERE org_id = ${row}.org_id;`;
    await sql.raw(`CREATE TRIGGER org_members_count_insert AFTER INSERT ON org_members BEGIN ${add("NEW", "+")} END`).execute(db);
    await sql.raw(`CREATE TRIGGER org_members_count_delete AFTER DELETE ON org_members BEGIN ${add("OLD", "-")} END`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER org_members_count_update AFTER UPDATE OF org_id, member_type, is_admin ON org_members
         WHEN OLD.org_id IS NOT NEW.org_id OR OLD.member_type IS NOT NEW.member_type OR OLD.is_admin IS NOT NEW.is_admin
         BEGIN ${add("OLD", "-")} ${add("NEW", "+")} END`,
      )
      .execute(db);
    return;
  }

  const created = (row: string) => `CASE WHEN ${row}.member_type = 'Create' AND ${row}.is_admin = 0 THEN 1 ELSE 0 END`;
  const bulk = (name: string, table: "new_rows" | "old_rows", sign: "+" | "-") =>
    `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       UPDATE organizations o
          SET member_count = o.member_count ${sign} d.n, created_member_count = o.created_member_count ${sign} d.created, members_rev = o.members_rev + 1
         FROM (SELECT r.org_id, count(*) AS n, sum(${created("r")}) AS created FROM ${table} r GROUP BY r.org_id) d
        WHERE o.org_id = d.org_id;
       RETURN NULL;
     END $$`;
  await sql.raw(bulk("org_members_count_insert", "new_rows", "+")).execute(db);
  await sql.raw(bulk("org_members_count_delete", "old_rows", "-")).execute(db);
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION org_members_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE organizations SET member_count = member_count - 1, created_member_count = created_member_count - ${created("OLD")}, members_rev = members_rev + 1 WHERE org_id = OLD.org_id;
         UPDATE organizations SET member_count = member_count + 1, created_member_count = created_member_count + ${created("NEW")}, members_rev = members_rev + 1 WHERE org_id = NEW.org_id;
         RETURN NULL;
       END $$`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER org_members_count_insert AFTER INSERT ON org_members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION org_members_count_insert()`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER org_members_count_delete AFTER DELETE ON org_members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION org_members_count_delete()`)
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER org_members_count_update AFTER UPDATE OF org_id, member_type, is_admin ON org_members FOR EACH ROW
       WHEN (OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.member_type IS DISTINCT FROM NEW.member_type OR OLD.is_admin IS DISTINCT FROM NEW.is_admin)
       EXECUTE FUNCTION org_members_count_update()`,
    )
    .execute(db);
}
