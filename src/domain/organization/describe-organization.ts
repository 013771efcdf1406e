import type { DescribeOrganizationRequest, DescribeOrganizationResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { serviceByProduct } from "../base/services-catalogue.js";
import { formatTime } from "../base/time.js";
import { decodePermissions, permissionKeysView, policyName } from "../base/permissions.js";
import { langParam } from "../base/language.js";
import { requireMembership } from "../undeclared.js";

/** DescribeOrganization — the caller's organization, seen by its admin or by a member.
 *  The policy name follows Lang (en/zh), else the request language; permissions go by their keys
 *  ("viewBill") in every language, as both languages' examples show. IsAssignManager
 *  tells whether the caller is a delegated admin of the organization service Product names (of
 *  any service without Product; a product the catalogue lacks has none). IsAuthManager tells whether
 *  the caller is the admin of another verified entity of the organization (set by the organization's
 *  admin, see entity-admins.ts); the organization's admin is not (the example answers false for it).
 *  @throws ResourceNotFound.OrganizationNotExist */
export async function describeOrganization(input: DescribeOrganizationRequest, ctx: Context): Promise<DescribeOrganizationResponse> {
  const { org, membership } = await requireMembership(ctx.store, ctx.caller.uin);
  const [host, payer, delegated, entityAdmin] = await Promise.all([
    ctx.store.accounts.find(org.host_uin),
    membership.pay_uin ? ctx.store.accounts.find(membership.pay_uin) : undefined,
    ctx.store.serviceAssigns.servicesOf(ctx.caller.uin),
    ctx.store.authRelations.isManager(org.org_id, ctx.caller.uin),
  ]);
  const product = input.Product?.trim();
  const isAssignManager = product ? delegated.includes(serviceByProduct(product)?.id ?? -1) : delegated.length > 0;
  const tz = ctx.settings.utcOffsetMinutes;
  const lang = langParam(input.Lang, ctx.lang);
  return {
    OrgId: org.org_id,
    HostUin: org.host_uin,
    NickName: host?.name ?? "",
    OrgType: org.org_type,
    IsManager: membership.is_admin === 1,
    OrgPolicyType: membership.policy_type,
    OrgPolicyName: policyName(membership.policy_type, lang),
    OrgPermission: permissionKeysView(decodePermissions(membership.permission_ids)),
    RootNodeId: org.root_node_id,
    CreateTime: formatTime(org.created_at, tz),
    JoinTime: formatTime(membership.joined_at, tz),
    IsAllowQuit: membership.is_allow_quit,
    PayUin: membership.pay_uin ? String(membership.pay_uin) : "",
    PayName: payer?.name ?? "",
    IsAssignManager: isAssignManager,
    IsAuthManager: entityAdmin,
  };
}
