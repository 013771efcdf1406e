import pino, { type Logger } from "pino";

/** The process logger: one JSON line per event on stdout (pino). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "tco" } });
}
