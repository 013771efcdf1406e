import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import { CAM_RESOURCE_TYPES, CAM_SERVICES, CONDITION_OPERATORS, SERVICE_PRINCIPALS } from "./catalog.js";
import { isObject, parseStrictJson, type Json, type JsonObject } from "./strict-json.js";

/** Keys a CAM policy document may have, and keys a statement may have. */
const DOCUMENT_KEYS = new Set(["version", "statement"]);
const STATEMENT_KEYS = new Set(["effect", "action", "not_action", "resource", "not_resource", "condition", "principal"]);

const REGION_RE = /^[a-z]{2,}(-[a-z0-9]+){1,3}$/;
const ACCOUNT_RE = /^(uin|uid)\/(\d+|\*)$/;
const PROJECT_RE = /^((id|project)\/)?\d+$/;
const ACTION_NAME_RE = /^(?=.*[A-Za-z*])[A-Za-z0-9_*]+$/;
const PRINCIPAL_QCS_RE = /^qcs::cam::(uin|uid)\/\d+:(root|uin\/\d+|roleName\/\S+|federated-user\/\S+|saml-provider\/\S+|groupid\/\d+)$|^qcs::cam::anyone:anyone$/;

/** The error for a problem at `where` in the Content parameter. */
function fail(code: ErrorCode, where: string, en: string, zh: string): ApiError {
  const at = where ? { en: ` (${where})`, zh: `（${where}）` } : { en: "", zh: "" };
  return new ApiError(code, { en: `Parameter \`Content\`${at.en}: ${en}`, zh: `参数\`Content\`${at.zh}：${zh}` });
}

/** A string, or a non-empty list of strings, as a list; undefined when it is neither. */
function stringList(v: Json): string[] | undefined {
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string")) return v as string[];
  return undefined;
}

function checkAction(a: string, where: string): void {
  if (a === "*") return;
  const m = /^(?:name\/)?([^:]+):(.*)$/.exec(a);
  if (!m) throw fail("InvalidParameter.ActionError", where, `action "${a}" is not of the form service:Action.`, `操作 "${a}" 不符合 service:Action 格式。`);
  const [, service, name] = m;
  if (!CAM_SERVICES.has(service.toLowerCase())) {
    throw fail("InvalidParameter.ActionServiceNotExist", where, `action "${a}" names an unknown service "${service}".`, `操作 "${a}" 中的服务 "${service}" 不存在。`);
  }
  if (!ACTION_NAME_RE.test(name)) {
    throw fail("InvalidParameter.ActionNotExist", where, `action "${a}" names no action of service ${service}.`, `操作 "${a}" 在服务 ${service} 中不存在。`);
  }
}

function checkResource(r: string, where: string): void {
  if (r === "*") return;
  if (!r.startsWith("qcs:")) {
    throw fail("InvalidParameter.ResourceQcsError", where, `resource "${r}" must be "*" or start with "qcs:".`, `资源 "${r}" 须为 "*" 或以 "qcs:" 开头。`);
  }
  const parts = r.split(":");
  if (parts.length < 6) {
    throw fail(
      "InvalidParameter.ResourceContentError",
      where,
      `resource "${r}" must have six segments: qcs:project:service:region:account:resource.`,
      `资源 "${r}" 须为六段式：qcs:project:service:region:account:resource。`,
    );
  }
  const [, project, service, region, account] = parts;
  const resource = parts.slice(5).join(":");
  if (project !== "" && project !== "*" && !PROJECT_RE.test(project)) {
    throw fail("InvalidParameter.ResourceProjectError", where, `resource "${r}" has an invalid project "${project}".`, `资源 "${r}" 的项目 "${project}" 不正确。`);
  }
  if (service !== "*" && !CAM_SERVICES.has(service)) {
    throw fail("InvalidParameter.ResourceServiceNotExist", where, `resource "${r}" names an unknown service "${service}".`, `资源 "${r}" 中的服务 "${service}" 不存在。`);
  }
  if (region !== "" && region !== "*" && !REGION_RE.test(region)) {
    throw fail("InvalidParameter.ResourceRegionError", where, `resource "${r}" has an invalid region "${region}".`, `资源 "${r}" 的地域 "${region}" 不正确。`);
  }
  if (account !== "" && account !== "*" && !ACCOUNT_RE.test(account)) {
    throw fail(
      "InvalidParameter.ResourceUinError",
      where,
      `resource "${r}" has an invalid owner "${account}" (uin/<id> or uid/<id>).`,
      `资源 "${r}" 的所属主账号 "${account}" 不正确（应为 uin/<id> 或 uid/<id>）。`,
    );
  }
  if (resource === "") throw fail("InvalidParameter.ResourceContentError", where, `resource "${r}" has an empty last segment.`, `资源 "${r}" 的最后一段为空。`);
  const types = CAM_RESOURCE_TYPES.get(service);
  const slash = resource.indexOf("/");
  if (types && resource !== "*" && slash > 0) {
    const type = resource.slice(0, slash);
    if (type !== "*" && !types.has(type)) {
      throw fail("InvalidParameter.NotSupportProduct", where, `service ${service} has no resource type "${type}".`, `服务 ${service} 不支持资源类型 "${type}"。`);
    }
  }
}

