import { GATED_PERMISSIONS } from "../domain/organization/gated-permissions.js";
import { ApiError } from "../protocol/api-error.js";
import type { OperatorContext } from "./context.js";

interface SetOrganizationPermissionInput {
  /** the organization's admin */
  Uin: number;
  PermissionId: number;
  Enabled: boolean;
}

/**
 * SetOrganizationPermission — enable (or disable again) financial permission 3 (fund transfer) or
 * 10 (credit limit) for the organization the account Uin administers: what the API pages leave to
 * the customer's business manager. Once enabled, its members may be granted it; disabling refuses
 * new grants and leaves existing ones.
 */
export async function setOrganizationPermissionAction(input: SetOrganizationPermissionInput, ctx: OperatorContext) {
  if (!GATED_PERMISSIONS.includes(input.PermissionId)) {
    throw new ApiError("InvalidParameterValue", `Parameter \`PermissionId\` must be one of ${GATED_PERMISSIONS.join(", ")}; the other permissions need no enabling.`);
  }
  const org = await ctx.store.organizations.findByHost(input.Uin);
  if (!org) throw new ApiError("ResourceNotFound", `Account ${input.Uin} administers no organization.`);
  if (input.Enabled) await ctx.store.orgPermissions.enable(org.org_id, input.PermissionId, ctx.now());
  else await ctx.store.orgPermissions.disable(org.org_id, input.PermissionId);
  return { OrgId: org.org_id, PermissionId: input.PermissionId, Enabled: input.Enabled };
}
