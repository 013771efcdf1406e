import { sql, type Insertable, type Kysely, type Selectable } from "kysely";
import { lockTaskRows } from "./dialects/task-claim.js";
import type { DB } from "./schema.js";
import type { Dialect } from "./store.js";
import type { TaskStatusName } from "./tasks-schema.js";

export type TaskRow = Selectable<DB["tasks"]>;
export type NewTaskRow = Insertable<DB["tasks"]>;

/** How a task ended: success, or a failure with its reason in both languages. */
export type TaskSettlement =
  | { status: "Success" }
  | { status: "Failed"; code?: string; reason: { en: string; zh: string } };

/** Asynchronous tasks (src/tasks) and the failures armed for the next tasks of a type. */
export class TasksRepo {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  async insert(row: NewTaskRow): Promise<void> {
    await this.db.insertInto("tasks").values(row).execute();
  }

  /** A task as stored, without locking or settling it. */
  find(taskId: string): Promise<TaskRow | undefined> {
    return this.db.selectFrom("tasks").selectAll().where("task_id", "=", taskId).executeTakeFirst();
  }

  /** A task, locked until the transaction ends; waits for a runner that holds it (see lockTaskRows). */
  findForSettling(taskId: string): Promise<TaskRow | undefined> {
    return lockTaskRows(this.db.selectFrom("tasks").selectAll().where("task_id", "=", taskId), this.dialect, "wait").executeTakeFirst();
  }

  /**
   * Claim up to `limit` tasks in progress that are due at `now`, oldest due first, locked until
   * the transaction ends; tasks another transaction holds are skipped (see lockTaskRows).
   */
  claimDue(now: number, limit: number): Promise<TaskRow[]> {
    const q = this.db
      .selectFrom("tasks")
      .selectAll()
      .where("status", "=", "InProgress")
      .where("due_at", "<=", now)
      .orderBy("due_at")
      .orderBy("task_id")
      .limit(limit);
    return lockTaskRows(q, this.dialect, "claim").execute();
  }

  /** How many tasks there are in each status. */
  async countByStatus(): Promise<Record<TaskStatusName, number>> {
    const rows = await this.db.selectFrom("tasks").select((eb) => ["status", eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
    const counts: Record<TaskStatusName, number> = { InProgress: 0, Success: 0, Failed: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  /** The earliest due time of the tasks in progress, or undefined when none is. */
  async nextDue(): Promise<number | undefined> {
    const row = await this.db
      .selectFrom("tasks")
      .select((eb) => eb.fn.min("due_at").as("due"))
      .where("status", "=", "InProgress")
      .executeTakeFirst();
    return row?.due === null || row?.due === undefined ? undefined : Number(row.due);
  }

  /**
   * Record how a task ended, once: the update applies only to a task still in progress, and
   * answers false when there was none (already settled, or gone).
   */
  async settle(taskId: string, outcome: TaskSettlement, now: number): Promise<boolean> {
    const failed = outcome.status === "Failed" ? outcome : undefined;
    const r = await this.db
      .updateTable("tasks")
      .set({
        status: outcome.status,
        settled_at: now,
        failure_code: failed?.code ?? null,
        failure_reason: failed?.reason.en ?? null,
        failure_reason_zh: failed?.reason.zh ?? null,
      })
      .where("task_id", "=", taskId)
      .where("status", "=", "InProgress")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * Run `fn` within a savepoint (the same statements on both dialects; inside a transaction
   * only): when it throws, its writes are undone but not the transaction's earlier ones, and the
   * throw is answered rather than thrown. A failure of the savepoint statements themselves is
   * thrown (the transaction is then lost).
   */
  async attempt<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    await sql`savepoint task_effects`.execute(this.db);
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await fn() };
    } catch (error) {
      await sql`rollback to savepoint task_effects`.execute(this.db);
      outcome = { ok: false, error };
    }
    await sql`release savepoint task_effects`.execute(this.db);
    return outcome;
  }

  /** Make the next `count` tasks created of a type fail with `reason` (replacing what was armed); 0 disarms. */
  async armFaults(taskType: string, count: number, reason: string, now: number): Promise<void> {
    if (count === 0) {
      await this.db.deleteFrom("task_faults").where("task_type", "=", taskType).execute();
      return;
    }
    await this.db
      .insertInto("task_faults")
      .values({ task_type: taskType, remaining: count, reason, armed_at: now })
      .onConflict((oc) => oc.column("task_type").doUpdateSet({ remaining: count, reason, armed_at: now }))
      .execute();
  }

  /**
   * Use up one armed failure of a type, answering its reason, or undefined when none is armed.
   * One conditional update: concurrent creators each take a different one (PostgreSQL re-reads
   * the row after the lock, SQLite runs one writer at a time).
   */
  async takeFault(taskType: string): Promise<string | undefined> {
    const row = await this.db
      .updateTable("task_faults")
      .set((eb) => ({ remaining: eb("remaining", "-", 1) }))
      .where("task_type", "=", taskType)
      .where("remaining", ">", 0)
      .returning(["reason", "remaining"])
      .executeTakeFirst();
    if (!row) return undefined;
    if (Number(row.remaining) === 0) await this.db.deleteFrom("task_faults").where("task_type", "=", taskType).where("remaining", "=", 0).execute();
    return row.reason;
  }

  /** Failures still armed, by task type. */
  listFaults(): Promise<Selectable<DB["task_faults"]>[]> {
    return this.db.selectFrom("task_faults").selectAll().orderBy("task_type").execute();
  }
}
