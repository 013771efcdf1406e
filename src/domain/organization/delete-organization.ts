import { ApiError } from "../../protocol/api-error.js";
import { lockOrg } from "../base/caller.js";
import type { AdminContext } from "../base/context.js";
import { v2018, v2021 } from "../base/contract.js";

/**
 * Delete the caller's organization, with its departments, tags, invitations and entity relations,
 * once no account but the admin belongs to it and no other area refuses (organizationDeleting: a
 * policy type still enabled, member access policies left, ...). The organization row is locked
 * first, so an account cannot join, nor another area's object appear, while the deletion runs. The
 * admin is then free to create or join another organization.
 * @throws FailedOperation.OrganizationNotEmpty, and the other areas' refusals
 */
async function deleteOrganizationFor(ctx: AdminContext): Promise<void> {
  const { org } = ctx;
  await ctx.store.transaction(async (tx) => {
    await lockOrg(tx, org);
    if ((await tx.members.countInOrg(org.org_id)) > 1) {
      throw new ApiError("FailedOperation.OrganizationNotEmpty", {
        en: "The organization still has member accounts; remove them before deleting it.",
        zh: "组织中仍有成员账号，请先移除成员再删除组织。",
      });
    }
    await ctx.hooks.refuseOrganizationDeleting(tx, org);
    const nodes = await tx.nodes.listByOrg(org.org_id);
    await tx.tags.deleteAll("node", nodes.map((n) => n.node_id));
    await tx.tags.deleteAll("member", [org.host_uin]);
    // departments, the admin's membership, invitations, entity relations and the member deletion switch go with the organization (cascade)
    await tx.organizations.delete(org.org_id);
  });
}

/** DeleteOrganization (2021-03-31) — delete the caller's organization (see deleteOrganizationFor). */
export const deleteOrganization = v2021(
  "DeleteOrganization",
  {
    caller: "admin",
    codes: ["ResourceNotFound.OrganizationNotExist", "FailedOperation.OrganizationNotEmpty", "FailedOperation.OrganizationPolicyIsNotDisabled", "FailedOperation.OrgMemberPolicyExist"],
  },
  async (_input, ctx) => {
    await deleteOrganizationFor(ctx);
    return {};
  },
);

/**
 * DeleteOrganization (2018-12-25) — the same deletion. This version documents only
 * FailedOperation.OrganizationNotEmpty, FailedOperation.ShareUnitNotEmpty and
 * ResourceNotFound.OrganizationNotExist: it predates policies. Its OrganizationNotEmpty means "the
 * organization still has members" (企业组织成员不为空), which would mislead, so an enabled policy type
 * or a remaining member access policy answers the common code FailedOperation ("操作失败"), whose
 * message names the 2021-03-31 action that clears the obstacle.
 */
export const deleteOrganization2018 = v2018(
  "DeleteOrganization",
  {
    caller: "admin",
    codes: ["ResourceNotFound.OrganizationNotExist", "FailedOperation.OrganizationNotEmpty", "FailedOperation"],
    translate: { "FailedOperation.OrganizationPolicyIsNotDisabled": "FailedOperation", "FailedOperation.OrgMemberPolicyExist": "FailedOperation" },
  },
  async (_input, ctx) => {
    await deleteOrganizationFor(ctx);
    return {};
  },
);
