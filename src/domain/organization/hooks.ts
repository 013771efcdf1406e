import { ApiError } from "../../protocol/api-error.js";
import type { AreaHooks, Refusal } from "../base/hooks.js";

const LEAVING = {
  removed: { en: "cannot be removed from the organization", zh: "不能被移出组织" },
  deleted: { en: "cannot be deleted", zh: "不能被删除" },
  quit: { en: "cannot quit the organization", zh: "不能退出组织" },
} as const;

/**
 * The organization area's part in the others' changes: the admin of a verified entity stays until
 * the organization's admin changes or removes it (the guide 集团认证主体管理,
 * https://cloud.tencent.com/document/product/850/60328: change or remove the entity admin before
 * deleting that member), whether it would be removed, deleted or quit.
 */
export const ORGANIZATION_HOOKS: AreaHooks = {
  async membersLeaving(tx, { org, members, how }): Promise<Refusal[]> {
    const managers = await tx.authRelations.managersAmong(org.org_id, members.map((m) => m.member_uin));
    return [...managers].map((uin) => ({
      reason: "IsAuthManager",
      error: new ApiError("FailedOperation.OrganizationAuthManageNotAllowDelete", {
        en: `Member ${uin} administers a verified entity of the organization and ${LEAVING[how].en}; change or remove that entity's admin first.`,
        zh: `成员 ${uin} 是组织的主体管理员，${LEAVING[how].zh}；请先更换或移除该主体的管理员。`,
      }),
    }));
  },
};
