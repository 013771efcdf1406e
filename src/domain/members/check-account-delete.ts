import type { CheckAccountDeleteRequest, CheckAccountDeleteResponse, NotAllowReason } from "../../spec/generated/v20210331.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Store } from "../../store/store.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { sixSegment } from "../base/resource-names.js";
import { isEntityAdmin } from "../base/entity-relations.js";
import { requireMember } from "./rules.js";

/**
 * What stands in the way of deleting a member's account, per the guide 删除在集团账号中创建的成员
 * (https://cloud.tencent.com/document/product/850/93408): member deletion must be on for the
 * organization (the operator's SetMemberDeletionPermission stands in for the console's 开启成员删除许可),
 * the account must be one the organization created, neither a delegated admin nor an entity admin,
 * and own no resources (those registered for it with RegisterMemberResource, by their six-segment
 * names). TCO knows no shared resources, operation approvals or Identity Center deployments yet, so
 * those reasons are always clear.
 */
export async function deletionReasons(store: Store, member: OrgMember): Promise<NotAllowReason> {
  const [permitted, services, authManager, resources] = await Promise.all([
    store.memberDeletion.isEnabled(member.org_id),
    store.serviceAssigns.servicesOf(member.member_uin),
    isEntityAdmin(store, member),
    store.memberResources.untagged(member.member_uin),
  ]);
  return {
    // the admin's own membership is of type Invite: the organization did not create its account
    IsCreateMember: member.member_type === "Create",
    DeletionPermission: permitted,
    IsAssignManager: services.length > 0,
    IsAuthManager: authManager,
    IsShareManager: false,
    OperateProcess: false,
    BillingPermission: true,
    ExistResources: resources.map(sixSegment),
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
 * The reasons concern the organization's switch and the member; who calls DeleteAccount (a
 * sub-account of the admin, never the admin's own key) is not among them.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.MemberNotExist
 */
export async function checkAccountDelete(input: CheckAccountDeleteRequest, ctx: Context): Promise<CheckAccountDeleteResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const member = await requireMember(ctx.store, org.org_id, input.MemberUin);
  const reasons = await deletionReasons(ctx.store, member);
  return { AllowDelete: deletionAllowed(reasons), NotAllowReason: reasons };
}
