/** A JSON value as parsed here: objects have no prototype, so any key (even "__proto__") is plain data. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** A key written twice in the same object, and where: the keys leading to that object. */
export interface DuplicateKey {
  path: string[];
  key: string;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = "JsonSyntaxError";
  }
}

/** Whether a parsed value is a JSON object (not an array, not null). */
export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Parse JSON text strictly (RFC 8259: no comments, no trailing commas, one value) and report every
 * key that appears twice in one object — JSON.parse silently keeps the last one, while a policy
 * document with a repeated key is ambiguous. The last occurrence is the value kept.
 * @throws JsonSyntaxError
 */
export function parseStrictJson(text: string): { value: Json; duplicates: DuplicateKey[] } {
  const duplicates: DuplicateKey[] = [];
  let i = 0;

  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, i);
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) fail(`expected '${ch}'`);
    i++;
  };

  const parseString = (): string => {
    expect('"');
    let out = "";
    for (;;) {
      if (i >= text.length) fail("unterminated string");
      const ch = text[i++];
      if (ch === '"') return out;
      if (ch === "\\") {
        const esc = text[i++];
        switch (esc) {
          case '"':
          case "\\":
          case "/":
            out += esc;
            break;
          case "b":
            out += "\b";
            break;
          case "f":
            out += "\f";
            break;
          case "n":
            out += "\n";
            break;
          case "r":
            out += "\r";
            break;
          case "t":
            out += "\t";
            break;
          case "u": {
            const hex = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("invalid \\u escape");
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            i--;
            fail("invalid escape");
        }
      } else if (ch < " ") {
        i--;
        fail("control character in string");
      } else {
        out += ch;
      }
    }
  };

  const parseNumber = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail("invalid number");
    i += m![0].length;
    return Number(m![0]);
  };

  const parseValue = (path: string[]): Json => {
    skipSpace();
    const ch = text[i];
    if (ch === "{") return parseObject(path);
    if (ch === "[") return parseArray(path);
    if (ch === '"') return parseString();
    if (ch === "-" || (ch >= "0" && ch <= "9")) return parseNumber();
    for (const [word, value] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(i >= text.length ? "unexpected end of text" : `unexpected character '${ch}'`);
  };

  const parseObject = (path: string[]): JsonObject => {
    expect("{");
    const obj = Object.create(null) as JsonObject;
    const seen = new Set<string>();
    skipSpace();
    if (text[i] === "}") {
      i++;
      return obj;
    }
    for (;;) {
      skipSpace();
      const key = parseString();
      if (seen.has(key)) duplicates.push({ path, key });
      seen.add(key);
      skipSpace();
      expect(":");
      obj[key] = parseValue([...path, key]);
      skipSpace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      expect("}");
      return obj;
    }
  };

  const parseArray = (path: string[]): Json[] => {
    expect("[");
    const arr: Json[] = [];
    skipSpace();
    if (text[i] === "]") {
      i++;
      return arr;
    }
    for (;;) {
      arr.push(parseValue(path));
      skipSpace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      expect("]");
      return arr;
    }
  };

  const value = parseValue([]);
  skipSpace();
  if (i < text.length) fail("unexpected text after the document");
  return { value, duplicates };
}
