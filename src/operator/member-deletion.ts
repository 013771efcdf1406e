import { ApiError } from "../protocol/api-error.js";
import type { OperatorContext } from "./context.js";

/**
 * SetMemberDeletionPermission — stand in for the organization's admin turning member deletion on
 * or off in the console (开启成员删除许可; the guide 删除在集团账号中创建的成员,
 * https://cloud.tencent.com/document/product/850/93408: members can be deleted only while it is on).
 * It is off for a new organization. CheckAccountDelete shows it as DeletionPermission; while it is
 * off DeleteAccount answers UnsupportedOperation.DeleteAccountDisabled.
 */
export async function setMemberDeletionPermissionAction(input: { OrgId: number; Enabled: boolean }, ctx: OperatorContext) {
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(input.OrgId))) {
      throw new ApiError("ResourceNotFound", { en: `Parameter \`OrgId\`: organization ${input.OrgId} does not exist.`, zh: `参数\`OrgId\`：组织 ${input.OrgId} 不存在。` });
    }
    await tx.memberDeletion.set(input.OrgId, input.Enabled, ctx.now());
  });
  return { OrgId: input.OrgId, DeletionPermission: input.Enabled };
}
