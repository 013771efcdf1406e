import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { openStore } from "../../src/store/store.js";

describe("SQLite write-ahead log", () => {
  it("is copied into the database file beside the connection, and the store closes cleanly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tco-ckpt-"));
    const file = join(dir, "tco.sqlite");
    const store = await openStore({ sqliteFile: file });
    try {
      for (let i = 0; i < 200; i++) {
        await store.accounts.insert({ uin: 100000002000 + i, name: `c${i}`, verification: "none", site: "china", createdAt: 1 });
      }
      // a second connection asks how much of the log is in the database file; a PASSIVE request copies nothing while another runs
      const probe = new Database(file);
      let state = { log: -1, checkpointed: -2 };
      for (let i = 0; i < 100 && state.log !== state.checkpointed; i++) {
        await sleep(50);
        const [row] = probe.pragma("wal_checkpoint(NOOP)") as { busy: number; log: number; checkpointed: number }[];
        state = row;
      }
      probe.close();
      assert.equal(state.checkpointed, state.log, "every frame of the log was copied");
      assert.equal((await store.accounts.find(100000002199))?.name, "c199");
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
