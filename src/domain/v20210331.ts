import type * as Api from "../spec/generated/v20210331.js";
import type { UndeclaredMap } from "./undeclared.js";
import { inviteOrganizationMember } from "./invitations/invite-organization-member.js";
import { bindOrganizationMemberAuthAccount } from "./login/bind-organization-member-auth-account.js";
import { bindOrganizationPolicySubAccount } from "./login/bind-organization-policy-sub-account.js";
import { cancelOrganizationMemberAuthAccount } from "./login/cancel-organization-member-auth-account.js";
import { cancelOrganizationPolicySubAccount } from "./login/cancel-organization-policy-sub-account.js";
import { createOrganizationIdentity } from "./login/create-organization-identity.js";
import { createOrganizationMemberAuthIdentity } from "./login/create-organization-member-auth-identity.js";
import { createOrganizationMemberPolicy } from "./login/create-organization-member-policy.js";
import { createOrganizationMembersPolicy } from "./login/create-organization-members-policy.js";
import { deleteOrganizationIdentity } from "./login/delete-organization-identity.js";
import { deleteOrganizationMemberAuthIdentity } from "./login/delete-organization-member-auth-identity.js";
import { deleteOrganizationMembersPolicy } from "./login/delete-organization-members-policy.js";
import { describeOrganizationMemberAuthAccounts } from "./login/describe-organization-member-auth-accounts.js";
import { describeOrganizationMemberAuthIdentities } from "./login/describe-organization-member-auth-identities.js";
import { describeOrganizationMemberPolicies } from "./login/describe-organization-member-policies.js";
import { describeOrganizationMembersAuthPolicy } from "./login/describe-organization-members-auth-policy.js";
import { updateOrganizationIdentity } from "./login/update-organization-identity.js";
import { updateOrganizationMembersPolicy } from "./login/update-organization-members-policy.js";
import { addOrganizationMemberEmail } from "./member-email/add-organization-member-email.js";
import { describeOrganizationMemberEmailBind } from "./member-email/describe-organization-member-email-bind.js";
import { sendOrgMemberAccountBindEmail } from "./member-email/send-org-member-account-bind-email.js";
import { updateOrganizationMemberEmailBind } from "./member-email/update-organization-member-email-bind.js";
import { attachPolicy } from "./policies/attach-policy.js";
import { createPolicy } from "./policies/create-policy.js";
import { deletePolicy } from "./policies/delete-policy.js";
import { describeEffectivePolicy } from "./policies/describe-effective-policy.js";
import { describePolicy } from "./policies/describe-policy.js";
import { describePolicyConfig } from "./policies/describe-policy-config.js";
import { detachPolicy } from "./policies/detach-policy.js";
import { disablePolicyType } from "./policies/disable-policy-type.js";
import { enablePolicyType } from "./policies/enable-policy-type.js";
import { listNonCompliantResource } from "./policies/list-non-compliant-resource.js";
import { listPolicies } from "./policies/list-policies.js";
import { listPoliciesForTarget } from "./policies/list-policies-for-target.js";
import { listTargetsForPolicy } from "./policies/list-targets-for-policy.js";
import { updatePolicy } from "./policies/update-policy.js";
import { checkAccountDelete } from "./members/check-account-delete.js";
import { createOrganizationMember } from "./members/create-organization-member.js";
import { deleteAccount } from "./members/delete-account.js";
import { deleteOrganizationMembers } from "./members/delete-organization-members.js";
import { describeOrganizationMembers } from "./members/describe-organization-members.js";
import { listOrganizationIdentity } from "./members/list-organization-identity.js";
import { moveOrganizationNodeMembers } from "./members/move-organization-node-members.js";
import { updateOrganizationMember } from "./members/update-organization-member.js";
import { describeOrganizationFinancialByMember } from "./financial/describe-organization-financial-by-member.js";
import { describeOrganizationFinancialByMonth } from "./financial/describe-organization-financial-by-month.js";
import { describeOrganizationFinancialByProduct } from "./financial/describe-organization-financial-by-product.js";
import { createOrgServiceAssign } from "./services/create-org-service-assign.js";
import { deleteOrgServiceAssign } from "./services/delete-org-service-assign.js";
import { listOrgServiceAssignMember } from "./services/list-org-service-assign-member.js";
import { listOrganizationService } from "./services/list-organization-service.js";

/**
 * Wiring of API version 2021-03-31: the implemented handlers by action, and the actions not built yet
 * (they answer UnsupportedOperation). Together they must name every action exactly once.
 */
