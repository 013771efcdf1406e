import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import type { UpdateOrganizationMemberRequest, UpdateOrganizationMemberResponse } from "../../spec/generated/v20210331.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { MemberPatch, OrgMember } from "../../store/members-repo.js";
import type { AllowQuit } from "../../store/schema.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";
import type { Context } from "../base/context.js";
import { checkLength, checkName } from "../base/names.js";
import { checkPermissions, checkPolicyType, decodePermissions, encodePermissions } from "../base/permissions.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { checkPermissionsEnabled } from "../base/permissions.js";
import { entityAdminOf } from "../base/entity-relations.js";
import { checkAdminVerification, checkPayer } from "./finance.js";
import { checkAllowQuit, parsePayUin, payUinIllegal, paysOnBehalf, REMARK_MAX, requireAccount, requireMember } from "./rules.js";

/** A change of a member's name and remark, as both API versions allow. */
export interface RenameSpec {
  name?: string;
  remark?: string;
  /** the code a clash of names answers: 2021-03-31 and 2018-12-25 document different ones */
  nameUsedCode: ErrorCode;
}

const nameUsed = (code: ErrorCode, name: string) =>
  new ApiError(code, { en: `Parameter \`Name\`: the organization already has a member named ${name}.`, zh: `参数\`Name\`：组织中已有名为 ${name} 的成员。` });

/**
 * Change a member's name and remark (and, with 2021-03-31, its financial relation) in one
 * transaction; the name's uniqueness is settled by the database constraint.
 */
async function applyUpdate(
  ctx: Context,
  org: Organization,
  uin: number,
  rename: RenameSpec,
  financial?: (tx: Store, member: OrgMember, patch: MemberPatch) => Promise<void>,
  syncNickName = false,
): Promise<void> {
  try {
    await ctx.store.transaction(async (tx) => {
      if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
      const member = await requireMember(tx, org.org_id, uin);
      const now = ctx.now();
      const patch: MemberPatch = { updated_at: now };
      if (rename.name !== undefined && rename.name !== member.name) {
        if (await tx.members.nameTaken(org.org_id, rename.name, uin)) throw nameUsed(rename.nameUsedCode, rename.name);
        patch.name = rename.name;
      }
      if (rename.remark !== undefined) patch.remark = rename.remark;
      if (financial) await financial(tx, member, patch);
      await tx.members.update(uin, patch);
      if (syncNickName) await tx.accounts.update(uin, { name: rename.name ?? member.name });
    });
  } catch (e) {
    if (isUniqueViolation(e) && rename.name !== undefined) throw nameUsed(rename.nameUsedCode, rename.name);
    throw e;
  }
}

/** Rename a member or change its remark (the 2018-12-25 update). */
export async function renameMember(ctx: Context, org: Organization, uin: number, rename: RenameSpec): Promise<void> {
  if (rename.name !== undefined) checkName(rename.name, "Name");
  if (rename.remark !== undefined) checkLength(rename.remark, "Remark", REMARK_MAX);
  await applyUpdate(ctx, org, uin, rename);
}

const unsupported = (en: string, zh: string) => new ApiError("UnsupportedOperation", { en, zh });

/** What UpdateOrganizationMember asks of a member's financial relation, after the stateless checks. */
interface FinanceChange {
  permissions?: number[];
  payUin?: number;
  allowQuit?: AllowQuit;
  syncNickName: boolean;
}

/**
 * Apply a change of permissions, payer or quit policy to `patch`, after the checks that read
 * state: the admin's own relation is fixed; a created member never may quit, a paid-for one may
 * not; a financial change needs the admin enterprise-verified, the member in good standing and
 * the payer acceptable (checkPayer).
 */
