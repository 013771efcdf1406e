import type * as TagApi from "../../spec/generated/tag-v20180813.js";
import type { UndeclaredMap } from "../undeclared.js";
import { describeResourceTags } from "./describe-resource-tags.js";
import { describeResourceTagsByResourceIds } from "./describe-resource-tags-by-resource-ids.js";
import { getResources } from "./get-resources.js";
import { modifyResourceTags } from "./modify-resource-tags.js";

/**
 * The served actions of the Tag API (service tag, version 2018-08-13), over the tags of the
 * organization's departments and members. The generated schema holds these actions only, so the
 * map names every one of them.
 */
export const TAG_HANDLERS: UndeclaredMap<TagApi.Actions> = {
  ModifyResourceTags: modifyResourceTags,
  DescribeResourceTagsByResourceIds: describeResourceTagsByResourceIds,
  DescribeResourceTags: describeResourceTags,
  GetResources: getResources,
};
