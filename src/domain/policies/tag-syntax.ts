import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import { TAG_SERVICES } from "./catalog.js";
import { isObject, parseStrictJson, type Json, type JsonObject } from "./strict-json.js";

/** The value-setting inheritance operators. */
export type ValueOp = "@@assign" | "@@append" | "@@remove";
export const VALUE_OPS: readonly ValueOp[] = ["@@assign", "@@append", "@@remove"];
const CHILD_CONTROL = "@@operators_allowed_for_child_policies";

/** Settings of a tag policy statement: lists (merged by append/remove) and single values. */
export const LIST_SETTINGS = ["tag_value", "resource_type_scope", "enforced_for"] as const;
export const SWITCH_SETTINGS = ["tag_value_dynamic", "detection", "correction", "auto_assign", "auto_assign_value"] as const;
export type SettingName = "tag_key" | (typeof LIST_SETTINGS)[number] | (typeof SWITCH_SETTINGS)[number];
/** Settings in the order an effective policy shows them. */
export const SETTING_ORDER: readonly SettingName[] = ["tag_key", "tag_value", "tag_value_dynamic", "resource_type_scope", "detection", "correction", "auto_assign", "auto_assign_value", "enforced_for"];

const isList = (s: SettingName) => (LIST_SETTINGS as readonly string[]).includes(s);

/** What one policy says about one setting of one tag key. */
export interface SettingOps {
  assign?: string | string[];
  append?: string[];
  remove?: string[];
  /** the operators children may still use on this setting, when the policy restricts them */
  childOps?: ValueOp[];
}

/** One policy statement: the rules for one tag key. */
export interface TagStatement {
  /** the policy key as written */
  key: string;
  /** the operators children may still use on every setting of this key, when restricted */
  childOps?: ValueOp[];
  settings: Map<SettingName, SettingOps>;
}

/** A parsed tag policy: its statements by policy key, lower-cased (policy keys ignore case). */
export interface TagPolicyDoc {
  statements: Map<string, TagStatement>;
}

/** Tag keys starting with these are the system's own and cannot be governed. */
export const RESERVED_TAG_KEY_PREFIXES = ["qcloud", "tencent", "project"] as const;
const TAG_KEY_MAX = 127;
const TAG_VALUE_MAX = 255;
const RESOURCE_TYPE_RE = /^([a-z][a-z0-9_-]*):(\*|[A-Za-z][A-Za-z0-9_-]*)$/;

function fail(code: ErrorCode, where: string, en: string, zh: string): ApiError {
  const at = where ? { en: ` (${where})`, zh: `（${where}）` } : { en: "", zh: "" };
  return new ApiError(code, { en: `Parameter \`Content\`${at.en}: ${en}`, zh: `参数\`Content\`${at.zh}：${zh}` });
}
const invalid = (where: string, en: string, zh: string) => fail("InvalidParameterValue.PolicyContentInvalid", where, en, zh);

function parseChildOps(v: Json, where: string): ValueOp[] {
  const list = Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string") ? (v as string[]) : undefined;
  const allowed = new Set(["@@all", "@@none", ...VALUE_OPS]);
  if (!list || list.some((x) => !allowed.has(x)) || ((list.includes("@@all") || list.includes("@@none")) && list.length > 1)) {
    throw invalid(where, `${CHILD_CONTROL} must be ["@@all"], ["@@none"] or a list of @@assign, @@append and @@remove.`, `${CHILD_CONTROL} 须为 ["@@all"]、["@@none"] 或 @@assign、@@append、@@remove 的列表。`);
  }
  if (list[0] === "@@all") return [...VALUE_OPS];
  if (list[0] === "@@none") return [];
  return [...new Set(list as ValueOp[])];
}

/** Check one value of a setting and answer it in its stored form. */
function settingValue(setting: SettingName, op: ValueOp, v: Json, policyKey: string, where: string): string | string[] {
  if (!isList(setting)) {
    if (op !== "@@assign") throw invalid(where, `${op} applies to list settings only, not to ${setting}.`, `${op} 只能用于列表型设置，不能用于 ${setting}。`);
    if (typeof v !== "string") throw invalid(where, `${setting} must be a string.`, `${setting} 须为字符串。`);
    if (setting === "tag_key") {
      if (v.toLowerCase() !== policyKey.toLowerCase()) {
        throw invalid(where, `tag_key "${v}" must equal its policy key "${policyKey}" (case aside).`, `tag_key "${v}" 须与策略键 "${policyKey}" 相同（不区分大小写）。`);
      }
    } else if (v !== "on" && v !== "off") {
      throw invalid(where, `${setting} must be "on" or "off".`, `${setting} 须为 "on" 或 "off"。`);
    }
    return v;
  }
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw invalid(where, `${setting} must be a list of strings.`, `${setting} 须为字符串列表。`);
  const list = v as string[];
  for (const item of list) {
    if (setting === "tag_value") {
      if (item.length > TAG_VALUE_MAX) throw invalid(where, `tag values must be at most ${TAG_VALUE_MAX} characters.`, `标签值最长 ${TAG_VALUE_MAX} 个字符。`);
      if (item.split("*").length > 2) throw invalid(where, `tag value "${item}" may hold one wildcard * at most.`, `标签值 "${item}" 最多含一个通配符 *。`);
    } else if (item !== "*") {
      const m = RESOURCE_TYPE_RE.exec(item);
      if (!m) throw invalid(where, `"${item}" is not a resource type (service:type, service:* or *).`, `"${item}" 不是资源类型（service:type、service:* 或 *）。`);
      if (!TAG_SERVICES.has(m[1])) {
        throw fail("InvalidParameter.UnsupportedService", where, `service "${m[1]}" does not support tags.`, `服务 "${m[1]}" 不支持标签。`);
      }
    }
  }
  return [...new Set(list)];
}

