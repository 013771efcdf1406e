import { ApiError } from "../../protocol/api-error.js";
import type { IdentityPolicy } from "../../spec/generated/v20210331.js";

/** IdentityPolicy.PolicyType: a custom policy document, or a CAM preset policy (the default). */
export const POLICY_CUSTOM = 1;
export const POLICY_PRESET = 2;

/** CAM's documented limits: characters of one policy document, policies attached to one role. */
export const POLICY_DOCUMENT_MAX = 6144;
export const IDENTITY_POLICIES_MAX = 200;

/**
 * The CAM preset policies TCO knows, by id. TCO has no CAM: these stand for the presets an
 * identity may grant; any other preset is ResourceNotFound.PolicyNotExist.
 */
export const PRESET_POLICIES: ReadonlyMap<number, string> = new Map([
  [1, "AdministratorAccess"],
  [2, "QCloudResourceFullAccess"],
  [3, "QCloudFinanceFullAccess"],
  [400411, "ReadOnlyAccess"],
]);

/** An identity policy as stored. */
export interface CheckedPolicy {
  policy_id: number | null;
  policy_name: string | null;
  policy_type: number;
  policy_document: string | null;
}

const invalid = (path: string, en: string, zh: string) => new ApiError("InvalidParameter", { en: `Parameter \`${path}\`: ${en}`, zh: `参数\`${path}\`：${zh}` });

const STATEMENT_KEYS = new Set(["effect", "action", "resource", "condition"]);

/** A string or a non-empty list of non-empty strings, each passing `ok`. */
function checkStrings(value: unknown, path: string, element: string, ok: (s: string) => boolean, what: { en: string; zh: string }): void {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) throw invalid(path, `"${element}" must be a string or a non-empty list of strings.`, `"${element}" 须为字符串或非空字符串列表。`);
  for (const item of list) {
    if (typeof item !== "string" || !ok(item)) {
      throw invalid(path, `"${element}" holds ${JSON.stringify(item)}, which is not ${what.en}.`, `"${element}" 中的 ${JSON.stringify(item)} 不是${what.zh}。`);
    }
  }
}

/** An action is `*`, `service:Action` or `name/service:Action` (wildcards allowed), or a feature set `permid/...`. */
const ACTION_RE = /^(\*|(name\/)?[a-z0-9_-]+:[A-Za-z0-9_*.-]+|(permid|actionName)\/\S+)$/;
/** A resource is `*` or a six-segment `qcs:...` description. */
const RESOURCE_RE = /^(\*|qcs:\S*)$/;

/**
 * Check a custom policy document against the CAM policy syntax: a JSON object with version "2.0"
 * and a statement (one object or a non-empty list) whose entries have effect allow/deny, action,
 * resource and optionally condition; `principal` belongs to trust policies, not to an identity's.
 */
