import type { Kysely, Selectable } from "kysely";
import { chunks } from "./chunks.js";
import { prepared } from "./prepared.js";
import type { DB } from "./schema.js";

export type SubAccount = Selectable<DB["sub_accounts"]>;

const FIND = prepared<{ subUin: number }>()((db, a) => db.selectFrom("sub_accounts").selectAll().where("sub_uin", "=", a.subUin));

/** Sub-accounts (CAM users) of accounts. */
export class SubAccountsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  find(subUin: number): Promise<SubAccount | undefined> {
    return FIND.first(this.db, { subUin });
  }

  /** Which of these UINs are sub-accounts of `ownerUin`, by UIN. */
  async ofOwner(ownerUin: number, subUins: readonly number[]): Promise<Map<number, SubAccount>> {
    const out = new Map<number, SubAccount>();
    for (const part of chunks([...new Set(subUins)])) {
      const rows = await this.db.selectFrom("sub_accounts").selectAll().where("owner_uin", "=", ownerUin).where("sub_uin", "in", part).execute();
      for (const r of rows) out.set(r.sub_uin, r);
    }
    return out;
  }

  async nameTaken(ownerUin: number, name: string): Promise<boolean> {
    const r = await this.db.selectFrom("sub_accounts").select("sub_uin").where("owner_uin", "=", ownerUin).where("name", "=", name).executeTakeFirst();
    return r !== undefined;
  }

  async insert(s: SubAccount): Promise<void> {
    await this.db.insertInto("sub_accounts").values(s).execute();
  }

  /** A page of an account's sub-accounts, by UIN. */
  list(ownerUin: number, offset: number, limit: number): Promise<SubAccount[]> {
    return this.db.selectFrom("sub_accounts").selectAll().where("owner_uin", "=", ownerUin).orderBy("sub_uin").offset(offset).limit(limit).execute();
  }

  async count(ownerUin: number): Promise<number> {
    const r = await this.db.selectFrom("sub_accounts").select((eb) => eb.fn.countAll<number>().as("n")).where("owner_uin", "=", ownerUin).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Remove every sub-account (and, by cascade, their keys and bindings). */
  async deleteAll(): Promise<void> {
    await this.db.deleteFrom("sub_accounts").execute();
  }
}