function parseSetting(setting: SettingName, raw: Json, policyKey: string, where: string): SettingOps {
  if (!isObject(raw)) return { assign: settingValue(setting, "@@assign", raw, policyKey, where) };
  const ops: SettingOps = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === CHILD_CONTROL) ops.childOps = parseChildOps(v, where);
    else if (k === "@@assign") ops.assign = settingValue(setting, k, v, policyKey, where);
    else if (k === "@@append") ops.append = settingValue(setting, k, v, policyKey, where) as string[];
    else if (k === "@@remove") ops.remove = settingValue(setting, k, v, policyKey, where) as string[];
    else throw invalid(where, `"${k}" is not an inheritance operator.`, `"${k}" 不是继承运算符。`);
  }
  if (Object.keys(raw).length === 0) throw invalid(where, `${setting} names no operator.`, `${setting} 未指定运算符。`);
  return ops;
}

function parseStatement(key: string, raw: Json): TagStatement {
  const where = `tags.${key}`;
  if (key === "" || key.length > TAG_KEY_MAX || key.startsWith("@@")) {
    throw invalid(where, `policy keys must be 1 to ${TAG_KEY_MAX} characters and not start with @@.`, `策略键长度须为 1 至 ${TAG_KEY_MAX} 且不能以 @@ 开头。`);
  }
  if (RESERVED_TAG_KEY_PREFIXES.some((p) => key.toLowerCase().startsWith(p))) {
    throw fail("InvalidParameter.ReservedTagKey", where, `tag keys starting with ${RESERVED_TAG_KEY_PREFIXES.join(", ")} are reserved.`, `以 ${RESERVED_TAG_KEY_PREFIXES.join("、")} 开头的标签键为系统预留。`);
  }
  if (!isObject(raw)) throw invalid(where, "each policy key must map to an object of settings.", "每个策略键须对应一个设置对象。");
  const statement: TagStatement = { key, settings: new Map() };
  for (const [name, v] of Object.entries(raw as JsonObject)) {
    if (name === CHILD_CONTROL) {
      statement.childOps = parseChildOps(v, where);
      continue;
    }
    if (!(SETTING_ORDER as readonly string[]).includes(name)) {
      throw invalid(where, `"${name}" is not a tag policy setting (${SETTING_ORDER.join(", ")}).`, `"${name}" 不是标签策略的设置项（${SETTING_ORDER.join("、")}）。`);
    }
    statement.settings.set(name as SettingName, parseSetting(name as SettingName, v, key, `${where}.${name}`));
  }
  const values = statement.settings.get("tag_value")?.assign;
  if (statement.settings.get("correction")?.assign === "on" && Array.isArray(values) && values.length > 1) {
    throw invalid(where, "correction can be on only when a single tag value is allowed.", "仅当只允许一个标签值时才能开启 correction。");
  }
  return statement;
}

/**
 * Parse and check a tag policy: `{"tags": {<policy key>: {<setting>: {<operator>: value}}}}`, with
 * the settings tag_key, tag_value, tag_value_dynamic, resource_type_scope, detection, correction,
 * auto_assign, auto_assign_value and enforced_for, the operators @@assign, @@append and @@remove,
 * and @@operators_allowed_for_child_policies at key or setting level. A bare value stands for
 * @@assign. Policy keys ignore case, so two spellings of one key are a duplicate.
 * @throws InvalidParameterValue.PolicyContentInvalid, InvalidParameter.PolicyKeyDuplicated,
 *   InvalidParameter.ReservedTagKey, InvalidParameter.UnsupportedService
 */
export function parseTagPolicy(content: string): TagPolicyDoc {
  let parsed: ReturnType<typeof parseStrictJson>;
  try {
    parsed = parseStrictJson(content);
  } catch (e) {
    throw invalid("", `is not valid JSON: ${(e as Error).message}.`, `不是合法的 JSON：${(e as Error).message}。`);
  }
  for (const d of parsed.duplicates) {
    if (d.path.length === 1 && d.path[0] === "tags") {
      throw fail("InvalidParameter.PolicyKeyDuplicated", "", `policy key "${d.key}" is given twice.`, `策略键 "${d.key}" 重复。`);
    }
    const at = [...d.path, d.key].join(".");
    throw invalid("", `key "${at}" is given twice.`, `键 "${at}" 重复。`);
  }
  const doc = parsed.value;
  if (!isObject(doc) || Object.keys(doc).length !== 1 || !isObject(doc.tags)) {
    throw invalid("", 'a tag policy must be an object whose only element is "tags".', '标签策略须为仅含 "tags" 元素的对象。');
  }
  const statements = new Map<string, TagStatement>();
  for (const [key, raw] of Object.entries(doc.tags)) {
    const lower = key.toLowerCase();
    if (statements.has(lower)) {
      throw fail("InvalidParameter.PolicyKeyDuplicated", "", `policy keys "${statements.get(lower)!.key}" and "${key}" are the same key.`, `策略键 "${statements.get(lower)!.key}" 与 "${key}" 重复。`);
    }
    statements.set(lower, parseStatement(key, raw));
  }
  if (statements.size === 0) throw invalid("", '"tags" must define at least one policy key.', '"tags" 须至少定义一个策略键。');
  return { statements };
}
