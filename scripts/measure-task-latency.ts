/**
 * Measure how soon a task settles with TCO_TASK_DELAY_MS=0, on SQLite and (when
 * TCO_TEST_DATABASE_URL is set) PostgreSQL, over sequential tasks of a type whose effect draws a
 * counter:
 *  - runner, same process: the task's creator runs the runner (woken by the creation);
 *  - runner, another process: a runner on a second connection pool, which learns of the task by
 *    polling (every 250 ms, its default) — what a server sees of a task another server created;
 *  - read: TaskService.get() of a due task with no runner (it settles the task itself).
 * Runner figures are settled_at − created_at (milliseconds, as stored); read figures the duration
 * of get(). Nothing is asserted; this is a developer tool.
 *
 *   npm run build && node dist/scripts/measure-task-latency.js [tasks]
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import pino from "pino";
import { openStore, type Store } from "../src/store/store.js";
import { TaskRunner } from "../src/tasks/runner.js";
import { TaskService } from "../src/tasks/service.js";
import { TaskTypes } from "../src/tasks/task-types.js";

const TASKS = Number(process.argv[2] ?? 100);
const TYPE = "MeasureEffect";
const log = pino({ level: "warn" });
const types = new TaskTypes().register(TYPE, async (tx, task) => void (await tx.counters.next(`measure:${task.id}`, 1)));
const service = (store: Store) => new TaskService({ store, types, delayMs: 0, log });

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const summary = (xs: number[]) => `median ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

/** Create tasks one after another on `creator`, each once the previous settled; settled_at − created_at of each. */
async function viaRunner(creator: TaskService, store: Store): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < TASKS; i++) {
    const { id } = await creator.create({ type: TYPE, ownerUin: 1 });
    for (;;) {
      const row = await store.tasks.find(id);
      if (row?.status === "Success") {
        out.push(Number(row.settled_at) - Number(row.created_at));
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
  return out;
}

async function measure(label: string, open: () => Promise<Store>): Promise<void> {
  const a = await open();
  const b = await open();
  try {
    const local = service(a);
    const runner = new TaskRunner(local, { log });
    runner.start();
    console.log(`${label}, runner in the same process: ${summary(await viaRunner(local, a))}`);
    await runner.stop();

    const remote = new TaskRunner(service(b), { log });
    remote.start();
    console.log(`${label}, runner in another process: ${summary(await viaRunner(service(a), a))}`);
    await remote.stop();

    const reader = service(a);
    const reads: number[] = [];
    for (let i = 0; i < TASKS; i++) {
      const { id } = await reader.create({ type: TYPE, ownerUin: 1 });
      const started = performance.now();
      const task = await reader.get(id);
      reads.push(performance.now() - started);
      if (task?.status !== "Success") throw new Error(`read answered ${task?.status}`);
    }
    console.log(`${label}, read of a due task: ${summary(reads)}`);
  } finally {
    await a.close();
    await b.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), "tco-task-latency-"));
try {
  await measure("SQLite", () => openStore({ sqliteFile: join(dir, "tco.sqlite") }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const url = process.env.TCO_TEST_DATABASE_URL;
if (url) {
  const schema = `tco_latency_${randomBytes(6).toString("hex")}`;
  try {
    await measure("PostgreSQL", () => openStore({ databaseUrl: url, schema }));
  } finally {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  }
}
