import { resolveService } from "../domain/services/rules.js";
import { USAGE_DISABLED, USAGE_ENABLED } from "../domain/base/services-catalogue.js";
import { ApiError } from "../protocol/api-error.js";
import type { OperatorContext } from "./context.js";

interface SetServiceUsageInput {
  MemberUin: number;
  ServiceId?: number;
  Product?: string;
  Enabled: boolean;
}

/**
 * SetServiceUsage — stand in for a delegated admin switching the organization feature of a
 * service on or off in that service's console (what ListOrgServiceAssignMember shows as
 * UsageStatus, and what keeps DeleteOrgServiceAssign from ending the delegation).
 */
export async function setServiceUsageAction(input: SetServiceUsageInput, ctx: OperatorContext) {
  const service = resolveService(input, "ResourceNotFound");
  if (!service.reportsUsage) throw new ApiError("InvalidParameterValue", `Organization service ${service.product} reports no usage status.`);
  const member = await ctx.store.members.find(input.MemberUin);
  const found = member !== undefined && (await ctx.store.serviceAssigns.setUsage(member.org_id, service.id, input.MemberUin, input.Enabled ? USAGE_ENABLED : USAGE_DISABLED));
  if (!found) throw new ApiError("ResourceNotFound", `Account ${input.MemberUin} is not a delegated admin of ${service.product}.`);
  return { MemberUin: input.MemberUin, ServiceId: service.id, UsageStatus: input.Enabled ? USAGE_ENABLED : USAGE_DISABLED };
}
