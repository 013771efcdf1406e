import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../src/store/schema.js";

/** Bound parameters per statement: below SQLite's 32766 and PostgreSQL's 65535. */
const MAX_PARAMS = 30_000;

/** Insert many rows in multi-row INSERT statements (Kysely's builder, so both dialects). */
export async function bulkInsert<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0] as object).length));
  for (let i = 0; i < rows.length; i += perStatement) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as any)
      .execute();
  }
}
