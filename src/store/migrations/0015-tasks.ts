import { sql, type Kysely } from "kysely";
import { oneOf } from "./helpers.js";

/**
 * The task runner's tables (src/tasks): asynchronous tasks, settled once, and the failures an
 * operator armed for the next tasks of a type (FailNextTasks).
 * Invariants: a task is settled at most once (every settling UPDATE is conditional on
 * status = 'InProgress' and checks its row count, see TasksRepo.settle); in progress ⇔ no settled
 * time; failed ⇔ a reason in both languages; an armed fault has calls left or is deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("tasks")
    .addColumn("task_id", "varchar(32)", (c) => c.primaryKey())
    .addColumn("task_type", "varchar(64)", (c) => c.notNull())
    .addColumn("owner_uin", "bigint", (c) => c.notNull())
    .addColumn("zone_id", "varchar(64)")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull().defaultTo("InProgress").check(oneOf("status", ["InProgress", "Success", "Failed"])))
    .addColumn("injected_reason", "text")
    .addColumn("failure_code", "varchar(128)")
    .addColumn("failure_reason", "text")
    .addColumn("failure_reason_zh", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("due_at", "bigint", (c) => c.notNull())
    .addColumn("settled_at", "bigint")
    .addCheckConstraint("tasks_settled_time", sql`(status = 'InProgress' and settled_at is null) or (status <> 'InProgress' and settled_at is not null)`)
    .addCheckConstraint(
      "tasks_failure_reason",
      sql`(status = 'Failed' and failure_reason is not null and failure_reason_zh is not null) or (status <> 'Failed' and failure_reason is null and failure_reason_zh is null and failure_code is null)`,
    )
    .execute();
  // the runners' look-up of due tasks reads only the tasks still in progress
  await db.schema.createIndex("tasks_due").on("tasks").column("due_at").where(sql<boolean>`status = 'InProgress'`).execute();
  await db.schema.createIndex("tasks_owner").on("tasks").columns(["owner_uin", "zone_id"]).execute();

  await db.schema
    .createTable("task_faults")
    .addColumn("task_type", "varchar(64)", (c) => c.primaryKey())
    .addColumn("remaining", "integer", (c) => c.notNull().check(sql`remaining >= 0`))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("armed_at", "bigint", (c) => c.notNull())
    .execute();
}
