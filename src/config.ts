import { resolve } from "node:path";
import { DEFAULT_DOMAIN_SETTINGS, type DomainSettings } from "./domain/base/context.js";
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from "./http/limits.js";
import type { Language } from "./protocol/api-error.js";
import { DEFAULT_TASK_DELAY_MS } from "./tasks/service.js";

/** Everything `tco serve` can be told, from flags or the environment (flags win). */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** calls per second per caller and action for every action, 0 = off; unset: each action's documented limit */
  rateLimit?: number;
  logLevel: string;
  defaultLanguage: Language;
  /** business-rule limits and display settings */
  settings: DomainSettings;
  maxBodyBytes: number;
  /** connection limits and timeouts of the HTTP server */
  http: HttpLimits;
  rootSecretId?: string;
  rootSecretKey?: string;
  rootUin: number;
  /** TCO_MASTER_KEY: the key sealing access keys in the database; a file in dataDir when absent */
  masterKey?: string;
  /** server processes sharing the port (node:cluster); 1 = this process serves alone */
  workers: number;
  /** milliseconds an asynchronous task stays in progress before it settles (TCO_TASK_DELAY_MS) */
  taskDelayMs: number;
}

export const DEFAULT_PORT = 9500;
export const DEFAULT_ROOT_UIN = 100000000001;

