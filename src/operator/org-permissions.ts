import { GATED_PERMISSIONS } from "../domain/base/permissions.js";
import { ApiError } from "../protocol/api-error.js";
import type { OperatorContext } from "./context.js";

interface SetOrganizationPermissionInput {
  OrgId: number;
  PermissionId: number;
  Enabled: boolean;
}

/**
 * SetOrganizationPermission — enable (or disable again) financial permission 3 (fund transfer) or
 * 10 (credit limit) for an organization: what the API pages leave to
 * the customer's business manager. Once enabled, its members may be granted it; disabling refuses
 * new grants and leaves existing ones.
 */
export async function setOrganizationPermissionAction(input: SetOrganizationPermissionInput, ctx: OperatorContext) {
  if (!GATED_PERMISSIONS.includes(input.PermissionId)) {
    throw new ApiError("InvalidParameterValue", {
      en: `Parameter \`PermissionId\` must be one of ${GATED_PERMISSIONS.join(", ")}; the other permissions need no enabling.`,
      zh: `参数\`PermissionId\`取值须为 ${GATED_PERMISSIONS.join("、")}；其他权限无需开通。`,
    });
  }
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(input.OrgId))) {
      throw new ApiError("ResourceNotFound", { en: `Parameter \`OrgId\`: organization ${input.OrgId} does not exist.`, zh: `参数\`OrgId\`：组织 ${input.OrgId} 不存在。` });
    }
    if (input.Enabled) await tx.orgPermissions.enable(input.OrgId, input.PermissionId, ctx.now());
    else await tx.orgPermissions.disable(input.OrgId, input.PermissionId);
  });
  return { OrgId: input.OrgId, PermissionId: input.PermissionId, Enabled: input.Enabled };
}
