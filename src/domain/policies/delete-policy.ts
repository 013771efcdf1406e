import { ApiError } from "../../protocol/api-error.js";
import type { DeletePolicyRequest, DeletePolicyResponse } from "../../spec/generated/v20210331.js";
import { isForeignKeyViolation } from "../../store/errors.js";
import type { Context } from "../base/context.js";
import { lockManagedOrg, policyTypeParam, requireEnabled, requireManager, requirePolicy } from "./rules.js";

const inUse = (policyId: number) =>
  new ApiError("FailedOperation.OrganizationPolicyInUsed", {
    en: `Policy ${policyId} is attached to departments or members; detach it everywhere before deleting it.`,
    zh: `策略 ${policyId} 仍绑定在部门或成员上，请先全部解绑再删除。`,
  });

/**
 * DeletePolicy — the admin deletes a custom policy that is attached nowhere. Presets cannot be
 * deleted. The policy's foreign key settles a race with a concurrent attachment.
 * @throws InvalidParameter.ParamError (Type), UnauthorizedOperation, InvalidParameter.OrganizationMemberNotManager,
 *   FailedOperation.OrganizationPolicyIsNotEnabled, ResourceNotFound.PolicyNotExist, InvalidParameter.PolicyIdNotExist (other type),
 *   ResourceNotFound.PolicyIdNotFound (preset), FailedOperation.OrganizationPolicyInUsed
 */
export async function deletePolicy(input: DeletePolicyRequest, ctx: Context): Promise<DeletePolicyResponse> {
  const type = policyTypeParam(input.Type, "Type", "InvalidParameter.ParamError");
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "UnauthorizedOperation", member: "InvalidParameter.OrganizationMemberNotManager" });
  const codes = { notExist: "ResourceNotFound.PolicyNotExist", otherType: "InvalidParameter.PolicyIdNotExist", preset: "ResourceNotFound.PolicyIdNotFound" } as const;
  try {
    await ctx.store.transaction(async (tx) => {
      await lockManagedOrg(tx, org, "UnauthorizedOperation");
      await requireEnabled(tx, org.org_id, type);
      await requirePolicy(tx, org.org_id, input.PolicyId, type, codes);
      if ((await tx.policyAttachments.countForPolicy(input.PolicyId)) > 0) throw inUse(input.PolicyId);
      await tx.policies.delete(org.org_id, input.PolicyId);
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw inUse(input.PolicyId);
    throw e;
  }
  return {};
}
