import type { Language } from "../../protocol/api-error.js";
import type { OrgMemberAuthAccount, OrgMemberAuthIdentity, OrgMemberPolicy } from "../../spec/generated/v20210331.js";
import type { IdentityGrantRow } from "../../store/identities-repo.js";
import type { MemberPolicyRow, PolicyBindingRow } from "../../store/member-policies-repo.js";
import { identityAlias } from "../base/identities.js";
import { formatTime } from "../base/time.js";

/** OrgMemberAuthIdentity.Status: the member's role matches the identity, or was set up before the identity last changed. */
export const STATUS_CONFIGURED = 1;
export const STATUS_RECONFIGURE = 2;

/** A member's grant of an identity as DescribeOrganizationMemberAuthIdentities shows it. */
export function authIdentityView(g: IdentityGrantRow, lang: Language, tz: number): OrgMemberAuthIdentity {
  const configuredAt = g.configured_at ?? g.created_at;
  return {
    IdentityId: g.identity_id,
    IdentityRoleName: g.role_name,
    IdentityRoleAliasName: identityAlias(g.identity_id, g.alias_name, lang),
    Description: g.description,
    CreateTime: formatTime(g.created_at, tz),
    UpdateTime: formatTime(configuredAt, tz),
    IdentityType: g.identity_type,
    Status: configuredAt >= g.identity_updated_at ? STATUS_CONFIGURED : STATUS_RECONFIGURE,
    MemberUin: g.member_uin,
    MemberName: g.member_name,
  };
}

/** A member access policy as DescribeOrganizationMemberPolicies shows it. */
export function memberPolicyView(p: MemberPolicyRow, lang: Language, tz: number): OrgMemberPolicy {
  return {
    PolicyId: p.policy_id,
    PolicyName: p.name,
    IdentityId: p.identity_id,
    IdentityRoleName: p.role_name,
    IdentityRoleAliasName: identityAlias(p.identity_id, p.alias_name, lang),
    Description: p.description,
    CreateTime: formatTime(p.created_at, tz),
    UpdateTime: formatTime(p.updated_at, tz),
  };
}

/** A sub-account bound to a policy as DescribeOrganizationMemberAuthAccounts shows it. */
export function authAccountView(b: PolicyBindingRow, lang: Language, tz: number): OrgMemberAuthAccount {
  return {
    OrgSubAccountUin: b.sub_uin,
    PolicyId: b.policy_id,
    PolicyName: b.name,
    IdentityId: b.identity_id,
    IdentityRoleName: b.role_name,
    IdentityRoleAliasName: identityAlias(b.identity_id, b.alias_name, lang),
    CreateTime: formatTime(b.bound_at, tz),
    UpdateTime: formatTime(b.bound_updated_at, tz),
    OrgSubAccountName: b.sub_name,
  };
}
