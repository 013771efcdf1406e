import type { Insertable, Kysely, Selectable } from "kysely";
import type { DB } from "./schema.js";

export type AccessKey = Selectable<DB["access_keys"]>;
/** A key to store; `sub_uin` is left out for the account's own keys. */
export type NewAccessKey = Insertable<DB["access_keys"]>;

/** API access keys (SecretId/SecretKey) of accounts and of their sub-accounts. */
export class KeysRepo {
  constructor(private readonly db: Kysely<DB>) {}

  find(secretId: string): Promise<AccessKey | undefined> {
    return this.db.selectFrom("access_keys").selectAll().where("secret_id", "=", secretId).executeTakeFirst();
  }

  async insert(k: NewAccessKey): Promise<void> {
    await this.db.insertInto("access_keys").values(k).execute();
  }

  /** Insert, or give an existing SecretId the stated key and owner (bootstrap from the environment). */
  async upsert(k: NewAccessKey): Promise<void> {
    await this.db
      .insertInto("access_keys")
      .values(k)
      .onConflict((oc) => oc.column("secret_id").doUpdateSet({ secret_key: k.secret_key, uin: k.uin, sub_uin: k.sub_uin ?? null }))
      .execute();
  }

  /** The account's own keys (not its sub-accounts'), oldest first. */
  listFor(uin: number): Promise<AccessKey[]> {
    return this.db.selectFrom("access_keys").selectAll().where("uin", "=", uin).where("sub_uin", "is", null).orderBy("created_at").execute();
  }
}
