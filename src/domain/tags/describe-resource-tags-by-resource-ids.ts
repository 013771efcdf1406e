import { ApiError } from "../../protocol/api-error.js";
import type { DescribeResourceTagsByResourceIdsRequest, DescribeResourceTagsByResourceIdsResponse } from "../../spec/generated/tag-v20180813.js";
import type { TaggedResource } from "../../store/schema.js";
import type { Context } from "../base/context.js";
import { tagPage } from "./paging.js";
import { ORGANIZATION_SERVICE, PREFIXES, REGION_RE, RESOURCE_ID_RE } from "./resource-name.js";
import { checkCategory, ownedOrganization, tagResourceView } from "./rules.js";

/** ResourceIds holds at most 50 ids (its page, https://cloud.tencent.com/document/api/651/35319). */
const MAX_RESOURCE_IDS = 50;
/** A service segment as the six-segment form writes one (cvm, organization, ckafka). */
const SERVICE_TYPE_RE = /^[a-z][a-z0-9]*$/;

/** ServiceType must be organization: another well-formed service → UnsupportedOperation (TCO holds none of its resources), else ServiceTypeInvalid. */
function checkServiceType(serviceType: string): void {
  if (serviceType === ORGANIZATION_SERVICE) return;
  const code = SERVICE_TYPE_RE.test(serviceType) ? "UnsupportedOperation" : "InvalidParameterValue.ServiceTypeInvalid";
  throw new ApiError(code, {
    en: `Parameter \`ServiceType\`: ${JSON.stringify(serviceType)} is not a service this server holds tags of; it holds those of organization departments and members only (ServiceType organization).`,
    zh: `参数\`ServiceType\`：本服务不保存 ${JSON.stringify(serviceType)} 的资源标签；只保存集团账号管理的部门和成员的标签（ServiceType 为 organization）。`,
  });
}

function checkPrefix(prefix: string): TaggedResource {
  const type = PREFIXES[prefix];
  if (!type) {
    throw new ApiError("InvalidParameterValue.ResourcePrefixInvalid", {
      en: `Parameter \`ResourcePrefix\` must be node (departments) or member (members) for ServiceType organization.`,
      zh: `参数\`ResourcePrefix\`须为 node（部门）或 member（成员）。`,
    });
  }
  return type;
}

function checkIds(ids: readonly string[]): number[] {
  if (ids.length === 0 || ids.length > MAX_RESOURCE_IDS) {
    throw new ApiError("InvalidParameterValue.ResourceIdInvalid", {
      en: `Parameter \`ResourceIds\` must hold 1 to ${MAX_RESOURCE_IDS} ids.`,
      zh: `参数\`ResourceIds\`须包含 1 至 ${MAX_RESOURCE_IDS} 个 ID。`,
    });
  }
  return ids.map((id, i) => {
    if (!RESOURCE_ID_RE.test(id)) {
      throw new ApiError("InvalidParameterValue.ResourceIdInvalid", {
        en: `Parameter \`ResourceIds.${i}\`: ${JSON.stringify(id)} is not a department id or member UIN.`,
        zh: `参数\`ResourceIds.${i}\`：${JSON.stringify(id)} 不是部门 ID 或成员 UIN。`,
      });
    }
    return Number(id);
  });
}

/**
 * DescribeResourceTagsByResourceIds — a page of the tags on some departments (ResourcePrefix node)
 * or members (member) of the organization the caller administers, by resource id and key: the read
 * the Terraform provider makes of a resource's tags. Organization resources are not regional:
 * ResourceRegion may be empty or any region and matches them all. An account that administers no
 * organization owns no such resources and gets an empty list.
 * @throws UnsupportedOperation, InvalidParameterValue.ServiceTypeInvalid,
 *   InvalidParameterValue.ResourcePrefixInvalid, InvalidParameterValue.ResourceIdInvalid,
 *   InvalidParameterValue.RegionInvalid, InvalidParameterValue (Category), InvalidParameter (Offset, Limit)
 */
export async function describeResourceTagsByResourceIds(
  input: DescribeResourceTagsByResourceIdsRequest,
  ctx: Context,
): Promise<DescribeResourceTagsByResourceIdsResponse> {
  checkServiceType(input.ServiceType);
  const type = checkPrefix(input.ResourcePrefix);
  const ids = checkIds(input.ResourceIds);
  if (!REGION_RE.test(input.ResourceRegion)) {
    throw new ApiError("InvalidParameterValue.RegionInvalid", {
      en: `Parameter \`ResourceRegion\`: ${JSON.stringify(input.ResourceRegion)} is not a region (like ap-guangzhou, or empty for resources without one).`,
      zh: `参数\`ResourceRegion\`：${JSON.stringify(input.ResourceRegion)} 不是地域（如 ap-guangzhou；不区分地域的资源传空字符串）。`,
    });
  }
  const custom = checkCategory(input.Category);
  const page = tagPage(input.Offset, input.Limit);
  const org = custom ? await ownedOrganization(ctx.store, ctx.caller.uin) : undefined;
  const { rows, total } = org ? await ctx.store.tags.ofOrganization(org.org_id, { type, ids }, page) : { rows: [], total: 0 };
  return { TotalCount: total, Offset: page.offset, Limit: page.limit, Tags: rows.map(tagResourceView) };
}
