import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import type { DeleteOrganizationResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";

/** The codes a version answers for what keeps an organization with no members from going. */
export interface DeleteOrganizationCodes {
  /** a policy type (service control or tag policies) is still enabled */
  policyTypeEnabled: ErrorCode;
  /** member access policies (unified member login) remain */
  memberPolicyExist: ErrorCode;
}

export const DELETE_ORGANIZATION_CODES: DeleteOrganizationCodes = {
  policyTypeEnabled: "FailedOperation.OrganizationPolicyIsNotDisabled",
  memberPolicyExist: "FailedOperation.OrgMemberPolicyExist",
};

/**
 * Delete the organization the caller administers, with its departments, tags, invitations and
 * entity relations, once no account but the admin belongs to it, every policy type is disabled
 * (DisablePolicyType) and no member access policy is left (DeleteOrganizationMembersPolicy). The
 * organization row is locked first, so an account cannot join, nor a policy type be enabled or a
 * member access policy be created, while the deletion runs. The admin is then free to create or join
 * another organization.
 * @throws ResourceNotFound.OrganizationNotExist, FailedOperation.OrganizationNotEmpty,
 *   codes.policyTypeEnabled, codes.memberPolicyExist
 */
export async function deleteOrganizationFor(ctx: Context, codes: DeleteOrganizationCodes): Promise<void> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    if ((await tx.members.countInOrg(org.org_id)) > 1) {
      throw new ApiError("FailedOperation.OrganizationNotEmpty", {
        en: "The organization still has member accounts; remove them before deleting it.",
        zh: "组织中仍有成员账号，请先移除成员再删除组织。",
      });
    }
    const enabled = await tx.policyTypes.enabledIn(org.org_id);
    if (enabled.length > 0) {
      throw new ApiError(codes.policyTypeEnabled, {
        en: `The organization still has ${enabled.join(" and ")} enabled; disable ${enabled.length > 1 ? "them" : "it"} (DisablePolicyType) before deleting it.`,
        zh: `组织仍启用了 ${enabled.join("、")}，请先关闭（DisablePolicyType）再删除组织。`,
      });
    }
    if (await tx.memberPolicies.existIn(org.org_id)) {
      throw new ApiError(codes.memberPolicyExist, {
        en: "The organization still has member access policies; delete them (DeleteOrganizationMembersPolicy) before deleting it.",
        zh: "组织中仍有成员访问策略，请先删除（DeleteOrganizationMembersPolicy）再删除组织。",
      });
    }
    const nodes = await tx.nodes.listByOrg(org.org_id);
    await tx.tags.deleteAll("node", nodes.map((n) => n.node_id));
    await tx.tags.deleteAll("member", [org.host_uin]);
    // departments, the admin's membership, invitations, entity relations and the member deletion switch go with the organization (cascade)
    await tx.organizations.delete(org.org_id);
  });
}

/** DeleteOrganization (2021-03-31) — delete the caller's organization.
 *  @throws see deleteOrganizationFor, with DELETE_ORGANIZATION_CODES */
export async function deleteOrganization(_input: object, ctx: Context): Promise<DeleteOrganizationResponse> {
  await deleteOrganizationFor(ctx, DELETE_ORGANIZATION_CODES);
  return {};
}
