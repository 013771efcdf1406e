import type { Logger } from "pino";
import { ApiError } from "../protocol/api-error.js";
import type { Store } from "../store/store.js";
import type { TaskRow, TaskSettlement } from "../store/tasks-repo.js";
import { taskOf, type Task } from "./task.js";
import type { TaskTypes } from "./task-types.js";

/** What settling needs besides the task: the handlers, a clock and a log for the unexpected. */
export interface SettleDeps {
  types: TaskTypes;
  now: () => number;
  log: Logger;
}

const INTERNAL_FAILURE = {
  en: "The task failed because of an internal error; the server log has the details under the task's ID.",
  zh: "任务因内部错误失败，详情见服务端日志中该任务 ID 的记录。",
};

/**
 * Settle one task in progress that this transaction holds (claimed or locked): run its type's
 * handler, whose writes are the task's effects, and record the outcome in the same transaction.
 * A task an operator armed to fail (FailNextTasks) fails without running its handler. Throws,
 * losing the transaction, only when the database fails or the task turns out settled already.
 */
export async function settleTask(tx: Store, row: TaskRow, deps: SettleDeps): Promise<Task> {
  const task = taskOf(row);
  const outcome = row.injected_reason !== null ? failure({ en: row.injected_reason, zh: row.injected_reason }) : await runHandler(tx, task, deps);
  const at = deps.now();
  if (!(await tx.tasks.settle(task.id, outcome, at))) throw new Error(`task ${task.id} is no longer in progress: another transaction settled it`);
  const settled: Task = { ...task, status: outcome.status, settledAt: at };
  if (outcome.status === "Failed") settled.failure = outcome.code === undefined ? { reason: outcome.reason } : { code: outcome.code, reason: outcome.reason };
  return settled;
}

const failure = (reason: { en: string; zh: string }, code?: string): TaskSettlement => (code === undefined ? { status: "Failed", reason } : { status: "Failed", code, reason });

async function runHandler(tx: Store, task: Task, deps: SettleDeps): Promise<TaskSettlement> {
  const handler = deps.types.handlerOf(task.type);
  if (!handler) {
    deps.log.error({ taskId: task.id, taskType: task.type }, "task type has no handler on this server; the task fails");
    return failure({
      en: `No handler is registered for task type ${task.type} on the server that settled the task.`,
      zh: `结算该任务的服务端未注册任务类型 ${task.type} 的处理程序。`,
    });
  }
  const result = await tx.tasks.attempt(() => handler(tx, task));
  if (result.ok) return { status: "Success" };
  if (result.error instanceof ApiError) return failure({ en: result.error.messageIn("en"), zh: result.error.messageIn("zh") }, result.error.code);
  deps.log.error({ err: result.error, taskId: task.id, taskType: task.type }, "task handler failed unexpectedly; the task fails");
  return failure(INTERNAL_FAILURE);
}
