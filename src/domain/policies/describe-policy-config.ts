import { ApiError } from "../../protocol/api-error.js";
import type { DescribePolicyConfigRequest, DescribePolicyConfigResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { checkOrganizationId, requireManager, SCP, TAG } from "./rules.js";

/** DescribePolicyConfig numbers the policy types: 0 service control policy, 1 tag policy. */
const TYPE_CODES = [SCP, TAG] as const;

/**
 * DescribePolicyConfig — whether the admin's organization has a policy type enabled (Status 1) or
 * not (Status 0), and the type's name.
 * @throws InvalidParameter (Type), ResourceNotFound.OrganizationNotExist,
 *   InvalidParameter.OrganizationMemberNotManager, InvalidParameter.OrganizationNotExist (OrganizationId)
 */
export async function describePolicyConfig(input: DescribePolicyConfigRequest, ctx: Context): Promise<DescribePolicyConfigResponse> {
  const type = TYPE_CODES[input.Type ?? 0];
  if (type === undefined) {
    throw new ApiError("InvalidParameter", { en: "Parameter `Type` must be 0 (service control policy) or 1 (tag policy).", zh: "参数`Type`取值须为 0（服务管控策略）或 1（标签策略）。" });
  }
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "ResourceNotFound.OrganizationNotExist", member: "InvalidParameter.OrganizationMemberNotManager" });
  checkOrganizationId(org, input.OrganizationId, "InvalidParameter.OrganizationNotExist");
  return { Status: (await ctx.store.policyTypes.isEnabled(org.org_id, type)) ? 1 : 0, Type: type };
}
