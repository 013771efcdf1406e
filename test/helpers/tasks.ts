import pino, { type Logger } from "pino";
import { ApiError } from "../../src/protocol/api-error.js";
import type { Store } from "../../src/store/store.js";
import { TaskService } from "../../src/tasks/service.js";
import type { Task } from "../../src/tasks/task.js";
import { TaskTypes } from "../../src/tasks/task-types.js";

/** A test task type whose effect is a counter named after the task, drawn once per application. */
export const EFFECT_TYPE = "TestEffect";
/** Like EFFECT_TYPE, but its handler draws the counter and then throws what the payload says. */
export const FAILING_TYPE = "TestFailing";

/** The counter a task of the test types draws: 1 after one application of its effect, 2 after two. */
export const effectCounter = (taskId: string) => `task-effect:${taskId}`;

/** How many times a task's effect was applied (its counter's value; 0 when never). */
export async function effectsOf(store: Store, taskId: string): Promise<number> {
  return (await store.counters.value(effectCounter(taskId))) ?? 0;
}

/** What a FAILING_TYPE task throws after drawing its counter. */
export type FailingPayload = { throw: "api" } | { throw: "bug" } | { throw: "sql"; uin: number };

/**
 * The test task types, registered from test code: EFFECT_TYPE, and FAILING_TYPE (whose payload
 * picks an ApiError, a plain Error, or a failing statement: inserting an account that exists).
 * `seen` records the tasks whose handlers ran.
 */
export function testTaskTypes(seen: string[] = []): TaskTypes {
  return new TaskTypes()
    .register(EFFECT_TYPE, async (tx: Store, task: Task) => {
      seen.push(task.id);
      await tx.counters.next(effectCounter(task.id), 1);
    })
    .register(FAILING_TYPE, async (tx: Store, task: Task) => {
      seen.push(task.id);
      await tx.counters.next(effectCounter(task.id), 1);
      const p = task.payload as FailingPayload;
      if (p.throw === "api") throw new ApiError("FailedOperation.IdentityCenterNotOpen", { en: "The zone is closed.", zh: "空间已关闭。" });
      if (p.throw === "sql") await tx.accounts.insert({ uin: p.uin, name: "again", verification: "none", site: "china", createdAt: 1 });
      throw new Error("a bug in a task handler");
    });
}

/** A logger that keeps its JSON lines in `lines`. */
export function capturingLogger(lines: string[]): Logger {
  return pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
}

export interface TestTaskServiceOptions {
  types?: TaskTypes;
  delayMs?: number;
  now?: () => number;
  newId?: () => string;
  log?: Logger;
}

/** A task service over `store` with the test task types, due at once, logging nowhere unless told. */
export function testTaskService(store: Store, o: TestTaskServiceOptions = {}): TaskService {
  return new TaskService({
    store,
    types: o.types ?? testTaskTypes(),
    delayMs: o.delayMs ?? 0,
    log: o.log ?? pino({ level: "silent" }),
    now: o.now,
    newId: o.newId,
  });
}
