import { ApiError } from "../../protocol/api-error.js";
import type { AreaHooks } from "../base/hooks.js";

/** Unified member login's part in the others' changes: an organization keeps standing while member access policies remain. */
export const LOGIN_HOOKS: AreaHooks = {
  async organizationDeleting(tx, org) {
    if (!(await tx.memberPolicies.existIn(org.org_id))) return [];
    return [
      {
        error: new ApiError("FailedOperation.OrgMemberPolicyExist", {
          en: "The organization still has member access policies; delete them (DeleteOrganizationMembersPolicy) before deleting it.",
          zh: "组织中仍有成员访问策略，请先删除（DeleteOrganizationMembersPolicy）再删除组织。",
        }),
      },
    ];
  },
};
