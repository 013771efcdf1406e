import type { Logger } from "pino";
import type { TaskService } from "./service.js";

/** How often a runner looks for due tasks that other processes created (its own wake it at once). */
export const DEFAULT_POLL_MS = 250;
/** Due tasks settled per transaction. */
export const DEFAULT_BATCH_SIZE = 50;

export interface TaskRunnerOptions {
  log: Logger;
  pollMs?: number;
  batchSize?: number;
}

/**
 * Settles due tasks in the background: each pass claims due tasks batch after batch (one
 * transaction each, see TaskService.settleDue) until none is left, then sleeps until the next
 * due time it knows of, at most `pollMs`; a task created in this process wakes it at its due
 * time. Any number of runners may share one database: a claim skips the tasks another holds.
 * stop() lets the pass in flight finish its current task and commit, then resolves; a started
 * runner keeps its process alive until then.
 */
export class TaskRunner {
  private readonly pollMs: number;
  private readonly batchSize: number;
  private stopped = true;
  private timer?: NodeJS.Timeout;
  private timerAt = Infinity;
  private pass?: Promise<void>;
  /** a wake-up came while a pass was running: run another */
  private again = false;
  private settledTotal = 0;

  constructor(
    private readonly tasks: TaskService,
    private readonly o: TaskRunnerOptions,
  ) {
    this.pollMs = o.pollMs ?? DEFAULT_POLL_MS;
    this.batchSize = o.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  /** Tasks this runner settled (in transactions that committed) since it was made. */
  get settled(): number {
    return this.settledTotal;
  }

  /** Start passing; the first pass runs at once. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.tasks.onCreated((dueAt) => this.schedule(dueAt - this.tasks.now()));
    this.schedule(0);
  }

  /** Stop: no new pass; the one in flight commits what it settled. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.pass;
  }

  /**
   * Settle every due task this runner can claim, batch after batch; answers how many it settled,
   * and the time the last claim took due tasks up to.
   */
  async settleAllDue(): Promise<{ settled: number; dueBy: number }> {
    let total = 0;
    for (;;) {
      const { claimed, settled, dueBy } = await this.tasks.settleDue(this.batchSize, () => this.stopped);
      total += settled;
      this.settledTotal += settled;
      if (claimed < this.batchSize || this.stopped) return { settled: total, dueBy };
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    const delay = Math.max(0, delayMs);
    const at = performance.now() + delay;
    if (this.timer && this.timerAt <= at) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.fire(), delay);
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    if (this.stopped) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.pass = this.run().finally(() => {
      this.pass = undefined;
    });
  }

  private async run(): Promise<void> {
    let sleep = this.pollMs;
    try {
      let dueBy: number;
      do {
        this.again = false;
        ({ dueBy } = await this.settleAllDue());
      } while (this.again && !this.stopped);
      // a task due by the last claim and still in progress is held by another runner, which
      // settles it; one due later is waited for (it may have come due since)
      const next = await this.tasks.nextDue();
      if (next !== undefined && next > dueBy) sleep = Math.min(sleep, Math.max(0, next - this.tasks.now()));
      if (this.again) sleep = 0;
    } catch (err) {
      this.o.log.error({ err }, "task runner: a pass failed; the next one retries");
    }
    this.schedule(sleep);
  }
}
