import { ApiError } from "../../protocol/api-error.js";
import { bindStatusAt, type BindStatus } from "../../store/email-binds-repo.js";
import type { Store } from "../../store/store.js";
import { LINK_EXPIRED } from "./rules.js";

export interface ConfirmResult {
  bindId: number;
  status: BindStatus;
}

/**
 * The member's answer to its activation link, which a self-hosted service cannot mail: Success
 * binds the address (it becomes the account's registry e-mail), Failed ends the binding. A link
 * past its expiry fails the binding and answers FailedOperation.BindEmailLinkExpired.
 * @throws ResourceNotFound.UserNotExist, ResourceNotFound.EmailBindRecordNotExist,
 *   FailedOperation.BindEmailLinkInvalid (binding not awaiting activation), FailedOperation.BindEmailLinkExpired
 */
export async function confirmMemberEmail(store: Store, now: number, memberUin: number, success: boolean, reason?: string): Promise<ConfirmResult> {
  const outcome = await store.transaction(async (tx) => {
    if (!(await tx.accounts.find(memberUin))) {
      throw new ApiError("ResourceNotFound.UserNotExist", { en: `Parameter \`MemberUin\`: account ${memberUin} does not exist.`, zh: `参数\`MemberUin\`：账号 ${memberUin} 不存在。` });
    }
    const bind = await tx.emailBinds.latest(memberUin);
    if (!bind) {
      throw new ApiError("ResourceNotFound.EmailBindRecordNotExist", { en: `Account ${memberUin} has no e-mail binding.`, zh: `账号 ${memberUin} 没有邮箱绑定记录。` });
    }
    if (bind.status !== "Valid") {
      throw new ApiError("FailedOperation.BindEmailLinkInvalid", {
        en: `E-mail binding ${bind.bind_id} is not awaiting activation (${bind.status}).`,
        zh: `邮箱绑定 ${bind.bind_id} 不在待激活状态（${bind.status}）。`,
      });
    }
    if (bindStatusAt(bind, now) === "Failed") {
      await tx.emailBinds.update(bind.bind_id, { status: "Failed", description: LINK_EXPIRED, updated_at: now });
      return { bindId: bind.bind_id, status: "Failed" as const, expired: true };
    }
    if (success) {
      await tx.emailBinds.update(bind.bind_id, { status: "Success", description: null, bound_at: now, updated_at: now });
      await tx.accounts.update(memberUin, { mail: bind.email });
    } else {
      await tx.emailBinds.update(bind.bind_id, { status: "Failed", description: reason || "The activation failed.", updated_at: now });
    }
    return { bindId: bind.bind_id, status: success ? ("Success" as const) : ("Failed" as const), expired: false };
  });
  if (outcome.expired) {
    throw new ApiError("FailedOperation.BindEmailLinkExpired", { en: `The activation link of e-mail binding ${outcome.bindId} has expired.`, zh: `邮箱绑定 ${outcome.bindId} 的激活链接已过期。` });
  }
  return { bindId: outcome.bindId, status: outcome.status };
}
