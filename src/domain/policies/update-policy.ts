import type { UpdatePolicyRequest, UpdatePolicyResponse } from "../../spec/generated/v20210331.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { Context } from "../base/context.js";
import { checkNotPresetName, policyNameInUse } from "./create-policy.js";
import { checkDescription, checkPolicyContent, checkPolicyName, lockManagedOrg, policyTypeParam, requireEnabled, requireManager, requirePolicy } from "./rules.js";

/**
 * UpdatePolicy — the admin changes the name, description and/or content of a custom policy; the
 * change applies at once wherever the policy is attached. Type names the policy's type (service
 * control policy when absent); it cannot be changed. Presets cannot be edited.
 * @throws InvalidParameter.ParamError (Type), InvalidParameter.PolicyNameError, InvalidParameter.DescriptionLengthOverlimit,
 *   UnauthorizedOperation, InvalidParameter.OrganizationMemberNotManager, FailedOperation.OrganizationPolicyIsNotEnabled,
 *   ResourceNotFound.PolicyNotExist, InvalidParameter.PolicyIdNotExist (other type), ResourceNotFound.PolicyIdNotFound (preset),
 *   the content codes of checkPolicyContent, InvalidParameter.PolicyNameExisted, FailedOperation.PolicyNameInUse
 */
export async function updatePolicy(input: UpdatePolicyRequest, ctx: Context): Promise<UpdatePolicyResponse> {
  const type = policyTypeParam(input.Type, "Type", "InvalidParameter.ParamError");
  if (input.Name !== undefined) checkPolicyName(input.Name);
  checkDescription(input.Description, "InvalidParameter.DescriptionLengthOverlimit");
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "UnauthorizedOperation", member: "InvalidParameter.OrganizationMemberNotManager" });
  await requireEnabled(ctx.store, org.org_id, type);
  const codes = { notExist: "ResourceNotFound.PolicyNotExist", otherType: "InvalidParameter.PolicyIdNotExist", preset: "ResourceNotFound.PolicyIdNotFound" } as const;
  await requirePolicy(ctx.store, org.org_id, input.PolicyId, type, codes);
  if (input.Content !== undefined) checkPolicyContent(type, input.Content);
  if (input.Name !== undefined) await checkNotPresetName(ctx.store, type, input.Name);
  try {
    await ctx.store.transaction(async (tx) => {
      await lockManagedOrg(tx, org, "UnauthorizedOperation");
      await requireEnabled(tx, org.org_id, type);
      await requirePolicy(tx, org.org_id, input.PolicyId, type, codes);
      const patch = {
        ...(input.Name !== undefined ? { name: input.Name } : {}),
        ...(input.Description !== undefined ? { description: input.Description } : {}),
        ...(input.Content !== undefined ? { content: input.Content } : {}),
      };
      if (Object.keys(patch).length > 0) await tx.policies.update(input.PolicyId, { ...patch, updated_at: ctx.now() });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw policyNameInUse(input.Name ?? "");
    throw e;
  }
  return {};
}
