// The request-rate limits of the Organization actions whose API page names a figure other than the
// default, each with the page that says so. scripts/gen-spec.mjs writes every action's limit into
// src/spec/generated/rate-limits.ts from this table; an action not listed here gets DEFAULT_RATE_LIMIT.
//
// Where the figures come from: each action's API page opens with "默认接口请求频率限制：N次/秒" (China
// site) / "A maximum of N requests can be initiated per second for this API" (international site),
// and the API overview lists them per category (https://cloud.tencent.com/document/product/850/63319,
// https://www.tencentcloud.com/document/api/1031/52040; 2018-12-25:
// https://www.tencentcloud.com/document/api/1031/32859). Limits apply per API, access region and
// calling (sub-)account: https://cloud.tencent.com/document/product/1278/109059.
//
// Read for this table (docs corpus): the opening tables of the China-site overview (organization
// settings, departments and members, unified member login: all 20 but the two below), the
// international 2018-12-25 overview (19 of its 20 rows could be read, all 20), and the API pages of the financial, organization
// service, management policy and resource sharing actions and of OpenIdentityCenter,
// DescribeIdentityCenter, GetZoneStatistics and UpdateUserStatus: all 20 per second except
// DescribeOrganization. Not found page by page: DetachPolicy, ListNonCompliantResource,
// DeleteShareUnitNode, DescribeShareUnitNodes, DescribeShareUnitMembers,
// DescribeResourceToShareMember and most Identity Center actions; they take the default, which every
// page read states. DescribeOrganizationMembers shows "-" in the China-site overview and no figure on
// its international API page, while the international overview lists 20: it keeps the default.

/** Calls per second an action allows when its page names no other figure. */
export const DEFAULT_RATE_LIMIT = 20;

/** version → action → { perSecond, source } for the actions that differ from the default. */
export const RATE_LIMITS = {
  "2021-03-31": {
    DescribeOrganization: {
      perSecond: 40,
      source: "https://cloud.tencent.com/document/api/850/67059 (默认接口请求频率限制：40次/秒); https://www.tencentcloud.com/document/api/1031/52049; overview 850/63319",
    },
  },
  "2018-12-25": {},
  // the Tag API's served actions (service tag): ModifyResourceTags, DescribeResourceTags and
  // GetResources state 20 (651/37097, 651/46539)
  "2018-08-13": {
    DescribeResourceTagsByResourceIds: {
      perSecond: 100,
      source: "https://www.tencentcloud.com/document/product/651/33022 (A maximum of 100 requests can be initiated per second for this API)",
    },
  },
};
