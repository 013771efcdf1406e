import { ApiError } from "../../protocol/api-error.js";
import type { AllowQuit } from "../../store/schema.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { TagPair } from "../../store/tags-repo.js";
import type { Context } from "../base/context.js";
import { checkPermissionsEnabled } from "../base/permissions.js";
import { encodePermissions, PAY_ON_BEHALF } from "../base/permissions.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { checkJoinable, checkMemberRoom, checkNotInOrganization, DAY_MS, isLive, requireAccount, type JoinTerms } from "./rules.js";

export const FIRST_INVITATION_ID = 1;

/** A validated request to invite an account; the version-specific handlers build it. */
export interface InvitationRequest extends Omit<JoinTerms, "nodeId"> {
  /** the department to join; the root department when absent */
  nodeId?: number;
  inviteeUin: number;
  /** the name of the invitee parameter in this API version (MemberUin, InviteUin) */
  inviteeParam: string;
  remark: string | null;
  policyType: string;
  isAllowQuit: AllowQuit;
  tags: TagPair[];
}

const invitationExist = (uin: number) =>
  new ApiError("FailedOperation.InvitationExist", {
    en: `Account ${uin} already has a pending invitation from this organization.`,
    zh: `账号 ${uin} 已有本组织待处理的邀请。`,
  });

/**
 * Record a pending invitation of an existing account into the caller's organization, after every
 * joining rule (see rules.ts), the one-live-invitation-per-account rule and the limits on pending
 * invitations and members (live invitations reserve a member seat). An expired invitation of the
 * same account is marked Expired on the way. Answers the invitation id.
 * @throws ResourceNotFound.OrganizationNotExist, FailedOperation.OrganizationPermissionIllegal (permission 3
 *   or 10 not enabled for the organization), ResourceNotFound.UserNotExist, FailedOperation.InvitationExist,
 *   LimitExceeded.InvitationOverLimit, LimitExceeded.OrganizationMemberOverLimit, and those of
 *   checkNotInOrganization and checkJoinable
 */
export async function createInvitation(ctx: Context, req: InvitationRequest): Promise<number> {
  try {
    return await ctx.store.transaction(async (tx) => {
      const now = ctx.now();
      const org = await requireAdminOrg(tx, ctx.caller.uin);
      // the organization's row is locked as by every writer of its membership: not deleted until this commits
      if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
      await checkPermissionsEnabled(tx, org.org_id, req.permissionIds);
      const admin = await requireAccount(tx, org.host_uin, "HostUin");
      const invitee = await requireAccount(tx, req.inviteeUin, req.inviteeParam);
      await checkNotInOrganization(tx, org, invitee);
      const earlier = await tx.invitations.findPending(org.org_id, invitee.uin);
      if (earlier && isLive(earlier, now)) throw invitationExist(invitee.uin);
      if (earlier) await tx.invitations.finish(earlier.invitation_id, "Expired", now);
      const terms: JoinTerms = { ...req, nodeId: req.nodeId ?? org.root_node_id };
      const relation = await checkJoinable(tx, { org, admin, invitee }, terms, now);
      const max = ctx.settings.maxPendingInvitations;
      if ((await tx.invitations.countLive(org.org_id, now)) >= max) {
        throw new ApiError("LimitExceeded.InvitationOverLimit", {
          en: `The organization may have at most ${max} pending invitations.`,
          zh: `组织最多可有 ${max} 个待处理的邀请。`,
        });
      }
      await checkMemberRoom(tx, org, ctx.settings.maxMembers, now, true);
      const id = await tx.counters.next("invitation", FIRST_INVITATION_ID);
      await tx.invitations.insert({
        invitation_id: id,
        org_id: org.org_id,
        invitee_uin: invitee.uin,
        name: req.name,
        remark: req.remark,
        node_id: terms.nodeId,
        policy_type: req.policyType,
        permission_ids: encodePermissions(req.permissionIds),
        is_allow_quit: req.isAllowQuit,
        pay_uin: req.payUin !== null && req.permissionIds.includes(PAY_ON_BEHALF) ? req.payUin : null,
        relation_auth_name: relation,
        tags_json: req.tags.length > 0 ? JSON.stringify(req.tags) : null,
        status: "Pending",
        created_at: now,
        expire_at: now + ctx.settings.invitationTtlDays * DAY_MS,
        updated_at: now,
      });
      return id;
    });
  } catch (e) {
    // a concurrent invitation of the same account won the one-pending-invitation index
    if (isUniqueViolation(e)) throw invitationExist(req.inviteeUin);
    throw e;
  }
}
