import { ApiError } from "../../protocol/api-error.js";
import type { ListOrganizationIdentityRequest, ListOrganizationIdentityResponse } from "../../spec/generated/v20210331.js";
import type { IdentityFilter } from "../../store/identities-repo.js";
import type { IdentityType } from "../../store/schema.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { checkLimit } from "../base/paging.js";
import { formatTime } from "../base/time.js";
import { builtInIdentitiesMatching, identityAlias } from "../base/identities.js";

/**
 * ListOrganizationIdentity — the member access identities the caller's organization may use:
 * the built-in ones (IdentityType 1) and its own (2, see CreateOrganizationIdentity), by id, with
 * their policies; SearchKey matches the name shown, IdentityId and IdentityType narrow the list.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter
 */
export async function listOrganizationIdentity(input: ListOrganizationIdentityRequest, ctx: Context): Promise<ListOrganizationIdentityResponse> {
  checkLimit(input.Limit);
  if (input.IdentityType !== undefined && input.IdentityType !== 1 && input.IdentityType !== 2) {
    throw new ApiError("InvalidParameter", { en: "Parameter `IdentityType` must be 1 (preset) or 2 (custom).", zh: "参数`IdentityType`取值须为 1（预设）或 2（自定义）。" });
  }
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const search = input.SearchKey?.trim() || undefined;
  const filter: IdentityFilter = {
    search,
    // built-in identities are also found by the name shown in the caller's language
    searchIds: search ? builtInIdentitiesMatching(search, ctx.lang) : undefined,
    identityId: input.IdentityId || undefined,
    identityType: input.IdentityType as IdentityType | undefined,
  };
  const [total, rows] = await Promise.all([ctx.store.identities.count(org.org_id, filter), ctx.store.identities.list(org.org_id, filter, input.Offset, input.Limit)]);
  const policies = await ctx.store.identities.policiesOf(rows.map((r) => r.identity_id));
  return {
    Total: total,
    Items: rows.map((r) => ({
      IdentityId: r.identity_id,
      IdentityAliasName: identityAlias(r.identity_id, r.alias_name, ctx.lang),
      Description: r.description,
      IdentityPolicy: (policies.get(r.identity_id) ?? []).map((p) => ({
        PolicyId: p.policy_id ?? 0,
        PolicyName: p.policy_name ?? "",
        PolicyType: p.policy_type,
        ...(p.policy_document !== null ? { PolicyDocument: p.policy_document } : {}),
      })),
      IdentityType: r.identity_type,
      UpdateTime: formatTime(r.updated_at, ctx.settings.utcOffsetMinutes),
    })),
  };
}
