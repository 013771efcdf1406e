import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { OrgPolicy } from "../../store/policies-repo.js";
import type { PolicyTarget } from "../../store/policy-attachments-repo.js";
import type { PolicyType } from "../../store/schema.js";
import type { Store } from "../../store/store.js";
import { checkScpDocument } from "./scp-syntax.js";
import { parseTagPolicy } from "./tag-syntax.js";

export const SCP: PolicyType = "SERVICE_CONTROL_POLICY";
export const TAG: PolicyType = "TAG_POLICY";
export const POLICY_TYPES: readonly PolicyType[] = [SCP, TAG];

/** Policy types as the API numbers them: 1 custom, 2 preset. */
export const CUSTOM_POLICY = 1;
export const PRESET_POLICY = 2;

/** The first id handed out to a custom policy (the documented examples start there). */
export const FIRST_POLICY_ID = 100001;

/** Longest policy document, in characters: CAM's policy limit, and the Tag service's tag policy limit. */
export const CONTENT_MAX: Readonly<Record<PolicyType, number>> = { SERVICE_CONTROL_POLICY: 6144, TAG_POLICY: 4096 };

/** Longest description, in bytes (UTF-8). */
export const DESCRIPTION_MAX_BYTES = 300;

/** Policy names: 1 to 128 letters, digits, Chinese characters and underscores. */
const NAME_RE = /^[A-Za-z0-9_\u4e00-\u9fa5]{1,128}$/;

/** A policy type parameter (SERVICE_CONTROL_POLICY when absent); `code` answers any other value. */
export function policyTypeParam(value: string | undefined, param: string, code: ErrorCode): PolicyType {
  if (value === undefined) return SCP;
  if (!(POLICY_TYPES as readonly string[]).includes(value)) {
    throw new ApiError(code, { en: `Parameter \`${param}\` must be ${POLICY_TYPES.join(" or ")}.`, zh: `参数\`${param}\`取值须为 ${POLICY_TYPES.join(" 或 ")}。` });
  }
  return value as PolicyType;
}

/** Refuse a policy name outside the documented alphabet or length → InvalidParameter.PolicyNameError. */
export function checkPolicyName(name: string): void {
  if (!NAME_RE.test(name)) {
    throw new ApiError("InvalidParameter.PolicyNameError", {
      en: "Parameter `Name` must be 1 to 128 letters, digits, Chinese characters or underscores.",
      zh: "参数`Name`须为 1 至 128 个字母、数字、汉字或下划线。",
    });
  }
}

/** Refuse a description longer than 300 bytes with `code`. */
export function checkDescription(description: string | undefined, code: ErrorCode): void {
  if (description !== undefined && Buffer.byteLength(description, "utf8") > DESCRIPTION_MAX_BYTES) {
    throw new ApiError(code, { en: `Parameter \`Description\` must be at most ${DESCRIPTION_MAX_BYTES} bytes.`, zh: `参数\`Description\`最长 ${DESCRIPTION_MAX_BYTES} 字节。` });
  }
}

/**
 * Check a policy document for its type: its length, then its syntax (CAM policy syntax for
 * service control policies, tag policy syntax for tag policies).
 * @throws InvalidParameter.PolicyDocumentLengthOverLimit, and the codes of checkScpDocument / parseTagPolicy
 */
export function checkPolicyContent(type: PolicyType, content: string): void {
  const max = CONTENT_MAX[type];
  if ([...content].length > max) {
    throw new ApiError("InvalidParameter.PolicyDocumentLengthOverLimit", { en: `Parameter \`Content\` must be at most ${max} characters.`, zh: `参数\`Content\`最长 ${max} 个字符。` });
  }
  if (type === SCP) checkScpDocument(content);
  else parseTagPolicy(content);
}

/** The codes an action answers for a caller that administers no organization, and for a plain member. */
export interface ManagerCodes {
  outsider: ErrorCode;
  member: ErrorCode;
}

/** The organization the caller administers; an outsider or a plain member is refused with `codes`. */
export async function requireManager(store: Store, uin: number, codes: ManagerCodes): Promise<Organization> {
  const membership = await store.members.find(uin);
  const org = membership ? await store.organizations.find(membership.org_id) : undefined;
  if (!membership || !org) {
    throw new ApiError(codes.outsider, { en: "The caller does not belong to an organization.", zh: "调用者不属于任何组织。" });
  }
  if (membership.is_admin !== 1) {
    throw new ApiError(codes.member, { en: "Only the organization's admin account manages its policies.", zh: "只有组织的管理员账号可以管理组织策略。" });
  }
  return org;
}

/**
 * Lock the organization's row for a writer's transaction, as every writer of the organization
 * does. When it was deleted since requireManager found it, the caller administers none now: the
 * action's `outsider` code (these actions do not document ResourceNotFound.OrganizationNotExist).
 */