function checkCondition(c: Json, where: string): void {
  if (!isObject(c) || Object.keys(c).length === 0) {
    throw fail("InvalidParameter.ConditionError", where, "condition must be a non-empty object of operators.", "condition 须为非空的操作符对象。");
  }
  for (const [op, body] of Object.entries(c)) {
    const base = op.replace(/^for_(all|any)_value:/, "").replace(/_if_exist$/, "");
    if (!CONDITION_OPERATORS.has(base)) {
      throw fail("InvalidParameter.ConditionTypeError", where, `condition operator "${op}" is unknown.`, `条件操作符 "${op}" 不存在。`);
    }
    const scalar = (v: Json) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";
    const valid =
      isObject(body) &&
      Object.keys(body).length > 0 &&
      Object.entries(body).every(([k, v]) => k !== "" && (scalar(v) || (Array.isArray(v) && v.length > 0 && v.every(scalar))));
    if (!valid) {
      throw fail(
        "InvalidParameter.ConditionContentError",
        where,
        `condition "${op}" must map condition keys to a value or a non-empty list of values.`,
        `条件 "${op}" 须将条件键映射到一个值或非空的值列表。`,
      );
    }
  }
}

function checkPrincipal(p: Json, where: string): void {
  if (!isObject(p) || Object.keys(p).length === 0 || Object.keys(p).some((k) => k !== "qcs" && k !== "service")) {
    throw fail("InvalidParameter.PrincipalError", where, 'principal must be an object with "qcs" and/or "service".', 'principal 须为包含 "qcs" 和/或 "service" 的对象。');
  }
  if (p.qcs !== undefined) {
    if (Array.isArray(p.qcs) && p.qcs.length === 0) throw fail("InvalidParameter.PrincipalQcsNotExist", where, "principal qcs lists no account.", "principal 的 qcs 未列出任何账号。");
    const list = stringList(p.qcs);
    const bad = list ? list.find((q) => !PRINCIPAL_QCS_RE.test(q)) : String(p.qcs);
    if (bad !== undefined) {
      throw fail("InvalidParameter.PrincipalQcsError", where, `principal "${bad}" is not of the form qcs::cam::uin/<id>:uin/<id>.`, `principal "${bad}" 不符合 qcs::cam::uin/<id>:uin/<id> 格式。`);
    }
  }
  if (p.service !== undefined) {
    const list = stringList(p.service);
    const bad = list ? list.find((s) => !SERVICE_PRINCIPALS.has(s)) : String(p.service);
    if (bad !== undefined) {
      throw fail("InvalidParameter.PrincipalServiceNotExist", where, `principal service "${bad}" does not exist.`, `principal 服务 "${bad}" 不存在。`);
    }
  }
}

