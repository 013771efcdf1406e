import { ApiError } from "../../protocol/api-error.js";
import type { Account } from "../../store/accounts-repo.js";
import type { MemberEmailBind } from "../../store/email-binds-repo.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";

/**
 * Login e-mail ("security information") of member accounts the organization created. The admin
 * submits an address and a verification phone; an activation link goes to the address; the member
 * activates it (TCO: the operator's ConfirmMemberEmail stands in for the click). Binding status:
 * Unbound (no binding) → Valid (awaiting activation) → Success, or Failed (activation failed or
 * the link expired; a failed address can never be bound again).
 */
export const LINK_TTL_DAYS = 15;
/**
 * Changes of address or phone allowed before activation: "You can modify the security information
 * only three times before it is activated" (operation guide "Binding Security Information for
 * Members", https://www.tencentcloud.com/document/product/1031/55956). A change of an activated
 * binding starts a new activation, with three corrections of its own.
 */
export const MAX_UPDATES = 3;
/**
 * Changes of an activated binding (UpdateOrganizationMemberEmailBind, "修改绑定成员邮箱", whose
 * documented LimitExceeded.UpdateEmailBindOverLimit, "修改成员绑定信息超过限制", says the changes are
 * limited) allowed per member in one calendar month of the configured zone. Neither the API page
 * (https://cloud.tencent.com/document/api/850/93331) nor the operation guide gives the number or the
 * period for an activated binding: TCO takes the guide's three and, deciding, a calendar month.
 */
export const MAX_BOUND_CHANGES_PER_MONTH = 3;
/** bindings an account may apply for in one (local) day */
export const MAX_BINDS_PER_DAY = 5;
/** activation mails sent again per binding: per hour, and in all */
export const MAX_RESENDS_PER_HOUR = 3;
export const MAX_RESENDS = 10;
/** accounts one verification phone may serve */
export const MAX_ACCOUNTS_PER_PHONE = 5;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const EMAIL_RE = /^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$/;
const COUNTRY_CODE_RE = /^\+?\d{1,4}$/;
const PHONE_RE = /^\d{5,20}$/;
const MAX_EMAIL = 254;

/** An e-mail address and its uniqueness key (lower-cased). */
export function checkEmail(email: string): { email: string; key: string } {
  if (email.length > MAX_EMAIL || !EMAIL_RE.test(email)) {
    throw new ApiError("InvalidParameter", { en: "Parameter `Email` must be an e-mail address.", zh: "参数`Email`须为邮箱地址。" });
  }
  return { email, key: email.toLowerCase() };
}

/** A verification phone: country code (digits, optional leading +, kept without it) and number. */
export function checkPhone(countryCode: string, phone: string): { countryCode: string; phone: string } {
  if (!COUNTRY_CODE_RE.test(countryCode)) {
    throw new ApiError("InvalidParameter", { en: "Parameter `CountryCode` must be 1 to 4 digits.", zh: "参数`CountryCode`须为 1 至 4 位数字。" });
  }
  if (!PHONE_RE.test(phone)) {
    throw new ApiError("InvalidParameter", { en: "Parameter `Phone` must be 5 to 20 digits.", zh: "参数`Phone`须为 5 至 20 位数字。" });
  }
  return { countryCode: countryCode.replace(/^\+/, ""), phone };
}

export interface MemberOfCaller {
  org: Organization;
  account: Account;
  member: OrgMember;
}

const memberNotExist = (uin: number) =>
  new ApiError("ResourceNotFound.OrganizationMemberNotExist", { en: `Parameter \`MemberUin\`: ${uin} is not a member of the organization.`, zh: `参数\`MemberUin\`：${uin} 不是本组织成员。` });

/**
 * A member (not the admin) of the organization the caller administers. `unknownAccount` is the
 * code for a UIN the registry does not know.
 */
export async function requireMemberOfCaller(
  store: Store,
  callerUin: number,
  memberUin: number,
  unknownAccount: "ResourceNotFound.UserNotExist" | "ResourceNotFound.OrganizationMemberNotExist" = "ResourceNotFound.OrganizationMemberNotExist",
): Promise<MemberOfCaller> {
  return memberOf(store, await requireAdminOrg(store, callerUin), memberUin, unknownAccount);
}

/**
 * requireMemberOfCaller for a writer, in its transaction: the organization's row is locked first,
 * as DeleteAccount and DeleteOrganizationMembers lock it, so the member cannot leave (and its
 * account cannot go) before the write commits.
 */
