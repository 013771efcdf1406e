import type { ListOrganizationServiceRequest, ListOrganizationServiceResponse, OrganizationServiceAssign } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { checkPage } from "../base/paging.js";
import { NO, searchServices, YES } from "../base/services-catalogue.js";

/** Organization services report no grant status: none of them takes a separate organization grant in TCO. */
const GRANT_DISABLED = "Disabled";

/**
 * ListOrganizationService — the services that integrate with the organization, by ascending id,
 * with how many delegated admins each has in the caller's organization. SearchKey keeps the
 * services whose name or product identifier contains it (case-insensitive). Descriptions follow
 * the request language.
 * @throws InvalidParameter (Limit, Offset), ResourceNotFound.OrganizationNotExist
 */
export async function listOrganizationService(input: ListOrganizationServiceRequest, ctx: Context): Promise<ListOrganizationServiceResponse> {
  checkPage(input.Offset, input.Limit);
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const matching = searchServices(input.SearchKey);
  const counts = await ctx.store.serviceAssigns.countByService(org.org_id);
  const items: OrganizationServiceAssign[] = matching.slice(input.Offset, input.Offset + input.Limit).map((s) => ({
    ServiceId: s.id,
    ProductName: s.name.en,
    IsAssign: s.assignable ? YES : NO,
    Description: s.description[ctx.lang],
    MemberNum: String(counts.get(s.id) ?? 0),
    Document: s.document,
    ConsoleUrl: s.consoleUrl,
    IsUsageStatus: s.reportsUsage ? YES : NO,
    CanAssignCount: s.maxAdmins,
    Product: s.product,
    ServiceGrant: NO,
    GrantStatus: GRANT_DISABLED,
    IsSetManagementScope: s.scoped ? YES : NO,
  }));
  return { Total: matching.length, Items: items };
}
