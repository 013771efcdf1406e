import type * as Api from "../spec/generated/v20181225.js";
import type { HandlerMap } from "./context.js";
import { createOrganizationLegacy } from "./legacy/create-organization.js";
import { getOrganization } from "./legacy/get-organization.js";

/**
 * Wiring of API version 2018-12-25: the implemented handlers by action, and the actions not built yet
 * (they answer UnsupportedOperation). Together they must name every action exactly once.
 */
export const V2018_PENDING = [
  "AcceptOrganizationInvitation",
  "AddOrganizationNode",
  "CancelOrganizationInvitation",
  "DeleteOrganization",
  "DeleteOrganizationMemberFromNode",
  "DeleteOrganizationMembers",
  "DeleteOrganizationNodes",
  "DenyOrganizationInvitation",
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

export const V2018_HANDLERS: Pick<HandlerMap<Api.Actions>, Exclude<Api.ActionName, (typeof V2018_PENDING)[number]>> = {
  CreateOrganization: createOrganizationLegacy,
  GetOrganization: getOrganization,
};
