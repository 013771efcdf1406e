import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";

const INT8 = 20;
const NUMERIC = 1700;

/**
 * A Kysely instance over a PostgreSQL pool. BIGINT and NUMERIC come back as JS numbers: every
 * identifier, time and count this service stores is below 2^53.
 * `schema`, when given, is put first on every connection's search_path (tests use one schema per
 * run); the caller creates it.
 */
export function openPostgres<DB>(url: string, options: { schema?: string; max?: number } = {}): Kysely<DB> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema.replace(/[^a-z0-9_]/gi, "")}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8 || oid === NUMERIC ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
