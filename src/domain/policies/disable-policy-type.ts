import { ApiError } from "../../protocol/api-error.js";
import type { DisablePolicyTypeRequest, DisablePolicyTypeResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { checkOrganizationId, lockManagedOrg, policyTypeParam, requireManager } from "./rules.js";

/**
 * DisablePolicyType — the admin turns a policy type off: every policy of the type is detached from
 * every department and member (FullQcloudAccess included); the policies themselves stay, and can
 * be attached again once the type is enabled again.
 * @throws InvalidParameter.ParamError (PolicyType, OrganizationId), UnauthorizedOperation,
 *   InvalidParameter.OrganizationMemberNotManager, FailedOperation.OrganizationPolicyIsNotEnabled
 */
export async function disablePolicyType(input: DisablePolicyTypeRequest, ctx: Context): Promise<DisablePolicyTypeResponse> {
  const type = policyTypeParam(input.PolicyType, "PolicyType", "InvalidParameter.ParamError");
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "UnauthorizedOperation", member: "InvalidParameter.OrganizationMemberNotManager" });
  checkOrganizationId(org, input.OrganizationId, "InvalidParameter.ParamError");
  await ctx.store.transaction(async (tx) => {
    await lockManagedOrg(tx, org, "UnauthorizedOperation");
    await tx.policyAttachments.deleteByType(org.org_id, type);
    if (!(await tx.policyTypes.disable(org.org_id, type))) {
      throw new ApiError("FailedOperation.OrganizationPolicyIsNotEnabled", { en: `${type} is not enabled for the organization.`, zh: `组织未启用 ${type}。` });
    }
  });
  return {};
}
