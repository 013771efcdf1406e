import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Migrator } from "kysely";
import pg from "pg";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { openSqlite } from "../../src/store/dialects/sqlite.js";
import type { DB } from "../../src/store/schema.js";
import { dropSchema, TEST_DATABASE_URL, TEST_MASTER_KEY } from "../helpers/dialects.js";
import { TcoServer, type TestAccount } from "../helpers/server.js";

const mode = (path: string) => statSync(path).mode & 0o777;
const OTHER_MASTER_KEY = "11".repeat(32);

/** A call that passes authentication answers OrganizationNotExist for an account outside any organization. */
async function authenticates(server: TcoServer, a: TestAccount): Promise<boolean> {
  try {
    await server.client(a).DescribeOrganization({});
    return true;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ResourceNotFound.OrganizationNotExist") return true;
    if (code?.startsWith("AuthFailure")) return false;
    throw e;
  }
}

/** Every byte of the SQLite database and its write-ahead log, as latin1 text to search. */
const sqliteBytes = (dataDir: string) =>
  ["tco.sqlite", "tco.sqlite-wal"].map((f) => join(dataDir, f)).filter(existsSync).map((f) => readFileSync(f).toString("latin1")).join("");

describe("secrets at rest [sqlite]", () => {
  it("creates the data directory 0700 and every file in it 0600, the write-ahead log and shared memory included", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "tco-modes-")), "data");
    const server = await TcoServer.start({ dataDir });
    try {
      await server.createAccount(); // a write, so the log holds pages
      assert.equal(mode(dataDir), 0o700);
      for (const f of ["tco.sqlite", "tco.sqlite-wal", "tco.sqlite-shm", "master.key"]) assert.equal(mode(join(dataDir, f)), 0o600, f);
    } finally {
      await server.stop();
    }
  });

  it("makes an existing data directory left 0755 with 0644 files private at start", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "tco-modes-")), "data");
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const db = openSqlite<DB>(join(dataDir, "tco.sqlite"));
    await db.destroy();
    writeFileSync(join(dataDir, "root-credentials.json"), "{}\n", { mode: 0o644 });
    for (const f of ["tco.sqlite", "root-credentials.json"]) chmodSync(join(dataDir, f), 0o644);
    const server = await TcoServer.start({ dataDir });
    try {
      assert.equal(mode(dataDir), 0o700);
      for (const f of ["tco.sqlite", "root-credentials.json", "master.key"]) assert.equal(mode(join(dataDir, f)), 0o600, f);
    } finally {
      await server.stop();
    }
  });

  it("keeps no SecretKey in clear in the database; a restart on the same data authenticates the old keys", async () => {
    const server = await TcoServer.start();
    let restarted: TcoServer | undefined;
    try {
      const account = await server.createAccount();
      const key = await server.operator("CreateAccessKey", { Uin: account.uin });
      const raw = new Database(join(server.dataDir, "tco.sqlite"), { readonly: true });
      const rows = raw.prepare("SELECT * FROM access_keys").all() as Array<Record<string, unknown>>;
      raw.close();
      assert.ok(rows.length >= 3);
      for (const row of rows) {
        assert.equal(row.sealed, 1);
        assert.ok(!String(row.secret_key).includes(account.secretKey) && !String(row.secret_key).includes(key.SecretKey));
      }
      const bytes = sqliteBytes(server.dataDir);
      assert.ok(!bytes.includes(account.secretKey) && !bytes.includes(key.SecretKey), "no page of the database or its log holds a key");
      assert.equal(await server.stop(), 0);

      restarted = await TcoServer.start({ dataDir: server.dataDir });
      assert.equal(await authenticates(restarted, account), true);
      assert.equal(await authenticates(restarted, { uin: account.uin, secretId: key.SecretId, secretKey: key.SecretKey }), true);
      assert.equal(await authenticates(restarted, { ...account, secretKey: "x".repeat(32) }), false);
    } finally {
      await server.stop();
      await restarted?.stop();
    }
  });

  it("refuses to start, saying why, with another master key than the one the keys were sealed with", async () => {
    const server = await TcoServer.start();
    await server.createAccount();
    assert.equal(await server.stop(), 0);
    await assert.rejects(TcoServer.start({ dataDir: server.dataDir, env: { TCO_MASTER_KEY: OTHER_MASTER_KEY } }), /master key does not open this database's secret keys/);
    writeFileSync(join(server.dataDir, "master.key"), OTHER_MASTER_KEY + "\n");
    await assert.rejects(TcoServer.start({ dataDir: server.dataDir }), /master key does not open this database's secret keys/);
    await assert.rejects(TcoServer.start({ env: { TCO_MASTER_KEY: "not-a-key" } }), /TCO_MASTER_KEY must be 32 bytes/);
  });

  it("seals the keys of a store written before keys were sealed, which then still authenticate", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tco-old-"));
    const db = openSqlite<DB>(join(dataDir, "tco.sqlite"));
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo("0010-member-counts");
    assert.equal(error, undefined);
    const old: TestAccount = { uin: 100000000777, secretId: "AKIDold0000000000000000000000000000", secretKey: randomBytes(16).toString("hex") };
    await db.insertInto("accounts").values({ uin: old.uin, name: "old", verification: "none", site: "china", created_at: 1 }).execute();
    await db.insertInto("access_keys").values({ secret_id: old.secretId, secret_key: old.secretKey, uin: old.uin, created_at: 1 }).execute();
    await db.destroy();
    assert.ok(sqliteBytes(dataDir).includes(old.secretKey), "the old store keeps the key in clear");

    const server = await TcoServer.start({ dataDir });
    try {
      assert.equal(await authenticates(server, old), true);
      const raw = new Database(join(dataDir, "tco.sqlite"), { readonly: true });
      const row = raw.prepare("SELECT secret_key, sealed FROM access_keys WHERE secret_id = ?").get(old.secretId) as { secret_key: string; sealed: number };
      raw.close();
      assert.equal(row.sealed, 1);
      assert.ok(!row.secret_key.includes(old.secretKey));
    } finally {
      await server.stop();
    }
  });
});

describe("secrets at rest [postgres]", { skip: !TEST_DATABASE_URL && "TCO_TEST_DATABASE_URL is not set" }, () => {
  it("[postgres] keeps no SecretKey in clear; servers sharing the schema and TCO_MASTER_KEY authenticate it; another key refuses to start", async () => {
    const schema = `tco_keys_${randomBytes(6).toString("hex")}`;
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    let a: TcoServer | undefined;
    let b: TcoServer | undefined;
    try {
      await client.query(`CREATE SCHEMA "${schema}"`);
      a = await TcoServer.start({ postgres: true, sharedSchema: schema });
      const account = await a.createAccount();
      const { rows } = await client.query(`SELECT secret_key, sealed FROM "${schema}".access_keys`);
      assert.ok(rows.length >= 2);
      for (const row of rows) {
        assert.equal(row.sealed, 1);
        assert.ok(!row.secret_key.includes(account.secretKey));
      }
      // a second node on its own data directory, given the shared key
      b = await TcoServer.start({ postgres: true, sharedSchema: schema, env: { TCO_MASTER_KEY: TEST_MASTER_KEY } });
      assert.equal(await authenticates(b, account), true);
      // a node without the shared key generates its own in its data directory: refused, with the reason
      await assert.rejects(TcoServer.start({ postgres: true, sharedSchema: schema, env: { TCO_MASTER_KEY: "" } }), /master key does not open this database's secret keys/);
    } finally {
      await a?.stop();
      await b?.stop();
      await client.end();
      await dropSchema(schema);
    }
  });
});
