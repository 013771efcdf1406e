import type { CheckAccountDeleteRequest, CheckAccountDeleteResponse, NotAllowReason } from "../../spec/generated/v20210331.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Store } from "../../store/store.js";
import type { Context } from "../context.js";
import { requireAdminOrg } from "../organization/rules.js";
import { isEntityAdmin } from "./entity.js";
import { requireMember } from "./rules.js";

/**
 * What stands in the way of deleting a member's account. TCO knows no cloud resources, shared
 * resources, operation approvals or Identity Center deployments yet, so those reasons are always
 * clear; member deletion is always permitted.
 */
export async function deletionReasons(store: Store, member: OrgMember): Promise<NotAllowReason> {
  return {
    IsCreateMember: member.member_type === "Create" && member.is_admin === 0,
    DeletionPermission: true,
    IsAssignManager: (await store.serviceAssigns.servicesOf(member.member_uin)).length > 0,
    IsAuthManager: await isEntityAdmin(store, member),
    IsShareManager: false,
    OperateProcess: false,
    BillingPermission: true,
    ExistResources: [],
    DetectFailedResources: [],
    CICRoleConfig: false,
    CICUserConfig: false,
  };
}

/** Whether the reasons allow deleting the account. */
export function deletionAllowed(r: NotAllowReason): boolean {
  return (
    r.IsCreateMember &&
    r.DeletionPermission &&
    !r.IsAssignManager &&
    !r.IsAuthManager &&
    !r.IsShareManager &&
    !r.OperateProcess &&
    r.BillingPermission &&
    r.ExistResources.length === 0 &&
    r.DetectFailedResources.length === 0 &&
    !r.CICRoleConfig &&
    !r.CICUserConfig
  );
}

/**
 * CheckAccountDelete — whether a member's account may be deleted (DeleteAccount), and why not.
 * Only accounts the organization created can be deleted.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.MemberNotExist
 */
export async function checkAccountDelete(input: CheckAccountDeleteRequest, ctx: Context): Promise<CheckAccountDeleteResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const member = await requireMember(ctx.store, org.org_id, input.MemberUin);
  const reasons = await deletionReasons(ctx.store, member);
  return { AllowDelete: deletionAllowed(reasons), NotAllowReason: reasons };
}
