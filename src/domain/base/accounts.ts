import { randomBytes } from "node:crypto";
import type { AccessKey } from "../../store/keys-repo.js";
import type { Site, Verification } from "../../store/schema.js";
import type { Store } from "../../store/store.js";

/** UINs handed out by this server start here (the default root account is 100000000001). */
export const FIRST_UIN = 100000000002;

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomText(length: number): string {
  const bytes = randomBytes(length);
  let s = "";
  for (let i = 0; i < length; i++) s += ALNUM[bytes[i] % ALNUM.length];
  return s;
}

/** A fresh access key pair in the shape of Tencent Cloud's (AKID + 32 characters, 32-character key). */
export function newKeyPair(): { secretId: string; secretKey: string } {
  return { secretId: `AKID${randomText(32)}`, secretKey: randomText(32) };
}

/** Whether a UIN is taken, by an account or by a sub-account (both draw from one range). */
export async function uinTaken(store: Store, uin: number): Promise<boolean> {
  return (await store.accounts.find(uin)) !== undefined || (await store.subAccounts.find(uin)) !== undefined;
}

/** The next free 12-digit UIN, skipping any taken by accounts created with an explicit UIN. */
export async function allocateUin(store: Store): Promise<number> {
  for (;;) {
    const uin = await store.counters.next("uin", FIRST_UIN);
    if (!(await uinTaken(store, uin))) return uin;
  }
}

export interface AccountSpec {
  uin?: number;
  name: string;
  mail?: string | null;
  verification: Verification;
  entityName?: string | null;
  site: Site;
  isRoot?: boolean;
}

/** Register an account (in the caller's transaction) and answer its UIN. */
export async function createAccount(store: Store, spec: AccountSpec, now: number): Promise<number> {
  const uin = spec.uin ?? (await allocateUin(store));
  await store.accounts.insert({ ...spec, uin, createdAt: now });
  return uin;
}

/** Issue an access key for an account, or for one of its sub-accounts when `subUin` is given. */
export async function createAccessKey(store: Store, uin: number, now: number, subUin?: number): Promise<AccessKey> {
  const { secretId, secretKey } = newKeyPair();
  const key = { secret_id: secretId, secret_key: secretKey, uin, sub_uin: subUin ?? null, created_at: now };
  await store.keys.insert(key);
  return key;
}
