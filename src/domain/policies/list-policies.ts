import { ApiError } from "../../protocol/api-error.js";
import type { ListPoliciesRequest, ListPoliciesResponse } from "../../spec/generated/v20210331.js";
import type { PolicyScope } from "../../store/policies-repo.js";
import type { Context } from "../base/context.js";
import { rpPage } from "../base/paging.js";
import { policyTypeParam, requireManager } from "./rules.js";
import { listPolicyNode } from "./views.js";

const SCOPES: readonly PolicyScope[] = ["All", "QCS", "Local"];

/**
 * ListPolicies — a page of the policies of one type the admin's organization sees: presets (QCS),
 * its own (Local) or both (All, the default), by id, optionally only those whose name contains
 * Keyword (case ignored), each with the number of its attachments in the organization.
 * @throws InvalidParameter (Rp, Page, Scope, PolicyType), ResourceNotFound.OrganizationNotExist,
 *   InvalidParameter.OrganizationMemberNotManager
 */
export async function listPolicies(input: ListPoliciesRequest, ctx: Context): Promise<ListPoliciesResponse> {
  const { offset, limit } = rpPage(input.Rp, input.Page);
  const scope = (input.Scope ?? "All") as PolicyScope;
  if (!SCOPES.includes(scope)) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`Scope\` must be ${SCOPES.join(", ")}.`, zh: `参数\`Scope\`取值须为 ${SCOPES.join("、")}。` });
  }
  const type = policyTypeParam(input.PolicyType, "PolicyType", "InvalidParameter");
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "ResourceNotFound.OrganizationNotExist", member: "InvalidParameter.OrganizationMemberNotManager" });
  const { rows, total } = await ctx.store.policies.page(org.org_id, type, scope, (input.Keyword ?? "").trim(), offset, limit);
  return { TotalNum: total, List: rows.map((p) => listPolicyNode(p, ctx.settings.utcOffsetMinutes)) };
}