export const V2021_PENDING = [
  "AcceptJoinShareUnitInvitation",
  "AddExternalSAMLIdPCertificate",
  "AddPermissionPolicyToRoleConfiguration",
  "AddShareUnit",
  "AddShareUnitMembers",
  "AddShareUnitNode",
  "AddShareUnitResources",
  "AddUserToGroup",
  "ClearExternalSAMLIdentityProvider",
  "CreateGroup",
  "CreateRoleAssignment",
  "CreateRoleConfiguration",
  "CreateSCIMCredential",
  "CreateUser",
  "CreateUserSyncProvisioning",
  "DeleteGroup",
  "DeleteRoleAssignment",
  "DeleteRoleConfiguration",
  "DeleteSCIMCredential",
  "DeleteShareUnit",
  "DeleteShareUnitMembers",
  "DeleteShareUnitNode",
  "DeleteShareUnitResources",
  "DeleteUser",
  "DeleteUserSyncProvisioning",
  "DescribeIdentityCenter",
  "DescribeResourceToShareMember",
  "DescribeShareAreas",
  "DescribeShareUnitMembers",
  "DescribeShareUnitNodes",
  "DescribeShareUnitResources",
  "DescribeShareUnits",
  "DismantleRoleConfiguration",
  "GetExternalSAMLIdentityProvider",
  "GetGroup",
  "GetIPWhitelist",
  "GetProvisioningTaskStatus",
  "GetRoleConfiguration",
  "GetSCIMSynchronizationStatus",
  "GetTaskStatus",
  "GetUser",
  "GetUserSyncProvisioning",
  "GetZoneSAMLServiceProviderInfo",
  "GetZoneStatistics",
  "ListExternalSAMLIdPCertificates",
  "ListGroupMembers",
  "ListGroups",
  "ListJoinedGroupsForUser",
  "ListPermissionPoliciesInRoleConfiguration",
  "ListRoleAssignments",
  "ListRoleConfigurationProvisionings",
  "ListRoleConfigurations",
  "ListSCIMCredentials",
  "ListTasks",
  "ListUserSyncProvisionings",
  "ListUsers",
  "OpenIdentityCenter",
  "ProvisionRoleConfiguration",
  "RejectJoinShareUnitInvitation",
  "RemoveExternalSAMLIdPCertificate",
  "RemovePermissionPolicyFromRoleConfiguration",
  "RemoveUserFromGroup",
  "SetExternalSAMLIdentityProvider",
  "UpdateCustomPolicyForRoleConfiguration",
  "UpdateGroup",
  "UpdateIPWhitelist",
  "UpdateRoleConfiguration",
  "UpdateSCIMCredentialStatus",
  "UpdateSCIMSynchronizationStatus",
  "UpdateShareUnit",
  "UpdateUser",
  "UpdateUserStatus",
  "UpdateUserSyncProvisioning",
  "UpdateZone",
] as const satisfies readonly Api.ActionName[];

export const V2021_HANDLERS: UndeclaredMap<Api.Actions> = {
  InviteOrganizationMember: inviteOrganizationMember,
  AddOrganizationMemberEmail: addOrganizationMemberEmail,
  DescribeOrganizationMemberEmailBind: describeOrganizationMemberEmailBind,
  UpdateOrganizationMemberEmailBind: updateOrganizationMemberEmailBind,
  SendOrgMemberAccountBindEmail: sendOrgMemberAccountBindEmail,
  CreateOrganizationMember: createOrganizationMember,
  UpdateOrganizationMember: updateOrganizationMember,
  DescribeOrganizationMembers: describeOrganizationMembers,
  DeleteOrganizationMembers: deleteOrganizationMembers,
  MoveOrganizationNodeMembers: moveOrganizationNodeMembers,
  CheckAccountDelete: checkAccountDelete,
  DeleteAccount: deleteAccount,
  ListOrganizationIdentity: listOrganizationIdentity,
  CreatePolicy: createPolicy,
  UpdatePolicy: updatePolicy,
  DeletePolicy: deletePolicy,
  DescribePolicy: describePolicy,
  ListPolicies: listPolicies,
  AttachPolicy: attachPolicy,
  DetachPolicy: detachPolicy,
  ListPoliciesForTarget: listPoliciesForTarget,
  ListTargetsForPolicy: listTargetsForPolicy,
  EnablePolicyType: enablePolicyType,
  DisablePolicyType: disablePolicyType,
  DescribePolicyConfig: describePolicyConfig,
  DescribeEffectivePolicy: describeEffectivePolicy,
  ListNonCompliantResource: listNonCompliantResource,
  ListOrganizationService: listOrganizationService,
  CreateOrgServiceAssign: createOrgServiceAssign,
  DeleteOrgServiceAssign: deleteOrgServiceAssign,
  ListOrgServiceAssignMember: listOrgServiceAssignMember,
  DescribeOrganizationFinancialByMember: describeOrganizationFinancialByMember,
  DescribeOrganizationFinancialByMonth: describeOrganizationFinancialByMonth,
  DescribeOrganizationFinancialByProduct: describeOrganizationFinancialByProduct,
  BindOrganizationMemberAuthAccount: bindOrganizationMemberAuthAccount,
  BindOrganizationPolicySubAccount: bindOrganizationPolicySubAccount,
  CancelOrganizationMemberAuthAccount: cancelOrganizationMemberAuthAccount,
  CancelOrganizationPolicySubAccount: cancelOrganizationPolicySubAccount,
  CreateOrganizationIdentity: createOrganizationIdentity,
  CreateOrganizationMemberAuthIdentity: createOrganizationMemberAuthIdentity,
  CreateOrganizationMemberPolicy: createOrganizationMemberPolicy,
  CreateOrganizationMembersPolicy: createOrganizationMembersPolicy,
  DeleteOrganizationIdentity: deleteOrganizationIdentity,
  DeleteOrganizationMemberAuthIdentity: deleteOrganizationMemberAuthIdentity,
  DeleteOrganizationMembersPolicy: deleteOrganizationMembersPolicy,
  DescribeOrganizationMemberAuthAccounts: describeOrganizationMemberAuthAccounts,
  DescribeOrganizationMemberAuthIdentities: describeOrganizationMemberAuthIdentities,
  DescribeOrganizationMemberPolicies: describeOrganizationMemberPolicies,
  DescribeOrganizationMembersAuthPolicy: describeOrganizationMembersAuthPolicy,
  UpdateOrganizationIdentity: updateOrganizationIdentity,
  UpdateOrganizationMembersPolicy: updateOrganizationMembersPolicy,
};
