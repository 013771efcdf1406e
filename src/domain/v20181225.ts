import type * as Api from "../spec/generated/v20181225.js";
import type { HandlerMap } from "./context.js";

/**
 * Wiring of API version 2018-12-25: the implemented handlers by action, and the actions not built yet
 * (they answer UnsupportedOperation). Together they must name every action exactly once.
 */
export const V2018_PENDING = [
  "AcceptOrganizationInvitation",
  "AddOrganizationNode",
  "CancelOrganizationInvitation",
  "CreateOrganization",
  "DeleteOrganization",
  "DeleteOrganizationMemberFromNode",
  "DeleteOrganizationMembers",
  "DeleteOrganizationNodes",
  "DenyOrganizationInvitation",
  "GetOrganization",
  "GetOrganizationMember",
  "ListOrganizationInvitations",
  "ListOrganizationMembers",
  "ListOrganizationNodeMembers",
  "ListOrganizationNodes",
  "MoveOrganizationMembersToNode",
  "QuitOrganization",
  "SendOrganizationInvitation",
  "UpdateOrganizationMember",
  "UpdateOrganizationNode",
] as const satisfies readonly Api.ActionName[];

export const V2018_HANDLERS: Pick<HandlerMap<Api.Actions>, Exclude<Api.ActionName, (typeof V2018_PENDING)[number]>> = {};
