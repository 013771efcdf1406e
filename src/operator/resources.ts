import { sixSegment } from "../domain/base/resource-names.js";
import { formatTime } from "../domain/base/time.js";
import { ApiError } from "../protocol/api-error.js";
import { isUniqueViolation } from "../store/errors.js";
import type { ResourceKey, TaggedResource } from "../store/member-resources-repo.js";
import type { TagPair } from "../store/tags-repo.js";
import type { OperatorContext } from "./context.js";

/** Tencent Cloud allows up to 50 tags on one resource. */
const MAX_RESOURCE_TAGS = 50;
const SERVICE_RE = /^[a-z][a-z0-9_-]{0,63}$/;
const RESOURCE_TYPE_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const REGION_RE = /^([a-z]{2,}(-[a-z0-9]+){1,3})?$/;
const RESOURCE_ID_RE = /^[^\s/:]{1,255}$/;

interface ResourceKeyInput {
  Uin: number;
  ServiceType: string;
  ResourceType: string;
  ResourceId: string;
  Region?: string;
}

const bad = (text: string) => new ApiError("InvalidParameterValue", text);

function resourceKey(input: ResourceKeyInput): ResourceKey {
  if (!SERVICE_RE.test(input.ServiceType)) throw bad("Parameter `ServiceType` must be a lower-case service abbreviation such as cvm.");
  if (!RESOURCE_TYPE_RE.test(input.ResourceType)) throw bad("Parameter `ResourceType` must be a resource type such as instance.");
  const region = input.Region ?? "";
  if (!REGION_RE.test(region)) throw bad("Parameter `Region` must be a region such as ap-guangzhou, or empty.");
  if (!RESOURCE_ID_RE.test(input.ResourceId)) throw bad("Parameter `ResourceId` must be 1 to 255 characters without spaces, '/' or ':'.");
  return { uin: input.Uin, serviceType: input.ServiceType, resourceType: input.ResourceType, region, resourceId: input.ResourceId };
}

function checkResourceTags(tags: readonly TagPair[]): TagPair[] {
  if (tags.length > MAX_RESOURCE_TAGS) throw bad(`Parameter \`Tags\`: a resource carries at most ${MAX_RESOURCE_TAGS} tags.`);
  const keys = new Set<string>();
  for (const t of tags) {
    if (t.TagKey === "" || t.TagKey.length > 127) throw bad("Parameter `Tags`: tag keys must be 1 to 127 characters.");
    if (t.TagValue.length > 255) throw bad("Parameter `Tags`: tag values must be at most 255 characters.");
    if (keys.has(t.TagKey)) throw bad(`Parameter \`Tags\`: tag key ${t.TagKey} is given twice.`);
    keys.add(t.TagKey);
  }
  return [...tags].sort((a, b) => (a.TagKey < b.TagKey ? -1 : a.TagKey > b.TagKey ? 1 : 0)).map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue }));
}

/** The operator's view of a registered resource. */
function resourceView(r: TaggedResource, ctx: OperatorContext) {
  return {
    Uin: r.uin,
    ServiceType: r.service_type,
    ResourceType: r.resource_type,
    Region: r.region,
    ResourceId: r.resource_key,
    Resource: sixSegment(r),
    Tags: r.tags,
    CreateTime: formatTime(r.created_at, ctx.settings.utcOffsetMinutes),
    UpdateTime: formatTime(r.updated_at, ctx.settings.utcOffsetMinutes),
  };
}

async function requireAccount(ctx: OperatorContext, uin: number): Promise<void> {
  if (!(await ctx.store.accounts.find(uin))) throw new ApiError("ResourceNotFound", `Account ${uin} does not exist.`);
}

/**
 * RegisterMemberResource — record a cloud resource an account owns, with its tags (replacing the
 * tags of a resource registered before): what ListNonCompliantResource checks against tag policies.
 */
export async function registerMemberResourceAction(input: ResourceKeyInput & { Tags?: TagPair[] }, ctx: OperatorContext) {
  const key = resourceKey(input);
  const tags = checkResourceTags(input.Tags ?? []);
  await requireAccount(ctx, input.Uin);
  const write = () =>
    ctx.store.transaction(async (tx) => {
      const now = ctx.now();
      let found = await tx.memberResources.find(key);
      if (!found) {
        await tx.memberResources.insert(await tx.counters.next("member_resource", 1), key, now);
        found = (await tx.memberResources.find(key))!;
      }
      await tx.memberResources.setTags(found.resource_id, tags, now);
    });
  try {
    await write();
  } catch (e) {
    // registered concurrently: now it exists, so this round only replaces its tags
    if (!isUniqueViolation(e)) throw e;
    await write();
  }
  return { Resource: resourceView((await ctx.store.memberResources.findTagged(key))!, ctx) };
}

/** ListMemberResources — page through the resources registered for an account. */
export async function listMemberResourcesAction(input: { Uin: number; Offset?: number; Limit?: number }, ctx: OperatorContext) {
  await requireAccount(ctx, input.Uin);
  const limit = Math.min(input.Limit ?? 100, 1000);
  const { rows, total } = await ctx.store.memberResources.page(input.Uin, input.Offset ?? 0, limit);
  return { Resources: rows.map((r) => resourceView(r, ctx)), Total: total };
}

/** DeregisterMemberResource — forget a resource registered for an account. */
export async function deregisterMemberResourceAction(input: ResourceKeyInput, ctx: OperatorContext) {
  const key = resourceKey(input);
  if (!(await ctx.store.memberResources.delete(key))) throw new ApiError("ResourceNotFound", `Account ${input.Uin} has no such resource registered.`);
  return {};
}

/**
 * SetStandaloneTagPolicy — stand in for an account turning the Tag service's own (single-account)
 * tag policies on or off; an organization cannot enable tag policies while a member has them on.
 */
export async function setStandaloneTagPolicyAction(input: { Uin: number; Enabled: boolean }, ctx: OperatorContext) {
  await requireAccount(ctx, input.Uin);
  await ctx.store.standaloneTagPolicies.set(input.Uin, input.Enabled, ctx.now());
  return {};
}
