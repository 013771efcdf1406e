import { ApiError } from "../../protocol/api-error.js";
import type { AreaHooks, Refusal } from "../base/hooks.js";
import { serviceById } from "../base/services-catalogue.js";

const LEAVING = {
  removed: { en: "cannot be removed from the organization", zh: "移出组织" },
  deleted: { en: "cannot be deleted", zh: "删除" },
  quit: { en: "cannot quit the organization", zh: "退出组织" },
} as const;

/**
 * The organization services' part in the others' changes: a delegated admin of a service stays in
 * the organization until its delegation ends (DeleteOrgServiceAssign) →
 * UnsupportedOperation.MemberExistServiceNotAllowDelete.
 */
export const SERVICES_HOOKS: AreaHooks = {
  async membersLeaving(tx, { members, how }): Promise<Refusal[]> {
    const delegated = await tx.serviceAssigns.servicesOfMany(members.map((m) => m.member_uin));
    return members.flatMap((m) => {
      const services = delegated.get(m.member_uin);
      if (!services) return [];
      const names = services.map((id) => serviceById(id)?.product ?? String(id)).join(", ");
      return [
        {
          reason: "IsAssignManager" as const,
          error: new ApiError("UnsupportedOperation.MemberExistServiceNotAllowDelete", {
            en: `Member ${m.member_uin} is a delegated admin of organization service(s) ${names} and ${LEAVING[how].en}; remove the delegation (DeleteOrgServiceAssign) first.`,
            zh: `成员 ${m.member_uin} 是集团服务 ${names} 的委派管理员，不能${LEAVING[how].zh}；请先删除委派（DeleteOrgServiceAssign）。`,
          }),
        },
      ];
    });
  },
};
