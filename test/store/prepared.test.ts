import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { insertRow, prepared, preparedList, updateRow } from "../../src/store/prepared.js";
import type { Store } from "../../src/store/store.js";
import { DIALECTS } from "../helpers/dialects.js";

const BY_UIN = prepared<{ uin: number }>()((db, a) => db.selectFrom("accounts").select(["uin", "name"]).where("uin", "=", a.uin));
const BY_NAME_PAGE = prepared<{ prefix: string; end: string; limit: number }>()((db, a) =>
  db.selectFrom("accounts").select("uin").where("name", ">=", a.prefix).where("name", "<", a.end).where("site", "=", "china").orderBy("uin").limit(a.limit),
);
const RENAME = prepared<{ uin: number; name: string }>()((db, a) => db.updateTable("accounts").set({ name: a.name }).where("uin", "=", a.uin));
const BY_UINS = preparedList<{ site: string }, number>()((db, a, uins) =>
  db.selectFrom("accounts").select("uin").where("site", "=", a.site as "china").where("uin", "in", uins).orderBy("uin"),
);
const INSERT = insertRow("accounts");
const UPDATE = updateRow("accounts", "uin");
const INLINED = prepared<{ name: string }>()((db, a) => db.selectFrom("accounts").select("uin").where(sql.raw<boolean>(`name = '${a.name}'`)));

/** the raw database of a store (tests only) */
const dbOf = (store: Store) => (store as unknown as { db: Parameters<typeof BY_UIN.rows>[0] }).db;

for (const dialect of DIALECTS) {
  describe(`prepared queries [${dialect.name}]`, () => {
    let store: Store;
    before(async () => {
      store = await dialect.open();
      await store.accounts.insertMany(
        Array.from({ length: 5 }, (_, i) => ({ uin: 100000000700 + i, name: `p${i}`, verification: "none" as const, site: i === 4 ? ("intl" as const) : ("china" as const), createdAt: 1 })),
      );
    });
    after(async () => {
      await dialect.dispose(store);
    });

    it("answer what the query answers, whatever the arguments, bound in their places beside the constants", async () => {
      for (let i = 0; i < 5; i++) assert.deepEqual(await BY_UIN.first(dbOf(store), { uin: 100000000700 + i }), { uin: 100000000700 + i, name: `p${i}` });
      assert.equal(await BY_UIN.first(dbOf(store), { uin: 1 }), undefined);
      const page = await BY_NAME_PAGE.rows(dbOf(store), { prefix: "p", end: "q", limit: 3 });
      assert.deepEqual(page.map((r) => r.uin), [100000000700, 100000000701, 100000000702]);
      const rest = await BY_NAME_PAGE.rows(dbOf(store), { prefix: "p2", end: "p9", limit: 10 });
      assert.deepEqual(rest.map((r) => r.uin), [100000000702, 100000000703], "the intl account is left out by the constant");
    });

    it("with an IN list: answer for lists of any length, each length compiled apart", async () => {
      const all = Array.from({ length: 5 }, (_, i) => 100000000700 + i);
      assert.deepEqual((await BY_UINS.rows(dbOf(store), { site: "china" }, all)).map((r) => r.uin), all.slice(0, 4));
      assert.deepEqual((await BY_UINS.rows(dbOf(store), { site: "intl" }, all)).map((r) => r.uin), [100000000704]);
      assert.deepEqual((await BY_UINS.rows(dbOf(store), { site: "china" }, [all[2]])).map((r) => r.uin), [all[2]]);
      const long = [...Array.from({ length: 200 }, (_, i) => i + 1), all[1]];
      assert.deepEqual((await BY_UINS.rows(dbOf(store), { site: "china" }, long)).map((r) => r.uin), [all[1]]);
    });

    it("run statements, inside a transaction too, and see its writes there", async () => {
      assert.equal(await RENAME.run(dbOf(store), { uin: 100000000700, name: "renamed" }), 1);
      await assert.rejects(
        store.transaction(async (tx) => {
          await RENAME.run(dbOf(tx), { uin: 100000000701, name: "inside" });
          assert.equal((await BY_UIN.first(dbOf(tx), { uin: 100000000701 }))?.name, "inside");
          throw new Error("boom");
        }),
        /boom/,
      );
      assert.equal((await BY_UIN.first(dbOf(store), { uin: 100000000700 }))?.name, "renamed");
      assert.equal((await BY_UIN.first(dbOf(store), { uin: 100000000701 }))?.name, "p1");
    });

    it("insert and update rows by the columns given (null and left-out ones included), expressions through Kysely", async () => {
      await INSERT(dbOf(store), { uin: 100000000800, name: "n1", mail: null, verification: "none", site: "china", created_at: 5 });
      await INSERT(dbOf(store), { uin: 100000000801, name: "n2", mail: "x@example.com", verification: "personal", entity_name: "P", site: "intl", created_at: 6, agent: 1 });
      const a = await store.accounts.find(100000000800);
      const b = await store.accounts.find(100000000801);
      assert.deepEqual([a?.mail, a?.agent, a?.entity_name], [null, 0, null]);
      assert.deepEqual([b?.mail, b?.agent, b?.entity_name, b?.site], ["x@example.com", 1, "P", "intl"]);
      assert.equal(await UPDATE(dbOf(store), 100000000800, { name: "n1b", mail: "m@example.com", agent: undefined }), 1);
      assert.equal(await UPDATE(dbOf(store), 100000000801, { mail: null }), 1);
      assert.equal(await UPDATE(dbOf(store), 1, { mail: null }), 0);
      assert.equal(await UPDATE(dbOf(store), 100000000800, { created_at: sql<number>`created_at + 10` as unknown as number }), 1);
      const a2 = await store.accounts.find(100000000800);
      assert.deepEqual([a2?.name, a2?.mail, a2?.agent, a2?.created_at], ["n1b", "m@example.com", 0, 15]);
      assert.equal((await store.accounts.find(100000000801))?.mail, null);
    });

    it("refuse an argument written into the SQL text, and a missing argument", async () => {
      await assert.rejects(INLINED.rows(dbOf(store), { name: "p1" }), /inlined/);
      await assert.rejects(BY_UIN.first(dbOf(store), {} as { uin: number }), /argument uin missing/);
    });
  });
}
