import { ApiError } from "../../protocol/api-error.js";
import type { AddOrganizationMemberEmailRequest, AddOrganizationMemberEmailResponse } from "../../spec/generated/v20210331.js";
import { bindStatusAt } from "../../store/email-binds-repo.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { Context } from "../base/context.js";
import {
  checkEmail,
  checkEmailFree,
  checkPhone,
  checkPhoneRoom,
  DAY_MS,
  emailAlreadyUsed,
  LINK_EXPIRED,
  LINK_TTL_DAYS,
  MAX_BINDS_PER_DAY,
  requireCreatedMember,
  lockMemberOfCaller,
  startOfLocalDay,
} from "./rules.js";

export const FIRST_BIND_ID = 1;

const memberEmailExist = (uin: number) =>
  new ApiError("FailedOperation.MemberEmailExist", {
    en: `Member ${uin} already has a login e-mail (bound or awaiting activation).`,
    zh: `成员 ${uin} 已有登录邮箱（已绑定或待激活）。`,
  });

/**
 * AddOrganizationMemberEmail — give a member account the organization created a login e-mail and
 * verification phone; the binding awaits activation (BindStatus Valid) for 15 days. A member whose
 * last binding failed may apply again, with an address never used before.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationMemberNotExist,
 *   UnsupportedOperation (invited member), InvalidParameter (Email, CountryCode, Phone),
 *   FailedOperation.MemberEmailExist, FailedOperation.EmailAlreadyUsed, LimitExceeded.EmailBindOverLimit,
 *   LimitExceeded.PhoneNumBound
 */
export async function addOrganizationMemberEmail(input: AddOrganizationMemberEmailRequest, ctx: Context): Promise<AddOrganizationMemberEmailResponse> {
  const { email, key } = checkEmail(input.Email);
  const { countryCode, phone } = checkPhone(input.CountryCode, input.Phone);
  try {
    const bindId = await ctx.store.transaction(async (tx) => {
      const now = ctx.now();
      const m = await lockMemberOfCaller(tx, ctx.caller.uin, input.MemberUin);
      requireCreatedMember(m);
      const latest = await tx.emailBinds.latest(input.MemberUin);
      const status = bindStatusAt(latest, now);
      if (status === "Valid" || status === "Success") throw memberEmailExist(input.MemberUin);
      if (latest?.status === "Valid") await tx.emailBinds.update(latest.bind_id, { status: "Failed", description: LINK_EXPIRED, updated_at: now });
      if ((await tx.emailBinds.countSince(input.MemberUin, startOfLocalDay(now, ctx.settings.utcOffsetMinutes))) >= MAX_BINDS_PER_DAY) {
        throw new ApiError("LimitExceeded.EmailBindOverLimit", {
          en: `A member may apply for at most ${MAX_BINDS_PER_DAY} e-mail bindings a day.`,
          zh: `每个成员每天最多申请 ${MAX_BINDS_PER_DAY} 次邮箱绑定。`,
        });
      }
      await checkEmailFree(tx, key, input.MemberUin);
      await checkPhoneRoom(tx, countryCode, phone, input.MemberUin);
      const id = await tx.counters.next("email_bind", FIRST_BIND_ID);
      await tx.emailBinds.insert({
        bind_id: id,
        member_uin: input.MemberUin,
        email,
        email_key: key,
        country_code: countryCode,
        phone,
        status: "Valid",
        description: null,
        created_at: now,
        sent_at: now,
        expire_at: now + LINK_TTL_DAYS * DAY_MS,
        bound_at: null,
        updated_at: now,
      });
      return id;
    });
    return { BindId: bindId };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // a concurrent request took the address, or gave the member a binding
    throw (await ctx.store.emailBinds.emailTaken(key)) ? emailAlreadyUsed() : memberEmailExist(input.MemberUin);
  }
}
