import { ApiError } from "../../protocol/api-error.js";
import type { Language } from "../../protocol/api-error.js";
import type { Store } from "../../store/store.js";

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

/**
 * Financial permissions a member may grant only once they are enabled for the organization: 3 (fund
 * transfer) and 10 (credit limit). The PermissionIds descriptions of CreateOrganizationMember,
 * InviteOrganizationMember and UpdateOrganizationMember (api.json of 2021-03-31) say of both "若需要
 * 开启…权限，请联系您的商务经理内部开通" (contact your business manager to enable it internally);
 * on TCO the operator's SetOrganizationPermission (`tco org permission`) stands in for that step.
 */
export const GATED_PERMISSIONS: readonly number[] = [3, 10];

/**
 * Refuse permissions among `ids` that need enabling and are not enabled for the organization
 * → FailedOperation.OrganizationPermissionIllegal (the code these actions answer for permissions
 * they cannot grant).
 */
export async function checkPermissionsEnabled(store: Store, orgId: number, ids: readonly number[]): Promise<void> {
  const gated = ids.filter((id) => GATED_PERMISSIONS.includes(id));
  if (gated.length === 0) return;
  const enabled = await store.orgPermissions.enabled(orgId);
  const missing = gated.filter((id) => !enabled.has(id));
  if (missing.length === 0) return;
  const names = missing.map((id) => `${id} (${PERMISSIONS.get(id)!.key})`);
  throw new ApiError("FailedOperation.OrganizationPermissionIllegal", {
    en: `Parameter \`PermissionIds\`: permission ${names.join(", ")} is not enabled for the organization; ask your business manager to enable it first.`,
    zh: `参数\`PermissionIds\`：组织未开通权限 ${names.join("、")}，请先联系您的商务经理开通。`,
  });
}
