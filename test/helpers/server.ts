import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import * as tencentcloud from "tencentcloud-sdk-nodejs";
import { callOperator } from "../../src/cli/client.js";
import { openStore, type Store } from "../../src/store/store.js";
import { dropSchema, TEST_DATABASE_URL, TEST_MASTER_KEY } from "./dialects.js";

export const MAIN_JS = fileURLToPath(new URL("../../src/cli/main.js", import.meta.url));
export const ROOT_SECRET_ID = "AKIDtestroot0000000000000000000000";
export const ROOT_SECRET_KEY = "testrootsecretkey000000000000000";
export const ROOT_UIN = 100000000001;

export type SignMode = "TC3-POST" | "TC3-GET" | "HmacSHA256" | "HmacSHA1";
export const SIGN_MODES: SignMode[] = ["TC3-POST", "TC3-GET", "HmacSHA256", "HmacSHA1"];

export interface Keys {
  secretId: string;
  secretKey: string;
}

export interface TestAccount extends Keys {
  uin: number;
}

export interface StartOptions {
  /** extra environment; TCO_RATE_LIMIT and TCO_TASK_DELAY_MS default to 0 in tests */
  env?: Record<string, string>;
  /** reuse a data directory (restart tests); a fresh temporary one otherwise */
  dataDir?: string;
  /** run on PostgreSQL (TCO_TEST_DATABASE_URL) in a fresh schema */
  postgres?: boolean;
  /**
   * with postgres: use this schema (created if missing, kept at stop) so several servers share it;
   * they are given one master key (TCO_MASTER_KEY), as every node on one database must be
   */
  sharedSchema?: string;
}

/** A real `tco serve` process on a free port, and clients for it. */
export class TcoServer {
  private constructor(
    readonly proc: ChildProcess,
    readonly endpoint: string,
    readonly dataDir: string,
    readonly logs: string[],
    private readonly schema?: string,
  ) {}

  static async start(o: StartOptions = {}): Promise<TcoServer> {
    const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), "tco-test-"));
    let schema: string | undefined;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      TCO_PORT: "0",
      TCO_DATA_DIR: dataDir,
      TCO_ROOT_SECRET_ID: ROOT_SECRET_ID,
      TCO_ROOT_SECRET_KEY: ROOT_SECRET_KEY,
      TCO_RATE_LIMIT: "0",
      TCO_TASK_DELAY_MS: "0",
      TCO_LOG_LEVEL: "info",
      ...(o.sharedSchema ? { TCO_MASTER_KEY: TEST_MASTER_KEY } : {}),
      ...o.env,
    };
    delete env.TCO_DATABASE_URL;
    if (!o.sharedSchema && !o.env?.TCO_MASTER_KEY) delete env.TCO_MASTER_KEY;
    if (o.postgres) {
      if (!TEST_DATABASE_URL) throw new Error("TCO_TEST_DATABASE_URL is not set");
      const name = o.sharedSchema ?? `tco_e2e_${randomBytes(6).toString("hex")}`;
      if (!o.sharedSchema) schema = name;
      const url = new URL(TEST_DATABASE_URL);
      url.searchParams.set("options", `-c search_path=${name}`);
      env.TCO_DATABASE_URL = url.toString();
      const pg = await import("pg");
      const c = new pg.default.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`CREATE SCHEMA IF NOT EXISTS "${name}"`);
      await c.end();
    }
    const proc = spawn(process.execPath, [MAIN_JS, "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
    const logs: string[] = [];
    const endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        // a server that did not start in time would keep the test process alive
        proc.kill("SIGKILL");
        reject(new Error(`server did not start:\n${logs.join("\n")}`));
      }, 15_000);
      createInterface({ input: proc.stdout! }).on("line", (line) => {
        logs.push(line);
        if (line.includes('"msg":"listening"')) {
          clearTimeout(timer);
          resolve(new URL(JSON.parse(line).url).host);
        }
      });
      createInterface({ input: proc.stderr! }).on("line", (line) => logs.push(line));
      proc.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${logs.join("\n")}`));
      });
    });
    return new TcoServer(proc, endpoint, dataDir, logs, schema);
  }

  get url(): string {
    return `http://${this.endpoint}`;
  }

  /** An official SDK client of API version 2021-03-31. */
  client(keys: Keys = { secretId: ROOT_SECRET_ID, secretKey: ROOT_SECRET_KEY }, mode: SignMode = "TC3-POST", language?: "zh-CN" | "en-US") {
    return new tencentcloud.organization.v20210331.Client(this.clientConfig(keys, mode, language));
  }

  /** An official SDK client of API version 2018-12-25. */
  client2018(keys: Keys = { secretId: ROOT_SECRET_ID, secretKey: ROOT_SECRET_KEY }, mode: SignMode = "TC3-POST", language?: "zh-CN" | "en-US") {
    return new tencentcloud.organization.v20181225.Client(this.clientConfig(keys, mode, language));
  }

  private clientConfig(keys: Keys, mode: SignMode, language?: "zh-CN" | "en-US") {
    return {
      credential: keys,
      region: "",
      profile: {
        signMethod: mode === "HmacSHA1" || mode === "HmacSHA256" ? mode : ("TC3-HMAC-SHA256" as const),
        httpProfile: { endpoint: this.endpoint, protocol: "http://", reqMethod: mode === "TC3-GET" || mode === "HmacSHA1" ? ("GET" as const) : ("POST" as const) },
        ...(language ? { language } : {}),
      },
    };
  }

  /** Call the operator API with the root keys. */
  operator(action: string, params: Record<string, unknown> = {}) {
    return callOperator({ endpoint: this.url, secretId: ROOT_SECRET_ID, secretKey: ROOT_SECRET_KEY }, action, params);
  }

  /** Register an account through the operator API; answers its UIN and first key. */
  async createAccount(o: { name?: string; verification?: "none" | "personal" | "enterprise"; entity?: string; site?: "china" | "intl"; uin?: number; mail?: string } = {}): Promise<TestAccount> {
    const verification = o.verification ?? "enterprise";
    const r = await this.operator("CreateAccount", {
      Name: o.name ?? `acct${randomBytes(3).toString("hex")}`,
      Verification: verification,
      EntityName: verification === "none" ? undefined : o.entity ?? "Example Ltd",
      Site: o.site,
      Uin: o.uin,
      Mail: o.mail,
    });
    return { uin: r.Account.Uin, secretId: r.SecretId, secretKey: r.SecretKey };
  }

  /**
   * A store on the server's own database, to set up state that no action can create yet (close it
   * before stop()). SQLite allows this second writer (WAL); PostgreSQL uses the server's schema.
   */
  openStore(): Promise<Store> {
    if (this.schema) return openStore({ databaseUrl: TEST_DATABASE_URL, schema: this.schema });
    return openStore({ sqliteFile: join(this.dataDir, "tco.sqlite") });
  }

  /** SIGTERM and wait for a clean exit; answers the exit code. */
  async stop(): Promise<number | null> {
    if (this.proc.exitCode !== null) return this.proc.exitCode;
    const exited = new Promise<number | null>((resolve) => this.proc.once("exit", (code) => resolve(code)));
    this.proc.kill("SIGTERM");
    const code = await exited;
    if (this.schema) await dropSchema(this.schema);
    return code;
  }
}

/** Await a promise that must reject with a TencentCloud error; answers its code. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!code) throw e;
    return code;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
