import { ApiError } from "../../protocol/api-error.js";
import type { DeleteOrgServiceAssignRequest, DeleteOrgServiceAssignResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { resolveService } from "./rules.js";
import { USAGE_ENABLED } from "../base/services-catalogue.js";

/**
 * DeleteOrgServiceAssign — a member stops being a delegated admin of an organization service
 * (named by ServiceId or Product). Refused while the delegated admin has the organization feature
 * switched on in the service's console (services that report it).
 * @throws InvalidParameter, ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationServiceNotExist,
 *   ResourceNotFound.OrganizationServiceAssignNotExist, FailedOperation.OrganizationServiceAssignIsUse
 */
export async function deleteOrgServiceAssign(input: DeleteOrgServiceAssignRequest, ctx: Context): Promise<DeleteOrgServiceAssignResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const service = resolveService(input, "ResourceNotFound.OrganizationServiceNotExist");
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const assign = await tx.serviceAssigns.find(org.org_id, service.id, input.MemberUin);
    if (!assign) {
      throw new ApiError("ResourceNotFound.OrganizationServiceAssignNotExist", {
        en: `Parameter \`MemberUin\`: ${input.MemberUin} is not a delegated admin of organization service ${service.product}.`,
        zh: `参数\`MemberUin\`：${input.MemberUin} 不是集团服务 ${service.product} 的委派管理员。`,
      });
    }
    if (service.reportsUsage && assign.usage_status === USAGE_ENABLED) {
      throw new ApiError("FailedOperation.OrganizationServiceAssignIsUse", {
        en: `Member ${input.MemberUin} has the organization feature of ${service.product} switched on; switch it off in the service's console first.`,
        zh: `成员 ${input.MemberUin} 已在 ${service.product} 中启用集团功能，请先在该服务控制台中关闭。`,
      });
    }
    await tx.serviceAssigns.delete(org.org_id, service.id, input.MemberUin);
  });
  return {};
}
