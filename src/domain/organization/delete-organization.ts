import { ApiError } from "../../protocol/api-error.js";
import type { DeleteOrganizationResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../context.js";
import { orgNotExist, requireAdminOrg } from "./rules.js";

/**
 * Delete the organization the caller administers, with its departments, tags, invitations and
 * entity relations, once no account but the admin belongs to it. The organization row is locked
 * first, so an account cannot join while the deletion runs. The admin is then free to create or
 * join another organization.
 * @throws ResourceNotFound.OrganizationNotExist, FailedOperation.OrganizationNotEmpty
 */
export async function deleteOrganizationFor(ctx: Context): Promise<void> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    if ((await tx.members.countInOrg(org.org_id)) > 1) {
      throw new ApiError("FailedOperation.OrganizationNotEmpty", {
        en: "The organization still has member accounts; remove them before deleting it.",
        zh: "组织中仍有成员账号，请先移除成员再删除组织。",
      });
    }
    const nodes = await tx.nodes.listByOrg(org.org_id);
    await tx.tags.deleteAll("node", nodes.map((n) => n.node_id));
    await tx.tags.deleteAll("member", [org.host_uin]);
    // departments, the admin's membership, invitations and entity relations go with the organization (cascade)
    await tx.organizations.delete(org.org_id);
  });
}

/** DeleteOrganization (2021-03-31) — delete the caller's organization.
 *  @throws see deleteOrganizationFor */
export async function deleteOrganization(_input: object, ctx: Context): Promise<DeleteOrganizationResponse> {
  await deleteOrganizationFor(ctx);
  return {};
}
