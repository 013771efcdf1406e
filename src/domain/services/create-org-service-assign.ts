import { ApiError } from "../../protocol/api-error.js";
import type { CreateOrgServiceAssignRequest, CreateOrgServiceAssignResponse } from "../../spec/generated/v20210331.js";
import { isForeignKeyViolation, isUniqueViolation } from "../../store/errors.js";
import type { ManagementScope } from "../../store/service-assigns-repo.js";
import type { Store } from "../../store/store.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import type { OrganizationService } from "../base/services-catalogue.js";
import { resolveService } from "./rules.js";
import { SCOPE_ALL, SCOPE_PARTIAL, USAGE_DISABLED } from "../base/services-catalogue.js";

/** At most this many members are made delegated admins in one call (documented). */
export const MAX_ASSIGN_UINS = 20;

/** MemberUins: 1 to 20 accounts, each named once. */
function checkMemberUins(uins: readonly number[]): number[] {
  if (uins.length === 0 || uins.length > MAX_ASSIGN_UINS) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`MemberUins\` must name 1 to ${MAX_ASSIGN_UINS} members.`, zh: `参数\`MemberUins\`须包含 1 至 ${MAX_ASSIGN_UINS} 个成员。` });
  }
  if (new Set(uins).size !== uins.length) {
    throw new ApiError("InvalidParameter", { en: "Parameter `MemberUins` names a member twice.", zh: "参数`MemberUins`中有重复的成员。" });
  }
  return [...uins];
}

/**
 * ManagementScope 1 (default) or 2; the scope lists count only with 2, which needs at least one
 * member or department. The API page of CreateOrgServiceAssign gives 1 as the default; 0 counts as
 * not given, because the Terraform provider (resource tencentcloud_organization_service_assign)
 * sends the Go zero value 0 when management_scope is left out (and empty lists for the scope
 * attributes, which the scope 1 ignores).
 */
function checkScope(input: CreateOrgServiceAssignRequest, service: OrganizationService): { scope: number; lists: ManagementScope } {
  const scope = input.ManagementScope || SCOPE_ALL;
  if (scope !== SCOPE_ALL && scope !== SCOPE_PARTIAL) {
    throw new ApiError("InvalidParameter", { en: "Parameter `ManagementScope` must be 1 (all members) or 2 (some members).", zh: "参数`ManagementScope`取值须为 1（全部成员）或 2（部分成员）。" });
  }
  if (scope === SCOPE_ALL) return { scope, lists: { uins: [], nodeIds: [] } };
  if (!service.scoped) {
    throw new ApiError("UnsupportedOperation", {
      en: `Organization service ${service.product} does not support a management scope; use ManagementScope 1.`,
      zh: `集团服务 ${service.product} 不支持设置委派管理范围，请使用 ManagementScope 1。`,
    });
  }
  const lists = { uins: [...new Set(input.ManagementScopeUins ?? [])], nodeIds: [...new Set(input.ManagementScopeNodeIds ?? [])] };
  if (lists.uins.length === 0 && lists.nodeIds.length === 0) {
    throw new ApiError("InvalidParameter", {
      en: "With ManagementScope 2, parameter `ManagementScopeUins` or `ManagementScopeNodeIds` must name at least one member or department.",
      zh: "ManagementScope 为 2 时，参数`ManagementScopeUins`或`ManagementScopeNodeIds`须至少包含一个成员或部门。",
    });
  }
  return { scope, lists };
}

/** Every delegate must be a member of the organization other than its admin. */
async function checkDelegates(tx: Store, orgId: number, uins: readonly number[], service: OrganizationService): Promise<void> {
  const members = new Map((await tx.members.findManyInOrg(orgId, uins)).map((m) => [m.member_uin, m]));
  for (const uin of uins) {
    const m = members.get(uin);
    if (!m) {
      throw new ApiError("ResourceNotFound.OrganizationMemberNotExist", { en: `Parameter \`MemberUins\`: ${uin} is not a member of the organization.`, zh: `参数\`MemberUins\`：${uin} 不是该组织的成员。` });
    }
    if (m.is_admin === 1) {
      throw new ApiError("UnsupportedOperation", {
        en: `Parameter \`MemberUins\`: ${uin} is the organization's admin; only member accounts can be delegated admins.`,
        zh: `参数\`MemberUins\`：${uin} 是组织管理员；只有成员账号可以成为委派管理员。`,
      });
    }
    if (await tx.serviceAssigns.find(orgId, service.id, uin)) {
      throw new ApiError("InvalidParameter", {
        en: `Parameter \`MemberUins\`: ${uin} is already a delegated admin of organization service ${service.product}.`,
        zh: `参数\`MemberUins\`：${uin} 已是集团服务 ${service.product} 的委派管理员。`,
      });
    }
  }
}

