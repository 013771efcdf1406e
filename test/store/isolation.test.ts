import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setImmediate as tick } from "node:timers/promises";
import type { Store } from "../../src/store/store.js";
import { DIALECTS } from "../helpers/dialects.js";

const account = (uin: number) => ({ uin, name: `a${uin}`, verification: "none" as const, site: "china" as const, createdAt: 1 });

for (const dialect of DIALECTS) {
  describe(`queries beside an open transaction [${dialect.name}]`, () => {
    let store: Store;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    it("do not see its writes until it commits, and see none of a rolled-back one", async () => {
      let inserted!: () => void;
      const wrote = new Promise<void>((resolve) => (inserted = resolve));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const committed = store.transaction(async (tx) => {
        await tx.accounts.insert(account(100000000901));
        assert.equal((await tx.accounts.find(100000000901))?.uin, 100000000901, "the transaction reads its own write");
        inserted();
        await held;
      });
      await wrote;
      const outside = store.accounts.find(100000000901);
      await tick();
      release();
      await committed;
      // SQLite serialises the read after the transaction, PostgreSQL reads the committed state before it: either way, no uncommitted row
      const seen = await outside;
      assert.ok(seen === undefined || seen.uin === 100000000901);
      assert.equal((await store.accounts.find(100000000901))?.uin, 100000000901);

      let rollback!: () => void;
      const wrote2 = new Promise<void>((resolve) => (rollback = resolve));
      const failed = store.transaction(async (tx) => {
        await tx.accounts.insert(account(100000000902));
        rollback();
        await tick();
        throw new Error("boom");
      });
      await wrote2;
      const during = await Promise.all([store.accounts.find(100000000902), failed.catch((e: Error) => e.message)]);
      assert.deepEqual(during, [undefined, "boom"]);
      assert.equal(await store.accounts.find(100000000902), undefined);
    });

    it("answer while transactions run one after another", async () => {
      const uins = Array.from({ length: 20 }, (_, i) => 100000000910 + i);
      const reads: Promise<unknown>[] = [];
      await Promise.all(
        uins.map((uin) =>
          store.transaction(async (tx) => {
            reads.push(store.accounts.find(uin));
            await tx.accounts.insert(account(uin));
            await tick();
          }),
        ),
      );
      await Promise.all(reads);
      assert.equal((await Promise.all(uins.map((uin) => store.accounts.find(uin)))).filter(Boolean).length, uins.length);
    });
  });
}
