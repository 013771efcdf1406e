import { checkPage } from "../base/paging.js";

/**
 * Offset/Limit of the Tag API's lists: Offset defaults to 0 and Limit to 15 (the DescribeResourceTags
 * and DescribeResourceTagsByResourceIds pages, https://www.tencentcloud.com/document/api/651/37097
 * and https://cloud.tencent.com/document/api/651/35319). The pages give no largest
 * Limit; TCO takes up to 100. Like the organization lists, any Offset is served although the pages
 * ask for a multiple of Limit → InvalidParameter (see checkPage).
 */
export const TAG_PAGE_DEFAULT = 15;
export const TAG_PAGE_MAX = 100;

/** The checked page of a Tag API list. */
export function tagPage(offset: number | undefined, limit: number | undefined): { offset: number; limit: number } {
  const page = { offset: offset ?? 0, limit: limit ?? TAG_PAGE_DEFAULT };
  checkPage(page.offset, page.limit, TAG_PAGE_MAX);
  return page;
}
