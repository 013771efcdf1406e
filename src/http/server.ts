import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { bootstrapServerRoot, openServerStore } from "../bootstrap.js";
import type { ServerConfig } from "../config.js";
import { createLogger } from "../log.js";
import type { Store } from "../store/store.js";
import { TaskRunner } from "../tasks/runner.js";
import { TaskService } from "../tasks/service.js";
import { TaskTypes } from "../tasks/task-types.js";
import { buildApp, type App } from "./app.js";
import { serverOptions } from "./limits.js";

export interface RunningServer {
  app: App;
  server: Server;
  store: Store;
  log: Logger;
  url: string;
  tasks: TaskService;
  /** stop accepting, let in-flight requests and the task runner's claim finish, close the database */
  close(): Promise<void>;
}

/** A 'drop' listener (a connection closed at maxConnections): a warning at most every 10 s, with the count since the last. */
function dropLogger(log: Logger, maxConnections: number): () => void {
  let dropped = 0;
  let lastWarned = -Infinity;
  return () => {
    dropped++;
    const now = Date.now();
    if (now - lastWarned < 10_000) return;
    log.warn({ dropped, maxConnections }, "connections refused: TCO_MAX_CONNECTIONS reached");
    lastWarned = now;
    dropped = 0;
  };
}

/**
 * Open the store, bootstrap the root account, listen, and run the task runner. Every server
 * process runs one — each worker of a cluster too (startServer is the worker's whole server):
 * claims skip the tasks another runner holds, so runners on one database need no coordination,
 * a task is settled by the process that created it without a hop, and the primary stays a
 * supervisor without a database connection.
 */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const store = await openServerStore(config);
  await bootstrapServerRoot(store, config);
  if (config.host !== "127.0.0.1" && config.host !== "localhost" && config.host !== "::1" && !config.rootSecretId) {
    log.warn(
      { host: config.host },
      "LISTENING BEYOND LOOPBACK WITH GENERATED ROOT CREDENTIALS: anyone who reads the data directory can administer this server; set TCO_ROOT_SECRET_ID/TCO_ROOT_SECRET_KEY",
    );
  }
  // the task types of the API's asynchronous actions register here (none yet: Identity Center will)
  const tasks = new TaskService({ store, types: new TaskTypes(), delayMs: config.taskDelayMs, log });
  const app = buildApp({
    store,
    tasks,
    log,
    settings: config.settings,
    rateLimit: config.rateLimit,
    defaultLanguage: config.defaultLanguage,
    maxBodyBytes: config.maxBodyBytes,
  });
  const server = createServer(serverOptions(config.http, config.maxBodyBytes), app.listener);
  if (config.http.maxConnections > 0) server.maxConnections = config.http.maxConnections;
  server.on("clientError", app.clientError);
  server.on("drop", dropLogger(log, config.http.maxConnections));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  const runner = new TaskRunner(tasks, { log });
  runner.start();
  log.info({ url, database: store.dialect }, "listening");

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await Promise.all([
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
        runner.stop(),
      ]);
      await store.close();
      log.info("stopped");
    })());
  return { app, server, store, log, url, tasks, close };
}
