import { sql, type Kysely } from "kysely";

/** The revisions row that every change to what an access key may do raises (see createCredentialRevisionTriggers). */
export const CREDENTIALS_REVISION = "credentials";

/** Writes after which a cached SecretId → key and account may be wrong: table and events. */
const WATCHED: ReadonlyArray<[table: string, events: ReadonlyArray<"UPDATE" | "DELETE">]> = [
  ["access_keys", ["UPDATE", "DELETE"]],
  ["accounts", ["UPDATE", "DELETE"]],
  ["sub_accounts", ["UPDATE", "DELETE"]],
];

/**
 * Triggers that raise revisions.value of the credentials row whenever a key is removed or
 * changed, or the account or sub-account it acts for is removed or changed, by whoever writes:
 * the repositories, a foreign key's cascade (an account's deletion removes its keys), or a bulk
 * statement. Servers read the row with their credential cache (src/protocol/credentials.ts) and
 * drop the cache when it moved, so a change made through one process holds in every process at
 * once. They run in the writing statement's transaction. A new key needs no trigger: a SecretId
 * that is not cached is always looked up.
 *
 * SQLite: row triggers. PostgreSQL: statement triggers (one raise per statement, however many rows).
 */
export async function createCredentialRevisionTriggers(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  const raise = `UPDATE revisions SET value = value + 1 WHERE name = '${CREDENTIALS_REVISION}'`;
  if (dialect === "postgres") {
    await sql
      .raw(`CREATE OR REPLACE FUNCTION raise_credentials_revision() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${raise}; RETURN NULL; END $$`)
      .execute(db);
  }
  for (const [table, events] of WATCHED) {
    for (const event of events) {
      const name = `${table}_credentials_${event.toLowerCase()}`;
      const body = dialect === "sqlite" ? `FOR EACH ROW BEGIN ${raise}; END` : "FOR EACH STATEMENT EXECUTE FUNCTION raise_credentials_revision()";
      await sql.raw(`CREATE TRIGGER ${name} AFTER ${event} ON ${table} ${body}`).execute(db);
    }
  }
}

/**
 * Let a varchar column hold longer values. PostgreSQL enforces the declared length; SQLite does
 * not (its text columns hold any length), so there is nothing to change there.
 */
export async function widenVarchar(db: Kysely<unknown>, dialect: "sqlite" | "postgres", table: string, column: string, length: number): Promise<void> {
  if (dialect === "postgres") await sql.raw(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE varchar(${length})`).execute(db);
}
