import type { ListOrgServiceAssignMemberRequest, ListOrgServiceAssignMemberResponse, OrganizationServiceAssignMember } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { checkPage } from "../base/paging.js";
import { formatTime } from "../base/time.js";
import { resolveService, usageStatus } from "./rules.js";
import { SCOPE_PARTIAL } from "../base/services-catalogue.js";

/**
 * ListOrgServiceAssignMember — a page of one organization service's delegated admins (named by
 * ServiceId or Product) in the order they were delegated (each call's MemberUins as given, after
 * the earlier calls'), with the members and departments each manages when its scope is partial, in
 * the order given too: the Terraform provider keeps these as ordered lists, so another order shows a
 * change on every plan. UsageStatus is 0 for services that report no usage.
 * @throws InvalidParameter (also for a service the catalogue lacks: no not-found code is documented),
 *   ResourceNotFound.OrganizationNotExist
 */
export async function listOrgServiceAssignMember(input: ListOrgServiceAssignMemberRequest, ctx: Context): Promise<ListOrgServiceAssignMemberResponse> {
  checkPage(input.Offset, input.Limit);
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const service = resolveService(input, "InvalidParameter");
  const [total, rows] = await Promise.all([
    ctx.store.serviceAssigns.count(org.org_id, service.id),
    ctx.store.serviceAssigns.page(org.org_id, service.id, input.Offset, input.Limit),
  ]);
  const partial = rows.filter((r) => r.management_scope === SCOPE_PARTIAL).map((r) => r.member_uin);
  const scopes = await ctx.store.serviceAssigns.scopes(org.org_id, service.id, partial);
  const items: OrganizationServiceAssignMember[] = rows.map((r) => ({
    ServiceId: service.id,
    ProductName: service.name.en,
    MemberUin: r.member_uin,
    MemberName: r.member_name,
    UsageStatus: usageStatus(service, r.usage_status),
    CreateTime: formatTime(r.created_at, ctx.settings.utcOffsetMinutes),
    ManagementScope: r.management_scope,
    ManagementScopeMembers: (scopes.members.get(r.member_uin) ?? []).map((m) => ({ MemberUin: m.uin, MemberName: m.name })),
    ManagementScopeNodes: (scopes.nodes.get(r.member_uin) ?? []).map((n) => ({ NodeId: n.nodeId, NodeName: n.name })),
  }));
  return { Total: total, Items: items };
}