export function checkPolicyDocument(text: string, path: string): void {
  if ([...text].length > POLICY_DOCUMENT_MAX) throw invalid(path, `the policy document exceeds ${POLICY_DOCUMENT_MAX} characters.`, `策略文档超过 ${POLICY_DOCUMENT_MAX} 个字符。`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw invalid(path, "the policy document is not valid JSON.", "策略文档不是合法的 JSON。");
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw invalid(path, "the policy document must be a JSON object.", "策略文档须为 JSON 对象。");
  const { version, statement, ...rest } = doc as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw invalid(path, `unknown element "${extra[0]}" (a policy has "version" and "statement").`, `未知元素 "${extra[0]}"（策略包含 "version" 和 "statement"）。`);
  if (version !== "2.0") throw invalid(path, 'element "version" must be "2.0".', '元素 "version" 取值须为 "2.0"。');
  const statements = Array.isArray(statement) ? statement : statement !== undefined ? [statement] : [];
  if (statements.length === 0) throw invalid(path, 'element "statement" must hold at least one statement.', '元素 "statement" 须至少包含一条语句。');
  for (const s of statements) {
    if (s === null || typeof s !== "object" || Array.isArray(s)) throw invalid(path, "each statement must be a JSON object.", "每条语句须为 JSON 对象。");
    const st = s as Record<string, unknown>;
    for (const key of Object.keys(st)) {
      if (key === "principal") throw invalid(path, 'element "principal" is only for role trust policies, not for an identity\'s policy.', '元素 "principal" 仅用于角色信任策略，不能用于身份策略。');
      if (!STATEMENT_KEYS.has(key)) throw invalid(path, `unknown statement element "${key}".`, `未知的语句元素 "${key}"。`);
    }
    if (typeof st.effect !== "string" || !["allow", "deny"].includes(st.effect.toLowerCase())) {
      throw invalid(path, 'element "effect" must be "allow" or "deny".', '元素 "effect" 取值须为 "allow" 或 "deny"。');
    }
    checkStrings(st.action, path, "action", (a) => ACTION_RE.test(a), { en: "an action such as cvm:DescribeInstances or *", zh: "形如 cvm:DescribeInstances 或 * 的操作" });
    checkStrings(st.resource, path, "resource", (r) => RESOURCE_RE.test(r), { en: "a resource such as qcs::cvm::uin/1:instance/* or *", zh: "形如 qcs::cvm::uin/1:instance/* 或 * 的资源" });
    if (st.condition !== undefined) {
      const c = st.condition;
      const ok = c !== null && typeof c === "object" && !Array.isArray(c) && Object.values(c).every((v) => v !== null && typeof v === "object" && !Array.isArray(v));
      if (!ok) throw invalid(path, 'element "condition" must map operators to {key: value} objects.', '元素 "condition" 须为“操作符 → {键: 值}”形式的对象。');
    }
  }
}

const policyNotExist = (path: string, id: number, name: string) =>
  new ApiError("ResourceNotFound.PolicyNotExist", {
    en: `Parameter \`${path}\`: there is no CAM preset policy ${name} with id ${id}.`,
    zh: `参数\`${path}\`：不存在 ID 为 ${id}、名称为 ${name} 的 CAM 预设策略。`,
  });

/**
 * Check an identity's policies: 1 to 200 of them, each a known CAM preset (PolicyType 2, the
 * default: PolicyId and PolicyName naming it) or a custom document (PolicyType 1: PolicyDocument
 * in the CAM syntax), no preset twice. Answers them as stored, in the order given.
 * @throws InvalidParameter, ResourceNotFound.PolicyNotExist
 */
export function checkIdentityPolicies(list: readonly IdentityPolicy[], param = "IdentityPolicy"): CheckedPolicy[] {
  if (list.length === 0 || list.length > IDENTITY_POLICIES_MAX) {
    throw new ApiError("InvalidParameter", {
      en: `Parameter \`${param}\` must hold 1 to ${IDENTITY_POLICIES_MAX} policies.`,
      zh: `参数\`${param}\`须包含 1 至 ${IDENTITY_POLICIES_MAX} 个策略。`,
    });
  }
  const presets = new Set<number>();
  return list.map((p, i) => {
    const path = `${param}.${i}`;
    const type = p.PolicyType ?? POLICY_PRESET;
    if (type === POLICY_CUSTOM) {
      if (!p.PolicyDocument) throw invalid(`${path}.PolicyDocument`, "a custom policy (PolicyType 1) needs its document.", "自定义策略（PolicyType 1）须提供策略文档。");
      checkPolicyDocument(p.PolicyDocument, `${path}.PolicyDocument`);
      return { policy_id: null, policy_name: p.PolicyName?.trim() || null, policy_type: POLICY_CUSTOM, policy_document: p.PolicyDocument };
    }
    if (type !== POLICY_PRESET) throw invalid(`${path}.PolicyType`, "must be 1 (custom) or 2 (preset).", "取值须为 1（自定义）或 2（预设）。");
    if (p.PolicyDocument) throw invalid(`${path}.PolicyDocument`, "only a custom policy (PolicyType 1) has a document.", "仅自定义策略（PolicyType 1）可提供策略文档。");
    if (!p.PolicyId || !p.PolicyName) throw invalid(path, "a preset policy (PolicyType 2) needs PolicyId and PolicyName.", "预设策略（PolicyType 2）须提供 PolicyId 和 PolicyName。");
    if (PRESET_POLICIES.get(p.PolicyId) !== p.PolicyName) throw policyNotExist(path, p.PolicyId, p.PolicyName);
    if (presets.has(p.PolicyId)) throw invalid(path, `preset policy ${p.PolicyName} is given twice.`, `预设策略 ${p.PolicyName} 重复。`);
    presets.add(p.PolicyId);
    return { policy_id: p.PolicyId, policy_name: p.PolicyName, policy_type: POLICY_PRESET, policy_document: null };
  });
}
