import type { DenyOrganizationInvitationRequest, DenyOrganizationInvitationResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { invitationNotExist, requireLiveReceived } from "../invitations/answer.js";

/**
 * DenyOrganizationInvitation (2018-12-25) — the invitee declines a pending invitation; the
 * organization may invite the account again afterwards.
 * @throws ResourceNotFound.InvitationNotExist (unknown, someone else's, answered, cancelled or expired)
 */
export async function denyOrganizationInvitation(input: DenyOrganizationInvitationRequest, ctx: Context): Promise<DenyOrganizationInvitationResponse> {
  await ctx.store.transaction(async (tx) => {
    const now = ctx.now();
    const inv = requireLiveReceived(input.Id, await tx.invitations.find(input.Id), ctx.caller.uin, now);
    if (!(await tx.invitations.finish(inv.invitation_id, "Denied", now))) throw invitationNotExist(input.Id);
  });
  return {};
}
