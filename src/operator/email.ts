import { confirmMemberEmail } from "../domain/member-email/confirm-member-email.js";
import { ApiError } from "../protocol/api-error.js";
import type { OperatorContext } from "./context.js";

interface ConfirmMemberEmailInput { MemberUin: number; Result?: string; Reason?: string }

/**
 * ConfirmMemberEmail — stand in for the member clicking (Success) or failing (Failed) the
 * activation link of its pending login e-mail binding.
 */
export async function confirmMemberEmailAction(input: ConfirmMemberEmailInput, ctx: OperatorContext) {
  const result = input.Result ?? "Success";
  if (result !== "Success" && result !== "Failed") {
    throw new ApiError("InvalidParameterValue", "Parameter `Result` must be Success or Failed.");
  }
  const r = await confirmMemberEmail(ctx.store, ctx.now(), input.MemberUin, result === "Success", input.Reason);
  return { MemberUin: input.MemberUin, BindId: r.bindId, BindStatus: r.status };
}
