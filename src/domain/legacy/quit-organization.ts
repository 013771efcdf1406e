import type { QuitOrganizationRequest, QuitOrganizationResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { quitOrganizationFor, type QuitCodes } from "../organization/quit-organization.js";

/** 2018-12-25 documents no member-not-found code: an organization the caller is not in does not exist for it. */
const QUIT_CODES_2018: QuitCodes = { notMember: "ResourceNotFound.OrganizationNotExist" };

/** QuitOrganization (2018-12-25) — the caller leaves its organization, under the rules of 2021-03-31.
 *  @throws ResourceNotFound.OrganizationNotExist, FailedOperation.DisableQuitSelfCreatedOrganization,
 *   and the other refusals of quitOrganizationFor (same state, same rules) */
export async function quitOrganizationLegacy(input: QuitOrganizationRequest, ctx: Context): Promise<QuitOrganizationResponse> {
  await quitOrganizationFor(ctx, input.OrgId, QUIT_CODES_2018);
  return {};
}
