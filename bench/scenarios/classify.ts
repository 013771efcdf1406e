import type { HttpResponse } from "../driver/response-parser.js";

const ERROR_PREFIX = Buffer.from('{"Response":{"Error":{"Code":"');

/**
 * An API 3.0 answer: an error envelope gives its Error.Code. TCO writes the Error object first, so
 * a prefix test tells errors from successes without parsing the (possibly large) success body.
 */
export function tcoClassify(res: HttpResponse): string | undefined {
  if (res.status !== 200) return `HTTP ${res.status}`;
  if (res.body.length < ERROR_PREFIX.length || res.body.compare(ERROR_PREFIX, 0, ERROR_PREFIX.length, 0, ERROR_PREFIX.length) !== 0) {
    return res.body.length > 0 && res.body[0] === 0x7b ? undefined : "InvalidEnvelope";
  }
  const start = ERROR_PREFIX.length;
  return res.body.toString("utf8", start, res.body.indexOf(0x22, start));
}

/** An AWS JSON 1.1 answer: any non-2xx status is an error named by its `__type`. */
export function awsClassify(res: HttpResponse): string | undefined {
  if (res.status >= 200 && res.status < 300) return undefined;
  try {
    const type = String((JSON.parse(res.body.toString("utf8")) as { __type?: string }).__type ?? "");
    return type.split("#").pop() || `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

/** The bare server: 200 is all it says. */
export const statusClassify = (res: HttpResponse): string | undefined => (res.status === 200 ? undefined : `HTTP ${res.status}`);