/** The scope's members and departments must be the organization's. */
async function checkScopeTargets(tx: Store, orgId: number, lists: ManagementScope): Promise<void> {
  const found = new Set((await tx.members.findManyInOrg(orgId, lists.uins)).map((m) => m.member_uin));
  const missing = lists.uins.filter((u) => !found.has(u));
  if (missing.length > 0) {
    throw new ApiError("ResourceNotFound.OrganizationMemberNotExist", {
      en: `Parameter \`ManagementScopeUins\`: ${missing.join(", ")} ${missing.length > 1 ? "are not members" : "is not a member"} of the organization.`,
      zh: `参数\`ManagementScopeUins\`：${missing.join("、")} 不是该组织的成员。`,
    });
  }
  for (const nodeId of lists.nodeIds) {
    if (!(await tx.nodes.find(orgId, nodeId))) {
      throw new ApiError("InvalidParameter", { en: `Parameter \`ManagementScopeNodeIds\`: department ${nodeId} does not exist in the organization.`, zh: `参数\`ManagementScopeNodeIds\`：组织中不存在部门 ${nodeId}。` });
    }
  }
}

/**
 * CreateOrgServiceAssign — make members delegated admins of an organization service (named by
 * ServiceId or Product), managing all members (ManagementScope 1) or the chosen members and
 * departments (2, where the service supports it). All or none are added; the service's limit of
 * delegated admins counts those it already has. The organization row is locked, so concurrent
 * calls cannot pass the limit together.
 * @throws InvalidParameter, ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationServiceNotExist,
 *   ResourceNotFound.OrganizationMemberNotExist, UnsupportedOperation, LimitExceeded.CreateOrgServiceAssignOverLimit
 */
export async function createOrgServiceAssign(input: CreateOrgServiceAssignRequest, ctx: Context): Promise<CreateOrgServiceAssignResponse> {
  const uins = checkMemberUins(input.MemberUins);
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const service = resolveService(input, "ResourceNotFound.OrganizationServiceNotExist");
  if (!service.assignable) {
    throw new ApiError("UnsupportedOperation", { en: `Organization service ${service.product} does not support delegated admins.`, zh: `集团服务 ${service.product} 不支持委派管理员。` });
  }
  const { scope, lists } = checkScope(input, service);
  const now = ctx.now();
  try {
    await ctx.store.transaction(async (tx) => {
      if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
      await checkDelegates(tx, org.org_id, uins, service);
      await checkScopeTargets(tx, org.org_id, lists);
      const existing = await tx.serviceAssigns.count(org.org_id, service.id);
      if (existing + uins.length > service.maxAdmins) {
        throw new ApiError("LimitExceeded.CreateOrgServiceAssignOverLimit", {
          en: `Organization service ${service.product} accepts at most ${service.maxAdmins} delegated admins; it has ${existing}.`,
          zh: `集团服务 ${service.product} 最多 ${service.maxAdmins} 个委派管理员，当前已有 ${existing} 个。`,
        });
      }
      const rows = uins.map((uin) => ({ org_id: org.org_id, service_id: service.id, member_uin: uin, management_scope: scope, usage_status: USAGE_DISABLED, created_at: now }));
      await tx.serviceAssigns.insertMany(rows, lists);
    });
  } catch (err) {
    // lost races: the same delegation added meanwhile, or a named member or department removed after the checks
    if (isUniqueViolation(err)) {
      throw new ApiError("InvalidParameter", { en: "Parameter `MemberUins`: a member is already a delegated admin of this service.", zh: "参数`MemberUins`：有成员已是该服务的委派管理员。" });
    }
    if (isForeignKeyViolation(err)) {
      throw new ApiError("ResourceNotFound.OrganizationMemberNotExist", { en: "A member or department named left the organization meanwhile.", zh: "指定的成员或部门已不在组织中。" });
    }
    throw err;
  }
  return {};
}
