import type { Insertable, Kysely, Selectable } from "kysely";
import type { DB } from "./schema.js";

export type OrgInvitation = Selectable<DB["org_invitations"]>;

/** Invitations of existing accounts into organizations. */
export class InvitationsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  find(invitationId: number): Promise<OrgInvitation | undefined> {
    return this.db.selectFrom("org_invitations").selectAll().where("invitation_id", "=", invitationId).executeTakeFirst();
  }

  async insert(inv: Insertable<DB["org_invitations"]>): Promise<void> {
    await this.db.insertInto("org_invitations").values(inv).execute();
  }
}
