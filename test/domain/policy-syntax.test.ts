import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkPolicyContent } from "../../src/domain/policies/rules.js";
import { checkScpDocument } from "../../src/domain/policies/scp-syntax.js";
import { JsonSyntaxError, parseStrictJson } from "../../src/domain/policies/strict-json.js";
import { parseTagPolicy } from "../../src/domain/policies/tag-syntax.js";
import { ApiError } from "../../src/protocol/api-error.js";

/** The code a synchronous check throws. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.code;
    throw e;
  }
  throw new Error("expected the check to fail");
}

const scp = (statement: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ version: "2.0", statement, ...extra });
const allow = (over: Record<string, unknown> = {}) => ({ effect: "allow", action: ["cvm:DescribeInstances"], resource: "*", ...over });

describe("strict JSON parsing", () => {
  it("parses like JSON.parse and reports every repeated key with its path", () => {
    const text = '{"a":{"b":1,"b":2},"c":[true,null,"x\\u0041"],"a":3}';
    const { value, duplicates } = parseStrictJson(text);
    assert.deepEqual(JSON.parse(JSON.stringify(value)), JSON.parse(text));
    assert.deepEqual(duplicates, [
      { path: ["a"], key: "b" },
      { path: [], key: "a" },
    ]);
  });

  it("keeps __proto__ as plain data", () => {
    const { value } = parseStrictJson('{"__proto__":{"polluted":true}}');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(value as object), ["__proto__"]);
  });

  for (const bad of ["", "{", '{"a":1,}', "[1,]", "{'a':1}", '{"a":1} x', "01", '"\\x"', "{a:1}", '{"a":1}/*c*/']) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      assert.throws(() => parseStrictJson(bad), JsonSyntaxError);
    });
  }
});

