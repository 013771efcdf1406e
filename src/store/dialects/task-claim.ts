/** How a task read locks the rows it answers. */
export type TaskLock = "claim" | "wait";

/**
 * Lock the rows a task query answers until the transaction ends, so one task is settled by one
 * transaction at a time. PostgreSQL: `FOR UPDATE SKIP LOCKED` for a runner's claim (a runner
 * takes the due tasks no other runner holds, never waiting for them), `FOR UPDATE` for a read
 * that settles one task (it waits for a runner that holds the task, then sees what it wrote).
 * SQLite has no row locks and needs none: its transactions begin IMMEDIATE (see sqlite.ts), so
 * one writer of the database runs at a time, every process's included; the rows are only read.
 */
export function lockTaskRows<Q extends { forUpdate(): Q; skipLocked(): Q }>(query: Q, dialect: "sqlite" | "postgres", lock: TaskLock): Q {
  if (dialect === "sqlite") return query;
  return lock === "claim" ? query.forUpdate().skipLocked() : query.forUpdate();
}
