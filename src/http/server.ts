import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { bootstrapServerRoot } from "../bootstrap.js";
import type { ServerConfig } from "../config.js";
import { createLogger } from "../log.js";
import { openStore, type Store } from "../store/store.js";
import { buildApp, type App } from "./app.js";
import { serverOptions } from "./limits.js";

export interface RunningServer {
  app: App;
  server: Server;
  store: Store;
  log: Logger;
  url: string;
  /** stop accepting, let in-flight requests finish, close the database */
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

/** Open the store, bootstrap the root account, and listen. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await bootstrapServerRoot(store, config);
  if (config.host !== "127.0.0.1" && config.host !== "localhost" && config.host !== "::1" && !config.rootSecretId) {
    log.warn(
      { host: config.host },
      "LISTENING BEYOND LOOPBACK WITH GENERATED ROOT CREDENTIALS: anyone who reads the data directory can administer this server; set TCO_ROOT_SECRET_ID/TCO_ROOT_SECRET_KEY",
    );
  }
  const app = buildApp({
    store,
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
  log.info({ url, database: store.dialect }, "listening");

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await store.close();
      log.info("stopped");
    })());
  return { app, server, store, log, url, close };
}
