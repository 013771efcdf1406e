import { createHash } from "node:crypto";
import { ApiError } from "../../protocol/api-error.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";
import type { ResourceTagRow } from "../../store/tags-repo.js";
import type { TagResource } from "../../spec/generated/tag-v20180813.js";
import type { Context } from "../base/context.js";
import { ORGANIZATION_SERVICE, type ResourceName } from "./resource-name.js";

// Limits from the Tag "Use Limits" page (https://cloud.tencent.com/document/product/651/13354,
// https://www.tencentcloud.com/document/product/651/13354): 50 tags per resource; keys of 1 to 127
// and values of up to 255 Unicode characters; letters, digits, inner spaces and + - = . _ : / @ ( )
// [ ] , ; > < (or their Chinese forms ＋ － ＝ ／ ＠ （ ） 【 】 ：).
export const MAX_TAGS_PER_RESOURCE = 50;
/** ModifyResourceTags: at most 10 tags in ReplaceTags and in DeleteTags (its page, 651/35322). */
export const MAX_TAGS_PER_REQUEST = 10;
const TAG_KEY_MAX = 127;
const TAG_VALUE_MAX = 255;
const TAG_CHARS_RE = /^[\p{L}\p{M}0-9 +\-=._:/@()[\],;><＋－＝／＠（）【】：]*$/u;
/**
 * Reserved key prefixes: "qcs:", "project" and "项目" (Use Limits page), and "qcloud" and "tencent"
 * (the SDK's description of InvalidParameter.ReservedTagKey names qcloud, tencent and project).
 */
const RESERVED_PREFIXES = ["qcs:", "project", "项目", "qcloud", "tencent"];

const length = (s: string) => [...s].length;
const spaced = (s: string) => s !== s.trim();

/**
 * A tag key must be given, at most 127 characters → InvalidParameterValue.TagKeyEmpty,
 * InvalidParameterValue.TagKeyLengthExceeded. With `full`, also of the allowed characters and not
 * reserved → InvalidParameterValue.TagKeyCharacterIllegal, InvalidParameter.ReservedTagKey (keys
 * being created; a key only looked up or removed needs the first two).
 */
export function checkTagKey(key: string, param: string, full: boolean): void {
  if (key === "") throw new ApiError("InvalidParameterValue.TagKeyEmpty", { en: `Parameter \`${param}\` must not be empty.`, zh: `参数\`${param}\`不能为空。` });
  if (length(key) > TAG_KEY_MAX) {
    throw new ApiError("InvalidParameterValue.TagKeyLengthExceeded", { en: `Parameter \`${param}\` must be at most ${TAG_KEY_MAX} characters.`, zh: `参数\`${param}\`最长 ${TAG_KEY_MAX} 个字符。` });
  }
  if (!full) return;
  if (!TAG_CHARS_RE.test(key) || spaced(key)) {
    throw new ApiError("InvalidParameterValue.TagKeyCharacterIllegal", {
      en: `Parameter \`${param}\`: tag key ${JSON.stringify(key)} may hold letters, digits, inner spaces and + - = . _ : / @ ( ) [ ] , ; > < only.`,
      zh: `参数\`${param}\`：标签键 ${JSON.stringify(key)} 只能包含字母、数字、中间的空格及 + - = . _ : / @ ( ) [ ] , ; > < 等字符。`,
    });
  }
  checkNotReserved(key, param);
}

/** Keys starting with a reserved prefix are Tencent Cloud's → InvalidParameter.ReservedTagKey. */
export function checkNotReserved(key: string, param: string): void {
  const prefix = RESERVED_PREFIXES.find((p) => key.startsWith(p));
  if (prefix !== undefined) {
    throw new ApiError("InvalidParameter.ReservedTagKey", {
      en: `Parameter \`${param}\`: tag keys starting with ${JSON.stringify(prefix)} are reserved by the system.`,
      zh: `参数\`${param}\`：以 ${JSON.stringify(prefix)} 开头的标签键为系统预留。`,
    });
  }
}

/**
 * A tag value: at most 255 characters of the allowed ones → InvalidParameterValue.TagValueLengthExceeded,
 * InvalidParameterValue.TagValueCharacterIllegal. An empty value is accepted although the Use Limits
 * page asks for at least one character: ModifyResourceTags does not document TagValueEmpty, and the
 * organization API stores empty values (AddOrganizationNode, CreateOrganizationMember), which this
 * API must be able to write back.
 */
