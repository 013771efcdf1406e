import { ApiError } from "../../protocol/api-error.js";
import type { InviteOrganizationMemberRequest, InviteOrganizationMemberResponse } from "../../spec/generated/v20210331.js";
import type { AllowQuit } from "../../store/schema.js";
import type { Context } from "../base/context.js";
import { checkLength, checkName } from "../base/names.js";
import { checkPermissions, checkPolicyType } from "../base/permissions.js";
import { checkTags } from "../base/tags.js";
import { createInvitation } from "./create-invitation.js";

export const MAX_REMARK = 255;
const MAX_ENTITY_NAME = 255;
const MAX_FILE_URL = 1024;

/** IsAllowQuit: Allow (the default) or Denied. */
export function checkAllowQuit(value: string | undefined): AllowQuit {
  if (value === undefined || value === "") return "Allow";
  if (value !== "Allow" && value !== "Denied") {
    throw new ApiError("InvalidParameter", { en: "Parameter `IsAllowQuit` must be Allow or Denied.", zh: "参数`IsAllowQuit`取值须为 Allow 或 Denied。" });
  }
  return value;
}

/** PayUin, a UIN written as a string; empty means none. */
export function parsePayUin(value: string | undefined): number | null {
  if (value === undefined || value === "") return null;
  const n = Number(value);
  if (!/^\d{1,16}$/.test(value) || !Number.isSafeInteger(n)) {
    throw new ApiError("FailedOperation.PayUinIllegal", { en: "Parameter `PayUin` must be an account UIN.", zh: "参数`PayUin`须为账号 UIN。" });
  }
  return n;
}

/** Proof files of a trust relation: named, at an http(s) address. */
function checkAuthFiles(files: InviteOrganizationMemberRequest["AuthFile"]): void {
  for (const [i, f] of (files ?? []).entries()) {
    let ok = f.Name.trim() !== "" && f.Url.length <= MAX_FILE_URL;
    try {
      ok &&= ["http:", "https:"].includes(new URL(f.Url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new ApiError("FailedOperation.ImportFileIllegal", {
        en: `Parameter \`AuthFile.${i}\` must have a name and an http(s) URL of at most ${MAX_FILE_URL} characters.`,
        zh: `参数\`AuthFile.${i}\`须有文件名及不超过 ${MAX_FILE_URL} 个字符的 http(s) 地址。`,
      });
    }
  }
}

/**
 * InviteOrganizationMember — invite an existing account into the caller's organization. The
 * invitation waits for the invitee's answer (2018-12-25 Accept/DenyOrganizationInvitation); on
 * acceptance the account becomes a member of type Invite on the terms given here.
 * @throws InvalidParameter (Name, Remark, IsAllowQuit, RelationAuthName), InvalidParameter.TagError,
 *   FailedOperation.OrganizationPolicyIllegal, FailedOperation.OrganizationPermissionIllegal,
 *   FailedOperation.PayUinIllegal, FailedOperation.ImportFileIllegal, and those of createInvitation
 */
export async function inviteOrganizationMember(input: InviteOrganizationMemberRequest, ctx: Context): Promise<InviteOrganizationMemberResponse> {
  checkName(input.Name, "Name");
  if (input.Remark !== undefined) checkLength(input.Remark, "Remark", MAX_REMARK);
  const isAllowQuit = checkAllowQuit(input.IsAllowQuit);
  checkPolicyType(input.PolicyType);
  const permissionIds = checkPermissions(input.PermissionIds);
  const payUin = parsePayUin(input.PayUin);
  const tags = checkTags(input.Tags);
  const relationAuthName = input.RelationAuthName ? input.RelationAuthName : null;
  if (relationAuthName !== null) checkLength(relationAuthName, "RelationAuthName", MAX_ENTITY_NAME);
  if ((input.AuthFile?.length ?? 0) > 0 && relationAuthName === null) {
    throw new ApiError("InvalidParameter", { en: "Parameter `AuthFile` needs `RelationAuthName`.", zh: "参数`AuthFile`需与`RelationAuthName`一起提供。" });
  }
  checkAuthFiles(input.AuthFile);
  await createInvitation(ctx, {
    inviteeUin: input.MemberUin,
    inviteeParam: "MemberUin",
    name: input.Name,
    remark: input.Remark ?? null,
    nodeId: input.NodeId,
    policyType: input.PolicyType,
    permissionIds,
    isAllowQuit,
    payUin,
    relationAuthName,
    hasAuthFile: (input.AuthFile?.length ?? 0) > 0,
    tags,
  });
  return {};
}
