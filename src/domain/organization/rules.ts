import { ApiError } from "../../protocol/api-error.js";
import type { Language } from "../../protocol/api-error.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";
import type { TagPair } from "../../store/tags-repo.js";

/** Member, account and department names: up to 25 letters, digits, Chinese characters and +@&._[]-:, */
const NAME_RE = /^[A-Za-z0-9\u4e00-\u9fa5+@&._\[\]\-:,]{1,25}$/;

/** Refuse a name outside the documented alphabet or length; `param` names the parameter. */
export function checkName(value: string, param: string): void {
  if (!NAME_RE.test(value)) {
    throw new ApiError("InvalidParameter", {
      en: `Parameter \`${param}\` must be 1 to 25 letters, digits, Chinese characters or +@&._[]-:, characters.`,
      zh: `参数\`${param}\`须为 1 至 25 个字母、数字、汉字或 +@&._[]-:, 字符。`,
    });
  }
}

/** Refuse a text longer than `max` characters. */
export function checkLength(value: string, param: string, max: number): void {
  if ([...value].length > max) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\` must be at most ${max} characters.`, zh: `参数\`${param}\`最长 ${max} 个字符。` });
  }
}

export const MAX_TAGS = 10;
const TAG_KEY_MAX = 127;
const TAG_VALUE_MAX = 255;

/** Tags: at most 10, non-empty distinct keys, bounded lengths → InvalidParameter.TagError. */
export function checkTags(tags: readonly TagPair[] | undefined, param = "Tags"): TagPair[] {
  if (!tags) return [];
  const fail = (en: string, zh: string) => new ApiError("InvalidParameter.TagError", { en: `Parameter \`${param}\`: ${en}`, zh: `参数\`${param}\`：${zh}` });
  if (tags.length > MAX_TAGS) throw fail(`at most ${MAX_TAGS} tags are allowed.`, `最多 ${MAX_TAGS} 个标签。`);
  const keys = new Set<string>();
  for (const t of tags) {
    if (t.TagKey.trim() === "" || t.TagKey.length > TAG_KEY_MAX) throw fail(`tag keys must be 1 to ${TAG_KEY_MAX} characters.`, `标签键长度须为 1 至 ${TAG_KEY_MAX}。`);
    if (t.TagValue.length > TAG_VALUE_MAX) throw fail(`tag values must be at most ${TAG_VALUE_MAX} characters.`, `标签值最长 ${TAG_VALUE_MAX} 个字符。`);
    if (keys.has(t.TagKey)) throw fail(`tag key ${t.TagKey} is given twice.`, `标签键 ${t.TagKey} 重复。`);
    keys.add(t.TagKey);
  }
  return tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue }));
}

/**
 * The financial permissions a member grants its organization (PolicyType Financial), ids as the
 * PermissionIds parameters list them (CreateOrganizationMember: 1 view bills … 10 credit limit).
 * Their names differ by action, as the examples show (examples.json / examples.en.json of
 * 2021-03-31): DescribeOrganization names them by `key` in either language ("viewBill",
 * "viewBalance"); DescribeOrganizationMembers by a sentence in the asked language ("允许主账号查看子账号
 * 的消费信息" / "Allow the root account to view the consumption information of sub-accounts"). The
 * examples show ids 1 and 2; the keys and sentences of 3 to 10 are TCO's, in the same style.
 */
export const PERMISSIONS: ReadonlyMap<number, { key: string; en: string; zh: string }> = new Map([
  [1, { key: "viewBill", en: "Allow the root account to view the consumption information of sub-accounts", zh: "允许主账号查看子账号的消费信息" }],
  [2, { key: "viewBalance", en: "Allow the root account to view the financial information of sub-accounts", zh: "允许主账号查看子账号的财务信息" }],
  [3, { key: "fundTransfer", en: "Allow the root account to transfer funds to sub-accounts", zh: "允许主账号向子账号划拨资金" }],
  [4, { key: "combinedBill", en: "Allow the root account to consolidate the bills of sub-accounts", zh: "允许主账号与子账号合并出账" }],
  [5, { key: "invoice", en: "Allow the root account to issue invoices for sub-accounts", zh: "允许主账号为子账号开票" }],
  [6, { key: "inheritDiscount", en: "Allow sub-accounts to inherit the discounts of the root account", zh: "允许子账号继承主账号的优惠" }],
  [7, { key: "payOnBehalf", en: "Allow the root account to pay on behalf of sub-accounts", zh: "允许主账号为子账号代付费" }],
  [8, { key: "costAnalysis", en: "Allow the root account to analyze the costs of sub-accounts", zh: "允许主账号分析子账号的成本" }],
  [9, { key: "budgetManagement", en: "Allow the root account to manage the budgets of sub-accounts", zh: "允许主账号管理子账号的预算" }],
  [10, { key: "creditLimit", en: "Allow the root account to set the credit limits of sub-accounts", zh: "允许主账号设置子账号的信用额度" }],
]);

