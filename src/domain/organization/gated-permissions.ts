import { ApiError } from "../../protocol/api-error.js";
import type { Store } from "../../store/store.js";
import { PERMISSIONS } from "./rules.js";

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
