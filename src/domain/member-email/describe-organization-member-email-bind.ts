import type { DescribeOrganizationMemberEmailBindRequest, DescribeOrganizationMemberEmailBindResponse } from "../../spec/generated/v20210331.js";
import { bindStatusAt } from "../../store/email-binds-repo.js";
import type { Context } from "../base/context.js";
import { maskPhone } from "../base/personal-data.js";
import { formatTime } from "../base/time.js";
import { LINK_EXPIRED, requireMemberOfCaller } from "./rules.js";

/**
 * DescribeOrganizationMemberEmailBind — a member's current (latest) login e-mail binding: BindStatus
 * Unbound, Valid (awaiting activation), Success or Failed (a link past its expiry shows Failed).
 * An invited member, which cannot bind one, shows Unbound. The phone number is masked and the
 * e-mail shown in clear, as the example shows them (see personal-data.ts).
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.UserNotExist, ResourceNotFound.OrganizationMemberNotExist
 */
export async function describeOrganizationMemberEmailBind(
  input: DescribeOrganizationMemberEmailBindRequest,
  ctx: Context,
): Promise<DescribeOrganizationMemberEmailBindResponse> {
  await requireMemberOfCaller(ctx.store, ctx.caller.uin, input.MemberUin, "ResourceNotFound.UserNotExist");
  const bind = await ctx.store.emailBinds.latest(input.MemberUin);
  const now = ctx.now();
  const status = bindStatusAt(bind, now);
  if (!bind) {
    return { BindId: 0, ApplyTime: "", Email: "", Phone: "", BindStatus: status, BindTime: "", Description: "", PhoneBind: 0, CountryCode: "" };
  }
  const tz = ctx.settings.utcOffsetMinutes;
  const expired = status === "Failed" && bind.status === "Valid";
  return {
    BindId: bind.bind_id,
    ApplyTime: formatTime(bind.created_at, tz),
    Email: bind.email,
    Phone: maskPhone(bind.phone),
    BindStatus: status,
    BindTime: bind.bound_at !== null ? formatTime(bind.bound_at, tz) : "",
    Description: expired ? LINK_EXPIRED : bind.description ?? "",
    PhoneBind: status === "Success" ? 1 : 0,
    CountryCode: bind.country_code,
  };
}
