import cluster from "node:cluster";
import pino, { type Logger } from "pino";

/** The process logger: one JSON line per event on stdout (pino); a cluster worker's lines name it and its pid. */
export function createLogger(level: string): Logger {
  return pino({ level, base: cluster.isWorker ? { service: "tco", worker: cluster.worker?.id, pid: process.pid } : { service: "tco" } });
}
