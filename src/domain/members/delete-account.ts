import { ApiError } from "../../protocol/api-error.js";
import type { DeleteAccountRequest, DeleteAccountResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { refuseDelegatedAdmins } from "../services/rules.js";
import { deletionReasons } from "./check-account-delete.js";
import { requireMember } from "./rules.js";

/**
 * DeleteAccount — delete a member account the organization created: the account leaves the
 * organization and the registry, with its access keys, tags and identities (deregistration is
 * immediate in TCO). CheckAccountDelete tells beforehand whether it is allowed. The checks follow
 * the guide 删除在集团账号中创建的成员 (https://cloud.tencent.com/document/product/850/93408): first
 * the organization's (member deletion is on; the caller is a sub-user of the admin: "根据安全最佳实践，
 * 您只能使用管理账号下具有管理员权限的子用户删除成员，不能使用管理账号根用户删除成员"), then the member's.
 * A sub-account acts with its owner's rights in TCO (no CAM policies), so any sub-account key of the
 * admin qualifies; the admin's own key gets the common code UnauthorizedOperation, as DeleteAccount
 * documents no code of its own for it.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.MemberNotExist,
 *   UnsupportedOperation.DeleteAccountDisabled, UnauthorizedOperation,
 *   UnsupportedOperation.InviteAccountNotAllowDelete, FailedOperation.OrganizationAuthManageNotAllowDelete,
 *   UnsupportedOperation.MemberExistServiceNotAllowDelete, UnsupportedOperation.MemberAccountExistResource
 */
export async function deleteAccount(input: DeleteAccountRequest, ctx: Context): Promise<DeleteAccountResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await ctx.store.transaction(async (tx) => {
    // the organization's row before the member's, as every writer of its membership (see removeMembers)
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const member = await requireMember(tx, org.org_id, input.MemberUin);
    const reasons = await deletionReasons(tx, member);
    if (!reasons.DeletionPermission) {
      throw new ApiError("UnsupportedOperation.DeleteAccountDisabled", {
        en: "Member deletion is off for the organization; its admin must turn it on first.",
        zh: "组织未开启成员删除许可，须由管理员先开启。",
      });
    }
    if (ctx.caller.subUin === undefined) {
      throw new ApiError("UnauthorizedOperation", {
        en: "Member accounts are deleted with a sub-account key of the organization's admin, never with the admin's own (root) key.",
        zh: "须使用组织管理员的子用户密钥删除成员账号，不能使用管理员主账号（根用户）密钥。",
      });
    }
    if (!reasons.IsCreateMember) {
      throw new ApiError("UnsupportedOperation.InviteAccountNotAllowDelete", {
        en: `Account ${member.member_uin} was not created by the organization; only created member accounts can be deleted (remove it with DeleteOrganizationMembers).`,
        zh: `账号 ${member.member_uin} 不是组织创建的；只能删除组织创建的成员账号（可用 DeleteOrganizationMembers 移出组织）。`,
      });
    }
    if (reasons.IsAuthManager) {
      throw new ApiError("FailedOperation.OrganizationAuthManageNotAllowDelete", {
        en: `Member ${member.member_uin} administers a verified entity of the organization; change or remove that entity's admin before deleting it.`,
        zh: `成员 ${member.member_uin} 是组织的主体管理员，请先更换或移除主体管理员再删除。`,
      });
    }
    if (reasons.IsAssignManager) await refuseDelegatedAdmins(tx, [member], "deleted");
    if (reasons.ExistResources.length > 0) {
      throw new ApiError("UnsupportedOperation.MemberAccountExistResource", {
        en: `Member ${member.member_uin} still owns resources (${reasons.ExistResources.join(", ")}); release them before deleting the account.`,
        zh: `成员 ${member.member_uin} 仍有资源（${reasons.ExistResources.join("、")}），请先释放再删除账号。`,
      });
    }
    await tx.tags.deleteFor("member", [member.member_uin]);
    await tx.accounts.delete(member.member_uin);
  });
  return {};
}
