import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import pino from "pino";
import type { Store } from "../../src/store/store.js";
import { TaskRunner } from "../../src/tasks/runner.js";
import { DIALECTS } from "../helpers/dialects.js";
import { capturingLogger, EFFECT_TYPE, effectsOf, testTaskService, testTaskTypes } from "../helpers/tasks.js";

const silent = pino({ level: "silent" });

/** Wait until `check` holds, polling every few milliseconds; fails after `ms`. */
async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

for (const dialect of DIALECTS) {
  describe(`task runner [${dialect.name}]`, () => {
    let store: Store;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });
    beforeEach(() => store.reset());

    const statusOf = async (id: string) => (await store.tasks.find(id))?.status;

    it("settles a task created in its process at its due time, without a read or a poll", async () => {
      const tasks = testTaskService(store, { delayMs: 150 });
      // a poll interval far beyond the test: only the wake-up of the creation can settle the task
      const logged: string[] = [];
      const runner = new TaskRunner(tasks, { log: capturingLogger(logged), pollMs: 600_000 });
      runner.start();
      try {
        const task = await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 });
        await until(async () => (await statusOf(task.id)) === "Success").catch((e) => assert.fail(`${e}; logged: ${logged.join("")}`));
        const row = await store.tasks.find(task.id);
        assert.ok(Number(row?.settled_at) >= task.dueAt, "not before its due time");
        assert.equal(await effectsOf(store, task.id), 1);
      } finally {
        await runner.stop();
      }
    });

    it("concurrent claims and reads settle each task exactly once", async () => {
      const seen: string[] = [];
      const tasks = testTaskService(store, { types: testTaskTypes(seen) });
      const created = [];
      for (let i = 0; i < 60; i++) created.push(await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 }));
      const runners = [1, 2, 3].map(() => new TaskRunner(tasks, { log: silent, batchSize: 7 }));
      const [byRunners, reads] = await Promise.all([
        Promise.all(runners.map((r) => r.settleAllDue())),
        Promise.all(created.map((t) => tasks.get(t.id))),
      ]);
      assert.ok(reads.every((t) => t?.status === "Success"), "every read answers the settled task");
      assert.equal(seen.length, 60, "each handler ran once");
      assert.equal(new Set(seen).size, 60);
      assert.ok(byRunners.reduce((sum, r) => sum + r.settled, 0) <= 60);
      for (const t of created) assert.equal(await effectsOf(store, t.id), 1, `effect of ${t.id}`);
    });

    it("stop() lets the claim in flight settle its current task and commit; the rest of the claim goes back", async () => {
      let entered!: (taskId: string) => void;
      const inHandler = new Promise<string>((resolve) => (entered = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const types = testTaskTypes().register("TestGated", async (tx, task) => {
        entered(task.id);
        await gate;
        await tx.counters.next(`task-effect:${task.id}`, 1);
      });
      const tasks = testTaskService(store, { types });
      const created = [];
      for (let i = 0; i < 3; i++) created.push(await tasks.create({ type: "TestGated", ownerUin: 1 }));
      const runner = new TaskRunner(tasks, { log: silent, pollMs: 600_000 });
      runner.start();
      const first = await inHandler;
      const stopped = runner.stop();
      release();
      await stopped;
      // the claim's first task (oldest due, then lowest id) settled; the two after it did not
      const rest = created.filter((t) => t.id !== first);
      assert.deepEqual(await Promise.all([first, ...rest.map((t) => t.id)].map(statusOf)), ["Success", "InProgress", "InProgress"]);
      assert.equal(await effectsOf(store, first), 1);

      // stopped: a new task stays in progress; the ones given back are free to settle
      const later = await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(await statusOf(later.id), "InProgress");
      assert.equal((await tasks.get(rest[0].id))?.status, "Success");
    });
  });
}
