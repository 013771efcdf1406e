import type { Account } from "../store/accounts-repo.js";
import type { Store } from "../store/store.js";

export interface Credential {
  secretId: string;
  secretKey: string;
  /** the account the key acts for (a sub-account's owner) */
  account: Account;
  /** set for a sub-account's key */
  subUin?: number;
}

/**
 * SecretId → key and owning account, with a short-lived cache so a signed request costs no
 * database read in the common case. Misses always go to the database, so a key created on
 * another server process is usable at once.
 */
export class CredentialCache {
  private readonly cache = new Map<string, { cred: Credential; expires: number }>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 5_000,
  ) {}

  async lookup(secretId: string, now: number): Promise<Credential | undefined> {
    // no key holds a NUL, and PostgreSQL text cannot be asked about one (a v1 query may carry %00)
    if (secretId.includes("\u0000")) return undefined;
    const hit = this.cache.get(secretId);
    if (hit && hit.expires > now) return hit.cred;
    const key = await this.store.keys.find(secretId);
    if (!key) {
      this.cache.delete(secretId);
      return undefined;
    }
    const account = await this.store.accounts.find(key.uin);
    if (!account) return undefined;
    const cred: Credential = { secretId, secretKey: key.secret_key, account, ...(key.sub_uin !== null ? { subUin: key.sub_uin } : {}) };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(secretId, { cred, expires: now + this.ttlMs });
    return cred;
  }

  /** Drop cached entries (after a reset, or when an account's attributes changed). */
  clear(): void {
    this.cache.clear();
  }
}
