import { v2018, v2021 } from "../base/contract.js";
import { langParam } from "../base/language.js";
import { decodePermissions, permissionKeysView, policyName } from "../base/permissions.js";
import { maskMail } from "../base/personal-data.js";
import { serviceByProduct } from "../base/services-catalogue.js";
import { formatTime } from "../base/time.js";

/**
 * DescribeOrganization — the caller's organization, seen by its admin or by a member. The policy
 * name follows Lang (en/zh), else the request language; permissions go by their keys ("viewBill")
 * in every language, as both languages' examples show. IsAssignManager tells whether the caller is
 * a delegated admin of the organization service Product names (of any service without Product; a
 * product the catalogue lacks has none). IsAuthManager tells whether the caller is the admin of
 * another verified entity of the organization (set by the organization's admin, see
 * entity-admins.ts); the organization's admin is not (the example answers false for it).
 */
export const describeOrganization = v2021("DescribeOrganization", { caller: "member", codes: ["ResourceNotFound.OrganizationNotExist"] }, async (input, ctx) => {
  const { org, membership } = ctx;
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
});

/** GetOrganization (2018-12-25) — the caller's organization; IsEmpty is 1 while it has no member but its admin; the admin's e-mail masked (see personal-data.ts). */
export const getOrganization = v2018("GetOrganization", { caller: "member", codes: ["ResourceNotFound.OrganizationNotExist"] }, async (_input, ctx) => {
  const { org } = ctx;
  const [host, memberCount] = await Promise.all([ctx.store.accounts.find(org.host_uin), ctx.store.members.countInOrg(org.org_id)]);
  return {
    OrgId: org.org_id,
    HostUin: org.host_uin,
    Nickname: host?.name ?? "",
    Mail: maskMail(host?.mail ?? ""),
    OrgType: org.org_type,
    IsEmpty: memberCount <= 1 ? 1 : 0,
  };
});
