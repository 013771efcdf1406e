/**
 * A task runner in a process of its own, for the multi-process task tests: it registers the test
 * task types (test/helpers/tasks.ts) and runs a TaskRunner on the database named by
 * TCO_TASK_CHILD_DB (`postgres:<schema>` on TCO_TEST_DATABASE_URL, or `sqlite:<file>`), polling
 * every TCO_TASK_CHILD_POLL_MS (default 10). It prints `ready` once running; at SIGTERM it stops
 * the runner, prints `{"settled":N}` (the tasks it settled) and exits 0.
 *
 *   node dist/test/helpers/task-runner-process.js --run
 *
 * Without `--run` it does nothing (the test runner may load it as a module).
 */
import pino from "pino";
import { openStore } from "../../src/store/store.js";
import { TaskRunner } from "../../src/tasks/runner.js";
import { testTaskService } from "./tasks.js";

async function main(): Promise<void> {
  const db = process.env.TCO_TASK_CHILD_DB ?? "";
  const [kind, name] = [db.slice(0, db.indexOf(":")), db.slice(db.indexOf(":") + 1)];
  if ((kind !== "postgres" && kind !== "sqlite") || !name) throw new Error(`TCO_TASK_CHILD_DB must be postgres:<schema> or sqlite:<file>, got "${db}"`);
  const store = kind === "postgres" ? await openStore({ databaseUrl: process.env.TCO_TEST_DATABASE_URL, schema: name }) : await openStore({ sqliteFile: name });
  const log = pino({ level: "error" }, process.stderr);
  const runner = new TaskRunner(testTaskService(store, { log }), { log, pollMs: Number(process.env.TCO_TASK_CHILD_POLL_MS ?? 10) });
  runner.start();
  process.stdout.write("ready\n");
  process.once("SIGTERM", () => {
    void runner
      .stop()
      .then(() => store.close())
      .then(() => {
        process.stdout.write(JSON.stringify({ settled: runner.settled }) + "\n");
        process.exit(0);
      });
  });
}

if (process.argv.includes("--run")) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
