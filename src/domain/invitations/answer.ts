import { ApiError } from "../../protocol/api-error.js";
import type { OrgInvitation } from "../../store/invitations-repo.js";
import { isLive } from "./rules.js";

/** An invitation the caller may not see, or one that can no longer be answered, and why. */
export function invitationNotExist(id: number, inv?: OrgInvitation, now?: number): ApiError {
  if (!inv || now === undefined) {
    return new ApiError("ResourceNotFound.InvitationNotExist", { en: `Parameter \`Id\`: invitation ${id} does not exist.`, zh: `参数\`Id\`：邀请 ${id} 不存在。` });
  }
  const expired = inv.status === "Expired" || (inv.status === "Pending" && inv.expire_at <= now);
  const [en, zh] = expired ? ["has expired", "已过期"] : [`was already ${inv.status.toLowerCase()}`, "已处理"];
  return new ApiError("ResourceNotFound.InvitationNotExist", { en: `Parameter \`Id\`: invitation ${id} ${en}.`, zh: `参数\`Id\`：邀请 ${id} ${zh}。` });
}

/** The caller's live received invitation, or InvitationNotExist. */
export function requireLiveReceived(id: number, inv: OrgInvitation | undefined, callerUin: number, now: number): OrgInvitation {
  if (!inv || inv.invitee_uin !== callerUin) throw invitationNotExist(id);
  if (!isLive(inv, now)) throw invitationNotExist(id, inv, now);
  return inv;
}

/** OrgInvitation.Status of 2018-12-25: -1 expired, 0 pending, 1 accepted, 2 no longer valid (denied), 3 cancelled. */
export function legacyStatus(inv: OrgInvitation, now: number): number {
  switch (inv.status) {
    case "Pending":
      return inv.expire_at > now ? 0 : -1;
    case "Expired":
      return -1;
    case "Accepted":
      return 1;
    case "Denied":
      return 2;
    case "Cancelled":
      return 3;
  }
}
