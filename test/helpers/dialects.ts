import { randomBytes } from "node:crypto";
import pg from "pg";
import { openStore, type Store } from "../../src/store/store.js";

/**
 * The master key the test stores and the test servers that share a database use (TCO_MASTER_KEY):
 * every server on one PostgreSQL schema must be given the same one.
 */
export const TEST_MASTER_KEY = "7c0d0e5a1f6b4c3d2e1f00112233445566778899aabbccddeeff001122334455";

/** The PostgreSQL server the suites use when set (CI sets it); SQLite always runs. */
export const TEST_DATABASE_URL = process.env.TCO_TEST_DATABASE_URL || undefined;

export interface TestDialect {
  name: "sqlite" | "postgres";
  /** a fresh, migrated, empty store */
  open(): Promise<Store>;
  /** close the store and drop what it created */
  dispose(store: Store): Promise<void>;
}

const schemas = new WeakMap<Store, string>();

/** Every dialect under test: SQLite in memory, and PostgreSQL in a throwaway schema when configured. */
export const DIALECTS: TestDialect[] = [
  {
    name: "sqlite",
    open: () => openStore({ sqliteFile: ":memory:", masterKey: Buffer.from(TEST_MASTER_KEY, "hex") }),
    dispose: (store) => store.close(),
  },
  ...(TEST_DATABASE_URL
    ? [
        {
          name: "postgres" as const,
          async open() {
            const schema = `tco_test_${randomBytes(6).toString("hex")}`;
            const store = await openStore({ databaseUrl: TEST_DATABASE_URL, schema, masterKey: Buffer.from(TEST_MASTER_KEY, "hex") });
            schemas.set(store, schema);
            return store;
          },
          async dispose(store: Store) {
            await store.close();
            const schema = schemas.get(store);
            if (schema) await dropSchema(schema);
          },
        },
      ]
    : []),
];

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/[^a-z0-9_]/gi, "")}" CASCADE`);
  } finally {
    await client.end();
  }
}