function checkStatement(s: JsonObject, where: string): void {
  const unknown = Object.keys(s).find((k) => !STATEMENT_KEYS.has(k));
  if (unknown !== undefined) throw fail("InvalidParameter.StatementError", where, `statement has an unknown element "${unknown}".`, `statement 含未知元素 "${unknown}"。`);

  if (typeof s.effect !== "string" || !["allow", "deny"].includes(s.effect.toLowerCase())) {
    throw fail("InvalidParameter.EffectError", where, 'effect must be "allow" or "deny".', 'effect 须为 "allow" 或 "deny"。');
  }

  if (s.action === undefined && s.not_action === undefined) throw fail("InvalidParameter.ActionMiss", where, "statement has no action.", "statement 缺少 action。");
  if (s.action !== undefined && s.not_action !== undefined) {
    throw fail("InvalidParameter.ActionError", where, "statement cannot have both action and not_action.", "statement 不能同时含 action 和 not_action。");
  }
  const actions = stringList((s.action ?? s.not_action)!);
  if (!actions) throw fail("InvalidParameter.ActionError", where, "action must be a string or a non-empty list of strings.", "action 须为字符串或非空字符串列表。");
  for (const a of actions) checkAction(a, where);

  if (s.resource === undefined && s.not_resource === undefined) throw fail("InvalidParameter.ResourceError", where, "statement has no resource.", "statement 缺少 resource。");
  if (s.resource !== undefined && s.not_resource !== undefined) {
    throw fail("InvalidParameter.ResourceError", where, "statement cannot have both resource and not_resource.", "statement 不能同时含 resource 和 not_resource。");
  }
  const resources = stringList((s.resource ?? s.not_resource)!);
  if (!resources) throw fail("InvalidParameter.ResourceError", where, "resource must be a string or a non-empty list of strings.", "resource 须为字符串或非空字符串列表。");
  for (const r of resources) checkResource(r, where);

  if (s.condition !== undefined) checkCondition(s.condition, where);
  if (s.principal !== undefined) checkPrincipal(s.principal, where);
}

/**
 * Check a service control policy written in CAM policy syntax:
 * `{"version":"2.0","statement":[{"effect","action","resource","condition"?,"principal"?}]}`.
 * Each kind of mistake answers its own documented code (VersionError, StatementError, EffectError,
 * Action*, Resource*, Condition*, Principal*, NotSupportProduct); text that is not one JSON object
 * with only those keys answers PolicyDocumentError.
 * @throws ApiError
 */
export function checkScpDocument(content: string): void {
  let parsed: ReturnType<typeof parseStrictJson>;
  try {
    parsed = parseStrictJson(content);
  } catch (e) {
    throw fail("InvalidParameter.PolicyDocumentError", "", `is not valid JSON: ${(e as Error).message}.`, `不是合法的 JSON：${(e as Error).message}。`);
  }
  const dup = parsed.duplicates[0];
  if (dup) {
    const at = [...dup.path, dup.key].join(".");
    throw fail("InvalidParameter.PolicyDocumentError", "", `key "${at}" is given twice.`, `键 "${at}" 重复。`);
  }
  const doc = parsed.value;
  if (!isObject(doc)) throw fail("InvalidParameter.PolicyDocumentError", "", "must be a JSON object.", "须为 JSON 对象。");
  const unknown = Object.keys(doc).find((k) => !DOCUMENT_KEYS.has(k));
  if (unknown !== undefined) throw fail("InvalidParameter.PolicyDocumentError", "", `has an unknown element "${unknown}".`, `含未知元素 "${unknown}"。`);
  if (doc.version !== "2.0") throw fail("InvalidParameter.VersionError", "", 'version must be "2.0".', 'version 须为 "2.0"。');
  const statements = doc.statement;
  if (!Array.isArray(statements) || statements.length === 0) {
    throw fail("InvalidParameter.StatementError", "", "statement must be a non-empty list.", "statement 须为非空列表。");
  }
  statements.forEach((s, k) => {
    const where = `statement ${k + 1}`;
    if (!isObject(s)) throw fail("InvalidParameter.StatementError", where, "each statement must be an object.", "每个 statement 须为对象。");
    checkStatement(s, where);
  });
}
