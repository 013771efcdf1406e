import { resolve } from "node:path";
import type { Language } from "./protocol/api-error.js";

/** Everything `tco serve` can be told, from flags or the environment (flags win). */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** calls per second per account and action; 0 = off */
  rateLimit: number;
  logLevel: string;
  defaultLanguage: Language;
  utcOffsetMinutes: number;
  maxBodyBytes: number;
  rootSecretId?: string;
  rootSecretKey?: string;
  rootUin: number;
}

export const DEFAULT_PORT = 9500;
export const DEFAULT_ROOT_UIN = 100000000001;

function intFrom(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

/** Resolve the configuration from flags and environment variables. */
export function loadConfig(flags: { port?: string; host?: string; data?: string }, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const lang = env.TCO_LANGUAGE ?? "en-US";
  if (lang !== "en-US" && lang !== "zh-CN") throw new Error(`TCO_LANGUAGE must be en-US or zh-CN, got "${lang}"`);
  return {
    port: intFrom("--port/TCO_PORT", flags.port ?? env.TCO_PORT, DEFAULT_PORT),
    host: flags.host ?? env.TCO_HOST ?? "127.0.0.1",
    dataDir: resolve(flags.data ?? env.TCO_DATA_DIR ?? ".tco-data"),
    databaseUrl: env.TCO_DATABASE_URL || undefined,
    rateLimit: intFrom("TCO_RATE_LIMIT", env.TCO_RATE_LIMIT, 20),
    logLevel: env.TCO_LOG_LEVEL ?? "info",
    defaultLanguage: lang === "zh-CN" ? "zh" : "en",
    utcOffsetMinutes: intFrom("TCO_UTC_OFFSET_MINUTES", env.TCO_UTC_OFFSET_MINUTES, 480),
    maxBodyBytes: intFrom("TCO_MAX_BODY_BYTES", env.TCO_MAX_BODY_BYTES, 1024 * 1024),
    rootSecretId: env.TCO_ROOT_SECRET_ID || undefined,
    rootSecretKey: env.TCO_ROOT_SECRET_KEY || undefined,
    rootUin: intFrom("TCO_ROOT_UIN", env.TCO_ROOT_UIN, DEFAULT_ROOT_UIN),
  };
}