describe("service control policy syntax (CAM)", () => {
  it("accepts the documented shapes: single or listed actions and resources, name/ prefix, wildcards, conditions, principals", () => {
    checkScpDocument(scp([{ effect: "allow", action: "*", resource: "*" }]));
    checkScpDocument(
      scp([
        {
          effect: "Deny",
          action: ["name/cvm:Terminate*", "cos:*", "cam:DeleteUser"],
          resource: ["qcs::cvm:ap-guangzhou:uin/100000000001:instance/*", "qcs::cos:ap-shanghai:uid/1250000000:examplebucket-1250000000/*", "qcs:1:cdb::uin/1:instanceId/cdb-1"],
          condition: { ip_not_equal: { "qcs:ip": ["10.0.0.0/8"] }, "for_any_value:string_equal_if_exist": { "qcs:tag": ["a&b"] }, bool_equal: { "qcs:secure_transport": true } },
        },
        { effect: "allow", not_action: "cam:*", not_resource: "*", principal: { qcs: ["qcs::cam::uin/100000000001:uin/100000000002"], service: "cvm.qcloud.com" } },
      ]),
    );
  });

  const cases: [string, string][] = [
    ["InvalidParameter.PolicyDocumentError", "not json"],
    ["InvalidParameter.PolicyDocumentError", "[]"],
    ["InvalidParameter.PolicyDocumentError", scp([allow()], { id: "x" })],
    ["InvalidParameter.PolicyDocumentError", '{"version":"2.0","version":"2.0","statement":[]}'],
    ["InvalidParameter.VersionError", JSON.stringify({ statement: [allow()] })],
    ["InvalidParameter.VersionError", JSON.stringify({ version: "1.0", statement: [allow()] })],
    ["InvalidParameter.StatementError", JSON.stringify({ version: "2.0" })],
    ["InvalidParameter.StatementError", scp([])],
    ["InvalidParameter.StatementError", scp(["allow"])],
    ["InvalidParameter.StatementError", scp([allow({ sid: "1" })])],
    ["InvalidParameter.EffectError", scp([allow({ effect: "permit" })])],
    ["InvalidParameter.EffectError", scp([{ action: "*", resource: "*" }])],
    ["InvalidParameter.ActionMiss", scp([{ effect: "allow", resource: "*" }])],
    ["InvalidParameter.ActionError", scp([allow({ action: [] })])],
    ["InvalidParameter.ActionError", scp([allow({ action: "DescribeInstances" })])],
    ["InvalidParameter.ActionError", scp([allow({ not_action: "cvm:*" })])],
    ["InvalidParameter.ActionServiceNotExist", scp([allow({ action: "nosuchservice:Do" })])],
    ["InvalidParameter.ActionNotExist", scp([allow({ action: "cvm:Run-Instances" })])],
    ["InvalidParameter.ActionNotExist", scp([allow({ action: "cvm:" })])],
    ["InvalidParameter.ResourceError", scp([{ effect: "allow", action: "*" }])],
    ["InvalidParameter.ResourceError", scp([allow({ resource: 3 })])],
    ["InvalidParameter.ResourceQcsError", scp([allow({ resource: "arn:aws:s3:::bucket" })])],
    ["InvalidParameter.ResourceContentError", scp([allow({ resource: "qcs::cvm:ap-guangzhou" })])],
    ["InvalidParameter.ResourceContentError", scp([allow({ resource: "qcs::cvm:ap-guangzhou:uin/1:" })])],
    ["InvalidParameter.ResourceProjectError", scp([allow({ resource: "qcs:proj x:cvm:ap-guangzhou:uin/1:instance/*" })])],
    ["InvalidParameter.ResourceServiceNotExist", scp([allow({ resource: "qcs::nosuch:ap-guangzhou:uin/1:instance/*" })])],
    ["InvalidParameter.ResourceRegionError", scp([allow({ resource: "qcs::cvm:Guangzhou!:uin/1:instance/*" })])],
    ["InvalidParameter.ResourceUinError", scp([allow({ resource: "qcs::cvm:ap-guangzhou:account1:instance/*" })])],
    ["InvalidParameter.NotSupportProduct", scp([allow({ resource: "qcs::cvm:ap-guangzhou:uin/1:bucket/b1" })])],
    ["InvalidParameter.ConditionError", scp([allow({ condition: "ip" })])],
    ["InvalidParameter.ConditionError", scp([allow({ condition: {} })])],
    ["InvalidParameter.ConditionTypeError", scp([allow({ condition: { ip_in_range: { "qcs:ip": "1.1.1.1" } } })])],
    ["InvalidParameter.ConditionContentError", scp([allow({ condition: { ip_equal: "10.0.0.1" } })])],
    ["InvalidParameter.ConditionContentError", scp([allow({ condition: { ip_equal: { "qcs:ip": [] } } })])],
    ["InvalidParameter.PrincipalError", scp([allow({ principal: "*" })])],
    ["InvalidParameter.PrincipalError", scp([allow({ principal: { role: ["x"] } })])],
    ["InvalidParameter.PrincipalQcsNotExist", scp([allow({ principal: { qcs: [] } })])],
    ["InvalidParameter.PrincipalQcsError", scp([allow({ principal: { qcs: ["uin/100000000001"] } })])],
    ["InvalidParameter.PrincipalServiceNotExist", scp([allow({ principal: { service: ["nosuch.qcloud.com"] } })])],
  ];
  for (const [code, content] of cases) {
    it(`${code}: ${content.slice(0, 90)}`, () => {
      assert.equal(codeOf(() => checkScpDocument(content)), code);
    });
  }

  it("refuses documents over 6144 characters before parsing them", () => {
    const long = scp([allow({ action: Array.from({ length: 400 }, (_, i) => `cvm:Action${i}`) })]);
    assert.ok(long.length > 6144);
    assert.equal(codeOf(() => checkPolicyContent("SERVICE_CONTROL_POLICY", long)), "InvalidParameter.PolicyDocumentLengthOverLimit");
  });
});

