import type { ListOrganizationMembersRequest, ListOrganizationMembersResponse, OrgMember } from "../../spec/generated/v20181225.js";
import type { MemberFilter, MemberListRow } from "../../store/members-repo.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { checkLimit } from "../base/paging.js";
import { formatTime } from "../base/time.js";

/** Default page size of the 2018-12-25 listings, whose Offset and Limit are optional. */
export const LEGACY_DEFAULT_LIMIT = 10;

/** The 2018-12-25 view of a member. */
export function legacyMember(row: MemberListRow, ctx: Context): OrgMember {
  return { Uin: row.member_uin, Name: row.name, Remark: row.remark ?? "", JoinTime: formatTime(row.joined_at, ctx.settings.utcOffsetMinutes) };
}

/** A page of members matching a filter, with the total, in the 2018-12-25 shape. */
export async function legacyMemberPage(ctx: Context, filter: MemberFilter, offset = 0, limit = LEGACY_DEFAULT_LIMIT) {
  checkLimit(limit);
  const [total, rows] = await Promise.all([ctx.store.members.count(filter), ctx.store.members.page(filter, offset, limit)]);
  return { Members: rows.map((r) => legacyMember(r, ctx)), TotalCount: total };
}

/** ListOrganizationMembers (2018-12-25) — a page of the caller's organization's members, admin included, by UIN.
 *  @throws ResourceNotFound.OrganizationNotExist, InvalidParameter */
export async function listOrganizationMembers(input: ListOrganizationMembersRequest, ctx: Context): Promise<ListOrganizationMembersResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  return legacyMemberPage(ctx, { orgId: org.org_id }, input.Offset, input.Limit);
}
