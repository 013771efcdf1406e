import { ApiError } from "../../protocol/api-error.js";
import type { OrgIdentityRow } from "../../store/identities-repo.js";
import { checkLength } from "../base/names.js";
import { IDENTITY_DESCRIPTION_MAX, IDENTITY_NAME_MAX } from "./rules.js";

/** IdentityType of the built-in identities (custom ones are 2). */
export const IDENTITY_PRESET = 1;
export const IDENTITY_CUSTOM = 2;

/** An identity name: not blank, at most 255 characters; answered trimmed. */
export function checkIdentityName(name: string, param = "IdentityAliasName"): string {
  const text = name.trim();
  if (text === "") throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\` must not be empty.`, zh: `参数\`${param}\`不能为空。` });
  checkLength(text, param, IDENTITY_NAME_MAX);
  return text;
}

/** An identity description: at most 1024 characters. */
export function checkIdentityDescription(description: string | undefined, param = "Description"): string {
  const text = description ?? "";
  checkLength(text, param, IDENTITY_DESCRIPTION_MAX);
  return text;
}

export const identityNameUsed = (name: string) =>
  new ApiError("FailedOperation.OrganizationIdentityNameUsed", {
    en: `Parameter \`IdentityAliasName\`: an identity named ${name} already exists.`,
    zh: `参数\`IdentityAliasName\`：已存在名为 ${name} 的身份。`,
  });

/** Built-in identities belong to the service: neither changed nor deleted → InvalidParameter. */
export function rejectBuiltIn(identity: OrgIdentityRow, verb: { en: string; zh: string }): void {
  if (identity.org_id === null) {
    throw new ApiError("InvalidParameter", {
      en: `Parameter \`IdentityId\`: identity ${identity.identity_id} is preset and cannot be ${verb.en}.`,
      zh: `参数\`IdentityId\`：身份 ${identity.identity_id} 为预设身份，不能${verb.zh}。`,
    });
  }
}
