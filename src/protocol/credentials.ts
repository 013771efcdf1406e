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

/** A lookup waiting for the revision read of its batch. */
interface Waiter {
  resolve(revision: number): void;
  reject(err: unknown): void;
}

/**
 * SecretId → key and owning account, cached so a signed request costs a share of one point read
 * instead of reading the key and its account. The credentials revision moves, by trigger, whenever
 * a key or the account or sub-account it acts for is changed or removed, by any process (see
 * createCredentialRevisionTriggers); every lookup waits for a read of it that begins after the
 * lookup did, and the cache is dropped when it moved. So a key removed or an account deleted
 * through one server process is refused by every other at once. Misses go to the database, so a
 * key created on another process is usable at once too.
 *
 * The lookups that come during one turn of the event loop share one read, made in the turn's check
 * phase (setImmediate): a point read costs several microseconds even on SQLite (a WAL read
 * transaction), which one per request made a measurable part of a cached request; shared, it is a
 * fraction of one. Lookups that come while a read is in flight (PostgreSQL) wait for the next one,
 * which starts when that one ends.
 */
export class CredentialCache {
  private readonly cache = new Map<string, { cred: Credential; expires: number }>();
  /** the revision the cached entries were read under */
  private revision = -1;
  /** lookups waiting for the next revision read (undefined: none) */
  private batch?: Waiter[];
  private reading = false;

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 60_000,
  ) {}

  async lookup(secretId: string, now: number): Promise<Credential | undefined> {
    // no key holds a NUL, and PostgreSQL text cannot be asked about one (a v1 query may carry %00)
    if (secretId.includes("\u0000")) return undefined;
    const revision = await this.freshRevision();
    if (revision !== this.revision) {
      this.cache.clear();
      this.revision = revision;
    }
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
    // read under an older revision than a concurrent lookup has seen since: it may be stale, keep it out
    if (this.revision !== revision) return cred;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(secretId, { cred, expires: now + this.ttlMs });
    return cred;
  }

  /** Drop cached entries (after a reset, or when an account's attributes changed). */
  clear(): void {
    this.cache.clear();
  }

  /** The credentials revision, from a read that begins after this call. */
  private freshRevision(): Promise<number> {
    return new Promise((resolve, reject) => {
      if (!this.batch) {
        this.batch = [];
        if (!this.reading) setImmediate(() => this.readBatch());
      }
      this.batch.push({ resolve, reject });
    });
  }

  /** Read the revision for the waiting batch; the lookups that come meanwhile form the next. */
  private readBatch(): void {
    const batch = this.batch ?? [];
    this.batch = undefined;
    this.reading = true;
    this.store.keys.revision().then(
      (revision) => this.settle(batch, (w) => w.resolve(revision)),
      (err) => this.settle(batch, (w) => w.reject(err)),
    );
  }

  private settle(batch: Waiter[], answer: (w: Waiter) => void): void {
    this.reading = false;
    if (this.batch) setImmediate(() => this.readBatch());
    for (const w of batch) answer(w);
  }
}
