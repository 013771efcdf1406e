import { ApiError } from "../../protocol/api-error.js";
import type { CreatePolicyRequest, CreatePolicyResponse } from "../../spec/generated/v20210331.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { PolicyType } from "../../store/schema.js";
import type { Store } from "../../store/store.js";
import type { Context } from "../base/context.js";
import { checkDescription, checkPolicyContent, checkPolicyName, FIRST_POLICY_ID, lockManagedOrg, policyTypeParam, requireEnabled, requireManager, SCP } from "./rules.js";

/** The error of a name a custom policy of the organization already has. */
export const policyNameInUse = (name: string) =>
  new ApiError("FailedOperation.PolicyNameInUse", { en: `Parameter \`Name\`: the organization already has a policy named ${name}.`, zh: `参数\`Name\`：组织中已有名为 ${name} 的策略。` });

/** Refuse a name a preset policy of the type has → InvalidParameter.PolicyNameExisted. */
export async function checkNotPresetName(store: Store, type: PolicyType, name: string): Promise<void> {
  if (await store.policies.findPreset(type, name)) {
    throw new ApiError("InvalidParameter.PolicyNameExisted", { en: `Parameter \`Name\`: ${name} is the name of a preset policy.`, zh: `参数\`Name\`：${name} 是系统预设策略的名称。` });
  }
}

/**
 * CreatePolicy — the admin writes a custom service control or tag policy for its organization.
 * The type must be enabled; the document is checked against the type's syntax; names are unique
 * per organization and type (the database settles a race); the organization row is locked so
 * concurrent creations respect the count limits.
 * @throws InvalidParameter.ParamError (Type, Description), InvalidParameter.PolicyNameError, UnauthorizedOperation,
 *   FailedOperation.OrganizationPolicyIsNotEnabled, the content codes of checkPolicyContent,
 *   InvalidParameter.PolicyNameExisted, FailedOperation.PolicyNameInUse, FailedOperation.PolicyFull, LimitExceeded.TagPolicy
 */
export async function createPolicy(input: CreatePolicyRequest, ctx: Context): Promise<CreatePolicyResponse> {
  const type = policyTypeParam(input.Type, "Type", "InvalidParameter.ParamError");
  checkPolicyName(input.Name);
  checkDescription(input.Description, "InvalidParameter.ParamError");
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "UnauthorizedOperation", member: "UnauthorizedOperation" });
  await requireEnabled(ctx.store, org.org_id, type);
  checkPolicyContent(type, input.Content);
  await checkNotPresetName(ctx.store, type, input.Name);
  try {
    const policyId = await ctx.store.transaction(async (tx) => {
      await lockManagedOrg(tx, org, "UnauthorizedOperation");
      await requireEnabled(tx, org.org_id, type);
      const max = type === SCP ? ctx.settings.maxScpPolicies : ctx.settings.maxTagPolicies;
      if ((await tx.policies.countCustom(org.org_id, type)) >= max) {
        throw new ApiError(type === SCP ? "FailedOperation.PolicyFull" : "LimitExceeded.TagPolicy", {
          en: `An organization can have at most ${max} custom policies of type ${type}.`,
          zh: `一个组织最多可有 ${max} 个 ${type} 类型的自定义策略。`,
        });
      }
      const now = ctx.now();
      const id = await tx.counters.next("policy", FIRST_POLICY_ID);
      await tx.policies.insert({
        policy_id: id,
        org_id: org.org_id,
        policy_type: type,
        name: input.Name,
        description: input.Description ?? null,
        content: input.Content,
        is_preset: 0,
        created_at: now,
        updated_at: now,
      });
      return id;
    });
    return { PolicyId: policyId };
  } catch (e) {
    if (isUniqueViolation(e)) throw policyNameInUse(input.Name);
    throw e;
  }
}
