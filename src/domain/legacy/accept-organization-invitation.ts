import { ApiError } from "../../protocol/api-error.js";
import type { AcceptOrganizationInvitationRequest, AcceptOrganizationInvitationResponse } from "../../spec/generated/v20181225.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { TagPair } from "../../store/tags-repo.js";
import type { Context } from "../base/context.js";
import { invitationNotExist, requireLiveReceived } from "../invitations/answer.js";
import { checkJoinable, checkMemberRoom, requireAccount, translate } from "../invitations/rules.js";
import { relationForEntity } from "../base/entity-relations.js";
import { decodePermissions } from "../base/permissions.js";
import { bindDefaultPolicies } from "../policies/presets.js";
import { LEGACY_INVITE_CODES } from "./send-organization-invitation.js";

const inOrganizationAlready = () =>
  new ApiError("FailedOperation.InOrganizationAlready", { en: "The caller already belongs to an organization.", zh: "调用者已属于一个组织。" });

/**
 * AcceptOrganizationInvitation (2018-12-25) — the invitee joins the inviting organization on the
 * invitation's terms (member type Invite, its department, permissions, payer and tags), in one
 * transaction that checks every joining rule again: the registry or the organization may have
 * changed since the invitation was made. Also answers invitations made with 2021-03-31's
 * InviteOrganizationMember. The new member gets the organization's default policies (FullQcloudAccess
 * once service control policies are enabled).
 * @throws ResourceNotFound.InvitationNotExist (unknown, someone else's, answered, cancelled or expired),
 *   FailedOperation.InOrganizationAlready; when a rule no longer holds, the code SendOrganizationInvitation
 *   or InviteOrganizationMember gives for it (e.g. FailedOperation.MemberNameUsed, LimitExceeded.Members,
 *   FailedOperation.AuthInfoNotSame, ResourceNotFound.OrganizationNodeNotExist)
 */
export async function acceptOrganizationInvitation(input: AcceptOrganizationInvitationRequest, ctx: Context): Promise<AcceptOrganizationInvitationResponse> {
  try {
    await ctx.store.transaction(async (tx) => {
      const now = ctx.now();
      const found = await tx.invitations.find(input.Id);
      if (!found || found.invitee_uin !== ctx.caller.uin) throw invitationNotExist(input.Id);
      if (await tx.members.find(ctx.caller.uin)) throw inOrganizationAlready();
      const inv = requireLiveReceived(input.Id, found, ctx.caller.uin, now);
      const org = await tx.organizations.find(inv.org_id);
      if (!org || !(await tx.organizations.lock(org.org_id))) throw invitationNotExist(input.Id);
      const permissionIds = decodePermissions(inv.permission_ids);
      const invitee = await translate(LEGACY_INVITE_CODES, async () => {
        const admin = await requireAccount(tx, org.host_uin, "HostUin");
        const invitee = await requireAccount(tx, ctx.caller.uin, "Uin");
        const terms = {
          name: inv.name,
          nodeId: inv.node_id,
          permissionIds,
          payUin: inv.pay_uin,
          relationAuthName: inv.relation_auth_name,
          hasAuthFile: inv.relation_auth_name !== null,
        };
        await checkJoinable(tx, { org, admin, invitee, invitation: inv }, terms, now);
        await checkMemberRoom(tx, org, ctx.settings.maxMembers, now, false);
        return invitee;
      });
      await tx.members.insert({
        member_uin: inv.invitee_uin,
        org_id: org.org_id,
        node_id: inv.node_id,
        is_admin: 0,
        name: inv.name,
        member_type: "Invite",
        policy_type: inv.policy_type,
        permission_ids: inv.permission_ids,
        is_allow_quit: inv.is_allow_quit,
        pay_uin: inv.pay_uin,
        remark: inv.remark,
        auth_relation_id: await relationForEntity(tx, org, invitee.entity_name ?? "", now),
        joined_at: now,
        updated_at: now,
      });
      const tags = inv.tags_json ? (JSON.parse(inv.tags_json) as TagPair[]) : [];
      if (tags.length > 0) await tx.tags.set("member", inv.invitee_uin, tags);
      await bindDefaultPolicies(tx, org.org_id, { type: "MEMBER", uin: inv.invitee_uin }, now);
      if (!(await tx.invitations.finish(inv.invitation_id, "Accepted", now))) throw invitationNotExist(input.Id);
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // a concurrent acceptance made the caller a member, or a member took the name meanwhile
    if (await ctx.store.members.find(ctx.caller.uin)) throw inOrganizationAlready();
    throw new ApiError("FailedOperation.MemberNameUsed", { en: "The invitation's member name was taken meanwhile.", zh: "邀请中的成员名已被占用。" });
  }
  return {};
}
