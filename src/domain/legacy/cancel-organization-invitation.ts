import type { CancelOrganizationInvitationRequest, CancelOrganizationInvitationResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { invitationNotExist } from "../invitations/answer.js";
import { isLive } from "../invitations/rules.js";

/**
 * CancelOrganizationInvitation (2018-12-25) — the admin of the inviting organization withdraws a
 * pending invitation (made with either API version).
 * @throws ResourceNotFound.InvitationNotExist (unknown, another organization's, answered, cancelled or expired)
 */
export async function cancelOrganizationInvitation(input: CancelOrganizationInvitationRequest, ctx: Context): Promise<CancelOrganizationInvitationResponse> {
  await ctx.store.transaction(async (tx) => {
    const now = ctx.now();
    const inv = await tx.invitations.find(input.Id);
    const org = await tx.organizations.findByHost(ctx.caller.uin);
    if (!inv || !org || inv.org_id !== org.org_id) throw invitationNotExist(input.Id);
    if (!isLive(inv, now) || !(await tx.invitations.finish(inv.invitation_id, "Cancelled", now))) throw invitationNotExist(input.Id, inv, now);
  });
  return {};
}
