import { ApiError } from "../../protocol/api-error.js";
import type { MemberPolicyRow } from "../../store/member-policies-repo.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { OrgIdentityRow } from "../../store/identities-repo.js";
import type { Store } from "../../store/store.js";
import type { SubAccount } from "../../store/sub-accounts-repo.js";
import { checkLength } from "../base/names.js";

/** Ids of custom identities start here (the built-in ones are below); member access policies at FIRST_POLICY_ID. */
export const FIRST_IDENTITY_ID = 101;
export const FIRST_POLICY_ID = 1001;

/** Documented list sizes: members per request, identities per grant, sub-accounts per binding. */
export const MAX_MEMBERS_PER_REQUEST = 10;
export const MAX_IDENTITIES_PER_GRANT = 5;
export const MAX_SUB_ACCOUNTS_PER_REQUEST = 5;

/** Member access policy names: 1 to 128 letters, digits and +=,.@_- (a CAM policy name); descriptions up to 128. */
const POLICY_NAME_RE = /^[A-Za-z0-9+=,.@_-]{1,128}$/;
export const POLICY_DESCRIPTION_MAX = 128;
/** Identity names and descriptions: the docs set no limit, so what the store keeps. */
export const IDENTITY_NAME_MAX = 255;
export const IDENTITY_DESCRIPTION_MAX = 1024;

/** The CAM role a custom identity sets up in member accounts. */
export const identityRoleName = (identityId: number) => `OrganizationAccessControlRole_${identityId}`;

/** A list parameter of UINs or ids: 1 to `max` entries; answers them without repeats, in order. */
export function checkIdList(list: readonly number[], param: string, max: number): number[] {
  if (list.length === 0 || list.length > max) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\` must hold 1 to ${max} entries.`, zh: `参数\`${param}\`须包含 1 至 ${max} 项。` });
  }
  return [...new Set(list)];
}

/** A member access policy name per the documented alphabet and length. */
export function checkPolicyName(name: string, param = "PolicyName"): string {
  if (!POLICY_NAME_RE.test(name)) {
    throw new ApiError("InvalidParameter", {
      en: `Parameter \`${param}\` must be 1 to 128 letters, digits or +=,.@_- characters.`,
      zh: `参数\`${param}\`须为 1 至 128 个字母、数字或 +=,.@_- 字符。`,
    });
  }
  return name;
}

/** A member access policy description: at most 128 characters. */
export function checkPolicyDescription(description: string | undefined, param = "Description"): string {
  const text = description ?? "";
  checkLength(text, param, POLICY_DESCRIPTION_MAX);
  return text;
}

export const organizationMemberNotExist = (uins: readonly number[], param: string) =>
  new ApiError("ResourceNotFound.OrganizationMemberNotExist", {
    en: `Parameter \`${param}\`: ${uins.join(", ")} ${uins.length > 1 ? "are not members" : "is not a member"} of the organization.`,
    zh: `参数\`${param}\`：${uins.join("、")} 不是该组织的成员。`,
  });

/**
 * The memberships of these UINs in the organization, in order; any outside it is
 * ResourceNotFound.OrganizationMemberNotExist.
 */
export async function requireOrgMembers(store: Store, orgId: number, uins: readonly number[], param: string): Promise<OrgMember[]> {
  const found = new Map((await store.members.findManyInOrg(orgId, uins)).map((m) => [m.member_uin, m]));
  const missing = uins.filter((u) => !found.has(u));
  if (missing.length > 0) throw organizationMemberNotExist(missing, param);
  return uins.map((u) => found.get(u)!);
}

/** The organization's admin is not a member account reached through member login → UnsupportedOperation. */
export function rejectAdmin(org: Organization, uins: readonly number[], param: string): void {
  if (uins.includes(org.host_uin)) {
    throw new ApiError("UnsupportedOperation", {
      en: `Parameter \`${param}\`: ${org.host_uin} is the organization's admin, whose own account is not accessed through member login.`,
      zh: `参数\`${param}\`：${org.host_uin} 是组织管理员，其账号不通过成员统一登录访问。`,
    });
  }
}

export const identityNotExist = (ids: readonly number[], param: string) =>
  new ApiError("ResourceNotFound.OrganizationIdentityNotExist", {
    en: `Parameter \`${param}\`: the organization has no identity ${ids.join(", ")} (see ListOrganizationIdentity).`,
    zh: `参数\`${param}\`：组织中不存在身份 ${ids.join("、")}（见 ListOrganizationIdentity）。`,
  });

/** An identity the organization may use (built-in or its own) → ResourceNotFound.OrganizationIdentityNotExist. */
export async function requireIdentity(store: Store, orgId: number, identityId: number, param = "IdentityId"): Promise<OrgIdentityRow> {
  const identity = identityId > 0 ? await store.identities.find(orgId, identityId) : undefined;
  if (!identity) throw identityNotExist([identityId], param);
  return identity;
}

/** A member access policy of the organization → ResourceNotFound.MemberPolicyNotExist. */
export async function requirePolicy(store: Store, orgId: number, policyId: number): Promise<MemberPolicyRow> {
  const policy = policyId > 0 ? await store.memberPolicies.find(orgId, policyId) : undefined;
  if (!policy) {
    throw new ApiError("ResourceNotFound.MemberPolicyNotExist", {
      en: `Parameter \`PolicyId\`: the organization has no member access policy ${policyId}.`,
      zh: `参数\`PolicyId\`：组织中不存在成员访问策略 ${policyId}。`,
    });
  }
  return policy;
}

/** Members that do not support the identity → ResourceNotFound.MemberIdentityNotExist. */
export async function requireSupport(store: Store, identityId: number, uins: readonly number[], param: string): Promise<void> {
  const supporting = await store.identities.membersSupporting(identityId, uins);
  const missing = uins.filter((u) => !supporting.has(u));
  if (missing.length > 0) {
    throw new ApiError("ResourceNotFound.MemberIdentityNotExist", {
      en: `Parameter \`${param}\`: member ${missing.join(", ")} ${missing.length > 1 ? "do" : "does"} not support identity ${identityId} (see CreateOrganizationMemberAuthIdentity).`,
      zh: `参数\`${param}\`：成员 ${missing.join("、")} 未被授权身份 ${identityId}（见 CreateOrganizationMemberAuthIdentity）。`,
    });
  }
}

/** Sub-accounts of the organization's admin, in order → FailedOperation.SubAccountNotExist otherwise. */
export async function requireSubAccounts(store: Store, org: Organization, uins: readonly number[], param: string): Promise<SubAccount[]> {
  const found = await store.subAccounts.ofOwner(org.host_uin, uins);
  const missing = uins.filter((u) => !found.has(u));
  if (missing.length > 0) {
    throw new ApiError("FailedOperation.SubAccountNotExist", {
      en: `Parameter \`${param}\`: ${missing.join(", ")} ${missing.length > 1 ? "are not sub-accounts" : "is not a sub-account"} of the organization's admin.`,
      zh: `参数\`${param}\`：${missing.join("、")} 不是组织管理员的子账号。`,
    });
  }
  return uins.map((u) => found.get(u)!);
}

export const policyNameExist = (name: string) =>
  new ApiError("FailedOperation.MemberPolicyNameExist", {
    en: `Parameter \`PolicyName\`: the organization already has a member access policy named ${name}.`,
    zh: `参数\`PolicyName\`：组织中已有名为 ${name} 的成员访问策略。`,
  });
