import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** Length of the master key: an AES-256 key's. */
export const MASTER_KEY_BYTES = 32;

const VERSION = "v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value did not open: another master key sealed it, or it was altered. */
export class SealBrokenError extends Error {
  constructor(what: string) {
    super(`${what} does not open with this master key`);
    this.name = "SealBrokenError";
  }
}

/**
 * Seals secrets kept in the database (access keys' SecretKey) so that a copy of the database does
 * not hand them out: AES-256-GCM under a key derived from the master key (HKDF-SHA256), a fresh
 * 96-bit IV per value, and the row the value belongs to as associated data, so a sealed value
 * moved to another row does not open. The signature check needs the key itself, so it is
 * encrypted rather than hashed. Sealed form: `v1:` + base64(IV ‖ tag ‖ ciphertext).
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== MASTER_KEY_BYTES) throw new Error(`the master key must be ${MASTER_KEY_BYTES} bytes, not ${masterKey.length}`);
    this.key = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "tco secret box v1", 32));
  }

  /** The sealed form of `plain`, bound to `context` (which row, which column). */
  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
  }

  /** The plain text of a value sealed for `context`; SealBrokenError when it does not open. */
  open(sealed: string, context: string): string {
    const raw = sealed.startsWith(VERSION) ? Buffer.from(sealed.slice(VERSION.length), "base64") : Buffer.alloc(0);
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SealBrokenError(context);
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    } catch {
      throw new SealBrokenError(context);
    }
  }
}
