import type { ApiVersion } from "./index.js";

/** A longest text for a string parameter, with where the figure comes from. */
export interface TextLimit {
  /** characters (Unicode code points) */
  max: number;
  why: string;
}

const POLICY_NAME = "a policy name is 1 to 128 characters (CreatePolicy's page, Name), so a longer keyword matches nothing";
const MEMBER_POLICY_TEXT =
  "it matches a member access policy's name (at most 128 characters, CreateOrganizationMemberPolicy's page, PolicyName) or description (TCO keeps those to 128 characters)";
const ENTITY_NAME = "no page gives a length; an entity name is kept in 255 characters, so a longer name matches nothing";

/**
 * The longest search and filter texts each action accepts, keyed `RequestObject.Member`. None of
 * the API pages gives a length for these parameters (each page only says what the text is matched
 * against); a longer text is refused with InvalidParameter rather than handed to the database,
 * where a LIKE pattern of 50,000 bytes fails on SQLite ("LIKE or GLOB pattern too complex"). Each
 * figure is the longest value the text can match, so refusing a longer one loses no answer.
 */
export const TEXT_LIMITS: Record<ApiVersion, Record<string, TextLimit>> = {
  "2021-03-31": {
    "DescribeOrganizationMembersRequest.SearchKey": {
      max: 25,
      why: "it matches a member name (1 to 25 characters, CreateOrganizationMember's page, Name) or a 12-digit UIN",
    },
    "DescribeOrganizationMembersRequest.AuthName": { max: 255, why: ENTITY_NAME },
    "DescribeOrganizationMembersRequest.NodeName": { max: 25, why: "a department name is 1 to 25 characters (AddOrganizationNode's page, Name)" },
    "DescribeOrganizationAuthNodeRequest.AuthName": { max: 255, why: ENTITY_NAME },
    "DescribeOrganizationMemberPoliciesRequest.SearchKey": { max: 128, why: MEMBER_POLICY_TEXT },
    "ListOrganizationIdentityRequest.SearchKey": {
      max: 255,
      why: "it matches an identity name; no page gives that length, TCO keeps identity names to 255 characters (CreateOrganizationIdentity)",
    },
    "ListOrganizationServiceRequest.SearchKey": { max: 128, why: "it matches a service's product code or name, all far shorter; 128 is a sensible bound" },
    "ListPoliciesRequest.Keyword": { max: 128, why: POLICY_NAME },
    "ListPoliciesForTargetRequest.Keyword": { max: 128, why: POLICY_NAME },
    "ListTargetsForPolicyRequest.Keyword": {
      max: 255,
      why: "several space-separated words (ListTargetsForPolicy's page); no page gives a length, 255 bounds the words looked up",
    },
    "ListNonCompliantResourceRequest.TagKey": { max: 127, why: "a tag key is at most 127 characters (the Tag service's limits, as checkTags applies)" },
  },
  "2018-12-25": {},
};
