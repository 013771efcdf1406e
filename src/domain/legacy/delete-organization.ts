import type { DeleteOrganizationResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { deleteOrganizationFor, type DeleteOrganizationCodes } from "../organization/delete-organization.js";

/**
 * 2018-12-25 documents only FailedOperation.OrganizationNotEmpty, FailedOperation.ShareUnitNotEmpty
 * and ResourceNotFound.OrganizationNotExist for DeleteOrganization (src/spec/generated/errors.ts): it
 * predates policies. Its OrganizationNotEmpty means "the organization still has members" (企业组织成员
 * 不为空), which would mislead here, so an enabled policy type or a remaining member access policy
 * answers the common code FailedOperation ("操作失败"), whose message names the 2021-03-31 action that
 * clears the obstacle.
 */
const LEGACY_CODES: DeleteOrganizationCodes = { policyTypeEnabled: "FailedOperation", memberPolicyExist: "FailedOperation" };

/** DeleteOrganization (2018-12-25) — the same deletion as 2021-03-31's.
 *  @throws ResourceNotFound.OrganizationNotExist, FailedOperation.OrganizationNotEmpty, FailedOperation */
export async function deleteOrganizationLegacy(_input: object, ctx: Context): Promise<DeleteOrganizationResponse> {
  await deleteOrganizationFor(ctx, LEGACY_CODES);
  return {};
}
