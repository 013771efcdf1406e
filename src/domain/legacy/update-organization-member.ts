import type { UpdateOrganizationMemberRequest, UpdateOrganizationMemberResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { renameMember } from "../members/update-organization-member.js";
import { requireAdminOrg } from "../undeclared.js";

/** UpdateOrganizationMember (2018-12-25) — rename a member or change its remark (at most 40 characters).
 *  @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.MemberNotExist,
 *    FailedOperation.MemberNameUsed, InvalidParameter */
export async function updateOrganizationMemberLegacy(input: UpdateOrganizationMemberRequest, ctx: Context): Promise<UpdateOrganizationMemberResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await renameMember(ctx, org, input.MemberUin, { name: input.Name, remark: input.Remark, nameUsedCode: "FailedOperation.MemberNameUsed" });
  return {};
}
