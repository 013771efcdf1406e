import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore, type Store } from "../../src/store/store.js";
import { dropSchema, TEST_DATABASE_URL } from "../helpers/dialects.js";
import { EFFECT_TYPE, effectsOf, testTaskService } from "../helpers/tasks.js";

const CHILD_JS = fileURLToPath(new URL("../helpers/task-runner-process.js", import.meta.url));
const TASKS = 1000;

/** A runner process (test/helpers/task-runner-process.ts) on `db`, once it says it runs. */
async function startRunner(db: string): Promise<{ proc: ChildProcess; lines: string[] }> {
  const proc = spawn(process.execPath, [CHILD_JS, "--run"], { env: { ...process.env, TCO_TASK_CHILD_DB: db }, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  createInterface({ input: proc.stderr! }).on("line", (line) => lines.push(line));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on("line", (line) => {
      lines.push(line);
      if (line === "ready") resolve();
    });
    proc.once("exit", (code) => reject(new Error(`runner process exited with ${code}:\n${lines.join("\n")}`)));
  });
  return { proc, lines };
}

/** SIGTERM a runner process; answers its exit code and how many tasks it says it settled. */
async function stopRunner(r: { proc: ChildProcess; lines: string[] }): Promise<{ code: number | null; settled: number }> {
  const exited = new Promise<number | null>((resolve) => r.proc.once("exit", (code) => resolve(code)));
  r.proc.kill("SIGTERM");
  const code = await exited;
  const report = r.lines.map((l) => (l.startsWith("{") ? (JSON.parse(l) as { settled?: number }) : {})).find((o) => o.settled !== undefined);
  return { code, settled: report?.settled ?? -1 };
}

for (const backend of ["sqlite", ...(TEST_DATABASE_URL ? ["postgres"] : [])] as const) {
  describe(`two runner processes on one database [${backend}]`, () => {
    const schema = `tco_tasks_${randomBytes(6).toString("hex")}`;
    const sqliteFile = join(mkdtempSync(join(tmpdir(), "tco-tasks-")), "tco.sqlite");
    let store: Store | undefined;
    const runners: { proc: ChildProcess; lines: string[] }[] = [];
    after(async () => {
      for (const r of runners) if (r.proc.exitCode === null) r.proc.kill("SIGKILL");
      await store?.close();
      if (backend === "postgres") await dropSchema(schema);
    });

    it(`[${backend}] settle ${TASKS} tasks, each exactly once with its effect applied once${backend === "postgres" ? ", both processes taking part" : ""}`, async (t) => {
      store = backend === "postgres" ? await openStore({ databaseUrl: TEST_DATABASE_URL, schema }) : await openStore({ sqliteFile });
      const db = backend === "postgres" ? `postgres:${schema}` : `sqlite:${sqliteFile}`;
      runners.push(...(await Promise.all([startRunner(db), startRunner(db)])));

      // this process only creates: its service has no runner, and it never reads a task through get();
      // the tasks come in one transaction, so the runners find all of them due at once
      const tasks = testTaskService(store);
      const started = performance.now();
      const ids: string[] = [];
      await store.transaction(async (tx) => {
        for (let i = 0; i < TASKS; i++) ids.push((await tasks.create({ type: EFFECT_TYPE, ownerUin: 100000000010, payload: { i } }, tx)).id);
      });
      const created = performance.now();
      const deadline = Date.now() + 120_000;
      while ((await store.tasks.countByStatus()).Success < TASKS) {
        assert.ok(Date.now() < deadline, `not all settled in time: ${JSON.stringify(await store.tasks.countByStatus())}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const settled = performance.now();
      const [a, b] = await Promise.all(runners.map(stopRunner));
      t.diagnostic(`${backend}: ${TASKS} tasks created in ${Math.round(created - started)} ms (one transaction), all settled ${Math.round(settled - created)} ms after its commit; by process: ${a.settled}, ${b.settled}`);

      assert.deepEqual([a.code, b.code], [0, 0], "both stop cleanly at SIGTERM");
      assert.deepEqual(await store.tasks.countByStatus(), { InProgress: 0, Success: TASKS, Failed: 0 });
      assert.equal(a.settled + b.settled, TASKS, "each task settled once");
      // PostgreSQL's claims skip each other's rows, so both runners work at once. SQLite has one
      // writer at a time: a runner that commits a batch and begins the next wins the lock over one
      // asleep in its busy handler, so one may drain the backlog alone; there the test checks that
      // two runners never settle a task twice, not that they share the work.
      if (backend === "postgres") assert.ok(a.settled > 0 && b.settled > 0, `both processes settled some: ${a.settled}, ${b.settled}`);
      assert.equal(new Set(ids).size, TASKS);
      const applied = await Promise.all(ids.map((id) => effectsOf(store!, id)));
      assert.deepEqual(
        applied.filter((n) => n !== 1),
        [],
        "each effect applied once",
      );
    });
  });
}
