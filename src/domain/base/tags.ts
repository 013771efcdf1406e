import { ApiError } from "../../protocol/api-error.js";
import type { TagPair } from "../../store/tags-repo.js";

export const MAX_TAGS = 10;
const TAG_KEY_MAX = 127;
const TAG_VALUE_MAX = 255;

/** Tags: at most 10, non-empty distinct keys, bounded lengths → InvalidParameter.TagError. */
export function checkTags(tags: readonly TagPair[] | undefined, param = "Tags"): TagPair[] {
  if (!tags) return [];
  const fail = (en: string, zh: string) => new ApiError("InvalidParameter.TagError", { en: `Parameter \`${param}\`: ${en}`, zh: `参数\`${param}\`：${zh}` });
  if (tags.length > MAX_TAGS) throw fail(`at most ${MAX_TAGS} tags are allowed.`, `最多 ${MAX_TAGS} 个标签。`);
  const keys = new Set<string>();
  for (const t of tags) {
    if (t.TagKey.trim() === "" || t.TagKey.length > TAG_KEY_MAX) throw fail(`tag keys must be 1 to ${TAG_KEY_MAX} characters.`, `标签键长度须为 1 至 ${TAG_KEY_MAX}。`);
    if (t.TagValue.length > TAG_VALUE_MAX) throw fail(`tag values must be at most ${TAG_VALUE_MAX} characters.`, `标签值最长 ${TAG_VALUE_MAX} 个字符。`);
    if (keys.has(t.TagKey)) throw fail(`tag key ${t.TagKey} is given twice.`, `标签键 ${t.TagKey} 重复。`);
    keys.add(t.TagKey);
  }
  return tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue }));
}
