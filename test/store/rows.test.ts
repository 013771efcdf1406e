import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql, type Kysely } from "kysely";
import type { Store } from "../../src/store/store.js";
import { DIALECTS } from "../helpers/dialects.js";

/** the raw database of a store (tests only) */
const dbOf = (store: Store) => (store as unknown as { db: Kysely<any> }).db;

for (const dialect of DIALECTS) {
  describe(`rows as the store answers them [${dialect.name}]`, () => {
    let store: Store;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    it("are keyed by column name, the later of two same-named columns winning, and follow a table that gains a column", async () => {
      const db = dbOf(store);
      await sql`create table scratch_rows (id integer primary key, a text, b integer)`.execute(db);
      await sql`insert into scratch_rows (id, a, b) values (1, 'x', 10), (2, null, 20)`.execute(db);
      const star = () => db.selectFrom("scratch_rows").selectAll().orderBy("id").execute();
      assert.deepEqual(await star(), [
        { id: 1, a: "x", b: 10 },
        { id: 2, a: null, b: 20 },
      ]);
      const same = await sql<{ v: number }>`select b as v, id as v from scratch_rows order by id`.execute(db);
      assert.deepEqual(same.rows, [{ v: 1 }, { v: 2 }]);
      await sql`alter table scratch_rows add column c text default 'new'`.execute(db);
      assert.deepEqual(await star(), [
        { id: 1, a: "x", b: 10, c: "new" },
        { id: 2, a: null, b: 20, c: "new" },
      ]);
      assert.deepEqual(await db.selectFrom("scratch_rows").select(["b", "a"]).where("id", "=", 3).execute(), []);
    });
  });
}
