import { randomBytes } from "node:crypto";

/**
 * The random ids the API hands out, by kind: a prefix and lowercase letters or digits, the forms
 * the examples of 2021-03-31 show (tasks `t-2xdmzwphpsbd`, zones `z-hfp2qqncf343`, users
 * `u-swnd8wn3`, groups `g-sushsia7s8`, role configurations `rc-4plmus8fdfsb`, user provisionings
 * `up-siwnei3nso`, shared units `shareUnit-xhreo...`). TCO writes 12 characters after the prefix.
 */
export const ID_PREFIXES = {
  task: "t-",
  zone: "z-",
  user: "u-",
  group: "g-",
  roleConfiguration: "rc-",
  userProvisioning: "up-",
  shareUnit: "shareUnit-",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/** Characters after an id's prefix. */
export const ID_LENGTH = 12;

/** A new access key pair: SecretId `AKID` and 32 letters or digits, SecretKey 32 letters or digits (Tencent Cloud's shapes). */
export interface KeyPair {
  secretId: string;
  secretKey: string;
}

/** Where every new id comes from, so a test can fix them (ctx.ids). UINs come from the store's counter. */
export interface Ids {
  /** a new random id of a kind, prefix included */
  next(kind: IdKind): string;
  /** a new access key pair */
  keyPair(): KeyPair;
}

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `length` characters of `alphabet`, each equally likely (bytes past the alphabet's last whole multiple are drawn again). */
export function randomText(alphabet: string, length: number): string {
  const unbiased = 256 - (256 % alphabet.length);
  let s = "";
  while (s.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < unbiased && s.length < length) s += alphabet[b % alphabet.length];
    }
  }
  return s;
}

/** Ids drawn from node:crypto's random bytes: what a server uses. */
export const RANDOM_IDS: Ids = {
  next: (kind) => ID_PREFIXES[kind] + randomText(LOWER_ALNUM, ID_LENGTH),
  keyPair: () => ({ secretId: `AKID${randomText(ALNUM, 32)}`, secretKey: randomText(ALNUM, 32) }),
};

/**
 * Ids counted up from 1 (`t-000000000001`, `AKID` + 31 zeros and 1 ...): for tests that compare
 * whole answers. Each generator counts on its own.
 */
export function sequentialIds(): Ids {
  let n = 0;
  const next = (width: number) => String(++n).padStart(width, "0");
  return {
    next: (kind) => ID_PREFIXES[kind] + next(ID_LENGTH),
    keyPair: () => {
      const k = next(32);
      return { secretId: `AKID${k}`, secretKey: `key${k.slice(3)}` };
    },
  };
}
