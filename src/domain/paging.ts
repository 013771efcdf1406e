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
