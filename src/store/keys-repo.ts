import type { Insertable, Kysely, Selectable } from "kysely";
import { CREDENTIALS_REVISION } from "./dialects/credential-revision-triggers.js";
import { prepared } from "./prepared.js";
import type { DB } from "./schema.js";
import type { SecretBox } from "./secret-box.js";

/** An access key as callers see it: `secret_key` in clear, whatever form the row keeps it in. */
export type AccessKey = Omit<Selectable<DB["access_keys"]>, "sealed">;
/** A key to store; `sub_uin` is left out for the account's own keys. */
export type NewAccessKey = Omit<Insertable<DB["access_keys"]>, "sealed">;

const FIND = prepared<{ secretId: string }>()((db, a) => db.selectFrom("access_keys").selectAll().where("secret_id", "=", a.secretId));
const REVISION = prepared<{ name: string }>()((db, a) => db.selectFrom("revisions").select("value").where("name", "=", a.name));

/** What a SecretKey is bound to when sealed: its row. */
const sealContext = (secretId: string) => `access_keys.secret_key:${secretId}`;

/**
 * API access keys (SecretId/SecretKey) of accounts and of their sub-accounts. SecretKeys are
 * written sealed with the store's master key (see SecretBox) and opened when read; a row still in
 * clear (written before sealing existed, or behind the server's back) is read as it is until
 * sealPlain() seals it.
 */
export class KeysRepo {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly box: SecretBox | undefined,
  ) {}

  private sealer(): SecretBox {
    if (!this.box) throw new Error("this store was opened without the master key: access keys can be neither written nor read");
    return this.box;
  }

  private opened(row: Selectable<DB["access_keys"]>): AccessKey {
    const { sealed, ...key } = row;
    return sealed === 1 ? { ...key, secret_key: this.sealer().open(key.secret_key, sealContext(key.secret_id)) } : key;
  }

  private sealedRow(k: NewAccessKey) {
    return { ...k, secret_key: this.sealer().seal(k.secret_key, sealContext(k.secret_id)), sealed: 1 };
  }

  async find(secretId: string): Promise<AccessKey | undefined> {
    const row = await FIND.first(this.db, { secretId });
    return row && this.opened(row);
  }

  async insert(k: NewAccessKey): Promise<void> {
    await this.db.insertInto("access_keys").values(this.sealedRow(k)).execute();
  }

  /** Insert, or give an existing SecretId the stated key and owner (bootstrap from the environment). */
  async upsert(k: NewAccessKey): Promise<void> {
    const row = this.sealedRow(k);
    await this.db
      .insertInto("access_keys")
      .values(row)
      .onConflict((oc) => oc.column("secret_id").doUpdateSet({ secret_key: row.secret_key, sealed: 1, uin: k.uin, sub_uin: k.sub_uin ?? null }))
      .execute();
  }

  /** The account's own keys (not its sub-accounts'), oldest first. */
  async listFor(uin: number): Promise<AccessKey[]> {
    const rows = await this.db.selectFrom("access_keys").selectAll().where("uin", "=", uin).where("sub_uin", "is", null).orderBy("created_at").execute();
    return rows.map((r) => this.opened(r));
  }

  /** Seal every key still kept in clear; answers how many. */
  async sealPlain(): Promise<number> {
    const plain = await this.db.selectFrom("access_keys").select(["secret_id", "secret_key"]).where("sealed", "=", 0).execute();
    for (const k of plain) {
      await this.db
        .updateTable("access_keys")
        .set({ secret_key: this.sealer().seal(k.secret_key, sealContext(k.secret_id)), sealed: 1 })
        .where("secret_id", "=", k.secret_id)
        .where("sealed", "=", 0)
        .execute();
    }
    return plain.length;
  }

  /**
   * The credentials revision: it moves (by trigger) whenever a key, or the account or sub-account
   * it acts for, is changed or removed. One prepared point read.
   */
  async revision(): Promise<number> {
    const row = await REVISION.first(this.db, { name: CREDENTIALS_REVISION });
    return row ? Number(row.value) : 0;
  }
}
