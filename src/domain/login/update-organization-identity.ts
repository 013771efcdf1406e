import type { UpdateOrganizationIdentityRequest, UpdateOrganizationIdentityResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { checkIdentityPolicies } from "./identity-policies.js";
import { checkIdentityDescription, rejectBuiltIn } from "./identity-rules.js";
import { requireIdentity } from "./rules.js";

/**
 * UpdateOrganizationIdentity — replace a custom identity's description and policies. Members
 * already granted it keep the role as it was set up: their grant shows Status 2 (reconfiguration
 * required) until CreateOrganizationMemberAuthIdentity grants it again.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationIdentityNotExist,
 *   InvalidParameter (also for a built-in identity), ResourceNotFound.PolicyNotExist
 */
export async function updateOrganizationIdentity(input: UpdateOrganizationIdentityRequest, ctx: Context): Promise<UpdateOrganizationIdentityResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const description = checkIdentityDescription(input.Description);
  const policies = checkIdentityPolicies(input.IdentityPolicy);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const identity = await requireIdentity(tx, org.org_id, input.IdentityId);
    rejectBuiltIn(identity, { en: "changed", zh: "修改" });
    await tx.identities.update(identity.identity_id, description, policies, ctx.now());
  });
  return {};
}
