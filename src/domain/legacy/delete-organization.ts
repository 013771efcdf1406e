import type { DeleteOrganizationResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../context.js";
import { deleteOrganizationFor } from "../organization/delete-organization.js";

/** DeleteOrganization (2018-12-25) — the same deletion as 2021-03-31's.
 *  @throws ResourceNotFound.OrganizationNotExist, FailedOperation.OrganizationNotEmpty */
export async function deleteOrganizationLegacy(_input: object, ctx: Context): Promise<DeleteOrganizationResponse> {
  await deleteOrganizationFor(ctx);
  return {};
}
