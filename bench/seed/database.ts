import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql, type Kysely } from "kysely";
import pg from "pg";
import { openPostgres } from "../../src/store/dialects/postgres.js";
import { openSqlite } from "../../src/store/dialects/sqlite.js";
import type { DB } from "../../src/store/schema.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { openStore } from "../../src/store/store.js";

export type DialectName = "sqlite" | "postgres";

/** A fresh, migrated TCO database for one bench phase, and how to point a server at it. */
export interface BenchDatabase {
  dialect: DialectName;
  /** the bench's own connection, for bulk seeding and look-ups */
  db: Kysely<DB>;
  /** data directory the server is given (holds the SQLite file) */
  dataDir: string;
  /** environment that points `tco serve` at this database */
  serverEnv: Record<string, string>;
  /**
   * Tell the database's planner what was just loaded. PostgreSQL plans with the statistics that
   * autovacuum gathers some time after a change: right after a bulk load they say the tables are
   * nearly empty, and it picks plans that read every member (15 ms instead of 0.25 ms for a page
   * of 100,000 members), which a server grown through the API would not see. SQLite is left as a
   * server keeps it (no statistics).
   */
  analyze(): Promise<void>;
  /** close the connection and delete the database */
  dispose(): Promise<void>;
}

/**
 * Run TCO's migrations in `schema`. Not through openStore: its Migrator is not told the schema, and
 * Kysely then looks for its migration tables in every schema of the database, so another schema
 * that has them (a test run's, at the same time) makes it skip creating ours. Once our schema has
 * them, the server's own start-up migration finds them through its search_path and does nothing.
 */
async function migratePostgresSchema(db: Kysely<DB>, schema: string): Promise<void> {
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(db);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, migrationTableSchema: schema });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/**
 * Create an empty database migrated by TCO's own migrations and open a plain Kysely handle on it
 * for seeding. SQLite gets a temporary data directory; PostgreSQL a throwaway schema that
 * dispose() drops.
 */
export async function createBenchDatabase(dialect: DialectName, postgresUrl?: string): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), "tco-bench-"));
  if (dialect === "sqlite") {
    await (await openStore({ dataDir })).close();
    const db = openSqlite<DB>(join(dataDir, "tco.sqlite"));
    return {
      dialect,
      db,
      dataDir,
      serverEnv: { TCO_DATA_DIR: dataDir },
      analyze: async () => {},
      async dispose() {
        await db.destroy();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error("PostgreSQL needs TCO_BENCH_DATABASE_URL");
  const schema = `tco_bench_${randomBytes(6).toString("hex")}`;
  const db = openPostgres<DB>(postgresUrl, { schema });
  const dispose = async () => {
    await db.destroy();
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migratePostgresSchema(db, schema);
  } catch (err) {
    await dispose();
    throw err;
  }
  const url = new URL(postgresUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const analyze = async () => {
    const { rows } = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = ${schema}`.execute(db);
    for (const { tablename } of rows) await sql`analyze ${sql.id(schema, tablename)}`.execute(db);
  };
  return { dialect, db, dataDir, serverEnv: { TCO_DATA_DIR: dataDir, TCO_DATABASE_URL: url.toString() }, analyze, dispose };
}
