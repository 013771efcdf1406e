import type { ListOrganizationInvitationsRequest, ListOrganizationInvitationsResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { legacyStatus } from "../invitations/answer.js";
import { maskMail } from "../base/personal-data.js";
import { formatTime } from "../base/time.js";

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

/**
 * ListOrganizationInvitations (2018-12-25) — Invited 1 (any non-zero value): the invitations the
 * caller received; 0: the ones its organization sent (none when it administers no organization).
 * Newest first; every status (expired ones show -1). Limit defaults to 10 and is capped at 50.
 * The admin's e-mail (HostMail) is masked (see personal-data.ts).
 * @throws nothing of its own (ResourceNotFound.UserNotExist cannot occur: the caller's account exists)
 */
export async function listOrganizationInvitations(input: ListOrganizationInvitationsRequest, ctx: Context): Promise<ListOrganizationInvitationsResponse> {
  const offset = input.Offset ?? 0;
  const limit = Math.min(input.Limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  let page;
  if (input.Invited !== 0) {
    page = await ctx.store.invitations.listReceived(ctx.caller.uin, offset, limit);
  } else {
    const org = await ctx.store.organizations.findByHost(ctx.caller.uin);
    page = org ? await ctx.store.invitations.listSent(org.org_id, offset, limit) : { rows: [], total: 0 };
  }
  const now = ctx.now();
  const tz = ctx.settings.utcOffsetMinutes;
  return {
    Invitations: page.rows.map((r) => ({
      Id: r.invitation_id,
      Uin: r.invitee_uin,
      HostUin: r.host_uin,
      HostName: r.host_name,
      HostMail: maskMail(r.host_mail ?? ""),
      Status: legacyStatus(r, now),
      Name: r.name,
      Remark: r.remark ?? "",
      OrgType: r.org_type,
      InviteTime: formatTime(r.created_at, tz),
      ExpireTime: formatTime(r.expire_at, tz),
    })),
    TotalCount: page.total,
  };
}
