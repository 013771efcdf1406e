import { sql, type Kysely } from "kysely";
import { createCredentialRevisionTriggers, CREDENTIALS_REVISION, widenVarchar } from "../dialects/credential-revision-triggers.js";
import { isPostgres } from "../dialects/detect.js";

/**
 * Access keys at rest and in the servers' caches.
 * - access_keys.sealed: 1 when secret_key holds the key sealed with the master key (AES-256-GCM,
 *   see secret-box.ts), 0 while it is still in clear; a starting server seals the rows still in
 *   clear (rows written before this migration, or inserted behind the server's back). secret_key
 *   grows to hold the sealed form of any key.
 * - store_settings: named values of the store; `master_key_check` tells a server whether its
 *   master key is the one the keys were sealed with.
 * - revisions: named counters raised by triggers; `credentials` moves whenever a key, or the
 *   account it acts for, changes or goes (see createCredentialRevisionTriggers).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = (await isPostgres(db)) ? "postgres" : "sqlite";
  await db.schema.alterTable("access_keys").addColumn("sealed", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await widenVarchar(db, dialect, "access_keys", "secret_key", 512);
  await db.schema
    .createTable("store_settings")
    .addColumn("name", "varchar(64)", (c) => c.primaryKey())
    .addColumn("value", "varchar(512)", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("revisions")
    .addColumn("name", "varchar(64)", (c) => c.primaryKey())
    .addColumn("value", "bigint", (c) => c.notNull())
    .execute();
  await sql`INSERT INTO revisions (name, value) VALUES (${CREDENTIALS_REVISION}, 0)`.execute(db);
  await createCredentialRevisionTriggers(db, dialect);
}
