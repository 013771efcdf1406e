import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { isUniqueViolation } from "../../src/store/errors.js";
import type { Store } from "../../src/store/store.js";
import { DIALECTS } from "../helpers/dialects.js";

for (const dialect of DIALECTS) {
  describe(`store [${dialect.name}]`, () => {
    let store: Store;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    it("hands out distinct counter values to concurrent callers", async () => {
      const values = await Promise.all(Array.from({ length: 50 }, () => store.counters.next("test", 1000)));
      assert.equal(new Set(values).size, 50);
      assert.equal(Math.min(...values), 1000);
      assert.equal(Math.max(...values), 1049);
    });

    it("stores accounts and keys, and refuses a second account with the same UIN", async () => {
      await store.accounts.insert({ uin: 100000000500, name: "a", verification: "enterprise", entityName: "E", site: "china", createdAt: 1 });
      await store.keys.insert({ secret_id: "AKIDx", secret_key: "k", uin: 100000000500, created_at: 1 });
      assert.equal((await store.keys.find("AKIDx"))?.uin, 100000000500);
      const err = await store.accounts.insert({ uin: 100000000500, name: "b", verification: "none", site: "china", createdAt: 1 }).catch((e) => e);
      assert.ok(isUniqueViolation(err));
    });

    it("rolls back every write of a failed transaction", async () => {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.accounts.insert({ uin: 100000000600, name: "c", verification: "none", site: "china", createdAt: 1 });
          throw new Error("boom");
        }),
        /boom/,
      );
      assert.equal(await store.accounts.find(100000000600), undefined);
    });

    it("enforces one organization per account and unique sibling department names", async () => {
      await store.accounts.insert({ uin: 100000000700, name: "host", verification: "enterprise", entityName: "E", site: "china", createdAt: 1 });
      await store.organizations.insert({ org_id: 1, host_uin: 100000000700, org_type: 1, root_node_id: 10, created_at: 1 });
      const second = await store.organizations.insert({ org_id: 2, host_uin: 100000000700, org_type: 1, root_node_id: 11, created_at: 1 }).catch((e) => e);
      assert.ok(isUniqueViolation(second));
      await store.nodes.insert({ node_id: 10, org_id: 1, parent_id: null, name: "Root", remark: null, depth: 0, created_at: 1, updated_at: 1 });
      await store.nodes.insert({ node_id: 12, org_id: 1, parent_id: 10, name: "dev", remark: null, depth: 1, created_at: 1, updated_at: 1 });
      const dup = await store.nodes.insert({ node_id: 13, org_id: 1, parent_id: 10, name: "dev", remark: null, depth: 1, created_at: 1, updated_at: 1 }).catch((e) => e);
      assert.ok(isUniqueViolation(dup));
    });

    it("reset keeps only root accounts", async () => {
      await store.accounts.insert({ uin: 100000000001, name: "root", verification: "enterprise", entityName: "R", site: "china", isRoot: true, createdAt: 1 });
      await store.reset();
      const all = await store.accounts.list(0, 100);
      assert.deepEqual(all.map((a) => a.uin), [100000000001]);
    });
  });
}
