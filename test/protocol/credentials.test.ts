import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createAccessKey, createAccount } from "../../src/domain/base/accounts.js";
import { createSubAccount } from "../../src/domain/base/sub-accounts.js";
import { CredentialCache } from "../../src/protocol/credentials.js";
import type { Store } from "../../src/store/store.js";
import { DIALECTS } from "../helpers/dialects.js";

for (const dialect of DIALECTS) {
  describe(`the credential cache (${dialect.name})`, () => {
    let store: Store;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    const account = async (name: string) => {
      const uin = await createAccount(store, { name, verification: "none", site: "china" }, Date.now());
      return { uin, key: await createAccessKey(store, uin, Date.now()) };
    };

    it("forgets a key as soon as its account is deleted, whoever deletes it", async () => {
      const cache = new CredentialCache(store);
      const a = await account("gone");
      assert.equal((await cache.lookup(a.key.secret_id, Date.now()))?.secretKey, a.key.secret_key);
      await store.accounts.delete(a.uin); // the keys go by cascade, not through the cache
      assert.equal(await cache.lookup(a.key.secret_id, Date.now()), undefined);
    });

    it("answers an account's new attributes as soon as it is updated", async () => {
      const cache = new CredentialCache(store);
      const a = await account("changing");
      assert.equal((await cache.lookup(a.key.secret_id, Date.now()))?.account.verification, "none");
      await store.accounts.update(a.uin, { verification: "enterprise", entityName: "E" });
      assert.equal((await cache.lookup(a.key.secret_id, Date.now()))?.account.verification, "enterprise");
    });

    it("forgets a sub-account's key as soon as the sub-account goes", async () => {
      const cache = new CredentialCache(store);
      const owner = await account("owner");
      const { key } = await store.transaction((tx) => createSubAccount(tx, owner.uin, "cam-user", Date.now()));
      assert.equal((await cache.lookup(key.secret_id, Date.now()))?.account.uin, owner.uin);
      await store.subAccounts.deleteAll();
      assert.equal(await cache.lookup(key.secret_id, Date.now()), undefined);
    });

    it("lets lookups that come together share one read of the revision", async () => {
      const cache = new CredentialCache(store);
      const a = await account("busy");
      let reads = 0;
      const revision = store.keys.revision.bind(store.keys);
      store.keys.revision = () => {
        reads++;
        return revision();
      };
      try {
        const answers = await Promise.all(Array.from({ length: 50 }, () => cache.lookup(a.key.secret_id, Date.now())));
        assert.ok(answers.every((c) => c?.account.uin === a.uin));
        assert.ok(reads >= 1 && reads <= 2, `${reads} reads for 50 lookups`);
      } finally {
        store.keys.revision = revision;
      }
    });
  });
}
