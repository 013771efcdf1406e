import { ApiError } from "../protocol/api-error.js";

/** The largest page the listing actions answer (their documented Limit range is 1 to 50). */
export const MAX_PAGE = 50;

/** Refuse a page size outside 1..max, naming the parameter. Offset is any non-negative integer. */
export function checkLimit(limit: number, max = MAX_PAGE, param = "Limit"): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new ApiError("InvalidParameter", {
      en: `Parameter \`${param}\` must be between 1 and ${max}.`,
      zh: `参数\`${param}\`取值范围为 1 至 ${max}。`,
    });
  }
}
