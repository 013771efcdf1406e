import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import type { Store } from "../../src/store/store.js";
import { newTaskId } from "../../src/tasks/task.js";
import { TaskTypes } from "../../src/tasks/task-types.js";
import { DIALECTS } from "../helpers/dialects.js";
import { capturingLogger, EFFECT_TYPE, effectsOf, FAILING_TYPE, testTaskService, testTaskTypes } from "../helpers/tasks.js";

/** Ids t-000000000001, t-000000000002, ... (a generator tests fix). */
function sequentialIds(prefix: string) {
  let n = 0;
  return () => `t-${prefix}${String(++n).padStart(12 - prefix.length, "0")}`;
}

it("task ids are t- and 12 lowercase letters or digits, like the API's examples", () => {
  const ids = Array.from({ length: 200 }, newTaskId);
  for (const id of ids) assert.match(id, /^t-[a-z0-9]{12}$/);
  assert.equal(new Set(ids).size, ids.length);
});

for (const dialect of DIALECTS) {
  describe(`task service [${dialect.name}]`, () => {
    let store: Store;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });
    // no task of an earlier test is left to claim
    beforeEach(() => store.reset());

    it("creates a task in progress with the generator's id, due after the delay", async () => {
      const tasks = testTaskService(store, { delayMs: 500, now: () => 10_000, newId: sequentialIds("a") });
      const task = await tasks.create({ type: EFFECT_TYPE, ownerUin: 100000000010, zoneId: "z-abc", payload: { n: 1, s: "x" } });
      assert.deepEqual(task, { id: "t-a00000000001", type: EFFECT_TYPE, ownerUin: 100000000010, zoneId: "z-abc", payload: { n: 1, s: "x" }, status: "InProgress", createdAt: 10_000, dueAt: 10_500 });
      assert.deepEqual(await store.tasks.find(task.id).then((r) => r?.status), "InProgress");
      await assert.rejects(tasks.create({ type: "NotRegistered", ownerUin: 1 }), /not registered/);
    });

    it("a read before the due time answers InProgress; a read after it settles the task with its effect, once", async () => {
      let now = 20_000;
      const seen: string[] = [];
      const tasks = testTaskService(store, { types: testTaskTypes(seen), delayMs: 500, now: () => now, newId: sequentialIds("b") });
      const { id } = await tasks.create({ type: EFFECT_TYPE, ownerUin: 100000000010 });
      now = 20_499;
      assert.equal((await tasks.get(id))?.status, "InProgress");
      assert.equal(await effectsOf(store, id), 0);
      now = 20_500;
      const settled = await tasks.get(id);
      assert.deepEqual({ status: settled?.status, settledAt: settled?.settledAt, failure: settled?.failure }, { status: "Success", settledAt: 20_500, failure: undefined });
      now = 30_000;
      assert.deepEqual(await tasks.get(id), settled, "a later read answers the stored outcome");
      assert.equal(await effectsOf(store, id), 1);
      assert.deepEqual(seen, [id]);
      assert.equal(await tasks.get("t-nosuchtask00"), undefined);
    });

    it("a claim settles only the due tasks, each once", async () => {
      let now = 40_000;
      const seen: string[] = [];
      const tasks = testTaskService(store, { types: testTaskTypes(seen), delayMs: 100, now: () => now, newId: sequentialIds("c") });
      const early = await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 });
      now = 40_050;
      const late = await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 });
      now = 40_100;
      assert.deepEqual(await tasks.settleDue(10), { claimed: 1, settled: 1, dueBy: now });
      assert.deepEqual(await tasks.settleDue(10), { claimed: 0, settled: 0, dueBy: now });
      assert.equal(await tasks.nextDue(), 40_150);
      now = 40_150;
      assert.deepEqual(await tasks.settleDue(10), { claimed: 1, settled: 1, dueBy: now });
      assert.deepEqual(seen, [early.id, late.id]);
      assert.equal(await tasks.nextDue(), undefined);
    });

    it("the database settles a task once: the settling update applies only to a task in progress", async () => {
      const tasks = testTaskService(store, { newId: sequentialIds("d") });
      const { id } = await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 });
      assert.equal(await store.tasks.settle(id, { status: "Success" }, 1), true);
      assert.equal(await store.tasks.settle(id, { status: "Failed", reason: { en: "late", zh: "晚了" } }, 2), false);
      assert.equal(await store.tasks.settle(id, { status: "Success" }, 3), false);
      const row = await store.tasks.find(id);
      assert.deepEqual([row?.status, Number(row?.settled_at), row?.failure_reason], ["Success", 1, null]);
      // and it refuses rows that break the settled-time and reason invariants
      const bad = { task_id: "t-badrow000001", task_type: EFFECT_TYPE, owner_uin: 1, zone_id: null, payload: "null", injected_reason: null, failure_code: null, created_at: 1, due_at: 1 };
      await assert.rejects(store.tasks.insert({ ...bad, status: "Success", failure_reason: null, failure_reason_zh: null, settled_at: null }));
      await assert.rejects(store.tasks.insert({ ...bad, status: "Failed", failure_reason: null, failure_reason_zh: null, settled_at: 1 }));
      await assert.rejects(store.tasks.insert({ ...bad, status: "InProgress", failure_reason: null, failure_reason_zh: null, settled_at: 1 }));
    });

    it("FailNextTasks: the next tasks of the type fail with the reason without running their handler; others do not", async () => {
      const seen: string[] = [];
      const tasks = testTaskService(store, { types: testTaskTypes(seen), newId: sequentialIds("e") });
      await tasks.failNext(EFFECT_TYPE, 5, "first");
      await tasks.failNext(EFFECT_TYPE, 2, "quota exhausted"); // replaces
      const [a, b, c] = [await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 }), await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 }), await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 })];
      const other = await tasks.create({ type: FAILING_TYPE, ownerUin: 1, payload: { throw: "api" } });
      assert.deepEqual(await store.tasks.listFaults(), [], "used up and gone");
      for (const t of [a, b]) {
        const settled = await tasks.get(t.id);
        assert.equal(settled?.status, "Failed");
        assert.deepEqual(settled?.failure, { reason: { en: "quota exhausted", zh: "quota exhausted" } });
        assert.equal(await effectsOf(store, t.id), 0);
      }
      assert.equal((await tasks.get(c.id))?.status, "Success");
      assert.equal((await tasks.get(other.id))?.failure?.code, "FailedOperation.IdentityCenterNotOpen", "its own handler's outcome");
      assert.deepEqual(seen, [c.id, other.id]);

      await tasks.failNext(EFFECT_TYPE, 3, "x");
      await tasks.failNext(EFFECT_TYPE, 0, "");
      assert.equal((await tasks.get((await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 })).id))?.status, "Success", "count 0 disarms");
    });

    it("a handler's ApiError fails the task with its code and message in both languages, and undoes its writes", async () => {
      const tasks = testTaskService(store, { newId: sequentialIds("f") });
      const { id } = await tasks.create({ type: FAILING_TYPE, ownerUin: 1, payload: { throw: "api" } });
      const settled = await tasks.get(id);
      assert.equal(settled?.status, "Failed");
      assert.deepEqual(settled?.failure, { code: "FailedOperation.IdentityCenterNotOpen", reason: { en: "The zone is closed.", zh: "空间已关闭。" } });
      assert.deepEqual(await tasks.get(id), settled, "as stored");
      assert.equal(await effectsOf(store, id), 0);
    });

    it("an unexpected error is logged and fails the task with a generic reason; a failed statement does not lose the claim's other tasks", async () => {
      const lines: string[] = [];
      await store.accounts.insert({ uin: 100000000900, name: "taken", verification: "none", site: "china", createdAt: 1 });
      const tasks = testTaskService(store, { log: capturingLogger(lines), newId: sequentialIds("g") });
      const bug = await tasks.create({ type: FAILING_TYPE, ownerUin: 1, payload: { throw: "bug" } });
      const sqlError = await tasks.create({ type: FAILING_TYPE, ownerUin: 1, payload: { throw: "sql", uin: 100000000900 } });
      const fine = await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 });
      const claim = await tasks.settleDue(10);
      assert.deepEqual([claim.claimed, claim.settled], [3, 3]);
      for (const t of [bug, sqlError]) {
        const settled = await tasks.get(t.id);
        assert.equal(settled?.status, "Failed");
        assert.equal(settled?.failure?.code, undefined);
        assert.match(settled?.failure?.reason.en ?? "", /internal error/);
        assert.match(settled?.failure?.reason.zh ?? "", /内部错误/);
        assert.equal(await effectsOf(store, t.id), 0, "its writes are undone");
        const logged = lines.map((l) => JSON.parse(l)).find((l) => l.taskId === t.id);
        assert.equal(logged?.level, 50, "logged as an error");
        assert.ok(logged?.err, "with the error");
      }
      assert.equal((await tasks.get(fine.id))?.status, "Success");
      assert.equal(await effectsOf(store, fine.id), 1);
    });

    it("a task whose type has no handler on the settling server fails rather than stay in progress", async () => {
      const lines: string[] = [];
      const creator = testTaskService(store, { newId: sequentialIds("h") });
      const settler = testTaskService(store, { types: new TaskTypes(), log: capturingLogger(lines) });
      const { id } = await creator.create({ type: EFFECT_TYPE, ownerUin: 1 });
      const settled = await settler.get(id);
      assert.equal(settled?.status, "Failed");
      assert.match(settled?.failure?.reason.en ?? "", new RegExp(`task type ${EFFECT_TYPE}`));
      assert.ok(lines.some((l) => JSON.parse(l).taskId === id));
    });

    it("reset empties the task tables", async () => {
      const tasks = testTaskService(store, { newId: sequentialIds("i") });
      const { id } = await tasks.create({ type: EFFECT_TYPE, ownerUin: 1 });
      await tasks.failNext(EFFECT_TYPE, 1, "armed");
      await store.reset();
      assert.equal(await store.tasks.find(id), undefined);
      assert.deepEqual(await store.tasks.listFaults(), []);
    });
  });
}
