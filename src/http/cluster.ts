import cluster, { type Worker } from "node:cluster";
import { bootstrapServerRoot, openServerStore } from "../bootstrap.js";
import type { ServerConfig } from "../config.js";
import { createLogger } from "../log.js";

/**
 * `tco serve --workers N` (TCO_WORKERS) with N > 1, in the primary process: migrate the database
 * and make sure the root key exists once, then fork N workers that each run the whole server
 * (startServer) on the same port; node:cluster hands each new connection to one of them in turn.
 * Reads then use every core. The workers share nothing but the database, as separate server
 * processes do: writers take turns on it (SQLite: one writer at a time, in WAL mode; PostgreSQL:
 * row locks). The rate limiter, injected faults and the credential cache are per worker.
 *
 * SIGTERM or SIGINT stops every worker (each finishes its requests and closes its database) and
 * then the primary. A worker that exits on its own takes the cluster down with exit code 1: a
 * supervisor restarts the whole service rather than this process restarting parts of it.
 */
export async function runCluster(config: ServerConfig, workers: number): Promise<void> {
  const log = createLogger(config.logLevel).child({ role: "primary" });
  const store = await openServerStore(config);
  try {
    await bootstrapServerRoot(store, config);
  } finally {
    await store.close();
  }

  let stopping = false;
  const running = new Set<Worker>();
  const allExited = new Promise<void>((resolve) => {
    cluster.on("exit", (worker, code, signal) => {
      running.delete(worker);
      if (!stopping) {
        // exit code 0: the worker was stopped by a signal (Ctrl-C reaches the whole process group)
        if (code === 0) stop(0);
        else {
          log.error({ worker: worker.id, code, signal }, "worker exited; stopping the cluster");
          stop(1);
        }
      }
      if (running.size === 0) resolve();
    });
  });
  let exitCode = 0;
  const stop = (code: number) => {
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    for (const w of running) w.process.kill("SIGTERM");
    void allExited.then(() => {
      log.info({ code: exitCode }, "cluster stopped");
      process.exit(exitCode);
    });
  };
  process.once("SIGTERM", () => stop(0));
  process.once("SIGINT", () => stop(0));

  for (let i = 0; i < workers; i++) running.add(cluster.fork({ TCO_CLUSTER_WORKER: "1" }));
  log.info({ workers }, "cluster started");
}

/** Whether this process is a worker forked by runCluster. */
export const isClusterWorker = () => cluster.isWorker && process.env.TCO_CLUSTER_WORKER === "1";
