import { parse as parseQuery } from "node:querystring";
import JSONbig from "json-bigint";
import { ApiError } from "./api-error.js";

const bigJson = JSONbig({ useNativeBigInt: true, protoAction: "ignore", constructorAction: "ignore" });

/** Parse a JSON request body; integers beyond 2^53 are kept exact as bigint (slow path only then). */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.length === 0 ? "{}" : body.toString("utf8");
  let value: unknown;
  try {
    value = /\d{16,}/.test(text) ? bigJson.parse(text) : JSON.parse(text);
  } catch {
    throw new ApiError("InvalidParameter", { en: "The request body is not valid JSON.", zh: "请求体不是合法的 JSON。" });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ApiError("InvalidParameter", { en: "The request body must be a JSON object.", zh: "请求体必须是 JSON 对象。" });
  }
  return value as Record<string, unknown>;
}

/** Parse a query string or form body into name → value; a name given twice is refused. */
export function parseFlat(text: string): Record<string, string> {
  const parsed = parseQuery(text);
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(parsed)) {
    if (Array.isArray(v)) {
      throw new ApiError("InvalidParameter", { en: `Parameter \`${k}\` is given more than once.`, zh: `参数\`${k}\`重复出现。` });
    }
    out[k] = v ?? "";
  }
  return out;
}

/**
 * Turn flattened names (`Tags.0.TagKey`) into nested objects. Lists stay objects keyed "0", "1", ...
 * here; the validator turns them into arrays where the spec says list.
 */
export function unflatten(flat: Record<string, string>, skip?: ReadonlySet<string>): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(flat)) {
    if (skip?.has(name)) continue;
    const parts = name.split(".");
    let node = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = node[parts[i]];
      if (next === undefined) {
        const child: Record<string, unknown> = Object.create(null);
        node[parts[i]] = child;
        node = child;
      } else if (typeof next === "object" && next !== null) {
        node = next as Record<string, unknown>;
      } else {
        throw new ApiError("InvalidParameter", { en: `Parameter \`${parts.slice(0, i + 1).join(".")}\` is given both as a value and as a structure.`, zh: `参数\`${parts.slice(0, i + 1).join(".")}\`同时以值和结构出现。` });
      }
    }
    const last = parts[parts.length - 1];
    if (typeof node[last] === "object") {
      throw new ApiError("InvalidParameter", { en: `Parameter \`${name}\` is given both as a value and as a structure.`, zh: `参数\`${name}\`同时以值和结构出现。` });
    }
    node[last] = value;
  }
  return root;
}
