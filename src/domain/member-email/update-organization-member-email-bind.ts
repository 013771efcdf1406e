import { ApiError } from "../../protocol/api-error.js";
import type { UpdateOrganizationMemberEmailBindRequest, UpdateOrganizationMemberEmailBindResponse } from "../../spec/generated/v20210331.js";
import { bindStatusAt, type MemberEmailBind } from "../../store/email-binds-repo.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { Store } from "../../store/store.js";
import type { Context } from "../base/context.js";
import {
  bindRecordInvalid,
  checkEmail,
  checkEmailFree,
  checkPhone,
  checkPhoneRoom,
  DAY_MS,
  emailAlreadyUsed,
  LINK_TTL_DAYS,
  MAX_BOUND_CHANGES_PER_MONTH,
  MAX_UPDATES,
  requireBind,
  requireCreatedMember,
  lockMemberOfCaller,
  startOfLocalMonth,
} from "./rules.js";

/** A binding awaiting activation may be corrected a few times. */
function checkPendingChanges(bind: MemberEmailBind): void {
  if (bind.update_count >= MAX_UPDATES) {
    throw new ApiError("LimitExceeded.UpdateEmailBindOverLimit", {
      en: `A binding may be changed at most ${MAX_UPDATES} times before activation.`,
      zh: `激活前最多可修改绑定信息 ${MAX_UPDATES} 次。`,
    });
  }
}

/** A member's activated binding may be changed a few times in a calendar month; the change is recorded. */
async function countBoundChange(tx: Store, bind: MemberEmailBind, now: number, utcOffsetMinutes: number): Promise<void> {
  const changed = await tx.emailBinds.countBoundChangesSince(bind.member_uin, startOfLocalMonth(now, utcOffsetMinutes));
  if (changed >= MAX_BOUND_CHANGES_PER_MONTH) {
    throw new ApiError("LimitExceeded.UpdateEmailBindOverLimit", {
      en: `The activated login e-mail of member ${bind.member_uin} may be changed at most ${MAX_BOUND_CHANGES_PER_MONTH} times a month; try again next month.`,
      zh: `成员 ${bind.member_uin} 已激活的登录邮箱每月最多可修改 ${MAX_BOUND_CHANGES_PER_MONTH} 次，请下月再试。`,
    });
  }
  await tx.emailBinds.recordBoundChange(bind.member_uin, bind.bind_id, now);
}

/**
 * UpdateOrganizationMemberEmailBind — change the address or phone of a member's login e-mail
 * binding; a new activation link is sent and valid for 15 days. A binding awaiting activation may
 * be corrected 3 times. An activated binding may be changed 3 times a calendar month (see
 * MAX_BOUND_CHANGES_PER_MONTH): the new address awaits activation, with 3 corrections of its own,
 * and the activated address stays the account's e-mail until the new one is activated. The
 * organization's row is locked, so concurrent changes cannot pass the limits together.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationMemberNotExist,
 *   ResourceNotFound.EmailBindRecordNotExist, UnsupportedOperation (invited member),
 *   FailedOperation.EmailBindRecordInvalid (failed, expired or superseded binding),
 *   LimitExceeded.UpdateEmailBindOverLimit, InvalidParameter, FailedOperation.EmailAlreadyUsed,
 *   LimitExceeded.PhoneNumBound
 */
export async function updateOrganizationMemberEmailBind(
  input: UpdateOrganizationMemberEmailBindRequest,
  ctx: Context,
): Promise<UpdateOrganizationMemberEmailBindResponse> {
  const { email, key } = checkEmail(input.Email);
  const { countryCode, phone } = checkPhone(input.CountryCode, input.Phone);
  try {
    await ctx.store.transaction(async (tx) => {
      const now = ctx.now();
      const m = await lockMemberOfCaller(tx, ctx.caller.uin, input.MemberUin);
      requireCreatedMember(m);
      const bind = await requireBind(tx, input.MemberUin, input.BindId);
      const status = bindStatusAt(bind, now);
      if (status === "Failed") throw bindRecordInvalid(bind.bind_id, { en: "has failed; apply for a new one", zh: "已失败，请重新申请" });
      if (status === "Success") await countBoundChange(tx, bind, now, ctx.settings.utcOffsetMinutes);
      else checkPendingChanges(bind);
      await checkEmailFree(tx, key, input.MemberUin, bind.bind_id);
      await checkPhoneRoom(tx, countryCode, phone, input.MemberUin);
      await tx.emailBinds.update(bind.bind_id, {
        email,
        email_key: key,
        country_code: countryCode,
        phone,
        status: "Valid",
        description: null,
        bound_at: null,
        update_count: status === "Success" ? 0 : bind.update_count + 1,
        resend_count: 0,
        resend_window_start: 0,
        resend_window_count: 0,
        sent_at: now,
        expire_at: now + LINK_TTL_DAYS * DAY_MS,
        updated_at: now,
      });
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // a concurrent request took the address
    throw emailAlreadyUsed();
  }
  return {};
}
