import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { V2021_PENDING } from "../../src/domain/v20210331.js";
import { ACTION_ERROR_CODES } from "../../src/spec/generated/errors.js";

const BILLING = "decided by Tencent Cloud's billing system, which TCO does not model";
const ACTIVATION = "belongs to the member's e-mail activation page (link, SMS code, password), which the operator's ConfirmMemberEmail stands in for";
const SHARING = "resource sharing is not built yet (its share units and shared nodes cannot exist)";
const CIC = "Identity Center is not built yet";
const BACKEND = "a failure of an internal Tencent Cloud system that TCO has no counterpart of";

/**
 * Documented codes of implemented actions that no state in a self-hosted service reaches, with the
 * reason. They stay reachable through fault injection (operator InjectFault). Keyed by code; the
 * same reason holds for every action that documents it.
 */
const UNREACHABLE: Record<string, string> = {
  "FailedOperation.MemberBindEmailError": ACTIVATION,
  "FailedOperation.MemberBindPhoneError": ACTIVATION,
  "InvalidParameter.CodeError": ACTIVATION,
  "InvalidParameter.CodeExpired": ACTIVATION,
  "InvalidParameter.InvalidEmail": ACTIVATION,
  "InvalidParameter.PasswordIllegal": ACTIVATION,
  "FailedOperation.CheckAccountPhoneBindLimit": BACKEND,
  "FailedOperation.CheckMailAccount": BACKEND,
  "FailedOperation.GetAccountRegion": BACKEND,
  "FailedOperation.ExistOtherOrganizationMemberShared": SHARING,
  "FailedOperation.QuitShareUint": SHARING,
  "FailedOperation.QuiteShareUnit": SHARING,
  "FailedOperation.ShareNodeExisted": SHARING,
  "FailedOperation.ShareUnitNotEmpty": SHARING,
  "UnsupportedOperation.AdminAccountExistCICRoleConfig": CIC,
  "UnsupportedOperation.AdminAccountExistCICUserConfig": CIC,
  "UnsupportedOperation.MemberHasVoucher": BILLING,
  "UnsupportedOperation.MemberIsNotClient": "decided by the reseller system; the registry's agent flag does not tell a reseller from its client",
};

const testRoot = fileURLToPath(new URL("../../../test", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") && !e.name.startsWith("error-code-coverage") ? [readFileSync(join(dir, e.name), "utf8")] : [],
  );
}

const TAG_QUOTA =
  "the account-wide quota of the Tag Use Limits page (651/13354: 1,000,000 tag key-value pairs per account) is beyond what an organization's departments and members can carry (50 tags each)";

const POLICY_READS = ["DescribePolicy", "DescribePolicyConfig", "ListPolicies", "ListPoliciesForTarget", "ListTargetsForPolicy", "DescribeEffectivePolicy"];
const NOT_READ = "the product-wide not-found list these policy reads document; they read none of those resources";

/** Like UNREACHABLE, for codes that only some actions cannot answer: code → [actions, reason]. */
const UNREACHABLE_IN: Record<string, [readonly string[], string]> = {
  "FailedOperation.AccountAlreadyRegister": [["DescribeOrganizationMemberEmailBind"], ACTIVATION],
  "InvalidParameter.InterfaceNotExist": [POLICY_READS, "the interface always exists"],
  "ResourceNotFound.ApplyNotExist": [POLICY_READS, NOT_READ],
  "ResourceNotFound.ChangePermissionNotExist": [POLICY_READS, NOT_READ],
  "ResourceNotFound.MemberEventNotExist": [POLICY_READS, NOT_READ],
  "ResourceNotFound.MemberIdentityNotExist": [POLICY_READS, NOT_READ],
  "ResourceNotFound.MemberOperateProcessNotExist": [POLICY_READS, NOT_READ],
  "ResourceNotFound.MemberPolicyNotExist": [POLICY_READS, NOT_READ],
  "ResourceNotFound.NotFound": [POLICY_READS, NOT_READ],
  "ResourceNotFound.OrganizationIdentityNotExist": [POLICY_READS, NOT_READ],
  "ResourceNotFound.OrganizationServiceAssignNotExist": [POLICY_READS, NOT_READ],
  "ResourceNotFound.ResourceTypeNotExist": [POLICY_READS, NOT_READ],
  "ResourceNotFound.ServiceRoleNotExist": [POLICY_READS, NOT_READ],
  "ResourceNotFound.ShareResourceMemberNotExist": [POLICY_READS, NOT_READ],
  ResourceUnavailable: [["ListPolicies"], "ListPolicies reads only the organization's own policies, always available"],
  // the Tag API (2018-08-13)
  "LimitExceeded.Quota": [["ModifyResourceTags"], TAG_QUOTA],
  "LimitExceeded.TagKey": [["ModifyResourceTags"], TAG_QUOTA],
  "LimitExceeded.TagValue": [["ModifyResourceTags", "GetResources"], `${TAG_QUOTA}; GetResources creates no values at all`],
  "FailedOperation.ResourceTagProcessing": [["GetResources"], "TCO writes tags in the request that changes them; none is ever being processed"],
  "InvalidParameterValue.UinInvalid": [["DescribeResourceTagsByResourceIds"], "the action takes no UIN: the caller's account owns the resources it reads"],
};

const exempt = (action: string, code: string) => code in UNREACHABLE || (UNREACHABLE_IN[code]?.[0].includes(action) ?? false);

describe("documented error codes", () => {
  it("of every implemented action are asserted by some test, or have a written reason they cannot occur", () => {
    const text = sources(testRoot).join("\n");
    const missing: string[] = [];
    // the Tag API (2018-08-13) has only its served actions in the spec, none pending
    const pending: Record<string, readonly string[]> = { "2021-03-31": V2021_PENDING, "2018-12-25": [], "2018-08-13": [] };
    for (const [version, actions] of Object.entries(ACTION_ERROR_CODES)) {
      for (const [action, codes] of Object.entries(actions)) {
        if (pending[version].includes(action)) continue;
        for (const code of codes) {
          if (!text.includes(`"${code}"`) && !exempt(action, code)) missing.push(`${version} ${action}: ${code}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  it("listed as unreachable are not asserted anywhere (the table stays honest)", () => {
    const text = sources(testRoot).join("\n");
    const asserted = Object.keys(UNREACHABLE).filter((code) => text.includes(`"${code}"`));
    assert.deepEqual(asserted, []);
  });
});
