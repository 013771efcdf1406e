import { sql, type Kysely, type Selectable } from "kysely";
import { chunks } from "./chunks.js";
import type { DB, Site, Verification } from "./schema.js";
import { insertRow, prepared } from "./prepared.js";

export type Account = Selectable<DB["accounts"]>;

export interface NewAccount {
  uin: number;
  name: string;
  mail?: string | null;
  verification: Verification;
  entityName?: string | null;
  site: Site;
  isRoot?: boolean;
  createdAt: number;
}

export interface AccountFlags {
  name?: string;
  mail?: string | null;
  verification?: Verification;
  entityName?: string | null;
  site?: Site;
  arrears?: boolean;
  agent?: boolean;
}

/** The stored row of a new account. */
function accountRow(a: NewAccount) {
  return {
    uin: a.uin,
    name: a.name,
    mail: a.mail ?? null,
    verification: a.verification,
    entity_name: a.entityName ?? null,
    site: a.site,
    is_root: a.isRoot ? 1 : 0,
    created_at: a.createdAt,
  };
}

const FIND = prepared<{ uin: number }>()((db, a) => db.selectFrom("accounts").selectAll().where("uin", "=", a.uin));
const INSERT = insertRow("accounts");

/** The account registry: every Tencent Cloud account this server knows. */
export class AccountsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  find(uin: number): Promise<Account | undefined> {
    return FIND.first(this.db, { uin });
  }

  /** An account other than `exceptUin` whose registry e-mail is this address (compared lower-cased). */
  findOtherByMail(mailKey: string, exceptUin: number): Promise<Account | undefined> {
    return this.db
      .selectFrom("accounts")
      .selectAll()
      .where(sql<string>`lower(mail)`, "=", mailKey)
      .where("uin", "<>", exceptUin)
      .executeTakeFirst();
  }

  async insert(a: NewAccount): Promise<void> {
    await INSERT(this.db, accountRow(a));
  }

  /** Insert unless an account with the UIN exists (concurrent bootstraps of several processes). */
  async insertIfAbsent(a: NewAccount): Promise<void> {
    await this.db.insertInto("accounts").values(accountRow(a)).onConflict((oc) => oc.column("uin").doNothing()).execute();
  }

  /** Register many accounts at once (bulk loading). */
  async insertMany(list: readonly NewAccount[]): Promise<void> {
    for (const part of chunks(list, 400)) await this.db.insertInto("accounts").values(part.map(accountRow)).execute();
  }

  /** Remove an account with its access keys (and, by cascade, its membership). */
  async delete(uin: number): Promise<void> {
    await this.db.deleteFrom("accounts").where("uin", "=", uin).execute();
  }

  /** Change registry attributes; returns false when no such account exists. */
  async update(uin: number, f: AccountFlags): Promise<boolean> {
    const set: Record<string, unknown> = {};
    if (f.name !== undefined) set.name = f.name;
    if (f.mail !== undefined) set.mail = f.mail;
    if (f.verification !== undefined) set.verification = f.verification;
    if (f.entityName !== undefined) set.entity_name = f.entityName;
    if (f.site !== undefined) set.site = f.site;
    if (f.arrears !== undefined) set.arrears = f.arrears ? 1 : 0;
    if (f.agent !== undefined) set.agent = f.agent ? 1 : 0;
    if (Object.keys(set).length === 0) return (await this.find(uin)) !== undefined;
    const r = await this.db.updateTable("accounts").set(set).where("uin", "=", uin).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** A page of accounts ordered by UIN. */
  list(offset: number, limit: number): Promise<Account[]> {
    return this.db.selectFrom("accounts").selectAll().orderBy("uin").offset(offset).limit(limit).execute();
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom("accounts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Remove every account except the root ones (their keys stay too). */
  async deleteAllButRoot(): Promise<void> {
    await this.db.deleteFrom("access_keys").where("uin", "not in", this.db.selectFrom("accounts").select("uin").where("is_root", "=", 1)).execute();
    await this.db.deleteFrom("accounts").where("is_root", "=", 0).execute();
  }
}
