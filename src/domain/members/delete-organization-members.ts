import { ApiError } from "../../protocol/api-error.js";
import type { DeleteOrganizationMembersRequest, DeleteOrganizationMembersResponse } from "../../spec/generated/v20210331.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { refuseDelegatedAdmins } from "../services/rules.js";
import { relationAdmins } from "../base/entity-relations.js";

/** Why a member cannot leave the organization now, as the error to answer; undefined when it can. */
async function removalBlockers(store: Store, org: Organization, members: readonly OrgMember[], leaving: ReadonlySet<number>, now: number): Promise<ApiError | undefined> {
  const relationIds = members.flatMap((m) => (m.auth_relation_id === null ? [] : [m.auth_relation_id]));
  const uins = members.map((m) => m.member_uin);
  const [admins, payees, binds] = await Promise.all([
    relationAdmins(store, org, relationIds),
    store.members.paidBy(org.org_id, uins),
    store.emailBinds.statusesFor(uins, now),
  ]);
  for (const m of members) {
    const uin = m.member_uin;
    if (m.is_admin === 1) {
      return new ApiError("FailedOperation.DisableQuitSelfCreatedOrganization", {
        en: `Account ${uin} created the organization and cannot be removed from it.`,
        zh: `账号 ${uin} 是组织的创建者，不能被移出组织。`,
      });
    }
    if (m.member_type === "Create" && binds.get(uin) !== "Success") {
      return new ApiError("UnsupportedOperation.CreateMemberNotAllowDelete", {
        en: `Member ${uin} was created by the organization and has no security information (email, phone) bound; bind it first, or delete the account (DeleteAccount).`,
        zh: `成员 ${uin} 由组织创建且未绑定安全信息（邮箱、手机），请先绑定，或删除该账号（DeleteAccount）。`,
      });
    }
    const staying = (payees.get(uin) ?? []).filter((p) => !leaving.has(p));
    if (staying.length > 0) {
      return new ApiError("FailedOperation.MemberIsDelegatePayerNotAllowDelete", {
        en: `Member ${uin} pays on behalf of member(s) ${staying.join(", ")} and cannot be removed.`,
        zh: `成员 ${uin} 正在为成员 ${staying.join("、")} 代付，不能被移出组织。`,
      });
    }
    if (m.auth_relation_id !== null && admins.get(m.auth_relation_id) === uin) {
      return new ApiError("FailedOperation.OrganizationAuthManageNotAllowDelete", {
        en: `Member ${uin} administers a verified entity of the organization and cannot be removed.`,
        zh: `成员 ${uin} 是组织的主体管理账号，不能被移出组织。`,
      });
    }
    if (m.pay_uin !== null) {
      return new ApiError("FailedOperation.MemberExistDelegatePayerNotAllowDelete", {
        en: `Member ${uin} is paid for by ${m.pay_uin}; stop paying on its behalf (UpdateOrganizationMember) before removing it.`,
        zh: `成员 ${uin} 由 ${m.pay_uin} 代付，请先取消代付（UpdateOrganizationMember）再移除。`,
      });
    }
  }
  return undefined;
}

/**
 * Remove members from the organization in one transaction, all or none; their accounts remain.
 * Tags and identities of the memberships go with them.
 */
export async function removeMembers(ctx: Context, org: Organization, uins: readonly number[], param: string): Promise<void> {
  if (uins.length === 0) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\` must name at least one member.`, zh: `参数\`${param}\`至少包含一个成员。` });
  }
  await ctx.store.transaction(async (tx) => {
    // The organization's row first, as every writer of its membership takes it (the stored counts
    // are updated on it): the same order everywhere keeps PostgreSQL from deadlocking.
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const members = await tx.members.findManyInOrg(org.org_id, uins);
    const found = new Set(members.map((m) => m.member_uin));
    const missing = [...new Set(uins)].filter((u) => !found.has(u));
    if (missing.length > 0) {
      throw new ApiError("InvalidParameter", {
        en: `Parameter \`${param}\`: ${missing.join(", ")} ${missing.length > 1 ? "are not members" : "is not a member"} of the organization.`,
        zh: `参数\`${param}\`：${missing.join("、")} 不是该组织的成员。`,
      });
    }
    const blocker = await removalBlockers(tx, org, members, found, ctx.now());
    if (blocker) throw blocker;
    await refuseDelegatedAdmins(tx, members, "removed");
    await tx.tags.deleteFor("member", [...found]);
    await tx.members.deleteMany(org.org_id, [...found]);
  });
}

/**
 * DeleteOrganizationMembers — remove members from the caller's organization (their accounts stay).
 * The creator cannot be removed; nor a created member without security information bound, a
 * verified entity's admin, a member paying for others, a member paid for, or a delegated admin of
 * an organization service.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter,
 *   FailedOperation.DisableQuitSelfCreatedOrganization, UnsupportedOperation.CreateMemberNotAllowDelete,
 *   FailedOperation.OrganizationAuthManageNotAllowDelete, FailedOperation.MemberIsDelegatePayerNotAllowDelete,
 *   FailedOperation.MemberExistDelegatePayerNotAllowDelete, UnsupportedOperation.MemberExistServiceNotAllowDelete
 */
export async function deleteOrganizationMembers(input: DeleteOrganizationMembersRequest, ctx: Context): Promise<DeleteOrganizationMembersResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await removeMembers(ctx, org, input.MemberUin, "MemberUin");
  return {};
}
