import { sql, type Kysely } from "kysely";

/**
 * Whether a connection talks to PostgreSQL rather than SQLite, for migrations (which are handed a
 * bare Kysely instance). `version()` exists only on PostgreSQL; on SQLite the failed statement
 * leaves an open transaction usable.
 */
export async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}
