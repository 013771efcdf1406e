import type { Language } from "../../protocol/api-error.js";
import type { OrgMember as OrgMemberView } from "../../spec/generated/v20210331.js";
import type { MemberListRow } from "../../store/members-repo.js";
import type { Store } from "../../store/store.js";
import type { Context } from "../base/context.js";
import { decodePermissions, permissionView, policyName } from "../base/permissions.js";
import { formatTime } from "../base/time.js";
import { BIND_UNBOUND, PERMISSION_CONFIRMED } from "./rules.js";
import { identityAlias } from "../base/identities.js";

/**
 * The OrgMember objects of a page of members: tags, identities and e-mail binding states are read
 * for the whole page in one query each (names of departments, accounts and payers came with the rows).
 */
export async function memberViews(store: Store, ctx: Context, rows: readonly MemberListRow[], lang: Language): Promise<OrgMemberView[]> {
  const uins = rows.map((r) => r.member_uin);
  const [tags, identities, binds] = await Promise.all([
    store.tags.forMany("member", uins),
    store.identities.ofMembers(uins),
    store.emailBinds.statusesFor(uins, ctx.now()),
  ]);
  const tz = ctx.settings.utcOffsetMinutes;
  return rows.map((r) => ({
    MemberUin: r.member_uin,
    Name: r.name,
    MemberType: r.member_type,
    OrgPolicyType: r.policy_type,
    OrgPolicyName: policyName(r.policy_type, lang),
    OrgPermission: permissionView(decodePermissions(r.permission_ids), lang),
    NodeId: r.node_id,
    NodeName: r.node_name,
    Remark: r.remark ?? "",
    CreateTime: formatTime(r.joined_at, tz),
    UpdateTime: formatTime(r.updated_at, tz),
    IsAllowQuit: r.is_allow_quit,
    PayUin: r.pay_uin === null ? "" : String(r.pay_uin),
    PayName: r.pay_name ?? "",
    OrgIdentity: (identities.get(r.member_uin) ?? []).map((i) => ({ IdentityId: i.identity_id, IdentityAliasName: identityAlias(i.identity_id, i.alias_name, lang) })),
    BindStatus: binds.get(r.member_uin) ?? BIND_UNBOUND,
    PermissionStatus: PERMISSION_CONFIRMED,
    Tags: tags.get(r.member_uin) ?? [],
    NickName: r.nick_name,
  }));
}
