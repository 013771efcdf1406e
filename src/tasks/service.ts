import type { Logger } from "pino";
import type { Store } from "../store/store.js";
import type { TaskRow } from "../store/tasks-repo.js";
import { settleTask, type SettleDeps } from "./settle.js";
import { newTaskId, taskOf, type NewTask, type Task } from "./task.js";
import type { TaskTypes } from "./task-types.js";

/** The default of TCO_TASK_DELAY_MS: how long a task stays in progress before it may settle. */
export const DEFAULT_TASK_DELAY_MS = 1000;

export interface TaskServiceOptions {
  store: Store;
  /** the task types this process can settle */
  types: TaskTypes;
  /** milliseconds from creation until a task is due (TCO_TASK_DELAY_MS) */
  delayMs: number;
  log: Logger;
  /** epoch milliseconds; Date.now unless given */
  now?: () => number;
  /** new task ids; random `t-...` ids (newTaskId) unless given */
  newId?: () => string;
}

/** How one claim went: how many due tasks it took, and how many of those it settled. */
export interface ClaimResult {
  claimed: number;
  settled: number;
  /** the claim took the tasks due up to this time (in progress ones due later it left) */
  dueBy: number;
}

/**
 * Asynchronous tasks (`ctx.tasks`): an action creates a task and answers its id; the task settles
 * once it is due — by a runner (TaskRunner) in any server process, or by the first read that finds
 * it due — in one transaction with its effects.
 */
export class TaskService {
  readonly now: () => number;
  private readonly newId: () => string;
  private readonly settling: SettleDeps;
  private created?: (dueAt: number) => void;

  constructor(private readonly o: TaskServiceOptions) {
    this.now = o.now ?? Date.now;
    this.newId = o.newId ?? newTaskId;
    this.settling = { types: o.types, now: this.now, log: o.log };
  }

  /**
   * Create a task in progress, due after the configured delay, in `store`'s transaction when it
   * is one (a handler passes its own, so the task exists only if the action commits). The next
   * armed failure of its type (FailNextTasks) is used up here and marks the task to fail.
   * The type must be registered (a bug otherwise: a plain Error).
   */
  async create(input: NewTask, store: Store = this.o.store): Promise<Task> {
    if (!this.o.types.handlerOf(input.type)) throw new Error(`task type "${input.type}" is not registered`);
    const now = this.now();
    const task = await store.transaction(async (tx) => {
      const injected = await tx.tasks.takeFault(input.type);
      const row: TaskRow = {
        task_id: this.newId(),
        task_type: input.type,
        owner_uin: input.ownerUin,
        zone_id: input.zoneId ?? null,
        payload: JSON.stringify(input.payload ?? null),
        status: "InProgress",
        injected_reason: injected ?? null,
        failure_code: null,
        failure_reason: null,
        failure_reason_zh: null,
        created_at: now,
        due_at: now + this.o.delayMs,
        settled_at: null,
      };
      await tx.tasks.insert(row);
      return taskOf(row);
    });
    this.created?.(task.dueAt);
    return task;
  }

  /**
   * A task, settled first if it is due and still in progress (in one transaction that locks it,
   * so a poll never waits for a runner's next pass, and never settles a task a runner settles);
   * undefined when there is no such task.
   */
  async get(taskId: string, store: Store = this.o.store): Promise<Task | undefined> {
    const row = await store.tasks.find(taskId);
    if (!row || row.status !== "InProgress" || Number(row.due_at) > this.now()) return row && taskOf(row);
    return store.transaction(async (tx) => {
      const locked = await tx.tasks.findForSettling(taskId);
      if (!locked || locked.status !== "InProgress" || Number(locked.due_at) > this.now()) return locked && taskOf(locked);
      return settleTask(tx, locked, this.settling);
    });
  }

  /**
   * Claim up to `limit` due tasks that no other transaction holds and settle them, one
   * transaction for the lot; `stop` is asked between tasks, and a claim cut short commits the
   * tasks settled so far (the rest go back unclaimed). Nothing is locked when nothing is due.
   */
  async settleDue(limit: number, stop: () => boolean = () => false): Promise<ClaimResult> {
    const now = this.now();
    const due = await this.o.store.tasks.nextDue();
    if (due === undefined || due > now) return { claimed: 0, settled: 0, dueBy: now };
    return this.o.store.transaction(async (tx) => {
      const rows = await tx.tasks.claimDue(now, limit);
      let settled = 0;
      for (const row of rows) {
        if (stop()) break;
        await settleTask(tx, row, this.settling);
        settled++;
      }
      return { claimed: rows.length, settled, dueBy: now };
    });
  }

  /** The earliest due time of the tasks in progress, or undefined when none is. */
  nextDue(): Promise<number | undefined> {
    return this.o.store.tasks.nextDue();
  }

  /** Make the next `count` tasks created of a type fail with `reason`, in every process on this database; 0 disarms. */
  failNext(taskType: string, count: number, reason: string): Promise<void> {
    return this.o.store.tasks.armFaults(taskType, count, reason, this.now());
  }

  /** Be told the due time of every task this process creates (the runner wakes up for it). */
  onCreated(listener: (dueAt: number) => void): void {
    this.created = listener;
  }
}
