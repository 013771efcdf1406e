import { ApiError } from "../../protocol/api-error.js";
import type { UpdateOrganizationMemberEmailBindRequest, UpdateOrganizationMemberEmailBindResponse } from "../../spec/generated/v20210331.js";
import { bindStatusAt } from "../../store/email-binds-repo.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { Context } from "../context.js";
import {
  bindRecordInvalid,
  checkEmail,
  checkEmailFree,
  checkPhone,
  checkPhoneRoom,
  DAY_MS,
  emailAlreadyUsed,
  LINK_TTL_DAYS,
  MAX_UPDATES,
  requireBind,
  requireCreatedMember,
  lockMemberOfCaller,
} from "./rules.js";

/**
 * UpdateOrganizationMemberEmailBind — correct the address or phone of a binding awaiting
 * activation (at most 3 times); a new activation link is sent and valid for 15 days.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationMemberNotExist,
 *   ResourceNotFound.EmailBindRecordNotExist, UnsupportedOperation (invited member, or binding already
 *   activated), FailedOperation.EmailBindRecordInvalid (failed, expired or superseded binding),
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
      if (status === "Success") {
        throw new ApiError("UnsupportedOperation", { en: `E-mail binding ${bind.bind_id} is already activated and cannot be changed.`, zh: `邮箱绑定 ${bind.bind_id} 已激活，不能修改。` });
      }
      if (status === "Failed") throw bindRecordInvalid(bind.bind_id, { en: "has failed; apply for a new one", zh: "已失败，请重新申请" });
      if (bind.update_count >= MAX_UPDATES) {
        throw new ApiError("LimitExceeded.UpdateEmailBindOverLimit", {
          en: `A binding may be changed at most ${MAX_UPDATES} times before activation.`,
          zh: `激活前最多可修改绑定信息 ${MAX_UPDATES} 次。`,
        });
      }
      await checkEmailFree(tx, key, input.MemberUin, bind.bind_id);
      await checkPhoneRoom(tx, countryCode, phone, input.MemberUin);
      await tx.emailBinds.update(bind.bind_id, {
        email,
        email_key: key,
        country_code: countryCode,
        phone,
        update_count: bind.update_count + 1,
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
