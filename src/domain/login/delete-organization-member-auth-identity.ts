import { ApiError } from "../../protocol/api-error.js";
import type { DeleteOrganizationMemberAuthIdentityRequest, DeleteOrganizationMemberAuthIdentityResponse } from "../../spec/generated/v20210331.js";
import { isForeignKeyViolation } from "../../store/errors.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { requireIdentity } from "./rules.js";

const inUse = (uin: number, id: number) =>
  new ApiError("FailedOperation.MemberIdentityAuthUsed", {
    en: `Member ${uin}'s identity ${id} is used by member access policies (see DescribeOrganizationMemberPolicies): change or delete them first.`,
    zh: `成员 ${uin} 的身份 ${id} 正被成员访问策略使用（见 DescribeOrganizationMemberPolicies），请先修改或删除这些策略。`,
  });

/**
 * DeleteOrganizationMemberAuthIdentity — stop a member account from supporting an identity (its
 * role is removed), unless a member access policy still uses that grant.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationIdentityNotExist,
 *   ResourceNotFound.MemberIdentityNotExist, FailedOperation.MemberIdentityAuthUsed
 */
export async function deleteOrganizationMemberAuthIdentity(
  input: DeleteOrganizationMemberAuthIdentityRequest,
  ctx: Context,
): Promise<DeleteOrganizationMemberAuthIdentityResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  try {
    await ctx.store.transaction(async (tx) => {
      if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
      const identity = await requireIdentity(tx, org.org_id, input.IdentityId);
      const member = await tx.members.findInOrg(org.org_id, input.MemberUin);
      const supports = member !== undefined && (await tx.identities.membersSupporting(identity.identity_id, [member.member_uin])).size > 0;
      if (!supports) {
        throw new ApiError("ResourceNotFound.MemberIdentityNotExist", {
          en: `Parameter \`MemberUin\`: ${input.MemberUin} is not a member of the organization supporting identity ${identity.identity_id}.`,
          zh: `参数\`MemberUin\`：${input.MemberUin} 不是组织中被授权身份 ${identity.identity_id} 的成员。`,
        });
      }
      if (await tx.memberPolicies.usesGrant(input.MemberUin, identity.identity_id)) throw inUse(input.MemberUin, identity.identity_id);
      await tx.identities.revoke(input.MemberUin, identity.identity_id);
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw inUse(input.MemberUin, input.IdentityId);
    throw e;
  }
  return {};
}
