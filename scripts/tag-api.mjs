// The part of the Tag API (service `tag`, version 2018-08-13) that TCO serves: the resource-tag
// actions the Terraform provider and a user make on organization departments and members. Read by
// gen-spec.mjs, which generates the schema and types of these actions only.
//
// Error codes per action. ../shared/spec has no error list for the Tag API, so the table is kept
// here. Source: the "可能返回的错误码" comment above each action in TencentCloud/tencentcloud-sdk-go
// tencentcloud/tag/v20180813/client.go (commit 025dbeaa09518d3f27ed357cf2637a419160c32c), the same
// rule the pack's organization-errors.json was extracted by; it matches the codes the action pages
// list (ModifyResourceTags https://cloud.tencent.com/document/api/651/35322, and the Tag "Error Codes"
// pages https://cloud.tencent.com/document/api/651/35328, https://www.tencentcloud.com/document/api/651/33024).
// Order kept as the source lists it.

export const TAG_SERVICE = "tag";
export const TAG_VERSION = "2018-08-13";

export const TAG_ACTION_CODES = {
  ModifyResourceTags: [
    "FailedOperation",
    "InvalidParameter.ReservedTagKey",
    "InvalidParameter.Tag",
    "InvalidParameterValue.DeleteTagsParamError",
    "InvalidParameterValue.ResourceDescriptionError",
    "InvalidParameterValue.TagKeyCharacterIllegal",
    "InvalidParameterValue.TagKeyEmpty",
    "InvalidParameterValue.TagKeyLengthExceeded",
    "InvalidParameterValue.TagValueCharacterIllegal",
    "InvalidParameterValue.TagValueLengthExceeded",
    "LimitExceeded.Quota",
    "LimitExceeded.ResourceAttachedTags",
    "LimitExceeded.TagKey",
    "LimitExceeded.TagValue",
  ],
  DescribeResourceTagsByResourceIds: [
    "FailedOperation",
    "InvalidParameterValue.RegionInvalid",
    "InvalidParameterValue.ResourceIdInvalid",
    "InvalidParameterValue.ResourcePrefixInvalid",
    "InvalidParameterValue.ServiceTypeInvalid",
    "InvalidParameterValue.UinInvalid",
    "UnsupportedOperation",
  ],
  DescribeResourceTags: ["FailedOperation"],
  GetResources: [
    "AuthFailure.UnauthorizedOperation",
    "FailedOperation",
    "FailedOperation.ResourceTagProcessing",
    "InvalidParameter",
    "InvalidParameter.PaginationTokenInvalid",
    "InvalidParameter.ReservedTagKey",
    "InvalidParameter.Tag",
    "InvalidParameterValue.ResourceDescriptionError",
    "InvalidParameterValue.TagKeyDuplicate",
    "InvalidParameterValue.TagKeyEmpty",
    "InvalidParameterValue.TagKeyLengthExceeded",
    "InvalidParameterValue.TagValueCharacterIllegal",
    "InvalidParameterValue.TagValueLengthExceeded",
    "LimitExceeded.ResourceNumPerRequest",
    "LimitExceeded.TagNumPerRequest",
    "LimitExceeded.TagValue",
  ],
};