/** Display name of a policy type. */
export function policyName(policyType: string, lang: Language): string {
  return policyType === POLICY_FINANCIAL ? (lang === "zh" ? "财务管理" : "Financial management") : policyType;
}

export const REQUIRED_PERMISSIONS = [1, 2] as const;
export const PAY_ON_BEHALF = 7;
export const POLICY_FINANCIAL = "Financial";

/** PolicyType must be Financial → FailedOperation.OrganizationPolicyIllegal. */
export function checkPolicyType(policyType: string): void {
  if (policyType !== POLICY_FINANCIAL) {
    throw new ApiError("FailedOperation.OrganizationPolicyIllegal", {
      en: `Parameter \`PolicyType\` must be ${POLICY_FINANCIAL}.`,
      zh: `参数\`PolicyType\`取值须为 ${POLICY_FINANCIAL}。`,
    });
  }
}

/** Permission ids from the catalogue, 1 and 2 included → FailedOperation.OrganizationPermissionIllegal. Answers them sorted, distinct. */
export function checkPermissions(ids: readonly number[]): number[] {
  const set = [...new Set(ids)].sort((a, b) => a - b);
  const unknown = set.filter((id) => !PERMISSIONS.has(id));
  if (unknown.length > 0 || !REQUIRED_PERMISSIONS.every((id) => set.includes(id))) {
    throw new ApiError("FailedOperation.OrganizationPermissionIllegal", {
      en: `Parameter \`PermissionIds\` must hold ids from 1 to 10 and include 1 and 2${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}.`,
      zh: `参数\`PermissionIds\`须为 1 至 10 的权限 ID 且包含 1 和 2${unknown.length ? `；未知：${unknown.join("、")}` : ""}。`,
    });
  }
  return set;
}

/** Stored form of permission ids. */
export const encodePermissions = (ids: readonly number[]) => ids.join(",");
export const decodePermissions = (text: string): number[] => (text ? text.split(",").map(Number) : []);

/** Permission objects of a member listing (DescribeOrganizationMembers): sentences in the asked language. */
export function permissionView(ids: readonly number[], lang: Language) {
  return ids.map((id) => ({ Id: id, Name: PERMISSIONS.get(id)?.[lang] ?? String(id) }));
}

/** Permission objects of DescribeOrganization: the permissions' keys, the same in every language. */
export function permissionKeysView(ids: readonly number[]) {
  return ids.map((id) => ({ Id: id, Name: PERMISSIONS.get(id)?.key ?? String(id) }));
}

export const orgNotExist = () =>
  new ApiError("ResourceNotFound.OrganizationNotExist", { en: "The caller does not belong to an organization.", zh: "调用者不属于任何组织。" });

/** The organization the caller belongs to (as admin or member), with the caller's membership. */
export async function requireMembership(store: Store, uin: number): Promise<{ org: Organization; membership: OrgMember }> {
  const membership = await store.members.find(uin);
  if (!membership) throw orgNotExist();
  const org = await store.organizations.find(membership.org_id);
  if (!org) throw orgNotExist();
  return { org, membership };
}

/** The organization the caller administers; a plain member or an outsider has none to manage. */
export async function requireAdminOrg(store: Store, uin: number): Promise<Organization> {
  const org = await store.organizations.findByHost(uin);
  if (!org) {
    throw new ApiError("ResourceNotFound.OrganizationNotExist", {
      en: "The caller does not administer an organization.",
      zh: "调用者不是任何组织的管理员。",
    });
  }
  return org;
}

/** The language a `Lang` parameter asks for ("en" or "zh"); the request's language otherwise. */
export function langParam(lang: string | undefined, fallback: Language): Language {
  return lang === "en" || lang === "zh" ? lang : fallback;
}
