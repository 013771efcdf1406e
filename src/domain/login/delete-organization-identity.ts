import { ApiError } from "../../protocol/api-error.js";
import type { DeleteOrganizationIdentityRequest, DeleteOrganizationIdentityResponse } from "../../spec/generated/v20210331.js";
import { isForeignKeyViolation } from "../../store/errors.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { rejectBuiltIn } from "./identity-rules.js";
import { requireIdentity } from "./rules.js";

const inUse = (id: number, en: string, zh: string) =>
  new ApiError("FailedOperation.OrganizationIdentityInUsed", { en: `Parameter \`IdentityId\`: identity ${id} is in use: ${en}`, zh: `参数\`IdentityId\`：身份 ${id} 正在使用：${zh}` });

/**
 * DeleteOrganizationIdentity — delete a custom identity that no member account supports and no
 * member access policy grants.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationIdentityNotExist,
 *   InvalidParameter (a built-in identity), FailedOperation.OrganizationIdentityInUsed
 */
export async function deleteOrganizationIdentity(input: DeleteOrganizationIdentityRequest, ctx: Context): Promise<DeleteOrganizationIdentityResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  try {
    await ctx.store.transaction(async (tx) => {
      if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
      const identity = await requireIdentity(tx, org.org_id, input.IdentityId);
      rejectBuiltIn(identity, { en: "deleted", zh: "删除" });
      if (await tx.memberPolicies.usesIdentity(identity.identity_id)) {
        throw inUse(identity.identity_id, "member access policies grant it (see DescribeOrganizationMembersAuthPolicy).", "有成员访问策略授予该身份（见 DescribeOrganizationMembersAuthPolicy）。");
      }
      const grants = await tx.identities.countGrants(identity.identity_id);
      if (grants > 0) {
        throw inUse(identity.identity_id, `${grants} member account(s) support it (see DescribeOrganizationMemberAuthIdentities).`, `有 ${grants} 个成员账号被授权该身份（见 DescribeOrganizationMemberAuthIdentities）。`);
      }
      await tx.identities.delete(identity.identity_id);
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw inUse(input.IdentityId, "a member access policy grants it.", "有成员访问策略授予该身份。");
    throw e;
  }
  return {};
}
