import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { BenchDatabase } from "../seed/database.js";
import { Child, freePort } from "./child.js";

const MAIN_JS = fileURLToPath(new URL("../../src/cli/main.js", import.meta.url));
const BARE_JS = fileURLToPath(new URL("./bare-server.js", import.meta.url));

/** The operator (root) key the bench starts TCO with. */
export const ROOT_KEY = { secretId: "AKIDbenchroot000000000000000000000", secretKey: "benchrootsecretkey00000000000000" };

/** The environment of `tco serve` for the bench: the given database, rate limiting off, quiet logs. */
export function tcoEnv(db: BenchDatabase, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("TCO_")) delete env[name];
  return {
    ...env,
    TCO_PORT: String(port),
    TCO_HOST: "127.0.0.1",
    TCO_ROOT_SECRET_ID: ROOT_KEY.secretId,
    TCO_ROOT_SECRET_KEY: ROOT_KEY.secretKey,
    TCO_RATE_LIMIT: "0",
    TCO_LOG_LEVEL: "warn",
    // the seeded organization is far above the default limits of one organization
    TCO_MAX_MEMBERS: "100000000",
    TCO_MAX_PENDING_INVITATIONS: "100000000",
    TCO_MAX_CREATED_MEMBERS: "100000000",
    ...db.serverEnv,
  };
}

/** The `tco serve` command line. */
export const tcoCommand = (): [string, string[]] => [process.execPath, [MAIN_JS, "serve"]];

/**
 * Start TCO on a database and wait until it listens; `env` overrides the bench's settings and
 * `nodeArgs` go to node before the script (--cpu-prof is not allowed in NODE_OPTIONS).
 */
export async function startTco(db: BenchDatabase, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Child> {
  const port = await freePort();
  const [cmd, args] = tcoCommand();
  return Child.start(`tco (${db.dialect})`, cmd, [...nodeArgs, ...args], port, { ...tcoEnv(db, port), ...env });
}

/** Start the bare node:http server. */
export async function startBare(): Promise<Child> {
  const port = await freePort();
  return Child.start("bare node:http", process.execPath, [BARE_JS, String(port)], port, process.env);
}

/** The Python that has moto installed (its real executable, so the pid is the server's), if any. */
export async function findMotoPython(): Promise<string | undefined> {
  for (const python of ["python3", "python"]) {
    try {
      const { stdout } = await promisify(execFile)(python, ["-c", "import sys, moto.server; print(sys.executable)"]);
      return stdout.trim();
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Start `python -m moto.server` on 127.0.0.1. */
export async function startMoto(python: string): Promise<Child> {
  const port = await freePort();
  return Child.start("moto", python, ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], port, process.env, 60_000);
}
