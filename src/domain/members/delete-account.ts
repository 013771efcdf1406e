import { ApiError } from "../../protocol/api-error.js";
import type { DeleteAccountRequest, DeleteAccountResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../context.js";
import { orgNotExist, requireAdminOrg } from "../organization/rules.js";
import { refuseDelegatedAdmins } from "../services/rules.js";
import { deletionReasons } from "./check-account-delete.js";
import { requireMember } from "./rules.js";

/**
 * DeleteAccount — delete a member account the organization created: the account leaves the
 * organization and the registry, with its access keys, tags and identities (deregistration is
 * immediate in TCO). CheckAccountDelete tells beforehand whether it is allowed.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.MemberNotExist,
 *   UnsupportedOperation.InviteAccountNotAllowDelete, FailedOperation.OrganizationAuthManageNotAllowDelete,
 *   UnsupportedOperation.MemberExistServiceNotAllowDelete
 */
export async function deleteAccount(input: DeleteAccountRequest, ctx: Context): Promise<DeleteAccountResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await ctx.store.transaction(async (tx) => {
    // the organization's row before the member's, as every writer of its membership (see removeMembers)
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const member = await requireMember(tx, org.org_id, input.MemberUin);
    const reasons = await deletionReasons(tx, member);
    if (!reasons.IsCreateMember) {
      throw new ApiError("UnsupportedOperation.InviteAccountNotAllowDelete", {
        en: `Account ${member.member_uin} was not created by the organization; only created member accounts can be deleted (remove it with DeleteOrganizationMembers).`,
        zh: `账号 ${member.member_uin} 不是组织创建的；只能删除组织创建的成员账号（可用 DeleteOrganizationMembers 移出组织）。`,
      });
    }
    if (reasons.IsAuthManager) {
      throw new ApiError("FailedOperation.OrganizationAuthManageNotAllowDelete", {
        en: `Member ${member.member_uin} administers a verified entity of the organization and cannot be deleted.`,
        zh: `成员 ${member.member_uin} 是组织的主体管理账号，不能删除。`,
      });
    }
    if (reasons.IsAssignManager) await refuseDelegatedAdmins(tx, [member], "deleted");
    await tx.tags.deleteFor("member", [member.member_uin]);
    await tx.accounts.delete(member.member_uin);
  });
  return {};
}
