import { ApiError } from "../../protocol/api-error.js";
import type { AreaHooks } from "../base/hooks.js";
import { bindDefaultPolicies } from "./presets.js";

/**
 * The management policies' part in the others' changes: a department or member that joins the
 * tree gets the default policies (FullQcloudAccess once service control policies are enabled), and
 * an organization keeps standing while a policy type is enabled.
 */
export const POLICIES_HOOKS: AreaHooks = {
  async nodeAdded(tx, { org, nodeId, now }) {
    await bindDefaultPolicies(tx, org.org_id, { type: "NODE", nodeId }, now);
  },
  async memberJoined(tx, { org, uin, now }) {
    await bindDefaultPolicies(tx, org.org_id, { type: "MEMBER", uin }, now);
  },
  async organizationDeleting(tx, org) {
    const enabled = await tx.policyTypes.enabledIn(org.org_id);
    if (enabled.length === 0) return [];
    return [
      {
        error: new ApiError("FailedOperation.OrganizationPolicyIsNotDisabled", {
          en: `The organization still has ${enabled.join(" and ")} enabled; disable ${enabled.length > 1 ? "them" : "it"} (DisablePolicyType) before deleting it.`,
          zh: `组织仍启用了 ${enabled.join("、")}，请先关闭（DisablePolicyType）再删除组织。`,
        }),
      },
    ];
  },
};
