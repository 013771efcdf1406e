import type * as Api from "../spec/generated/v20181225.js";
import type { UndeclaredMap } from "./undeclared.js";
import { acceptOrganizationInvitation } from "./legacy/accept-organization-invitation.js";
import { cancelOrganizationInvitation } from "./legacy/cancel-organization-invitation.js";
import { denyOrganizationInvitation } from "./legacy/deny-organization-invitation.js";
import { listOrganizationInvitations } from "./legacy/list-organization-invitations.js";
import { sendOrganizationInvitation } from "./legacy/send-organization-invitation.js";
import { deleteOrganizationMemberFromNode } from "./legacy/delete-organization-member-from-node.js";
import { deleteOrganizationMembersLegacy } from "./legacy/delete-organization-members.js";
import { getOrganizationMember } from "./legacy/get-organization-member.js";
import { listOrganizationMembers } from "./legacy/list-organization-members.js";
import { listOrganizationNodeMembers } from "./legacy/list-organization-node-members.js";
import { moveOrganizationMembersToNode } from "./legacy/move-organization-members-to-node.js";
import { updateOrganizationMemberLegacy } from "./legacy/update-organization-member.js";

/** Wiring of API version 2018-12-25: the handlers of the areas that do not declare contracts yet. */
export const V2018_HANDLERS: UndeclaredMap<Api.Actions> = {
  SendOrganizationInvitation: sendOrganizationInvitation,
  ListOrganizationInvitations: listOrganizationInvitations,
  AcceptOrganizationInvitation: acceptOrganizationInvitation,
  DenyOrganizationInvitation: denyOrganizationInvitation,
  CancelOrganizationInvitation: cancelOrganizationInvitation,
  ListOrganizationMembers: listOrganizationMembers,
  GetOrganizationMember: getOrganizationMember,
  UpdateOrganizationMember: updateOrganizationMemberLegacy,
  DeleteOrganizationMembers: deleteOrganizationMembersLegacy,
  MoveOrganizationMembersToNode: moveOrganizationMembersToNode,
  DeleteOrganizationMemberFromNode: deleteOrganizationMemberFromNode,
  ListOrganizationNodeMembers: listOrganizationNodeMembers,
};
