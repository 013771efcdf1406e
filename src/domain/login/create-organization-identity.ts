import { ApiError } from "../../protocol/api-error.js";
import type { CreateOrganizationIdentityRequest, CreateOrganizationIdentityResponse } from "../../spec/generated/v20210331.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { Context } from "../base/context.js";
import { builtInIdentityNamed } from "../base/identities.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { checkIdentityPolicies } from "./identity-policies.js";
import { checkIdentityDescription, checkIdentityName, IDENTITY_CUSTOM, identityNameUsed } from "./identity-rules.js";
import { FIRST_IDENTITY_ID, identityRoleName } from "./rules.js";

/**
 * CreateOrganizationIdentity — define a custom member access identity: a named set of CAM
 * policies (presets or custom documents) that member accounts granted it can be accessed with.
 * Names are unique among the organization's identities and the built-in ones.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter, ResourceNotFound.PolicyNotExist,
 *   FailedOperation.OrganizationIdentityNameUsed, LimitExceeded.IdentityExceedLimit
 */
export async function createOrganizationIdentity(input: CreateOrganizationIdentityRequest, ctx: Context): Promise<CreateOrganizationIdentityResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const name = checkIdentityName(input.IdentityAliasName);
  const description = checkIdentityDescription(input.Description);
  const policies = checkIdentityPolicies(input.IdentityPolicy);
  if (builtInIdentityNamed(name) !== undefined) throw identityNameUsed(name);
  try {
    return await ctx.store.transaction(async (tx) => {
      if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
      if (await tx.identities.aliasTaken(org.org_id, name)) throw identityNameUsed(name);
      if ((await tx.identities.countCustom(org.org_id)) >= ctx.settings.maxIdentities) {
        throw new ApiError("LimitExceeded.IdentityExceedLimit", {
          en: `The organization already has ${ctx.settings.maxIdentities} custom identities.`,
          zh: `组织的自定义身份已达上限 ${ctx.settings.maxIdentities} 个。`,
        });
      }
      const id = await tx.counters.next("identity", FIRST_IDENTITY_ID);
      const now = ctx.now();
      await tx.identities.insert(
        { identity_id: id, org_id: org.org_id, role_name: identityRoleName(id), alias_name: name, description, identity_type: IDENTITY_CUSTOM, created_at: now, updated_at: now },
        policies,
      );
      return { IdentityId: id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw identityNameUsed(name);
    throw e;
  }
}
