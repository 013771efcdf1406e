import { ApiError } from "../../protocol/api-error.js";
import type { GetResourcesRequest, GetResourcesResponse, ResourceTagMapping, TagFilter } from "../../spec/generated/tag-v20180813.js";
import type { TaggedResource } from "../../store/schema.js";
import type { ResourceTagRow, TagPair } from "../../store/tags-repo.js";
import type { Context } from "../base/context.js";
import { formatResourceName, parseResourceName, type ResourceName } from "./resource-name.js";
import { checkNotReserved, checkOwner, checkTagKey, checkTagValue, ownedOrganization } from "./rules.js";

// Limits from the GetResources page (https://www.tencentcloud.com/document/api/651/46539): up to 10
// resources in ResourceList (N from 0 to 9), 6 tag filters with up to 10 values each, MaxResults
// up to 200 (50 by default); with ResourceList every match is answered and MaxResults is ignored.
const MAX_RESOURCES = 10;
const MAX_FILTERS = 6;
const MAX_FILTER_VALUES = 10;
const MAX_RESULTS = 200;
const DEFAULT_RESULTS = 50;

/** PaginationToken: opaque to callers; TCO writes the offset of the next resource. */
const TOKEN_PREFIX = "tco:";
const encodeToken = (offset: number) => Buffer.from(`${TOKEN_PREFIX}${offset}`).toString("base64url");

function decodeToken(token: string | undefined): number {
  if (token === undefined || token === "") return 0;
  const text = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, "base64url").toString("utf8") : "";
  const m = text.startsWith(TOKEN_PREFIX) ? /^\d{1,9}$/.exec(text.slice(TOKEN_PREFIX.length)) : null;
  if (!m) {
    throw new ApiError("InvalidParameter.PaginationTokenInvalid", {
      en: "Parameter `PaginationToken` is not a token this server answered; leave it empty for the first page.",
      zh: "参数`PaginationToken`不是本服务返回的令牌；首页请留空。",
    });
  }
  return Number(m[0]);
}

function checkFilters(filters: readonly TagFilter[]): void {
  if (filters.length > MAX_FILTERS) {
    throw new ApiError("LimitExceeded.TagNumPerRequest", { en: `Parameter \`TagFilters\` can hold at most ${MAX_FILTERS} filters.`, zh: `参数\`TagFilters\`最多 ${MAX_FILTERS} 组。` });
  }
  const keys = new Set<string>();
  filters.forEach((f, i) => {
    checkTagKey(f.TagKey, `TagFilters.${i}.TagKey`, false);
    checkNotReserved(f.TagKey, `TagFilters.${i}.TagKey`);
    if (keys.has(f.TagKey)) {
      throw new ApiError("InvalidParameterValue.TagKeyDuplicate", {
        en: `Parameter \`TagFilters\`: tag key ${JSON.stringify(f.TagKey)} is given twice.`,
        zh: `参数\`TagFilters\`：标签键 ${JSON.stringify(f.TagKey)} 重复。`,
      });
    }
    keys.add(f.TagKey);
    const values = f.TagValue ?? [];
    if (values.length > MAX_FILTER_VALUES) {
      throw new ApiError("InvalidParameter.Tag", { en: `Parameter \`TagFilters.${i}.TagValue\` can hold at most ${MAX_FILTER_VALUES} values.`, zh: `参数\`TagFilters.${i}.TagValue\`最多 ${MAX_FILTER_VALUES} 个值。` });
    }
    values.forEach((v, j) => checkTagValue(v, `TagFilters.${i}.TagValue.${j}`));
  });
}

/** Whether tags satisfy every filter: the key is carried, with one of the values when values are given. */
const matches = (tags: readonly TagPair[], filters: readonly TagFilter[]) =>
  filters.every((f) => tags.some((t) => t.TagKey === f.TagKey && (!f.TagValue?.length || f.TagValue.includes(t.TagValue))));

const keyOf = (type: TaggedResource, id: number) => `${type}/${id}`;

