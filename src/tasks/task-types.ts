import type { Store } from "../store/store.js";
import type { Task } from "./task.js";

/**
 * What settling a task of a type does: its writes through `tx` are the task's effects, made in
 * the transaction that marks the task settled. Returning means success. Throwing an ApiError
 * fails the task with that error's message (its writes undone); any other throw is a bug: it is
 * logged and the task fails with a generic reason.
 */
export type TaskHandler = (tx: Store, task: Task) => Promise<void>;

/** A task type's name: a letter, then up to 63 letters, digits, `.`, `_` or `-` (CreateRoleAssignment). */
export const TASK_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;

/**
 * The task types a process can settle, each with its handler. A runner fails a task whose type
 * has no handler here rather than leave it in progress for ever.
 */
export class TaskTypes {
  private readonly handlers = new Map<string, TaskHandler>();

  /** Add a task type; its name must match TASK_TYPE_PATTERN and be new. */
  register(type: string, handler: TaskHandler): this {
    if (!TASK_TYPE_PATTERN.test(type)) throw new Error(`task type "${type}": expected a letter, then letters, digits, ".", "_" or "-" (64 at most)`);
    if (this.handlers.has(type)) throw new Error(`task type "${type}" is registered already`);
    this.handlers.set(type, handler);
    return this;
  }

  /** The handler of a type, if registered. */
  handlerOf(type: string): TaskHandler | undefined {
    return this.handlers.get(type);
  }
}