function intFrom(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

function workersFrom(raw: string | undefined): number {
  const n = intFrom("--workers/TCO_WORKERS", raw, 1);
  if (n < 1) throw new Error(`--workers/TCO_WORKERS must be at least 1, got "${raw}"`);
  return n;
}

function taskDelayFrom(raw: string | undefined): number {
  const n = intFrom("TCO_TASK_DELAY_MS", raw, DEFAULT_TASK_DELAY_MS);
  if (n < 0) throw new Error(`TCO_TASK_DELAY_MS must not be negative, got "${raw}"`);
  return n;
}

function rateLimitFrom(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const n = intFrom("TCO_RATE_LIMIT", raw, 0);
  if (n < 0) throw new Error(`TCO_RATE_LIMIT must be 0 (off) or more, got "${raw}"`);
  return n;
}

function httpLimitsFrom(env: NodeJS.ProcessEnv): HttpLimits {
  const nonNegative = (name: string, fallback: number) => {
    const n = intFrom(name, env[name], fallback);
    if (n < 0) throw new Error(`${name} must be 0 or more, got "${env[name]}"`);
    return n;
  };
  const limits: HttpLimits = {
    headersTimeoutMs: nonNegative("TCO_HEADERS_TIMEOUT_MS", DEFAULT_HTTP_LIMITS.headersTimeoutMs),
    requestTimeoutMs: nonNegative("TCO_REQUEST_TIMEOUT_MS", DEFAULT_HTTP_LIMITS.requestTimeoutMs),
    keepAliveTimeoutMs: nonNegative("TCO_KEEP_ALIVE_TIMEOUT_MS", DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs),
    maxConnections: nonNegative("TCO_MAX_CONNECTIONS", DEFAULT_HTTP_LIMITS.maxConnections),
  };
  if (limits.headersTimeoutMs < 1) throw new Error("TCO_HEADERS_TIMEOUT_MS must be at least 1");
  if (limits.requestTimeoutMs > 0 && limits.requestTimeoutMs < limits.headersTimeoutMs) {
    throw new Error(`TCO_REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs}) must be 0 or at least TCO_HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs})`);
  }
  return limits;
}

/** Resolve the configuration from flags and environment variables. */
export function loadConfig(flags: { port?: string; host?: string; data?: string; workers?: string }, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const lang = env.TCO_LANGUAGE ?? "en-US";
  if (lang !== "en-US" && lang !== "zh-CN") throw new Error(`TCO_LANGUAGE must be en-US or zh-CN, got "${lang}"`);
  return {
    port: intFrom("--port/TCO_PORT", flags.port ?? env.TCO_PORT, DEFAULT_PORT),
    host: flags.host ?? env.TCO_HOST ?? "127.0.0.1",
    dataDir: resolve(flags.data ?? env.TCO_DATA_DIR ?? ".tco-data"),
    databaseUrl: env.TCO_DATABASE_URL || undefined,
    rateLimit: rateLimitFrom(env.TCO_RATE_LIMIT),
    logLevel: env.TCO_LOG_LEVEL ?? "info",
    defaultLanguage: lang === "zh-CN" ? "zh" : "en",
    settings: {
      utcOffsetMinutes: intFrom("TCO_UTC_OFFSET_MINUTES", env.TCO_UTC_OFFSET_MINUTES, DEFAULT_DOMAIN_SETTINGS.utcOffsetMinutes),
      maxMembers: intFrom("TCO_MAX_MEMBERS", env.TCO_MAX_MEMBERS, DEFAULT_DOMAIN_SETTINGS.maxMembers),
      maxCreatedMembers: intFrom("TCO_MAX_CREATED_MEMBERS", env.TCO_MAX_CREATED_MEMBERS, DEFAULT_DOMAIN_SETTINGS.maxCreatedMembers),
      maxNodes: intFrom("TCO_MAX_NODES", env.TCO_MAX_NODES, DEFAULT_DOMAIN_SETTINGS.maxNodes),
      maxNodeDepth: intFrom("TCO_MAX_NODE_DEPTH", env.TCO_MAX_NODE_DEPTH, DEFAULT_DOMAIN_SETTINGS.maxNodeDepth),
      maxPendingInvitations: intFrom("TCO_MAX_PENDING_INVITATIONS", env.TCO_MAX_PENDING_INVITATIONS, DEFAULT_DOMAIN_SETTINGS.maxPendingInvitations),
      invitationTtlDays: intFrom("TCO_INVITATION_TTL_DAYS", env.TCO_INVITATION_TTL_DAYS, DEFAULT_DOMAIN_SETTINGS.invitationTtlDays),
      maxScpPolicies: intFrom("TCO_MAX_SCP_POLICIES", env.TCO_MAX_SCP_POLICIES, DEFAULT_DOMAIN_SETTINGS.maxScpPolicies),
      maxTagPolicies: intFrom("TCO_MAX_TAG_POLICIES", env.TCO_MAX_TAG_POLICIES, DEFAULT_DOMAIN_SETTINGS.maxTagPolicies),
      maxScpAttachments: intFrom("TCO_MAX_SCP_ATTACHMENTS", env.TCO_MAX_SCP_ATTACHMENTS, DEFAULT_DOMAIN_SETTINGS.maxScpAttachments),
      maxTagAttachments: intFrom("TCO_MAX_TAG_ATTACHMENTS", env.TCO_MAX_TAG_ATTACHMENTS, DEFAULT_DOMAIN_SETTINGS.maxTagAttachments),
      maxIdentities: intFrom("TCO_MAX_IDENTITIES", env.TCO_MAX_IDENTITIES, DEFAULT_DOMAIN_SETTINGS.maxIdentities),
    },
    maxBodyBytes: intFrom("TCO_MAX_BODY_BYTES", env.TCO_MAX_BODY_BYTES, 1024 * 1024),
    http: httpLimitsFrom(env),
    rootSecretId: env.TCO_ROOT_SECRET_ID || undefined,
    rootSecretKey: env.TCO_ROOT_SECRET_KEY || undefined,
    rootUin: intFrom("TCO_ROOT_UIN", env.TCO_ROOT_UIN, DEFAULT_ROOT_UIN),
    masterKey: env.TCO_MASTER_KEY || undefined,
    workers: workersFrom(flags.workers ?? env.TCO_WORKERS),
    taskDelayMs: taskDelayFrom(env.TCO_TASK_DELAY_MS),
  };
}