describe("tag policy syntax", () => {
  it("parses statements, operators and child controls; a bare value stands for @@assign", () => {
    const doc = parseTagPolicy(
      JSON.stringify({
        tags: {
          CostCenter: {
            tag_key: { "@@assign": "CostCenter" },
            tag_value: { "@@assign": ["100", "100", "2*"], "@@operators_allowed_for_child_policies": ["@@append"] },
            enforced_for: { "@@append": ["cvm:instance", "cos:*"] },
            detection: "on",
          },
          env: { "@@operators_allowed_for_child_policies": ["@@none"], tag_value: ["prod"], resource_type_scope: ["*"] },
        },
      }),
    );
    const cc = doc.statements.get("costcenter")!;
    assert.equal(cc.key, "CostCenter");
    assert.deepEqual(cc.settings.get("tag_value"), { assign: ["100", "2*"], childOps: ["@@append"] });
    assert.deepEqual(cc.settings.get("enforced_for"), { append: ["cvm:instance", "cos:*"] });
    assert.deepEqual(cc.settings.get("detection"), { assign: "on" });
    assert.deepEqual(doc.statements.get("env")!.childOps, []);
  });

  const tags = (body: unknown) => JSON.stringify({ tags: body });
  const cases: [string, string][] = [
    ["InvalidParameterValue.PolicyContentInvalid", "{tags:}"],
    ["InvalidParameterValue.PolicyContentInvalid", JSON.stringify({ tags: {}, version: "1" })],
    ["InvalidParameterValue.PolicyContentInvalid", JSON.stringify({ version: "2.0", statement: [] })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({})],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ env: "prod" })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ env: { tag_valeu: ["prod"] } })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ env: { tag_key: { "@@assign": "owner" } } })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ env: { tag_key: { "@@append": ["env"] } } })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ env: { tag_value: { "@@assign": "prod" } } })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ env: { tag_value: { "@@replace": ["prod"] } } })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ env: { tag_value: { "@@assign": ["*a*"] } } })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ env: { correction: { "@@assign": "yes" } } })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ env: { correction: "on", tag_value: ["a", "b"] } })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ env: { tag_value: { "@@operators_allowed_for_child_policies": ["@@none", "@@append"] } } })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ env: { enforced_for: ["cvm"] } })],
    ["InvalidParameterValue.PolicyContentInvalid", tags({ "@@assign": { tag_value: ["x"] } })],
    ["InvalidParameterValue.PolicyContentInvalid", '{"tags":{"env":{"tag_value":["a"],"tag_value":["b"]}}}'],
    ["InvalidParameter.PolicyKeyDuplicated", '{"tags":{"env":{"tag_value":["a"]},"env":{"tag_value":["b"]}}}'],
    ["InvalidParameter.PolicyKeyDuplicated", tags({ Env: { tag_value: ["a"] }, env: { tag_value: ["b"] } })],
    ["InvalidParameter.ReservedTagKey", tags({ qcloud_app: { tag_value: ["a"] } })],
    ["InvalidParameter.ReservedTagKey", tags({ Project: { tag_value: ["a"] } })],
    ["InvalidParameter.UnsupportedService", tags({ env: { resource_type_scope: ["nosuch:instance"] } })],
    ["InvalidParameter.UnsupportedService", tags({ env: { enforced_for: { "@@append": ["cvm:instance", "abc:*"] } } })],
  ];
  for (const [code, content] of cases) {
    it(`${code}: ${content.slice(0, 90)}`, () => {
      assert.equal(codeOf(() => parseTagPolicy(content)), code);
    });
  }

  it("refuses documents over 4096 characters", () => {
    const long = tags(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`key${i}`, { tag_value: ["v"] }])));
    assert.ok(long.length > 4096);
    assert.equal(codeOf(() => checkPolicyContent("TAG_POLICY", long)), "InvalidParameter.PolicyDocumentLengthOverLimit");
  });
});
