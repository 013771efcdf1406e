import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "../../src/protocol/api-error.js";
import { unflatten } from "../../src/protocol/params.js";
import { Validators } from "../../src/protocol/validate.js";
import { schemaOf } from "../../src/spec/index.js";

const v2021 = new Validators(schemaOf("2021-03-31"));

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return "ok";
}

describe("validation generated from the spec", () => {
  it("returns typed input holding only spec members", () => {
    const input = v2021.input("CreateOrganizationMember", { Name: "m", PolicyType: "Financial", PermissionIds: [1, 2], NodeId: 5, AccountName: "a", Tags: [{ TagKey: "k", TagValue: "v" }] }, "json");
    assert.deepEqual(input, { Name: "m", PolicyType: "Financial", PermissionIds: [1, 2], NodeId: 5, AccountName: "a", Tags: [{ TagKey: "k", TagValue: "v" }] });
  });

  it("names the missing, mistyped or unknown parameter, nested ones by their flattened path", () => {
    assert.match(codeOf(() => v2021.input("AddOrganizationNode", { Name: "x" }, "json")), /^MissingParameter: .*`ParentNodeId`/);
    assert.match(codeOf(() => v2021.input("AddOrganizationNode", { ParentNodeId: "1", Name: "x" }, "json")), /^InvalidParameter: .*`ParentNodeId`/);
    assert.match(codeOf(() => v2021.input("AddOrganizationNode", { ParentNodeId: 1.5, Name: "x" }, "json")), /^InvalidParameter: .*`ParentNodeId`/);
    assert.match(codeOf(() => v2021.input("AddOrganizationNode", { ParentNodeId: -1, Name: "x" }, "json")), /^InvalidParameterValue: .*`ParentNodeId`/);
    assert.match(codeOf(() => v2021.input("AddOrganizationNode", { ParentNodeId: 1, Name: "x", Tags: [{ TagKey: "k", TagValue: 3 }] }, "json")), /^InvalidParameter: .*`Tags\.0\.TagValue`/);
    assert.match(codeOf(() => v2021.input("AddOrganizationNode", { ParentNodeId: 1, Name: "x", Tags: [{ TagKey: "k", TagValue: "v", Extra: 1 }] }, "json")), /^UnknownParameter: .*`Tags\.0\.Extra`/);
  });

  it("coerces flattened strings by type and rebuilds lists and structures", () => {
    const flat = unflatten({ ParentNodeId: "7", Name: "x", "Tags.0.TagKey": "k", "Tags.0.TagValue": "v", "Tags.1.TagKey": "k2", "Tags.1.TagValue": "v2" });
    assert.deepEqual(v2021.input("AddOrganizationNode", flat, "flat"), {
      ParentNodeId: 7,
      Name: "x",
      Tags: [{ TagKey: "k", TagValue: "v" }, { TagKey: "k2", TagValue: "v2" }],
    });
    assert.match(codeOf(() => v2021.input("AddOrganizationNode", unflatten({ ParentNodeId: "7", Name: "x", "Tags.1.TagKey": "k", "Tags.1.TagValue": "v" }), "flat")), /^InvalidParameter: .*`Tags`/);
    const bools = v2021.input("DescribeOrganizationMemberAuthAccounts", unflatten({ Offset: "0", Limit: "10", MemberUin: "100000000002", PolicyId: "1" }), "flat");
    assert.equal(bools.MemberUin, 100000000002);
  });

  it("does not take JSON-typed strings for numbers outside the flat shape", () => {
    assert.match(codeOf(() => v2021.input("DescribeOrganizationNodes", { Limit: "10" }, "json")), /^InvalidParameter/);
  });

  it("refuses the NUL character in any string, nested and in lists, naming it (InvalidParameterValue)", () => {
    assert.match(codeOf(() => v2021.input("AddOrganizationNode", { ParentNodeId: 1, Name: "a\u0000" }, "json")), /^InvalidParameterValue: .*`Name`/);
    assert.match(codeOf(() => v2021.input("AddOrganizationNode", { ParentNodeId: 1, Name: "x", Tags: [{ TagKey: "k", TagValue: "\u0000" }] }, "json")), /^InvalidParameterValue: .*`Tags\.0\.TagValue`/);
    assert.match(codeOf(() => v2021.input("DescribeOrganizationFinancialByMember", { Month: "2024-01", Offset: 0, Limit: 10, ProductCodes: ["cvm", "c\u0000"] }, "json")), /^InvalidParameterValue: .*`ProductCodes\.1`/);
    assert.match(codeOf(() => v2021.input("CheckAccountDelete", unflatten({ MemberUin: "1\u0000" }), "flat")), /^InvalidParameter: .*`MemberUin`/);
    assert.match(codeOf(() => v2021.input("ListPolicies", unflatten({ Keyword: "\u0000" }), "flat")), /^InvalidParameterValue: .*`Keyword`/);
  });

  it("refuses a search text longer than its declared limit, counting characters, not UTF-16 units", () => {
    assert.equal(codeOf(() => v2021.input("ListPolicies", { Keyword: "k".repeat(128) }, "json")), "ok");
    assert.equal(codeOf(() => v2021.input("ListPolicies", { Keyword: "😀".repeat(128) }, "json")), "ok");
    assert.match(codeOf(() => v2021.input("ListPolicies", { Keyword: "k".repeat(129) }, "json")), /^InvalidParameter: .*`Keyword` must be at most 128 characters/);
    // strings without a declared limit keep theirs to the handlers
    assert.equal(codeOf(() => v2021.input("UpdateOrganizationNode", { NodeId: 1, Remark: "r".repeat(60_000) }, "json")), "ok");
  });
});