async function changeFinance(tx: Store, org: Organization, member: OrgMember, change: FinanceChange, patch: MemberPatch): Promise<void> {
  const { permissions, payUin, allowQuit, syncNickName } = change;
  const touchesFinance = permissions !== undefined || payUin !== undefined || allowQuit !== undefined;
  if (member.is_admin === 1 && (touchesFinance || syncNickName)) {
    throw unsupported(
      "The admin's own financial relation, quit policy and account nickname cannot be changed; only its member name and remark.",
      "管理员自身的财务关系、退出策略和账号昵称不可修改，仅可修改成员名称和备注。",
    );
  }
  if (syncNickName && member.member_type !== "Create") {
    throw unsupported(
      "`IsModifyNickName` applies only to member accounts the organization created; an invited account's nickname is its owner's.",
      "`IsModifyNickName`仅适用于组织创建的成员账号；邀请加入的账号昵称由其所有者管理。",
    );
  }
  const oldPermissions = decodePermissions(member.permission_ids);
  const newPermissions = permissions ?? oldPermissions;
  // a permission the member holds already stays even when it is no longer enabled; a new grant needs it enabled
  await checkPermissionsEnabled(tx, org.org_id, newPermissions.filter((id) => !oldPermissions.includes(id)));
  const pays = paysOnBehalf(newPermissions);
  if (!pays && payUin !== undefined) {
    throw payUinIllegal("Parameter `PayUin` is only used with permission 7 (pay on behalf).", "参数`PayUin`仅在包含权限 7（代付费）时使用。");
  }
  const newPayUin = pays ? (payUin ?? member.pay_uin ?? undefined) : undefined;
  if (pays && newPayUin === undefined) {
    throw payUinIllegal("Parameter `PayUin` is required with permission 7 (pay on behalf).", "权限 7（代付费）需要参数`PayUin`。");
  }
  if (allowQuit === "Allow" && member.member_type === "Create") {
    throw new ApiError("UnsupportedOperation.MemberNotAllowQuit", {
      en: "A member account the organization created cannot be allowed to quit it.",
      zh: "组织创建的成员账号不能设置为允许退出组织。",
    });
  }
  const newAllowQuit = allowQuit ?? member.is_allow_quit;
  if (pays && newAllowQuit === "Allow") {
    throw new ApiError("InvalidParameter.AllowQuitIllegal", {
      en: "A member paid for by the organization (permission 7) cannot be allowed to quit: set `IsAllowQuit` to Denied.",
      zh: "由组织代付费（权限 7）的成员不能允许退出组织：请将`IsAllowQuit`设为 Denied。",
    });
  }
  const permissionsChanged = encodePermissions(newPermissions) !== member.permission_ids;
  const payerChanged = (newPayUin ?? null) !== member.pay_uin;
  if (permissionsChanged || payerChanged) {
    const host = await requireAccount(tx, org.host_uin);
    checkAdminVerification(host);
    const account = await requireAccount(tx, member.member_uin);
    if (account.agent === 1) {
      throw new ApiError("UnsupportedOperation.MemberIsAgent", {
        en: `Member ${member.member_uin} is a reseller or a reseller's client; its financial relation cannot change.`,
        zh: `成员 ${member.member_uin} 是代理商或代客，不能变更其财务关系。`,
      });
    }
    if (account.arrears === 1) {
      if (member.pay_uin !== null && !pays) {
        throw new ApiError("UnsupportedOperation.DeleteDelegatePayerNotAllow", {
          en: `Member ${member.member_uin} is in arrears: paying on its behalf cannot stop until they are settled.`,
          zh: `成员 ${member.member_uin} 欠费，结清前不能取消代付关系。`,
        });
      }
      throw new ApiError("UnsupportedOperation.MemberAccountArrears", {
        en: `Member ${member.member_uin} is in arrears; its financial permissions cannot change.`,
        zh: `成员 ${member.member_uin} 欠费，不能变更其财务权限。`,
      });
    }
    if (newPayUin !== undefined && payerChanged) {
      const entityAdminUin = await entityAdminOf(tx, org, host, member, account);
      await checkPayer(tx, org, newPayUin, { uin: member.member_uin, entityName: account.entity_name, site: account.site, entityAdminUin }, "update");
    }
    patch.permission_ids = encodePermissions(newPermissions);
    patch.pay_uin = newPayUin ?? null;
  }
  patch.is_allow_quit = newAllowQuit;
}

/**
 * UpdateOrganizationMember (2021-03-31) — change a member's name, remark, financial permissions,
 * payer or quit policy. PolicyType and PermissionIds go together. A member paid for (permission
 * 7) may not be allowed to quit; a member the organization created never may. Financial changes
 * need the admin still enterprise-verified and the member and payer in good standing.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.MemberNotExist, InvalidParameter,
 *   FailedOperation.OrganizationPolicyIllegal, FailedOperation.OrganizationPermissionIllegal (also
 *   granting permission 3 or 10 while not enabled for the organization, see gated-permissions.ts),
 *   FailedOperation.OrganizationMemberNameUsed, FailedOperation.PayUinIllegal,
 *   FailedOperation.AuthInfoNotSame, FailedOperation.AuthInfoEmpty, FailedOperation.AuthNotEnterprise,
 *   InvalidParameter.AllowQuitIllegal, UnsupportedOperation.MemberNotAllowQuit, UnsupportedOperation,
 *   UnsupportedOperation.MemberIsAgent, UnsupportedOperation.MemberAccountArrears,
 *   UnsupportedOperation.DeleteDelegatePayerNotAllow, UnsupportedOperation.InconsistentUserTypes,
 *   UnsupportedOperation.ExistedAgent, UnsupportedOperation.PayerArrearsAndNoCreditAccount
 */
export async function updateOrganizationMember(input: UpdateOrganizationMemberRequest, ctx: Context): Promise<UpdateOrganizationMemberResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  if (input.Name !== undefined) checkName(input.Name, "Name");
  if (input.Remark !== undefined) checkLength(input.Remark, "Remark", REMARK_MAX);
  if (input.PolicyType !== undefined && input.PermissionIds === undefined) {
    throw new ApiError("FailedOperation.OrganizationPermissionIllegal", { en: "Parameter `PermissionIds` is required with `PolicyType`.", zh: "指定`PolicyType`时必须同时指定`PermissionIds`。" });
  }
  if (input.PermissionIds !== undefined && input.PolicyType === undefined) {
    throw new ApiError("FailedOperation.OrganizationPolicyIllegal", { en: "Parameter `PolicyType` is required with `PermissionIds`.", zh: "指定`PermissionIds`时必须同时指定`PolicyType`。" });
  }
  if (input.PolicyType !== undefined) checkPolicyType(input.PolicyType);
  const permissions = input.PermissionIds !== undefined ? checkPermissions(input.PermissionIds) : undefined;
  const allowQuit = input.IsAllowQuit !== undefined ? checkAllowQuit(input.IsAllowQuit) : undefined;
  if (input.IsModifyNickName !== undefined && input.IsModifyNickName !== 0 && input.IsModifyNickName !== 1) {
    throw new ApiError("InvalidParameter", { en: "Parameter `IsModifyNickName` must be 0 or 1.", zh: "参数`IsModifyNickName`取值须为 0 或 1。" });
  }
  const payUin = parsePayUin(input.PayUin);
  const syncNickName = input.IsModifyNickName === 1;

  const change: FinanceChange = { permissions, payUin, allowQuit, syncNickName };
  await applyUpdate(
    ctx,
    org,
    input.MemberUin,
    { name: input.Name, remark: input.Remark, nameUsedCode: "FailedOperation.OrganizationMemberNameUsed" },
    (tx, member, patch) => changeFinance(tx, org, member, change, patch),
    syncNickName,
  );
  return {};
}
