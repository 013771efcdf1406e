import { ApiError } from "../../protocol/api-error.js";
import { sixSegment } from "../base/resource-names.js";
import type { ListNonCompliantResourceRequest, ListNonCompliantResourceResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { effectiveTagPolicyOf } from "./effective-policy.js";
import { requireManager } from "./rules.js";
import { checkCompliance } from "./tag-compliance.js";

const MAX_RESULTS = 50;


/** The opaque token of the page starting at `offset`, and back. */
const encodeToken = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");
function decodeToken(token: string | undefined): number {
  if (token === undefined || token === "") return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!m) throw new ApiError("InvalidParameter", { en: "Parameter `PaginationToken` is not a token this list gave.", zh: "参数`PaginationToken`不是本列表返回的令牌。" });
  return Number(m[1]);
}

/**
 * ListNonCompliantResource — the admin's check of a member's tagged resources against the member's
 * effective tag policy: a page of the resources that break it, with the offending keys (wrong case)
 * and keys with values the policy does not allow, optionally only for one tag key. Resources are
 * what the operator registered for the account (RegisterMemberResource), in registration order;
 * PaginationToken continues where the previous page stopped ("" when there is no more).
 * @throws InvalidParameter (MaxResults, PaginationToken), ResourceNotFound.OrganizationNotExist,
 *   InvalidParameter.OrganizationMemberNotManager, ResourceNotFound.MemberNotExist
 */
export async function listNonCompliantResource(input: ListNonCompliantResourceRequest, ctx: Context): Promise<ListNonCompliantResourceResponse> {
  if (!Number.isInteger(input.MaxResults) || input.MaxResults < 1 || input.MaxResults > MAX_RESULTS) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`MaxResults\` must be from 1 to ${MAX_RESULTS}.`, zh: `参数\`MaxResults\`取值须为 1 至 ${MAX_RESULTS}。` });
  }
  const offset = decodeToken(input.PaginationToken);
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "ResourceNotFound.OrganizationNotExist", member: "InvalidParameter.OrganizationMemberNotManager" });
  const member = await ctx.store.members.find(input.MemberUin);
  if (!member || member.org_id !== org.org_id) {
    throw new ApiError("ResourceNotFound.MemberNotExist", { en: `Parameter \`MemberUin\`: account ${input.MemberUin} is not a member of the organization.`, zh: `参数\`MemberUin\`：账号 ${input.MemberUin} 不是组织成员。` });
  }
  const result = await effectiveTagPolicyOf(ctx.store, org.org_id, { target: { type: "MEMBER", uin: member.member_uin }, name: member.name, nodeId: member.node_id });
  if (!result) return { Items: [], PaginationToken: "" };
  const tagKey = input.TagKey?.trim() || undefined;
  const breaking = (await ctx.store.memberResources.all(member.member_uin))
    .map((r) => ({ r, c: checkCompliance(result.effective, { serviceType: r.service_type, resourceType: r.resource_type, tags: r.tags }, tagKey) }))
    .filter(({ c }) => !c.compliant);
  const page = breaking.slice(offset, offset + input.MaxResults);
  return {
    Items: page.map(({ r, c }) => ({
      Resource: sixSegment(r),
      ComplianceDetails: { ComplianceStatus: false, KeysWithNonCompliantValues: c.keysWithNonCompliantValues, NonCompliantKeys: c.nonCompliantKeys },
      Tags: r.tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue })),
    })),
    PaginationToken: offset + input.MaxResults < breaking.length ? encodeToken(offset + input.MaxResults) : "",
  };
}
