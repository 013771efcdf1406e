import { ApiError } from "../../protocol/api-error.js";
import type { CreateOrganizationRequest, CreateOrganizationResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { createOrganizationFor } from "../organization/create-organization.js";
import { maskMail } from "../personal-data.js";

/** CreateOrganization (2018-12-25) — the same organization as 2021-03-31's, OrgType fixed at 1;
 *  the admin's e-mail masked (see personal-data.ts).
 *  @throws InvalidParameterValue (OrgType), and those of createOrganizationFor */
export async function createOrganizationLegacy(input: CreateOrganizationRequest, ctx: Context): Promise<CreateOrganizationResponse> {
  if (input.OrgType !== 1) {
    throw new ApiError("InvalidParameterValue", { en: "Parameter `OrgType` must be 1.", zh: "参数`OrgType`取值须为 1。" });
  }
  const { org, nickName, mail } = await createOrganizationFor(ctx, input.OrgType);
  return { OrgId: org.org_id, Nickname: nickName, Mail: maskMail(mail ?? ""), OrgType: org.org_type };
}
