import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";

/**
 * How a list action pages, declared in its contract (like moto's PAGINATION_MODEL); dispatch checks
 * the paging parameters before the handler runs and hands it `ctx.page`.
 * - `offset`: Offset and Limit. Limit from 1 to `maxLimit`; `defaultLimit` when the action lets it
 *   be left out. The docs ask for an Offset that is a multiple of Limit, but their own examples do
 *   not follow it, so any Offset that is not negative is served: the page starts at that item.
 * - `rp`: Rp (page size, 1 to `maxRp`, default `defaultRp`) and Page (1 to `maxPage`, default 1),
 *   the policy lists' pair.
 * - `token`: a continuation token (NextToken or PaginationToken, opaque: TCO writes the next offset)
 *   and MaxResults (1 to `maxResults`, default `defaultResults`; required when there is none). A
 *   token TCO did not give answers `invalidToken` (InvalidParameter unless the action documents
 *   one of its own).
 */
export type PagingSpec =
  | { style: "offset"; maxLimit: number; defaultLimit?: number }
  | { style: "rp"; maxRp: number; maxPage: number; defaultRp: number }
  | { style: "token"; token: "NextToken" | "PaginationToken"; maxResults: number; defaultResults?: number; invalidToken?: ErrorCode };

/** The largest page (Limit) the Organization API's Offset/Limit lists answer (documented range 1 to 50). */
export const MAX_PAGE_LIMIT = 50;

/** The page a handler serves: where it starts, how long it is, and the token of the page after it. */
export interface Page {
  offset: number;
  limit: number;
  /** the continuation token after this page of a list of `total` items; "" at the end */
  nextToken(total: number): string;
}

const range = (param: string, min: number, max: number) =>
  new ApiError("InvalidParameter", { en: `Parameter \`${param}\` must be from ${min} to ${max}.`, zh: `参数\`${param}\`取值须为 ${min} 至 ${max}。` });

/** A whole number from `min` to `max` → InvalidParameter naming `param` otherwise. */
function bounded(value: unknown, param: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) throw range(param, min, max);
  return value;
}

const TOKEN_PREFIX = "tco:";

/** The opaque token of the page starting at `offset`. */
export const encodeToken = (offset: number): string => Buffer.from(`${TOKEN_PREFIX}${offset}`).toString("base64url");

/** The offset a token stands for → `code` when TCO did not give it; 0 for no token. */
export function decodeToken(token: unknown, param: string, code: ErrorCode = "InvalidParameter"): number {
  if (token === undefined || token === "") return 0;
  const text = typeof token === "string" && /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, "base64url").toString("utf8") : "";
  const m = text.startsWith(TOKEN_PREFIX) ? /^\d{1,9}$/.exec(text.slice(TOKEN_PREFIX.length)) : null;
  if (!m) {
    throw new ApiError(code, {
      en: `Parameter \`${param}\` is not a token this list answered; leave it out for the first page.`,
      zh: `参数\`${param}\`不是本列表返回的令牌；首页请不填。`,
    });
  }
  return Number(m[0]);
}

/** The page an input asks for under a paging spec → InvalidParameter (or the token's code) naming the parameter. */
export function pageOf(spec: PagingSpec, input: Readonly<Record<string, unknown>>): Page {
  switch (spec.style) {
    case "offset": {
      const limit = bounded(input.Limit ?? spec.defaultLimit, "Limit", 1, spec.maxLimit);
      const offset = input.Offset ?? 0;
      if (typeof offset !== "number" || !Number.isInteger(offset) || offset < 0) {
        throw new ApiError("InvalidParameter", { en: "Parameter `Offset` must not be negative.", zh: "参数`Offset`不能为负数。" });
      }
      return offsetPage(offset, limit);
    }
    case "rp": {
      const limit = bounded(input.Rp ?? spec.defaultRp, "Rp", 1, spec.maxRp);
      const page = bounded(input.Page ?? 1, "Page", 1, spec.maxPage);
      return offsetPage((page - 1) * limit, limit);
    }
    case "token": {
      const limit = bounded(input.MaxResults ?? spec.defaultResults, "MaxResults", 1, spec.maxResults);
      return offsetPage(decodeToken(input[spec.token], spec.token, spec.invalidToken), limit);
    }
  }
}

/** A page from `offset` of `limit` items. */
export function offsetPage(offset: number, limit: number): Page {
  return { offset, limit, nextToken: (total) => (offset + limit < total ? encodeToken(offset + limit) : "") };
}

/**
 * The checks of the lists that do not declare their paging yet (they call these themselves); they
 * go once every list declares a paging spec.
 */
export function checkLimit(limit: number, max = MAX_PAGE_LIMIT, param = "Limit"): void {
  bounded(limit, param, 1, max);
}

/** See checkLimit: Offset/Limit checked by the handler itself. */
export function checkPage(offset: number, limit: number, max = MAX_PAGE_LIMIT): void {
  pageOf({ style: "offset", maxLimit: max }, { Offset: offset, Limit: limit });
}

/** See checkLimit: Rp/Page (defaults 20 and 1, at most 200 each) checked by the handler itself. */
export function rpPage(rp: number | undefined, page: number | undefined): { offset: number; limit: number } {
  return pageOf({ style: "rp", maxRp: 200, maxPage: 200, defaultRp: 20 }, { Rp: rp, Page: page });
}
