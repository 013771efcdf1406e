/** Status of an asynchronous task, as Identity Center's TaskStatus/TaskInfo name it. */
export type TaskStatusName = "InProgress" | "Success" | "Failed";

/**
 * Tables of the task runner (src/tasks). Times are epoch milliseconds. Invariants (checks in
 * migration 0015): a settled task has a settled time and an in-progress one none; a failed task
 * has a reason in both languages and the others none.
 */
export interface TaskTables {
  tasks: TasksTable;
  task_faults: TaskFaultsTable;
}

export interface TasksTable {
  /** `t-` and 12 lowercase letters or digits */
  task_id: string;
  task_type: string;
  /** the account the task acts for (an organization's admin) */
  owner_uin: number;
  /** the Identity Center zone (`z-...`) when the task belongs to one */
  zone_id: string | null;
  /** JSON text */
  payload: string;
  status: TaskStatusName;
  /** set at creation when an armed fault (task_faults) picked this task to fail with that reason */
  injected_reason: string | null;
  /** the error code of a failure raised by the task type's handler (ApiError) */
  failure_code: string | null;
  failure_reason: string | null;
  failure_reason_zh: string | null;
  created_at: number;
  /** settled by a runner (or a read) from this time on */
  due_at: number;
  settled_at: number | null;
}

/** FailNextTasks: the next `remaining` tasks created of a type fail with `reason`. */
export interface TaskFaultsTable {
  task_type: string;
  remaining: number;
  reason: string;
  armed_at: number;
}
