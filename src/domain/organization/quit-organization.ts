import { ApiError } from "../../protocol/api-error.js";
import type { Context } from "../base/context.js";
import { v2018, v2021 } from "../base/contract.js";

/**
 * The caller leaves organization `orgId`. The admin cannot leave its own organization; accounts the
 * organization created, members whose quit policy is Denied, and members paid for by another
 * account or paying for others cannot leave either, nor a member another area holds back
 * (membersLeaving: an entity's admin, a delegated admin of an organization service, ...). Afterwards
 * the account belongs to no organization.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationMemberNotExist,
 *   FailedOperation.DisableQuitSelfCreatedOrganization, UnsupportedOperation.CreateMemberNotAllowQuit,
 *   UnsupportedOperation.MemberNotAllowQuit, FailedOperation.MemberExistDelegatePayerNotAllowDelete,
 *   FailedOperation.MemberIsDelegatePayerNotAllowDelete, and the other areas' refusals
 */
async function quitOrganizationFor(ctx: Context, orgId: number): Promise<void> {
  const uin = ctx.caller.uin;
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(orgId))) {
      throw new ApiError("ResourceNotFound.OrganizationNotExist", { en: `Parameter \`OrgId\`: organization ${orgId} does not exist.`, zh: `参数\`OrgId\`：组织 ${orgId} 不存在。` });
    }
    const org = (await tx.organizations.find(orgId))!;
    const m = await tx.members.find(uin);
    if (!m || m.org_id !== orgId) {
      throw new ApiError("ResourceNotFound.OrganizationMemberNotExist", {
        en: `Parameter \`OrgId\`: the caller is not a member of organization ${orgId}.`,
        zh: `参数\`OrgId\`：调用者不是组织 ${orgId} 的成员。`,
      });
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
    await ctx.hooks.refuseLeaving(tx, { org, members: [m], how: "quit" });
    await tx.tags.deleteAll("member", [uin]);
    await tx.members.delete(uin);
    await ctx.hooks.membersRemoved(tx, { org, uins: [uin], how: "quit" });
  });
}

/** QuitOrganization (2021-03-31) — the caller leaves its organization (see quitOrganizationFor). */
export const quitOrganization = v2021(
  "QuitOrganization",
  {
    caller: "account",
    codes: [
      "ResourceNotFound.OrganizationNotExist",
      "ResourceNotFound.OrganizationMemberNotExist",
      "FailedOperation.DisableQuitSelfCreatedOrganization",
      "UnsupportedOperation.CreateMemberNotAllowQuit",
      "UnsupportedOperation.MemberNotAllowQuit",
      "FailedOperation.MemberExistDelegatePayerNotAllowDelete",
      "FailedOperation.MemberIsDelegatePayerNotAllowDelete",
      "FailedOperation.OrganizationAuthManageNotAllowDelete",
      "UnsupportedOperation.MemberExistServiceNotAllowDelete",
    ],
  },
  async (input, ctx) => {
    await quitOrganizationFor(ctx, input.OrgId);
    return {};
  },
);

/**
 * QuitOrganization (2018-12-25) — the same rules over the same state. This version documents only
 * FailedOperation.DisableQuitSelfCreatedOrganization and ResourceNotFound.OrganizationNotExist: an
 * organization the caller is not in does not exist for it, and the later refusals answer their
 * common codes (FailedOperation, UnsupportedOperation) with the 2021-03-31 message saying why.
 */
export const quitOrganization2018 = v2018(
  "QuitOrganization",
  {
    caller: "account",
    codes: ["ResourceNotFound.OrganizationNotExist", "FailedOperation.DisableQuitSelfCreatedOrganization", "FailedOperation", "UnsupportedOperation"],
    translate: {
      "ResourceNotFound.OrganizationMemberNotExist": "ResourceNotFound.OrganizationNotExist",
      "UnsupportedOperation.CreateMemberNotAllowQuit": "UnsupportedOperation",
      "UnsupportedOperation.MemberNotAllowQuit": "UnsupportedOperation",
      "FailedOperation.MemberExistDelegatePayerNotAllowDelete": "FailedOperation",
      "FailedOperation.MemberIsDelegatePayerNotAllowDelete": "FailedOperation",
      "FailedOperation.OrganizationAuthManageNotAllowDelete": "FailedOperation",
      "UnsupportedOperation.MemberExistServiceNotAllowDelete": "UnsupportedOperation",
    },
  },
  async (input, ctx) => {
    await quitOrganizationFor(ctx, input.OrgId);
    return {};
  },
);
