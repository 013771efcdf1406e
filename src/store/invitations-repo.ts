import type { Insertable, Kysely, Selectable } from "kysely";
import { fixed } from "./fixed.js";
import type { DB, InvitationStatus } from "./schema.js";
import { insertRow, prepared } from "./prepared.js";

export type OrgInvitation = Selectable<DB["org_invitations"]>;

/** An invitation with what its listing shows of the inviting organization and its admin. */
export type InvitationListing = OrgInvitation & { org_type: number; host_uin: number; host_name: string; host_mail: string | null };

const INSERT = insertRow("org_invitations");
const FIND = prepared<{ invitationId: number }>()((db, a) => db.selectFrom("org_invitations").selectAll().where("invitation_id", "=", a.invitationId));
const FINISH = prepared<{ invitationId: number; status: Exclude<InvitationStatus, "Pending">; now: number }>()((db, a) =>
  db.updateTable("org_invitations").set({ status: a.status, updated_at: a.now }).where("invitation_id", "=", a.invitationId).where("status", "=", fixed("Pending")),
);

const FIND_PENDING = prepared<{ orgId: number; inviteeUin: number }>()((db, a) =>
  db.selectFrom("org_invitations").selectAll().where("org_id", "=", a.orgId).where("invitee_uin", "=", a.inviteeUin).where("status", "=", fixed("Pending")),
);
const COUNT_LIVE = prepared<{ orgId: number; now: number }>()((db, a) =>
  db
    .selectFrom("org_invitations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", a.orgId)
    .where("status", "=", fixed("Pending"))
    .where("expire_at", ">", a.now),
);
const LIVE_WITH_NAME = prepared<{ orgId: number; name: string; now: number; exceptInvitee: number }>()((db, a) =>
  db
    .selectFrom("org_invitations")
    .selectAll()
    .where("org_id", "=", a.orgId)
    .where("name", "=", a.name)
    .where("invitee_uin", "<>", a.exceptInvitee)
    .where("status", "=", fixed("Pending"))
    .where("expire_at", ">", a.now),
);

/**
 * Invitations of existing accounts into organizations. A "live" invitation is Pending and not
 * past its expire_at; a Pending row past it is expired (it is marked Expired when it gets in the way).
 */
export class InvitationsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  find(invitationId: number): Promise<OrgInvitation | undefined> {
    return FIND.first(this.db, { invitationId });
  }

  async insert(inv: Insertable<DB["org_invitations"]>): Promise<void> {
    await INSERT(this.db, inv);
  }

  /** The Pending invitation of an account from an organization (the unique index allows one), expired or not. */
  findPending(orgId: number, inviteeUin: number): Promise<OrgInvitation | undefined> {
    return FIND_PENDING.first(this.db, { orgId, inviteeUin });
  }

  /** Move a Pending invitation to another status; false when it was no longer Pending (a concurrent answer won). */
  async finish(invitationId: number, status: Exclude<InvitationStatus, "Pending">, now: number): Promise<boolean> {
    return (await FINISH.run(this.db, { invitationId, status, now })) > 0;
  }

  /** How many live invitations an organization has out. */
  async countLive(orgId: number, now: number): Promise<number> {
    return Number((await COUNT_LIVE.first(this.db, { orgId, now }))?.n ?? 0);
  }

  /** A live invitation of the organization that reserves a member name for another account. */
  liveWithName(orgId: number, name: string, now: number, exceptInvitee: number): Promise<OrgInvitation | undefined> {
    return LIVE_WITH_NAME.first(this.db, { orgId, name, now, exceptInvitee });
  }

  /** A live invitation of the organization, other than `exceptId`, that applies for a relation with this entity. */
  liveWithRelation(orgId: number, relationAuthName: string, now: number, exceptId = 0): Promise<OrgInvitation | undefined> {
    return this.db
      .selectFrom("org_invitations")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("relation_auth_name", "=", relationAuthName)
      .where("invitation_id", "<>", exceptId)
      .where("status", "=", fixed("Pending"))
      .where("expire_at", ">", now)
      .executeTakeFirst();
  }

  /** A page of the invitations an account received (newest first), and their total. */
  listReceived(inviteeUin: number, offset: number, limit: number): Promise<{ rows: InvitationListing[]; total: number }> {
    return this.listWhere("invitee_uin", inviteeUin, offset, limit);
  }

  /** A page of the invitations an organization sent (newest first), and their total. */
  listSent(orgId: number, offset: number, limit: number): Promise<{ rows: InvitationListing[]; total: number }> {
    return this.listWhere("org_id", orgId, offset, limit);
  }

  private async listWhere(column: "invitee_uin" | "org_id", value: number, offset: number, limit: number) {
    const [rows, count] = await Promise.all([
      this.db
        .selectFrom("org_invitations as i")
        .innerJoin("organizations as o", "o.org_id", "i.org_id")
        .innerJoin("accounts as h", "h.uin", "o.host_uin")
        .selectAll("i")
        .select(["o.org_type", "o.host_uin", "h.name as host_name", "h.mail as host_mail"])
        .where(`i.${column}`, "=", value)
        .orderBy("i.invitation_id", "desc")
        .offset(offset)
        .limit(limit)
        .execute(),
      this.db
        .selectFrom("org_invitations")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where(column, "=", value)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as InvitationListing[], total: Number(count.n) };
  }
}
