import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Store } from "../../store/store.js";
import { serviceById, serviceByProduct, USAGE_NONE, type OrganizationService } from "../base/services-catalogue.js";

/**
 * The service a request names by ServiceId or Product (one of them is required; when both are
 * given they must name the same service). Neither → InvalidParameter; an id or product the
 * catalogue lacks → `unknown` (the action's documented code).
 */
export function resolveService(input: { ServiceId?: number; Product?: string }, unknown: ErrorCode): OrganizationService {
  const { ServiceId: id, Product: product } = input;
  if (id === undefined && (product === undefined || product.trim() === "")) {
    throw new ApiError("InvalidParameter", { en: "Either parameter `ServiceId` or `Product` is required.", zh: "参数`ServiceId`和`Product`须二选一填写。" });
  }
  const byId = id === undefined ? undefined : serviceById(id);
  if (id !== undefined && !byId) {
    throw new ApiError(unknown, { en: `Parameter \`ServiceId\`: organization service ${id} does not exist.`, zh: `参数\`ServiceId\`：集团服务 ${id} 不存在。` });
  }
  const byProduct = product === undefined || product.trim() === "" ? undefined : serviceByProduct(product);
  if (product !== undefined && product.trim() !== "" && !byProduct) {
    throw new ApiError(unknown, { en: `Parameter \`Product\`: organization service ${product} does not exist.`, zh: `参数\`Product\`：集团服务 ${product} 不存在。` });
  }
  if (byId && byProduct && byId !== byProduct) {
    throw new ApiError("InvalidParameter", {
      en: `Parameters \`ServiceId\` (${id}) and \`Product\` (${product}) name different services.`,
      zh: `参数\`ServiceId\`（${id}）与\`Product\`（${product}）指向不同的集团服务。`,
    });
  }
  return (byId ?? byProduct)!;
}

/** The UsageStatus a delegation shows: 0 when the service reports none, else the stored 1 or 2. */
export const usageStatus = (service: OrganizationService, stored: number): number => (service.reportsUsage ? stored : USAGE_NONE);

/**
 * UnsupportedOperation.MemberExistServiceNotAllowDelete when one of these members is a delegated
 * admin of an organization service: the delegation must end (DeleteOrgServiceAssign) first.
 */
export async function refuseDelegatedAdmins(store: Store, members: readonly Pick<OrgMember, "member_uin">[], leaving: "removed" | "deleted" | "quit"): Promise<void> {
  const delegated = await store.serviceAssigns.servicesOfMany(members.map((m) => m.member_uin));
  for (const m of members) {
    const services = delegated.get(m.member_uin);
    if (!services) continue;
    const names = services.map((id) => serviceById(id)?.product ?? String(id)).join(", ");
    const verb = { removed: ["cannot be removed from the organization", "移出组织"], deleted: ["cannot be deleted", "删除"], quit: ["cannot quit the organization", "退出组织"] }[leaving];
    throw new ApiError("UnsupportedOperation.MemberExistServiceNotAllowDelete", {
      en: `Member ${m.member_uin} is a delegated admin of organization service(s) ${names} and ${verb[0]}; remove the delegation (DeleteOrgServiceAssign) first.`,
      zh: `成员 ${m.member_uin} 是集团服务 ${names} 的委派管理员，不能${verb[1]}；请先删除委派（DeleteOrgServiceAssign）。`,
    });
  }
}