export function checkTagValue(value: string, param: string): void {
  if (length(value) > TAG_VALUE_MAX) {
    throw new ApiError("InvalidParameterValue.TagValueLengthExceeded", { en: `Parameter \`${param}\` must be at most ${TAG_VALUE_MAX} characters.`, zh: `参数\`${param}\`最长 ${TAG_VALUE_MAX} 个字符。` });
  }
  if (!TAG_CHARS_RE.test(value) || spaced(value)) {
    throw new ApiError("InvalidParameterValue.TagValueCharacterIllegal", {
      en: `Parameter \`${param}\`: tag value ${JSON.stringify(value)} may hold letters, digits, inner spaces and + - = . _ : / @ ( ) [ ] , ; > < only.`,
      zh: `参数\`${param}\`：标签值 ${JSON.stringify(value)} 只能包含字母、数字、中间的空格及 + - = . _ : / @ ( ) [ ] , ; > < 等字符。`,
    });
  }
}

/**
 * A resource named with an owner account other than the caller's is not the caller's to read or
 * change → AuthFailure.UnauthorizedOperation. The Tag API keeps each account's tags apart and the
 * owner segment names the account (598/10606); an organization's departments and members are its
 * admin's resources, so only the admin (or the admin's sub-accounts) may tag them. GetResources
 * documents this code; for the other actions it is the common code of a refused authorization
 * (the Tag "Error Codes" page, 651/35328).
 */
export function checkOwner(r: ResourceName, param: string, ctx: Context): void {
  if (r.uin !== undefined && r.uin !== ctx.caller.uin) {
    throw new ApiError("AuthFailure.UnauthorizedOperation", {
      en: `Parameter \`${param}\`: the resource belongs to account ${r.uin}; account ${ctx.caller.uin} may read and change the tags of its own resources only (an organization's departments and members are its admin's).`,
      zh: `参数\`${param}\`：该资源属于账号 ${r.uin}；账号 ${ctx.caller.uin} 只能读取和修改自己资源的标签（组织的部门和成员属于其管理员）。`,
    });
  }
}

/** The organization the caller administers, whose departments and members are its resources; none for other accounts. */
export function ownedOrganization(store: Store, uin: number): Promise<Organization | undefined> {
  return store.organizations.findByHost(uin);
}

/** Whether the resource exists among the organization's departments and members. */
export async function resourceExists(store: Store, orgId: number, r: Pick<ResourceName, "type" | "id">): Promise<boolean> {
  if (r.type === "node") return (await store.nodes.find(orgId, r.id)) !== undefined;
  const member = await store.members.find(r.id);
  return member?.org_id === orgId;
}

/** The answer to a resource that is not among the caller's → ResourceNotFound (a common code). */
export function resourceNotFound(r: Pick<ResourceName, "type" | "id">, param: string, uin: number): ApiError {
  const what = r.type === "node" ? { en: `department ${r.id}`, zh: `部门 ${r.id}` } : { en: `member ${r.id}`, zh: `成员 ${r.id}` };
  return new ApiError("ResourceNotFound", {
    en: `Parameter \`${param}\`: account ${uin} has no ${what.en} (it is not in an organization this account administers).`,
    zh: `参数\`${param}\`：账号 ${uin} 没有${what.zh}（它不在该账号管理的组织中）。`,
  });
}

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

/** A stored tag as the Tag API's TagResource shows it (custom tags: TCO has no system tags). */
export function tagResourceView(row: ResourceTagRow): TagResource {
  return {
    TagKey: row.TagKey,
    TagValue: row.TagValue,
    ResourceId: String(row.id),
    TagKeyMd5: md5(row.TagKey),
    TagValueMd5: md5(row.TagValue),
    ServiceType: ORGANIZATION_SERVICE,
    Category: "Custom",
  };
}

/**
 * Category: Custom, System or All (the default) → InvalidParameterValue otherwise. Answers whether
 * custom tags are asked for: every tag TCO holds is custom, none is a system tag.
 */
export function checkCategory(category: string | undefined): boolean {
  if (category === undefined || category === "All" || category === "Custom") return true;
  if (category === "System") return false;
  throw new ApiError("InvalidParameterValue", { en: "Parameter `Category` must be Custom, System or All.", zh: "参数`Category`取值须为 Custom、System 或 All。" });
}