export async function lockManagedOrg(tx: Store, org: Organization, outsider: ErrorCode): Promise<void> {
  if (!(await tx.organizations.lock(org.org_id))) {
    throw new ApiError(outsider, { en: "The caller's organization was deleted.", zh: "调用者的组织已被删除。" });
  }
}

/** Refuse an OrganizationId parameter naming another organization than the caller's with `code`. */
export function checkOrganizationId(org: Organization, organizationId: number, code: ErrorCode): void {
  if (organizationId !== org.org_id) {
    throw new ApiError(code, {
      en: `Parameter \`OrganizationId\`: ${organizationId} is not the caller's organization (${org.org_id}).`,
      zh: `参数\`OrganizationId\`：${organizationId} 不是调用者的组织（${org.org_id}）。`,
    });
  }
}

/** Refuse when the organization has not enabled the policy type → FailedOperation.OrganizationPolicyIsNotEnabled. */
export async function requireEnabled(store: Store, orgId: number, type: PolicyType): Promise<void> {
  if (!(await store.policyTypes.isEnabled(orgId, type))) {
    throw new ApiError("FailedOperation.OrganizationPolicyIsNotEnabled", {
      en: `The organization has not enabled ${type}; call EnablePolicyType first.`,
      zh: `组织未启用 ${type}，请先调用 EnablePolicyType。`,
    });
  }
}

/** The codes an action answers for a policy id it cannot use. */
export interface LookupCodes {
  /** no policy with the id, in the organization or among the presets */
  notExist: ErrorCode;
  /** the policy is of the other type than the request's */
  otherType: ErrorCode;
  /** the policy is a preset, which the action cannot change (absent: presets are fine) */
  preset?: ErrorCode;
}

/** A policy of `type` the organization sees, by id. */
export async function requirePolicy(store: Store, orgId: number, policyId: number, type: PolicyType, codes: LookupCodes): Promise<OrgPolicy> {
  const p = await store.policies.find(orgId, policyId);
  if (!p) {
    throw new ApiError(codes.notExist, { en: `Parameter \`PolicyId\`: policy ${policyId} does not exist.`, zh: `参数\`PolicyId\`：策略 ${policyId} 不存在。` });
  }
  if (p.policy_type !== type) {
    throw new ApiError(codes.otherType, {
      en: `Parameter \`PolicyId\`: policy ${policyId} is a ${p.policy_type}, not a ${type}; name its type in the request.`,
      zh: `参数\`PolicyId\`：策略 ${policyId} 的类型为 ${p.policy_type} 而非 ${type}，请在请求中指明其类型。`,
    });
  }
  if (codes.preset && p.is_preset === 1) {
    throw new ApiError(codes.preset, {
      en: `Parameter \`PolicyId\`: policy ${policyId} is a preset policy; only custom policies can be changed or deleted.`,
      zh: `参数\`PolicyId\`：策略 ${policyId} 为系统预设策略，只能修改或删除自定义策略。`,
    });
  }
  return p;
}

/** A policy target found in an organization, with what lists show of it. */
export interface FoundTarget {
  target: PolicyTarget;
  /** the department's or the member's name */
  name: string;
  /** the department itself, or the member's department */
  nodeId: number;
}

/** Department ids and member UINs do not overlap: UINs have 12 digits. */
export const MIN_UIN = 100000000000;

/** A department or member of the organization with this id (department ids and UINs do not overlap). */
export async function findTarget(store: Store, orgId: number, targetId: number): Promise<FoundTarget | undefined> {
  const node = await store.nodes.find(orgId, targetId);
  if (node) return { target: { type: "NODE", nodeId: node.node_id }, name: node.name, nodeId: node.node_id };
  const member = await store.members.find(targetId);
  if (member && member.org_id === orgId) return { target: { type: "MEMBER", uin: member.member_uin }, name: member.name, nodeId: member.node_id };
  return undefined;
}

/** The departments from the root down to `nodeId`, root first. */
export async function pathFromRoot(store: Store, orgId: number, nodeId: number): Promise<number[]> {
  const parents = new Map((await store.nodes.listByOrg(orgId)).map((n) => [n.node_id, n.parent_id]));
  const path: number[] = [];
  for (let id: number | null | undefined = nodeId; id !== null && id !== undefined && !path.includes(id); id = parents.get(id)) path.unshift(id);
  return path;
}

/** Attach a policy to a target (the caller checked the rules); ids come from a counter. */
export async function insertAttachment(tx: Store, orgId: number, policy: Pick<OrgPolicy, "policy_id" | "policy_type">, target: PolicyTarget, now: number): Promise<void> {
  const attachmentId = await tx.counters.next("policy_attachment", 1);
  await tx.policyAttachments.insert({ attachmentId, orgId, policyId: policy.policy_id, policyType: policy.policy_type, target, now });
}
