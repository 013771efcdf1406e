import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import type { QuitOrganizationRequest, QuitOrganizationResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { refuseDelegatedAdmins } from "../services/rules.js";

/** The code a version answers when the caller is not a member of the organization it names. */
export interface QuitCodes {
  notMember: ErrorCode;
}

export const QUIT_CODES: QuitCodes = { notMember: "ResourceNotFound.OrganizationMemberNotExist" };

/**
 * The caller leaves organization `orgId`. The admin cannot leave its own organization; accounts the
 * organization created, members whose quit policy is Denied, members paid for by another account or
 * paying for others, members managing an entity relation and delegated admins of organization
 * services cannot leave either. Afterwards the
 * account belongs to no organization.
 * @throws ResourceNotFound.OrganizationNotExist, codes.notMember,
 *   FailedOperation.DisableQuitSelfCreatedOrganization, UnsupportedOperation.CreateMemberNotAllowQuit,
 *   UnsupportedOperation.MemberNotAllowQuit, FailedOperation.MemberExistDelegatePayerNotAllowDelete,
 *   FailedOperation.MemberIsDelegatePayerNotAllowDelete, FailedOperation.OrganizationAuthManageNotAllowDelete,
 *   UnsupportedOperation.MemberExistServiceNotAllowDelete
 */
export async function quitOrganizationFor(ctx: Context, orgId: number, codes: QuitCodes): Promise<void> {
  const uin = ctx.caller.uin;
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(orgId))) {
      throw new ApiError("ResourceNotFound.OrganizationNotExist", { en: `Parameter \`OrgId\`: organization ${orgId} does not exist.`, zh: `参数\`OrgId\`：组织 ${orgId} 不存在。` });
    }
    const m = await tx.members.find(uin);
    if (!m || m.org_id !== orgId) {
      throw new ApiError(codes.notMember, { en: `Parameter \`OrgId\`: the caller is not a member of organization ${orgId}.`, zh: `参数\`OrgId\`：调用者不是组织 ${orgId} 的成员。` });
    }
    if (m.is_admin === 1) {
      throw new ApiError("FailedOperation.DisableQuitSelfCreatedOrganization", {
        en: "The admin cannot quit the organization it created; delete the organization instead.",
        zh: "管理员不能退出自己创建的组织，可删除该组织。",
      });
    }
    if (m.member_type === "Create") {
      throw new ApiError("UnsupportedOperation.CreateMemberNotAllowQuit", {
        en: "An account created by the organization cannot quit it.",
        zh: "由组织创建的成员账号不能退出组织。",
      });
    }
    if (m.is_allow_quit === "Denied") {
      throw new ApiError("UnsupportedOperation.MemberNotAllowQuit", {
        en: "The organization does not allow this member to quit (IsAllowQuit is Denied).",
        zh: "组织不允许该成员主动退出（IsAllowQuit 为 Denied）。",
      });
    }
    if (m.pay_uin !== null) {
      throw new ApiError("FailedOperation.MemberExistDelegatePayerNotAllowDelete", {
        en: `Account ${m.pay_uin} pays on behalf of this member; the organization must stop that first.`,
        zh: `账号 ${m.pay_uin} 为该成员代付费，须先取消代付。`,
      });
    }
    if ((await tx.members.countPaidBy(orgId, uin)) > 0) {
      throw new ApiError("FailedOperation.MemberIsDelegatePayerNotAllowDelete", {
        en: "This member pays on behalf of other members; the organization must stop that first.",
        zh: "该成员为其他成员代付费，须先取消代付。",
      });
    }
    if (await tx.authRelations.isManager(orgId, uin)) {
      throw new ApiError("FailedOperation.OrganizationAuthManageNotAllowDelete", {
        en: "This member manages a real-name entity of the organization and cannot quit.",
        zh: "该成员是组织的主体管理账号，不能退出组织。",
      });
    }
    await refuseDelegatedAdmins(tx, [m], "quit");
    await tx.tags.deleteAll("member", [uin]);
    await tx.members.delete(uin);
  });
}

/** QuitOrganization (2021-03-31) — the caller leaves its organization.
 *  @throws see quitOrganizationFor */
export async function quitOrganization(input: QuitOrganizationRequest, ctx: Context): Promise<QuitOrganizationResponse> {
  await quitOrganizationFor(ctx, input.OrgId, QUIT_CODES);
  return {};
}
