import { ApiError } from "../../protocol/api-error.js";
import type { SendOrganizationInvitationRequest, SendOrganizationInvitationResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { createInvitation } from "../invitations/create-invitation.js";
import { MAX_REMARK } from "../invitations/invite-organization-member.js";
import { translate } from "../invitations/rules.js";
import { checkLength, checkName } from "../base/names.js";
import { POLICY_FINANCIAL, REQUIRED_PERMISSIONS } from "../base/permissions.js";
import { requireAdminOrg } from "../undeclared.js";

/** Codes 2018-12-25 uses where 2021-03-31's invitation rules name the same condition differently. */
export const LEGACY_INVITE_CODES = {
  "FailedOperation.OrganizationMemberExist": "FailedOperation.UserInOrganization",
  "FailedOperation.MemberExistInOtherOrganization": "FailedOperation.UserInOrganization",
  "FailedOperation.InvitationExist": "FailedOperation.ReSentInvitation",
  "FailedOperation.OrganizationMemberNameUsed": "FailedOperation.MemberNameUsed",
  "LimitExceeded.OrganizationMemberOverLimit": "LimitExceeded.Members",
} as const;

/**
 * SendOrganizationInvitation (2018-12-25) — invite an existing account into the caller's
 * organization on 2018's fixed terms: root department, financial policy with the two required
 * permissions, quitting allowed. Same invitations and rules as 2021-03-31's InviteOrganizationMember.
 * @throws ResourceNotFound.OrganizationNotExist, FailedOperation.UserNotRegister (a sub-account's UIN),
 *   ResourceNotFound.UserNotExist, FailedOperation.UserInOrganization,
 *   FailedOperation.ReSentInvitation, FailedOperation.MemberNameUsed, FailedOperation.NotSameRegion,
 *   LimitExceeded.Members, InvalidParameter (Name, Remark); and, for conditions 2018-12-25 has no code
 *   of its own, 2021-03-31's: FailedOperation.AuthInfoEmpty, FailedOperation.AuthNotEnterprise,
 *   FailedOperation.AuthInfoNotSame, UnsupportedOperation.AgentNotSame,
 *   UnsupportedOperation.MemberAccountArrears, LimitExceeded.InvitationOverLimit
 */
export async function sendOrganizationInvitation(input: SendOrganizationInvitationRequest, ctx: Context): Promise<SendOrganizationInvitationResponse> {
  checkName(input.Name, "Name");
  checkLength(input.Remark, "Remark", MAX_REMARK);
  // FailedOperation.UserNotRegister: "邀请账户不是主账号" (the invited account is not a main account),
  // as the SDK's errors.go describes it: a sub-account (CAM user) cannot join; its owner can.
  const sub = await ctx.store.subAccounts.find(input.InviteUin);
  if (sub) {
    await requireAdminOrg(ctx.store, ctx.caller.uin); // a caller without an organization hears that first
    throw new ApiError("FailedOperation.UserNotRegister", {
      en: `Parameter \`InviteUin\`: ${input.InviteUin} is a sub-account of account ${sub.owner_uin}, not a main account; only main accounts can be invited.`,
      zh: `参数\`InviteUin\`：${input.InviteUin} 是账号 ${sub.owner_uin} 的子账号，不是主账号；只能邀请主账号。`,
    });
  }
  await translate(LEGACY_INVITE_CODES, () =>
    createInvitation(ctx, {
      inviteeUin: input.InviteUin,
      inviteeParam: "InviteUin",
      name: input.Name,
      remark: input.Remark,
      policyType: POLICY_FINANCIAL,
      permissionIds: REQUIRED_PERMISSIONS,
      isAllowQuit: "Allow",
      payUin: null,
      relationAuthName: null,
      hasAuthFile: false,
      tags: [],
    }),
  );
  return {};
}
