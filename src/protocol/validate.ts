import { ApiError } from "./api-error.js";
import { REQUIRED, type MemberTuple, type SpecSchema } from "../spec/schema-types.js";

/**
 * Parameters arrive in one of two shapes: "json" (a TC3 POST body, typed JSON values) or "flat"
 * (GET query or form body, and every v1 request: `Tags.0.TagKey=...`, all values strings, which
 * are coerced by the spec's types).
 */
export type ParamShape = "json" | "flat";

type Check = (value: unknown, path: string, shape: ParamShape) => unknown;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

const wrongType = (path: string, en: string, zh: string) =>
  new ApiError("InvalidParameter", { en: `Parameter \`${path}\` must be ${en}.`, zh: `参数\`${path}\`类型错误，应为${zh}。` });

/**
 * A string, without the NUL character: PostgreSQL text cannot hold one, and no parameter of this
 * API has a use for it, so both databases refuse it alike, here.
 */
function checkString(value: unknown, path: string): string {
  if (typeof value !== "string") throw wrongType(path, "a string", "字符串");
  if (value.includes("\u0000")) {
    throw new ApiError("InvalidParameterValue", {
      en: `Parameter \`${path}\` must not contain the NUL character (U+0000).`,
      zh: `参数\`${path}\`不能包含 NUL 字符（U+0000）。`,
    });
  }
  return value;
}

/** The string check of a member with a longest length, in characters (Unicode code points). */
function checkLongest(check: Check, max: number): Check {
  return (value, path, shape) => {
    const text = check(value, path, shape) as string;
    // UTF-16 length bounds the code points from above: most texts need no count
    if (text.length > max && [...text].length > max) {
      throw new ApiError("InvalidParameter", { en: `Parameter \`${path}\` must be at most ${max} characters.`, zh: `参数\`${path}\`最长 ${max} 个字符。` });
    }
    return text;
  };
}

function makeIntCheck(member: string): Check {
  const unsigned = member === "uint64" || member === "uint";
  return (value, path, shape) => {
    let n: bigint;
    if (shape === "flat" && typeof value === "string" && /^-?\d{1,20}$/.test(value)) n = BigInt(value);
    else if (typeof value === "number" && Number.isInteger(value)) n = BigInt(value);
    else if (typeof value === "bigint") n = value;
    else throw wrongType(path, "an integer", "整数");
    if (n < (unsigned ? 0n : INT64_MIN) || n > (unsigned ? UINT64_MAX : INT64_MAX)) {
      throw new ApiError("InvalidParameterValue", {
        en: `Parameter \`${path}\` is out of the ${unsigned ? "uint64" : "int64"} range.`,
        zh: `参数\`${path}\`超出${unsigned ? "uint64" : "int64"}取值范围。`,
      });
    }
    if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
      // Refused rather than rounded: no identifier or count of this service is that large.
      throw new ApiError("InvalidParameterValue", {
        en: `Parameter \`${path}\` is larger than this server supports (2^53 - 1).`,
        zh: `参数\`${path}\`超出本服务支持的范围（2^53 - 1）。`,
      });
    }
    return Number(n);
  };
}

function checkFloat(value: unknown, path: string, shape: ParamShape): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (shape === "flat" && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  throw wrongType(path, "a number", "数字");
}

function checkBool(value: unknown, path: string, shape: ParamShape): boolean {
  if (typeof value === "boolean") return value;
  if (shape === "flat" && (value === "true" || value === "false")) return value === "true";
  throw wrongType(path, "a boolean", "布尔值");
}

/** In the flat shape a list arrives as an object keyed "0", "1", ...: turn it into an array. */
function asList(value: unknown, path: string, shape: ParamShape): unknown[] {
  if (Array.isArray(value)) return value;
  if (shape === "flat" && value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    const items: unknown[] = [];
    for (let i = 0; i < keys.length; i++) {
      if (!(String(i) in value)) throw wrongType(path, "a list indexed from 0 without gaps", "从 0 开始连续编号的列表");
      items.push((value as Record<string, unknown>)[String(i)]);
    }
    return items;
  }
  throw wrongType(path, "a list", "列表");
}

/**
 * Validators compiled once per schema from the spec: every object becomes a closure that checks
 * presence, type and unknown names, and returns a fresh object holding only the spec's members.
 */
export class Validators {
  private readonly compiled = new Map<string, Check>();

  constructor(private readonly schema: SpecSchema) {}

  /** Validate the top-level parameters of an action; returns the typed input. */
  input(action: string, params: Record<string, unknown>, shape: ParamShape): Record<string, unknown> {
    const objectName = this.schema.actions[action][0];
    return this.object(objectName)(params, "", shape) as Record<string, unknown>;
  }

  private object(name: string): Check {
    let check = this.compiled.get(name);
    if (check) return check;
    const members = this.schema.objects[name];
    if (!members) throw new Error(`spec object ${name} is missing`);
    const known = new Set(members.map((m) => m[0]));
    // Placeholder first, so recursive structures resolve to the closure being built.
    let fields: Array<[string, boolean, Check]> = [];
    check = (value, path, shape) => {
      if (value === null || typeof value !== "object" || Array.isArray(value)) throw wrongType(path.slice(0, -1), "an object", "对象");
      const source = value as Record<string, unknown>;
      for (const key of Object.keys(source)) {
        if (!known.has(key)) {
          throw new ApiError("UnknownParameter", { en: `Unknown parameter \`${path}${key}\`.`, zh: `未知参数\`${path}${key}\`。` });
        }
      }
      const out: Record<string, unknown> = {};
      for (const [field, required, checkField] of fields) {
        const v = source[field];
        if (v === undefined || v === null) {
          if (required) {
            throw new ApiError("MissingParameter", {
              en: `Missing required parameter \`${path}${field}\`.`,
              zh: `缺少必选参数\`${path}${field}\`。`,
            });
          }
          continue;
        }
        out[field] = checkField(v, path + field, shape);
      }
      return out;
    };
    this.compiled.set(name, check);
    fields = members.map((m) => {
      const max = this.schema.maxLength?.[`${name}.${m[0]}`];
      return [m[0], (m[3] & REQUIRED) !== 0, max === undefined ? this.member(m) : checkLongest(this.member(m), max)];
    });
    return check;
  }

  private member([, type, member]: MemberTuple): Check {
    const scalar = (t: string): Check => {
      switch (t) {
        case "string": return (v, p) => checkString(v, p);
        case "int64": case "uint64": case "int": case "uint": return makeIntCheck(t);
        case "float": return checkFloat;
        case "bool": return checkBool;
        default: {
          const nested = () => this.object(t);
          return (v, p, s) => nested()(v, `${p}.`, s);
        }
      }
    };
    if (type === "list") {
      const item = scalar(member);
      return (v, p, s) => asList(v, p, s).map((x, i) => {
        if (x === null || x === undefined) throw wrongType(`${p}.${i}`, "a value, not null", "非空值");
        return item(x, `${p}.${i}`, s);
      });
    }
    if (type === "object") return scalar(member);
    // int/string/bool/float declared with a precise member type
    return scalar(type === "int" ? member : type === "float" ? "float" : type === "bool" ? "bool" : "string");
  }
}
