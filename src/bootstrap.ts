import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ServerConfig } from "./config.js";
import { newKeyPair } from "./domain/base/accounts.js";
import { loadMasterKey, MASTER_KEY_FILE } from "./master-key.js";
import { makePrivateDir, PRIVATE_FILE_MODE, tightenPrivateDir } from "./private-files.js";
import { openStore, type Store } from "./store/store.js";

export const ROOT_CREDENTIALS_FILE = "root-credentials.json";

export interface RootBootstrap {
  uin: number;
  secretId?: string;
  secretKey?: string;
  dataDir: string;
  now: number;
}

export interface RootKey {
  uin: number;
  secretId: string;
  secretKey: string;
  /** true when this start generated the key (print it once) */
  generated: boolean;
  /** where a generated key was saved */
  file?: string;
}

/**
 * Make sure the root (operator) account exists, enterprise-verified, with a usable key:
 * the one from TCO_ROOT_SECRET_ID/KEY when given; otherwise the one saved in the data directory;
 * otherwise, on a store without one, a new key saved there with mode 0600.
 */
export async function ensureRoot(store: Store, o: RootBootstrap): Promise<RootKey> {
  return store.transaction(async (tx) => {
    if (!(await tx.accounts.find(o.uin))) {
      await tx.accounts.insertIfAbsent({ uin: o.uin, name: "root", verification: "enterprise", entityName: "TCO Root Enterprise", site: "china", isRoot: true, createdAt: o.now });
    }
    if (o.secretId && o.secretKey) {
      await tx.keys.upsert({ secret_id: o.secretId, secret_key: o.secretKey, uin: o.uin, created_at: o.now });
      return { uin: o.uin, secretId: o.secretId, secretKey: o.secretKey, generated: false };
    }
    const file = join(o.dataDir, ROOT_CREDENTIALS_FILE);
    if (existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, "utf8")) as { SecretId: string; SecretKey: string };
      const key = await tx.keys.find(saved.SecretId);
      if (key && key.uin === o.uin) return { uin: o.uin, secretId: saved.SecretId, secretKey: saved.SecretKey, generated: false, file };
    }
    const existing = await tx.keys.listFor(o.uin);
    if (existing.length > 0) {
      return { uin: o.uin, secretId: existing[0].secret_id, secretKey: existing[0].secret_key, generated: false };
    }
    const { secretId, secretKey } = newKeyPair();
    await tx.keys.insert({ secret_id: secretId, secret_key: secretKey, uin: o.uin, created_at: o.now });
    makePrivateDir(o.dataDir);
    writeFileSync(file, JSON.stringify({ Uin: o.uin, SecretId: secretId, SecretKey: secretKey }, null, 2) + "\n", { mode: PRIVATE_FILE_MODE });
    return { uin: o.uin, secretId, secretKey, generated: true, file };
  });
}

/**
 * The root account of a starting server (ensureRoot with its settings). A key generated on this
 * start is printed once on stderr; it is also saved (mode 0600) for the CLI.
 */
export async function bootstrapServerRoot(store: Store, config: ServerConfig): Promise<void> {
  const root = await ensureRoot(store, {
    uin: config.rootUin,
    secretId: config.rootSecretId,
    secretKey: config.rootSecretKey,
    dataDir: config.dataDir,
    now: Date.now(),
  });
  if (root.generated) {
    process.stderr.write(
      `\nTCO generated root credentials (saved to ${root.file}):\n  Uin:       ${root.uin}\n  SecretId:  ${root.secretId}\n  SecretKey: ${root.secretKey}\n\n`,
    );
  }
}

/**
 * Open the configured store for a server process: an existing data directory made private first
 * (0700, the files TCO keeps there 0600: an earlier version left them 0755 and 0644; the SQLite
 * files are seen to when they are opened, see openSqlite), the master key
 * loaded (loadMasterKey) and checked against the database, which fails with
 * MasterKeyMismatchError rather than let the server refuse every signature.
 */
export async function openServerStore(config: ServerConfig): Promise<Store> {
  tightenPrivateDir(config.dataDir, [ROOT_CREDENTIALS_FILE, MASTER_KEY_FILE].map((f) => join(config.dataDir, f)));
  const masterKey = loadMasterKey(config.dataDir, config.masterKey);
  return openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, masterKey });
}
