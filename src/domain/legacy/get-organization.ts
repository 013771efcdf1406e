import type { GetOrganizationResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { requireMembership } from "../undeclared.js";
import { maskMail } from "../personal-data.js";

/** GetOrganization (2018-12-25) — the caller's organization; IsEmpty is 1 while it has no member but its admin;
 *  the admin's e-mail masked (see personal-data.ts).
 *  @throws ResourceNotFound.OrganizationNotExist */
export async function getOrganization(_input: object, ctx: Context): Promise<GetOrganizationResponse> {
  const { org } = await requireMembership(ctx.store, ctx.caller.uin);
  const [host, memberCount] = await Promise.all([ctx.store.accounts.find(org.host_uin), ctx.store.members.countInOrg(org.org_id)]);
  return {
    OrgId: org.org_id,
    HostUin: org.host_uin,
    Nickname: host?.name ?? "",
    Mail: maskMail(host?.mail ?? ""),
    OrgType: org.org_type,
    IsEmpty: memberCount <= 1 ? 1 : 0,
  };
}
