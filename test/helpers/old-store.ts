import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { Migrator, sql, type Kysely } from "kysely";
import { openPostgres } from "../../src/store/dialects/postgres.js";
import { openSqlite } from "../../src/store/dialects/sqlite.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { openStore, type Store } from "../../src/store/store.js";
import { dropSchema, TEST_DATABASE_URL } from "./dialects.js";

/** A database brought only up to one migration, to fill with the rows of an older release. */
export interface OldStore {
  /** the database at that migration (untyped: its tables are those of that release) */
  db: Kysely<any>;
  /** close `db` and open the same database as TCO does at start, which runs the later migrations */
  upgrade(): Promise<Store>;
  /** drop what it created */
  dispose(store?: Store): Promise<void>;
}

const provider = { getMigrations: async () => MIGRATIONS };

async function migrateTo(db: Kysely<any>, migration: string, schema?: string): Promise<void> {
  const { error } = await new Migrator({ db, provider, migrationTableSchema: schema }).migrateTo(migration);
  if (error) throw error;
}

/** The dialects under test, each opening a database at `migration` (SQLite in a temporary file, PostgreSQL in a throwaway schema). */
export const OLD_STORES: { name: "sqlite" | "postgres"; open(migration: string): Promise<OldStore> }[] = [
  {
    name: "sqlite",
    async open(migration) {
      const dir = mkdtempSync(join(tmpdir(), "tco-old-"));
      const file = join(dir, "tco.sqlite");
      const db = openSqlite<any>(file);
      await migrateTo(db, migration);
      return {
        db,
        async upgrade() {
          await db.destroy();
          return openStore({ sqliteFile: file });
        },
        async dispose(store) {
          await store?.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  ...(TEST_DATABASE_URL
    ? [
        {
          name: "postgres" as const,
          async open(migration: string) {
            const schema = `tco_old_${randomBytes(6).toString("hex")}`;
            const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
            await client.connect();
            await client.query(`CREATE SCHEMA "${schema}"`);
            await client.end();
            const db = openPostgres<any>(TEST_DATABASE_URL!, { schema, max: 1 });
            await sql`select 1`.execute(db);
            await migrateTo(db, migration, schema);
            return {
              db,
              async upgrade() {
                await db.destroy();
                return openStore({ databaseUrl: TEST_DATABASE_URL, schema });
              },
              async dispose(store?: Store) {
                await store?.close();
                await dropSchema(schema);
              },
            };
          },
        },
      ]
    : []),
];