export async function lockMemberOfCaller(tx: Store, callerUin: number, memberUin: number): Promise<MemberOfCaller> {
  const org = await requireAdminOrg(tx, callerUin);
  if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
  return memberOf(tx, org, memberUin, "ResourceNotFound.OrganizationMemberNotExist");
}

async function memberOf(store: Store, org: Organization, memberUin: number, unknownAccount: "ResourceNotFound.UserNotExist" | "ResourceNotFound.OrganizationMemberNotExist"): Promise<MemberOfCaller> {
  const account = await store.accounts.find(memberUin);
  if (!account) {
    if (unknownAccount === "ResourceNotFound.UserNotExist") {
      throw new ApiError("ResourceNotFound.UserNotExist", { en: `Parameter \`MemberUin\`: account ${memberUin} does not exist.`, zh: `参数\`MemberUin\`：账号 ${memberUin} 不存在。` });
    }
    throw memberNotExist(memberUin);
  }
  const member = await store.members.find(memberUin);
  if (!member || member.org_id !== org.org_id || member.is_admin === 1) throw memberNotExist(memberUin);
  return { org, account, member };
}

/** Only member accounts the organization created get a login e-mail; an invited account has its own login. */
export function requireCreatedMember(m: MemberOfCaller): void {
  if (m.member.member_type !== "Create") {
    throw new ApiError("UnsupportedOperation", {
      en: `Member ${m.member.member_uin} joined by invitation; only member accounts created by the organization can bind a login e-mail.`,
      zh: `成员 ${m.member.member_uin} 为邀请加入，只有组织创建的成员账号可以绑定登录邮箱。`,
    });
  }
}

/** The binding BindId of this member, or EmailBindRecordNotExist. */
export async function requireBind(store: Store, memberUin: number, bindId: number): Promise<MemberEmailBind> {
  const bind = await store.emailBinds.find(bindId);
  if (!bind || bind.member_uin !== memberUin) {
    throw new ApiError("ResourceNotFound.EmailBindRecordNotExist", {
      en: `Parameter \`BindId\`: member ${memberUin} has no e-mail binding ${bindId}.`,
      zh: `参数\`BindId\`：成员 ${memberUin} 没有邮箱绑定记录 ${bindId}。`,
    });
  }
  return bind;
}

/** The binding exists but can no longer be acted on, and why. */
export const bindRecordInvalid = (bindId: number, why: { en: string; zh: string }) =>
  new ApiError("FailedOperation.EmailBindRecordInvalid", { en: `E-mail binding ${bindId} ${why.en}.`, zh: `邮箱绑定 ${bindId} ${why.zh}。` });

/** The address must not be in any binding (whatever its state) nor be another account's registry e-mail. */
export async function checkEmailFree(store: Store, key: string, memberUin: number, exceptBindId = 0): Promise<void> {
  if ((await store.emailBinds.emailTaken(key, exceptBindId)) || (await store.accounts.findOtherByMail(key, memberUin))) {
    throw emailAlreadyUsed();
  }
}

/** The address is taken: by a binding (in any state) or as an account's registry e-mail. */
export const emailAlreadyUsed = () =>
  new ApiError("FailedOperation.EmailAlreadyUsed", { en: "Parameter `Email`: the address is already used by an account.", zh: "参数`Email`：该邮箱已被使用。" });

/** A verification phone serves a limited number of accounts. */
export async function checkPhoneRoom(store: Store, countryCode: string, phone: string, memberUin: number): Promise<void> {
  if ((await store.emailBinds.countPhoneUsers(countryCode, phone, memberUin)) >= MAX_ACCOUNTS_PER_PHONE) {
    throw new ApiError("LimitExceeded.PhoneNumBound", {
      en: `Parameter \`Phone\`: the number already verifies ${MAX_ACCOUNTS_PER_PHONE} accounts.`,
      zh: `参数\`Phone\`：该手机号已绑定 ${MAX_ACCOUNTS_PER_PHONE} 个账号。`,
    });
  }
}

/** Start of the local day containing `now`, in the zone `utcOffsetMinutes` east of UTC. */
export function startOfLocalDay(now: number, utcOffsetMinutes: number): number {
  const shift = utcOffsetMinutes * 60_000;
  return Math.floor((now + shift) / DAY_MS) * DAY_MS - shift;
}

/** Start of the calendar month containing `now`, in the zone `utcOffsetMinutes` east of UTC. */
export function startOfLocalMonth(now: number, utcOffsetMinutes: number): number {
  const shift = utcOffsetMinutes * 60_000;
  const local = new Date(now + shift);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - shift;
}

export const LINK_EXPIRED = "The activation link expired.";
