import { ApiError } from "../../protocol/api-error.js";
import type { Account } from "../../store/accounts-repo.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { AllowQuit } from "../../store/schema.js";
import type { Store } from "../../store/store.js";
import { PAY_ON_BEHALF } from "../base/permissions.js";

/** Remarks of a member: UpdateOrganizationMember documents at most 40 characters. */
export const REMARK_MAX = 40;
/** Where no length is documented, texts are bounded by what the store keeps. */
export const STORED_TEXT_MAX = 255;

/** Security-information binding of a member (email and phone); set by the email-binding actions. */
export const BIND_UNBOUND = "Unbound";
/** Permission changes take effect at once (nothing waits for the member to confirm them). */
export const PERMISSION_CONFIRMED = "Confirmed";

const ALLOW_QUIT: readonly AllowQuit[] = ["Allow", "Denied"];

/** ResourceNotFound.MemberNotExist for an account outside the organization. */
export const memberNotExist = (uin: number) =>
  new ApiError("ResourceNotFound.MemberNotExist", {
    en: `Account ${uin} is not a member of the organization.`,
    zh: `账号 ${uin} 不是该组织的成员。`,
  });

/** The membership of `uin` in the organization `orgId`, else ResourceNotFound.MemberNotExist. */
export async function requireMember(store: Store, orgId: number, uin: number): Promise<OrgMember> {
  const member = await store.members.findInOrg(orgId, uin);
  if (!member) throw memberNotExist(uin);
  return member;
}

/** FailedOperation.PayUinIllegal with the reason. */
export const payUinIllegal = (en: string, zh: string) => new ApiError("FailedOperation.PayUinIllegal", { en, zh });

/** A PayUin parameter as a UIN; absent or empty means none. A malformed one is FailedOperation.PayUinIllegal. */
export function parsePayUin(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const text = value.trim();
  if (!/^\d{1,15}$/.test(text)) {
    throw payUinIllegal(`Parameter \`PayUin\` must be an account UIN, got "${value}".`, `参数\`PayUin\`须为账号 UIN，当前为“${value}”。`);
  }
  return Number(text);
}

/** Whether permissions include paying on the member's behalf. */
export const paysOnBehalf = (permissions: readonly number[]) => permissions.includes(PAY_ON_BEHALF);

/** IsAllowQuit must be Allow or Denied. */
export function checkAllowQuit(value: string): AllowQuit {
  if (!(ALLOW_QUIT as readonly string[]).includes(value)) {
    throw new ApiError("InvalidParameter", { en: "Parameter `IsAllowQuit` must be Allow or Denied.", zh: "参数`IsAllowQuit`取值须为 Allow 或 Denied。" });
  }
  return value as AllowQuit;
}

/** An account of the registry that must exist (a member's own account always does). */
export async function requireAccount(store: Store, uin: number): Promise<Account> {
  const account = await store.accounts.find(uin);
  if (!account) throw memberNotExist(uin);
  return account;
}
