import { randomBytes } from "node:crypto";
import type { TaskRow } from "../store/tasks-repo.js";
import type { TaskStatusName } from "../store/tasks-schema.js";

export type TaskStatus = TaskStatusName;

/** An asynchronous task as handlers and answers see it. */
export interface Task {
  /** `t-` and 12 lowercase letters or digits, like `t-2xdmzwphpsbd` */
  id: string;
  type: string;
  ownerUin: number;
  zoneId?: string;
  /** the value given at creation, read back from JSON */
  payload: unknown;
  status: TaskStatus;
  /** why a failed task failed, in both languages; `code` when a handler's ApiError said so */
  failure?: { code?: string; reason: { en: string; zh: string } };
  createdAt: number;
  dueAt: number;
  settledAt?: number;
}

/** What creating a task takes: its type, whom it acts for, and the data its handler needs. */
export interface NewTask {
  type: string;
  ownerUin: number;
  zoneId?: string;
  /** any JSON-serialisable value */
  payload?: unknown;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
/** The largest multiple of the alphabet's size below 256: bytes from it up are drawn again, so every character is equally likely. */
const UNBIASED = 256 - (256 % ALPHABET.length);

/**
 * A new random task id: `t-` and 12 lowercase letters or digits, the form of the task ids in the
 * API's examples (ProvisionRoleConfiguration and DismantleRoleConfiguration answer `t-2xdmzwphpsbd`,
 * examples.json of 2021-03-31). 36^12 ≈ 4.7·10^18 values; the primary key refuses a repeat.
 */
export function newTaskId(): string {
  let id = "t-";
  while (id.length < 14) {
    for (const b of randomBytes(16)) {
      if (b < UNBIASED && id.length < 14) id += ALPHABET[b % ALPHABET.length];
    }
  }
  return id;
}

/** The task a stored row describes. */
export function taskOf(row: TaskRow): Task {
  const task: Task = {
    id: row.task_id,
    type: row.task_type,
    ownerUin: Number(row.owner_uin),
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    createdAt: Number(row.created_at),
    dueAt: Number(row.due_at),
  };
  if (row.zone_id !== null) task.zoneId = row.zone_id;
  if (row.settled_at !== null) task.settledAt = Number(row.settled_at);
  if (row.status === "Failed") {
    task.failure = { reason: { en: row.failure_reason ?? "", zh: row.failure_reason_zh ?? row.failure_reason ?? "" } };
    if (row.failure_code !== null) task.failure.code = row.failure_code;
  }
  return task;
}
