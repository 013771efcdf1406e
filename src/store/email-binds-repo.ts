import type { Insertable, Kysely, Selectable, Updateable } from "kysely";
import { fixed } from "./fixed.js";
import type { DB } from "./schema.js";
import { preparedList } from "./prepared.js";

export type MemberEmailBind = Selectable<DB["member_email_binds"]>;

/** What a member's login e-mail binding looks like to a reader: Unbound when it has none. */
export type BindStatus = "Unbound" | "Valid" | "Success" | "Failed";

/** The status a binding shows at `now`: a link awaiting activation past its expiry has failed. */
export function bindStatusAt(bind: Pick<MemberEmailBind, "status" | "expire_at"> | undefined, now: number): BindStatus {
  if (!bind) return "Unbound";
  if (bind.status === "Valid" && bind.expire_at <= now) return "Failed";
  return bind.status;
}

const STATUSES_OF = preparedList<Record<string, never>, number>()((db, _a, uins) =>
  db.selectFrom("member_email_binds").select(["member_uin", "status", "expire_at"]).where("member_uin", "in", uins).orderBy("bind_id"),
);

/** Login e-mail bindings of member accounts, one row per binding attempt. */
export class EmailBindsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  find(bindId: number): Promise<MemberEmailBind | undefined> {
    return this.db.selectFrom("member_email_binds").selectAll().where("bind_id", "=", bindId).executeTakeFirst();
  }

  /** The account's current binding: its latest attempt. */
  latest(memberUin: number): Promise<MemberEmailBind | undefined> {
    return this.db.selectFrom("member_email_binds").selectAll().where("member_uin", "=", memberUin).orderBy("bind_id", "desc").limit(1).executeTakeFirst();
  }

  /**
   * BindStatus of many accounts in one query (for member listings): the status of each one's
   * latest binding at `now`, "Unbound" for accounts without one.
   */
  async statusesFor(memberUins: readonly number[], now: number): Promise<Map<number, BindStatus>> {
    const out = new Map<number, BindStatus>(memberUins.map((uin) => [uin, "Unbound"]));
    if (memberUins.length === 0) return out;
    const rows = await STATUSES_OF.rows(this.db, {}, memberUins);
    for (const r of rows) out.set(r.member_uin, bindStatusAt(r, now));
    return out;
  }

  /** Whether any binding, of any account and in any state, holds this address. */
  async emailTaken(emailKey: string, exceptBindId = 0): Promise<boolean> {
    const row = await this.db
      .selectFrom("member_email_binds")
      .select("bind_id")
      .where("email_key", "=", emailKey)
      .where("bind_id", "<>", exceptBindId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** How many accounts other than `exceptMember` use this phone number in a binding awaiting activation or activated. */
  async countPhoneUsers(countryCode: string, phone: string, exceptMember: number): Promise<number> {
    const r = await this.db
      .selectFrom("member_email_binds")
      .select((eb) => eb.fn.count<number>("member_uin").distinct().as("n"))
      .where("country_code", "=", countryCode)
      .where("phone", "=", phone)
      .where("status", "in", [fixed("Valid"), fixed("Success")])
      .where("member_uin", "<>", exceptMember)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** How many bindings were applied for an account since `since`. */
  async countSince(memberUin: number, since: number): Promise<number> {
    const r = await this.db
      .selectFrom("member_email_binds")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("member_uin", "=", memberUin)
      .where("created_at", ">=", since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Record that an account's activated binding was changed at `at`. */
  async recordBoundChange(memberUin: number, bindId: number, at: number): Promise<void> {
    await this.db.insertInto("member_email_bind_changes").values({ member_uin: memberUin, bind_id: bindId, changed_at: at }).execute();
  }

  /** How many times an account's activated bindings were changed since `since`. */
  async countBoundChangesSince(memberUin: number, since: number): Promise<number> {
    const r = await this.db
      .selectFrom("member_email_bind_changes")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("member_uin", "=", memberUin)
      .where("changed_at", ">=", since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async insert(b: Insertable<DB["member_email_binds"]>): Promise<void> {
    await this.db.insertInto("member_email_binds").values(b).execute();
  }

  async update(bindId: number, set: Updateable<DB["member_email_binds"]>): Promise<void> {
    await this.db.updateTable("member_email_binds").set(set).where("bind_id", "=", bindId).execute();
  }
}
