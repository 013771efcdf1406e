import { ApiError } from "../../protocol/api-error.js";
import type { EnablePolicyTypeRequest, EnablePolicyTypeResponse } from "../../spec/generated/v20210331.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { Context } from "../base/context.js";
import { bindFullAccessEverywhere } from "./presets.js";
import { checkOrganizationId, lockManagedOrg, policyTypeParam, requireManager, SCP, TAG } from "./rules.js";

const alreadyEnabled = (type: string) =>
  new ApiError("FailedOperation.OrganizationPolicyIsNotDisabled", { en: `${type} is already enabled for the organization.`, zh: `组织已启用 ${type}。` });

/**
 * EnablePolicyType — the admin turns a policy type on for its organization. Enabling service
 * control policies binds the preset FullQcloudAccess to every department and member; tag policies
 * cannot be enabled while a member account runs tag policies of its own. The organization row is
 * locked, and the type's primary key settles a concurrent enabling.
 * @throws InvalidParameter.ParamError (PolicyType, OrganizationId), UnauthorizedOperation,
 *   InvalidParameter.OrganizationMemberNotManager, FailedOperation.OrganizationPolicyIsNotDisabled,
 *   FailedOperation.PolicyEnableInvalid
 */
export async function enablePolicyType(input: EnablePolicyTypeRequest, ctx: Context): Promise<EnablePolicyTypeResponse> {
  const type = policyTypeParam(input.PolicyType, "PolicyType", "InvalidParameter.ParamError");
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "UnauthorizedOperation", member: "InvalidParameter.OrganizationMemberNotManager" });
  checkOrganizationId(org, input.OrganizationId, "InvalidParameter.ParamError");
  try {
    await ctx.store.transaction(async (tx) => {
      await lockManagedOrg(tx, org, "UnauthorizedOperation");
      if (await tx.policyTypes.isEnabled(org.org_id, type)) throw alreadyEnabled(type);
      if (type === TAG) {
        const standalone = await tx.standaloneTagPolicies.membersOf(org.org_id);
        if (standalone.length > 0) {
          throw new ApiError("FailedOperation.PolicyEnableInvalid", {
            en: `Member account(s) ${standalone.join(", ")} run tag policies of their own; the organization cannot enable tag policies until they turn theirs off.`,
            zh: `成员账号 ${standalone.join("、")} 已开启自己的标签策略，关闭后组织才能启用标签策略。`,
          });
        }
      }
      const now = ctx.now();
      await tx.policyTypes.enable(org.org_id, type, now);
      if (type === SCP) await bindFullAccessEverywhere(tx, org.org_id, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw alreadyEnabled(type);
    throw e;
  }
  return {};
}
