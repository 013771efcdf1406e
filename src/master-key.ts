import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makePrivateDir, PRIVATE_FILE_MODE } from "./private-files.js";
import { MASTER_KEY_BYTES } from "./store/secret-box.js";

/** Where a server keeps the master key it generated, in its data directory. */
export const MASTER_KEY_FILE = "master.key";

/** 32 bytes as 64 hex digits, or in base64 (standard or URL-safe, padded or not). */
export function parseMasterKey(text: string, source: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, "hex") : /^[A-Za-z0-9+/_-]{43}=?$/.test(t) ? Buffer.from(t, "base64") : undefined;
  if (!key || key.length !== MASTER_KEY_BYTES) {
    throw new Error(`${source} must be ${MASTER_KEY_BYTES} bytes written as 64 hex digits or in base64 (for example: openssl rand -hex 32)`);
  }
  return key;
}

/**
 * The master key that seals the access keys' secrets in the database: TCO_MASTER_KEY when set
 * (every server sharing one PostgreSQL database must be given the same one), else the one kept
 * in the data directory's master.key, created (0600, in a 0700 directory) at the first start.
 * It is never stored in the database, so a copy of the database alone does not hand the keys out.
 */
export function loadMasterKey(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv !== undefined) return parseMasterKey(fromEnv, "TCO_MASTER_KEY");
  const file = join(dataDir, MASTER_KEY_FILE);
  makePrivateDir(dataDir);
  try {
    // "wx": of several processes starting on one data directory, one creates the file
    writeFileSync(file, randomBytes(MASTER_KEY_BYTES).toString("hex") + "\n", { mode: PRIVATE_FILE_MODE, flag: "wx" });
  } catch (e) {
    if ((e as { code?: string }).code !== "EEXIST") throw e;
  }
  return parseMasterKey(readFileSync(file, "utf8"), file);
}
