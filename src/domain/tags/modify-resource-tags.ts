import { ApiError } from "../../protocol/api-error.js";
import type { ModifyResourceTagsRequest, ModifyResourceTagsResponse, Tag, TagKeyObject } from "../../spec/generated/tag-v20180813.js";
import type { TagPair } from "../../store/tags-repo.js";
import type { Context } from "../base/context.js";
import { parseResourceName } from "./resource-name.js";
import {
  checkOwner,
  checkTagKey,
  checkTagValue,
  MAX_TAGS_PER_REQUEST,
  MAX_TAGS_PER_RESOURCE,
  ownedOrganization,
  resourceExists,
  resourceNotFound,
} from "./rules.js";

/** ReplaceTags and DeleteTags: either may be left out but not given empty; at most 10 each → InvalidParameter.Tag. */
function checkList(list: readonly unknown[] | undefined, param: string): void {
  if (list === undefined) return;
  if (list.length === 0 || list.length > MAX_TAGS_PER_REQUEST) {
    throw new ApiError("InvalidParameter.Tag", {
      en: `Parameter \`${param}\` may be left out, but when given it must hold 1 to ${MAX_TAGS_PER_REQUEST} tags.`,
      zh: `参数\`${param}\`可以不传，传入时须包含 1 至 ${MAX_TAGS_PER_REQUEST} 个标签。`,
    });
  }
}

/** Check the requested change; answers the tags to set and the keys to remove. */
function checkChange(replace: readonly Tag[] | undefined, remove: readonly TagKeyObject[] | undefined): { set: TagPair[]; drop: Set<string> } {
  if (replace === undefined && remove === undefined) {
    throw new ApiError("MissingParameter", { en: "Give `ReplaceTags`, `DeleteTags` or both.", zh: "须传入`ReplaceTags`、`DeleteTags`或两者。" });
  }
  checkList(replace, "ReplaceTags");
  checkList(remove, "DeleteTags");
  const set: TagPair[] = [];
  const keys = new Set<string>();
  (replace ?? []).forEach((t, i) => {
    checkTagKey(t.TagKey, `ReplaceTags.${i}.TagKey`, true);
    checkTagValue(t.TagValue, `ReplaceTags.${i}.TagValue`);
    if (keys.has(t.TagKey)) {
      throw new ApiError("InvalidParameter.Tag", { en: `Parameter \`ReplaceTags\`: tag key ${JSON.stringify(t.TagKey)} is given twice.`, zh: `参数\`ReplaceTags\`：标签键 ${JSON.stringify(t.TagKey)} 重复。` });
    }
    keys.add(t.TagKey);
    set.push({ TagKey: t.TagKey, TagValue: t.TagValue });
  });
  const drop = new Set<string>();
  (remove ?? []).forEach((t, i) => {
    checkTagKey(t.TagKey, `DeleteTags.${i}.TagKey`, false);
    if (keys.has(t.TagKey)) {
      throw new ApiError("InvalidParameterValue.DeleteTagsParamError", {
        en: `Parameter \`DeleteTags\`: tag key ${JSON.stringify(t.TagKey)} is also in \`ReplaceTags\`.`,
        zh: `参数\`DeleteTags\`：标签键 ${JSON.stringify(t.TagKey)} 同时出现在\`ReplaceTags\`中。`,
      });
    }
    drop.add(t.TagKey);
  });
  return { set, drop };
}

/**
 * ModifyResourceTags — add, change and remove tags of one organization department or member (the
 * call the Terraform provider makes when a tencentcloud_organization_org_node or _org_member's tags
 * change). The tags are those DescribeOrganizationNodes / DescribeOrganizationMembers show. Removing
 * a key the resource does not carry is not an error.
 * @throws MissingParameter, InvalidParameter.Tag, InvalidParameterValue.ResourceDescriptionError,
 *   InvalidParameterValue.TagKeyEmpty, InvalidParameterValue.TagKeyLengthExceeded,
 *   InvalidParameterValue.TagKeyCharacterIllegal, InvalidParameter.ReservedTagKey,
 *   InvalidParameterValue.TagValueLengthExceeded, InvalidParameterValue.TagValueCharacterIllegal,
 *   InvalidParameterValue.DeleteTagsParamError, AuthFailure.UnauthorizedOperation, ResourceNotFound,
 *   LimitExceeded.ResourceAttachedTags
 */
export async function modifyResourceTags(input: ModifyResourceTagsRequest, ctx: Context): Promise<ModifyResourceTagsResponse> {
  const resource = parseResourceName(input.Resource, "Resource");
  const { set, drop } = checkChange(input.ReplaceTags, input.DeleteTags);
  checkOwner(resource, "Resource", ctx);
  const org = await ownedOrganization(ctx.store, ctx.caller.uin);
  if (!org) throw resourceNotFound(resource, "Resource", ctx.caller.uin);
  await ctx.store.transaction(async (tx) => {
    // the organization's lock orders this change after a concurrent deletion of the resource and
    // keeps two changes of one resource from passing the 50-tag limit together
    const locked = await tx.organizations.lock(org.org_id);
    if (!locked || !(await resourceExists(tx, org.org_id, resource))) throw resourceNotFound(resource, "Resource", ctx.caller.uin);
    const current = (await tx.tags.forMany(resource.type, [resource.id])).get(resource.id) ?? [];
    const next = new Map(current.filter((t) => !drop.has(t.TagKey)).map((t) => [t.TagKey, t.TagValue]));
    for (const t of set) next.set(t.TagKey, t.TagValue);
    if (next.size > MAX_TAGS_PER_RESOURCE) {
      throw new ApiError("LimitExceeded.ResourceAttachedTags", {
        en: `Parameter \`ReplaceTags\`: the resource would carry ${next.size} tags; a resource carries at most ${MAX_TAGS_PER_RESOURCE}.`,
        zh: `参数\`ReplaceTags\`：该资源将有 ${next.size} 个标签；每个资源最多 ${MAX_TAGS_PER_RESOURCE} 个。`,
      });
    }
    await tx.tags.set(resource.type, resource.id, [...next].map(([TagKey, TagValue]) => ({ TagKey, TagValue })));
  });
  return {};
}
