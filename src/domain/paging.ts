import { ApiError } from "../protocol/api-error.js";

/** The largest page the Organization API's Offset/Limit lists answer (documented Limit range 1 to 50). */
export const MAX_PAGE_LIMIT = 50;

/** Refuse a page size outside 1..max, naming the parameter. */
export function checkLimit(limit: number, max = MAX_PAGE_LIMIT, param = "Limit"): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\` must be from 1 to ${max}.`, zh: `参数\`${param}\`取值须为 1 至 ${max}。` });
  }
}

/**
 * Check the Offset/Limit pair of a paged list: Limit from 1 to `max`, Offset not negative →
 * InvalidParameter otherwise. The docs ask for an Offset that is a multiple of Limit, but their own
 * examples do not follow it, so any Offset is served: the page starts at that item.
 */
export function checkPage(offset: number, limit: number, max = MAX_PAGE_LIMIT): void {
  checkLimit(limit, max);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new ApiError("InvalidParameter", { en: "Parameter `Offset` must not be negative.", zh: "参数`Offset`不能为负数。" });
  }
}

/** The largest page (Rp) and page number the Rp/Page lists accept. */
export const MAX_RP = 200;
export const MAX_PAGE = 200;

/** Check the Rp/Page pair of a list that pages that way (the policy lists; defaults 20 and 1) → InvalidParameter; answers offset and limit. */
export function rpPage(rp: number | undefined, page: number | undefined): { offset: number; limit: number } {
  const limit = rp ?? 20;
  const p = page ?? 1;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RP) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`Rp\` must be from 1 to ${MAX_RP}.`, zh: `参数\`Rp\`取值须为 1 至 ${MAX_RP}。` });
  }
  if (!Number.isInteger(p) || p < 1 || p > MAX_PAGE) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`Page\` must be from 1 to ${MAX_PAGE}.`, zh: `参数\`Page\`取值须为 1 至 ${MAX_PAGE}。` });
  }
  return { offset: (p - 1) * limit, limit };
}
