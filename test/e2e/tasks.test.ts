import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import type { Store } from "../../src/store/store.js";
import { errorCode, MAIN_JS, ROOT_SECRET_ID, ROOT_SECRET_KEY, TcoServer } from "../helpers/server.js";
import { EFFECT_TYPE, testTaskService } from "../helpers/tasks.js";

const run = promisify(execFile);

describe("tasks of a running server", () => {
  let server: TcoServer;
  let store: Store;
  before(async () => {
    server = await TcoServer.start();
    store = await server.openStore();
  });
  after(async () => {
    await server?.stop();
  });

  /** The stored row of a task once something settled it (this test never reads through get(), which would settle it here). */
  async function settledRow(id: string) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const row = await store.tasks.find(id);
      if (row && row.status !== "InProgress") return row;
      assert.ok(Date.now() < deadline, `task ${id} still in progress`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("`tco task fail-next` arms failures in the database that tasks created by another process meet; the server's runner settles them", async () => {
    const { stdout } = await run(process.execPath, [MAIN_JS, "task", "fail-next", "--type", EFFECT_TYPE, "--count", "2", "--reason", "quota exhausted", "--endpoint", server.url], {
      env: { ...process.env, TCO_ROOT_SECRET_ID: ROOT_SECRET_ID, TCO_ROOT_SECRET_KEY: ROOT_SECRET_KEY },
    });
    assert.equal(stdout.trim(), `next 2 task(s) of type ${EFFECT_TYPE} will fail`);

    // created here, settled by the server's runner, which knows no task type yet
    const tasks = testTaskService(store);
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await tasks.create({ type: EFFECT_TYPE, ownerUin: 100000000010 }));
    const rows = await Promise.all(created.map((t) => settledRow(t.id)));
    for (const row of rows.slice(0, 2)) assert.deepEqual([row.status, row.failure_reason, row.failure_reason_zh], ["Failed", "quota exhausted", "quota exhausted"]);
    assert.equal(rows[2].status, "Failed");
    assert.match(rows[2].failure_reason ?? "", new RegExp(`No handler is registered for task type ${EFFECT_TYPE}`));
  });

  it("FailNextTasks checks its parameters; Count 0 disarms; ResetState empties the task tables", async () => {
    assert.equal(await errorCode(server.operator("FailNextTasks", { TaskType: "9bad type", Count: 1, Reason: "r" })), "InvalidParameterValue");
    assert.equal(await errorCode(server.operator("FailNextTasks", { TaskType: EFFECT_TYPE, Count: 2 })), "MissingParameter");
    assert.equal(await errorCode(server.operator("FailNextTasks", { TaskType: EFFECT_TYPE, Count: 2_000_000, Reason: "r" })), "InvalidParameterValue");
    assert.equal(await errorCode(server.operator("FailNextTasks", { TaskType: EFFECT_TYPE, Count: 1, Reason: "r".repeat(1025) })), "InvalidParameterValue");

    assert.deepEqual(await server.operator("FailNextTasks", { TaskType: "Other", Count: 3, Reason: "r" }).then(({ RequestId: _, ...r }) => r), { TaskType: "Other", Remaining: 3 });
    await server.operator("FailNextTasks", { TaskType: "Other", Count: 0 });
    assert.deepEqual(await store.tasks.listFaults(), []);

    await server.operator("FailNextTasks", { TaskType: EFFECT_TYPE, Count: 5, Reason: "later" });
    const task = await testTaskService(store).create({ type: "TestFailing", ownerUin: 100000000010, payload: { throw: "api" } });
    await settledRow(task.id);
    await server.operator("ResetState");
    assert.equal(await store.tasks.find(task.id), undefined);
    assert.deepEqual(await store.tasks.listFaults(), []);
  });

  it("stops cleanly at SIGTERM, runner included", async () => {
    await store.close();
    assert.equal(await server.stop(), 0);
  });
});
