import { ApiError } from "../../protocol/api-error.js";
import type { SendOrgMemberAccountBindEmailRequest, SendOrgMemberAccountBindEmailResponse } from "../../spec/generated/v20210331.js";
import { bindStatusAt } from "../../store/email-binds-repo.js";
import type { Context } from "../base/context.js";
import { bindRecordInvalid, DAY_MS, HOUR_MS, LINK_TTL_DAYS, MAX_RESENDS, MAX_RESENDS_PER_HOUR, requireBind, lockMemberOfCaller } from "./rules.js";

/**
 * SendOrgMemberAccountBindEmail — send the activation link of a binding awaiting activation again
 * (before the current one expires); the new link is valid for 15 days. At most 3 times an hour and
 * 10 times in all.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationMemberNotExist,
 *   ResourceNotFound.EmailBindRecordNotExist, FailedOperation.EmailBindRecordInvalid (activated, failed
 *   or expired binding), LimitExceeded.SendEmailWithinOneHourLimit, LimitExceeded.SendEmailLimit
 */
export async function sendOrgMemberAccountBindEmail(input: SendOrgMemberAccountBindEmailRequest, ctx: Context): Promise<SendOrgMemberAccountBindEmailResponse> {
  await ctx.store.transaction(async (tx) => {
    const now = ctx.now();
    await lockMemberOfCaller(tx, ctx.caller.uin, input.MemberUin);
    const bind = await requireBind(tx, input.MemberUin, input.BindId);
    const status = bindStatusAt(bind, now);
    if (status === "Success") throw bindRecordInvalid(bind.bind_id, { en: "is already activated", zh: "已激活" });
    if (status === "Failed") throw bindRecordInvalid(bind.bind_id, { en: "has failed or its link expired; apply for a new one", zh: "已失败或链接已过期，请重新申请" });
    if (bind.resend_count >= MAX_RESENDS) {
      throw new ApiError("LimitExceeded.SendEmailLimit", { en: `The activation mail may be sent again at most ${MAX_RESENDS} times.`, zh: `激活邮件最多可重新发送 ${MAX_RESENDS} 次。` });
    }
    const windowOpen = now - bind.resend_window_start < HOUR_MS;
    const inWindow = windowOpen ? bind.resend_window_count : 0;
    if (inWindow >= MAX_RESENDS_PER_HOUR) {
      throw new ApiError("LimitExceeded.SendEmailWithinOneHourLimit", {
        en: `The activation mail may be sent again at most ${MAX_RESENDS_PER_HOUR} times an hour.`,
        zh: `激活邮件每小时最多可重新发送 ${MAX_RESENDS_PER_HOUR} 次。`,
      });
    }
    await tx.emailBinds.update(bind.bind_id, {
      resend_count: bind.resend_count + 1,
      resend_window_start: windowOpen ? bind.resend_window_start : now,
      resend_window_count: inWindow + 1,
      sent_at: now,
      expire_at: now + LINK_TTL_DAYS * DAY_MS,
      updated_at: now,
    });
  });
  return {};
}