/** Tags by resource, in the order the rows come. */
function byResource(rows: readonly ResourceTagRow[]): Map<string, { type: TaggedResource; id: number; tags: TagPair[] }> {
  const out = new Map<string, { type: TaggedResource; id: number; tags: TagPair[] }>();
  for (const r of rows) {
    const k = keyOf(r.type, r.id);
    const entry = out.get(k) ?? { type: r.type, id: r.id, tags: [] };
    entry.tags.push({ TagKey: r.TagKey, TagValue: r.TagValue });
    out.set(k, entry);
  }
  return out;
}

const mapping = (name: string, tags: readonly TagPair[]): ResourceTagMapping => ({
  Resource: name,
  Tags: tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue, Category: "Custom" })),
});

/**
 * GetResources — the caller's tagged resources (departments and members of the organization it
 * administers) with their tags: those named in ResourceList (answered under the name given, its
 * owner segment filled in), or else every tagged one, a page at a time; only resources carrying
 * every TagFilters tag. A resource named with another account as owner is refused; a named resource
 * that does not exist or carries no tags is left out, as the read of an untagged resource is.
 * @throws LimitExceeded.ResourceNumPerRequest, InvalidParameterValue.ResourceDescriptionError,
 *   AuthFailure.UnauthorizedOperation, LimitExceeded.TagNumPerRequest, InvalidParameterValue.TagKeyEmpty,
 *   InvalidParameterValue.TagKeyLengthExceeded, InvalidParameter.ReservedTagKey,
 *   InvalidParameterValue.TagKeyDuplicate, InvalidParameter.Tag, InvalidParameterValue.TagValueLengthExceeded,
 *   InvalidParameterValue.TagValueCharacterIllegal, InvalidParameter (MaxResults),
 *   InvalidParameter.PaginationTokenInvalid
 */
export async function getResources(input: GetResourcesRequest, ctx: Context): Promise<GetResourcesResponse> {
  const list = input.ResourceList ?? [];
  if (list.length > MAX_RESOURCES) {
    throw new ApiError("LimitExceeded.ResourceNumPerRequest", { en: `Parameter \`ResourceList\` can hold at most ${MAX_RESOURCES} resources.`, zh: `参数\`ResourceList\`最多 ${MAX_RESOURCES} 个资源。` });
  }
  const named: ResourceName[] = list.map((name, i) => parseResourceName(name, `ResourceList.${i}`));
  named.forEach((r, i) => checkOwner(r, `ResourceList.${i}`, ctx));
  const filters = input.TagFilters ?? [];
  checkFilters(filters);
  const max = input.MaxResults ?? DEFAULT_RESULTS;
  if (!Number.isInteger(max) || max < 1 || max > MAX_RESULTS) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`MaxResults\` must be from 1 to ${MAX_RESULTS}.`, zh: `参数\`MaxResults\`取值须为 1 至 ${MAX_RESULTS}。` });
  }
  const offset = named.length > 0 ? 0 : decodeToken(input.PaginationToken);

  const org = await ownedOrganization(ctx.store, ctx.caller.uin);
  if (!org) return { PaginationToken: "", ResourceTagMappingList: [] };
  if (named.length > 0) {
    const { rows } = await ctx.store.tags.ofOrganization(org.org_id, { ids: [...new Set(named.map((r) => r.id))] });
    const tagsOf = byResource(rows);
    const seen = new Set<string>();
    const out: ResourceTagMapping[] = [];
    for (const r of named) {
      const k = keyOf(r.type, r.id);
      const found = tagsOf.get(k);
      if (seen.has(k) || !found || !matches(found.tags, filters)) continue;
      seen.add(k);
      out.push(mapping(formatResourceName(r.region, org.host_uin, r.type, r.id), found.tags));
    }
    return { PaginationToken: "", ResourceTagMappingList: out };
  }
  const { rows } = await ctx.store.tags.ofOrganization(org.org_id);
  const all = [...byResource(rows).values()].filter((r) => matches(r.tags, filters));
  const page = all.slice(offset, offset + max);
  return {
    PaginationToken: offset + max < all.length ? encodeToken(offset + max) : "",
    ResourceTagMappingList: page.map((r) => mapping(formatResourceName("", org.host_uin, r.type, r.id), r.tags)),
  };
}
