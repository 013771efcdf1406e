import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkCompliance, coversResourceType, valueAllowed } from "../../src/domain/policies/tag-compliance.js";
import { MAX_EFFECTIVE_KEYS, mergeTagPolicies, renderEffectivePolicy } from "../../src/domain/policies/tag-merge.js";
import { parseTagPolicy, type TagPolicyDoc } from "../../src/domain/policies/tag-syntax.js";

const policy = (tags: Record<string, unknown>): TagPolicyDoc => parseTagPolicy(JSON.stringify({ tags }));
/** The effective document of levels of policies, parsed back. */
const effective = (...levels: TagPolicyDoc[][]) => JSON.parse(renderEffectivePolicy(mergeTagPolicies(levels))).tags;

/** The root's policy in the examples: CostCenter with two values. */
const ROOT = policy({ costcenter: { tag_key: { "@@assign": "CostCenter" }, tag_value: { "@@assign": ["Development", "Support"] } } });

describe("tag policy inheritance", () => {
  it("@@assign below overrides inherited values and adds new settings", () => {
    const ou = policy({ costcenter: { tag_key: { "@@assign": "CostCenter" }, tag_value: { "@@assign": ["Sandbox"] }, enforced_for: { "@@assign": ["cvm:instance", "cos:*"] } } });
    assert.deepEqual(effective([ROOT], [ou]), { costcenter: { tag_key: "CostCenter", tag_value: ["Sandbox"], enforced_for: ["cvm:instance", "cos:*"] } });
  });

  it("@@append adds to inherited values, @@remove takes some out, down three levels", () => {
    const dept = policy({ costcenter: { tag_value: { "@@append": ["Marketing"] } } });
    const sub = policy({ costcenter: { tag_value: { "@@remove": ["Development"] } } });
    const member = policy({ costcenter: { tag_value: { "@@append": ["Research", "Support"] } } });
    assert.deepEqual(effective([ROOT], [dept], [sub], [member]), { costcenter: { tag_key: "CostCenter", tag_value: ["Support", "Marketing", "Research"] } });
    // each level sees only what is above it
    assert.deepEqual(effective([ROOT], [dept]).costcenter.tag_value, ["Development", "Support", "Marketing"]);
  });

  it("a parent's child control operators restrict what children may do, per setting and per key", () => {
    const root = policy({
      costcenter: {
        tag_key: { "@@assign": "CostCenter", "@@operators_allowed_for_child_policies": ["@@none"] },
        tag_value: { "@@assign": ["Development", "Sandbox"], "@@operators_allowed_for_child_policies": ["@@append"] },
      },
      env: { "@@operators_allowed_for_child_policies": ["@@none"], tag_value: ["prod"] },
    });
    const child = policy({
      costcenter: { tag_key: { "@@assign": "costcenter" }, tag_value: { "@@append": ["Support"], "@@remove": ["Sandbox"], "@@assign": ["Other"] } },
      env: { tag_value: { "@@append": ["dev"] }, enforced_for: ["cvm:*"] },
    });
    assert.deepEqual(effective([root], [child]), {
      costcenter: { tag_key: "CostCenter", tag_value: ["Development", "Sandbox", "Support"] },
      env: { tag_key: "env", tag_value: ["prod"] },
    });
  });

  it("restrictions pass further down: a grandchild cannot use what the root forbade, even if the child allows all", () => {
    const root = policy({ costcenter: { tag_value: { "@@assign": ["A"], "@@operators_allowed_for_child_policies": ["@@append"] } } });
    const child = policy({ costcenter: { tag_value: { "@@operators_allowed_for_child_policies": ["@@all"], "@@append": ["B"] } } });
    const grandchild = policy({ costcenter: { tag_value: { "@@assign": ["C"], "@@remove": ["A"], "@@append": ["D"] } } });
    assert.deepEqual(effective([root], [child], [grandchild]).costcenter.tag_value, ["A", "B", "D"]);
  });

  it("child control operators declared by sibling policies at one level intersect", () => {
    const a = policy({ costcenter: { tag_value: { "@@assign": ["A"], "@@operators_allowed_for_child_policies": ["@@append", "@@remove"] } } });
    const b = policy({ costcenter: { tag_value: { "@@operators_allowed_for_child_policies": ["@@append"] } } });
    const child = policy({ costcenter: { tag_value: { "@@remove": ["A"], "@@append": ["B"] } } });
    assert.deepEqual(effective([a, b], [child]).costcenter.tag_value, ["A", "B"]);
  });

  it("at one level the first attached policy's @@assign wins; appends and removes of all siblings apply", () => {
    const first = policy({ costcenter: { tag_value: { "@@assign": ["A"] } } });
    const second = policy({ costcenter: { tag_value: { "@@assign": ["B"], "@@append": ["C"] } } });
    const third = policy({ costcenter: { tag_value: { "@@remove": ["A"] } } });
    assert.deepEqual(effective([first, second, third]).costcenter.tag_value, ["C"]);
    assert.deepEqual(effective([second, first]).costcenter.tag_value, ["B", "C"]);
  });

  it("policy keys merge ignoring case; the first spelling names the key; tag_key defaults to it", () => {
    const root = policy({ Owner: { tag_value: ["a"] } });
    const child = policy({ owner: { tag_value: { "@@append": ["b"] } } });
    assert.deepEqual(effective([root], [child]), { Owner: { tag_key: "Owner", tag_value: ["a", "b"] } });
  });

  it("keys beyond the limit of an effective policy are not merged", () => {
    const many = policy(Object.fromEntries(Array.from({ length: MAX_EFFECTIVE_KEYS }, (_, i) => [`k${i}`, { tag_value: ["v"] }])));
    const more = policy({ k0: { tag_value: { "@@append": ["w"] } }, extra: { tag_value: ["x"] } });
    const out = effective([many], [more]);
    assert.equal(Object.keys(out).length, MAX_EFFECTIVE_KEYS);
    assert.equal(out.extra, undefined);
    assert.deepEqual(out.k0.tag_value, ["v", "w"]);
  });
});

describe("tag compliance", () => {
  const eff = mergeTagPolicies([
    [
      policy({
        costcenter: { tag_key: "CostCenter", tag_value: ["100", "2*"], resource_type_scope: ["cvm:*", "cos:bucket"] },
        owner: { tag_value_dynamic: "on" },
        env: { tag_value: ["prod"], detection: "off" },
        team: { tag_value: ["*-ops"] },
      }),
    ],
  ]);

  it("matches resource types and wildcard values", () => {
    assert.ok(coversResourceType("*", "cvm", "instance"));
    assert.ok(coversResourceType("cvm:*", "cvm", "volume"));
    assert.ok(!coversResourceType("cvm:instance", "cvm", "volume"));
    assert.ok(valueAllowed("2*", "250") && valueAllowed("*-ops", "db-ops") && valueAllowed("a*z", "az"));
    assert.ok(!valueAllowed("2*", "12") && !valueAllowed("a*z", "a") && !valueAllowed("100", "1000"));
  });

  it("flags keys with the wrong case and values outside the list, within the key's resource types", () => {
    const tags = [
      { TagKey: "costcenter", TagValue: "100" },
      { TagKey: "team", TagValue: "ops" },
      { TagKey: "owner", TagValue: "anyone" },
      { TagKey: "env", TagValue: "dev" },
    ];
    assert.deepEqual(checkCompliance(eff, { serviceType: "cvm", resourceType: "instance", tags }), {
      compliant: false,
      nonCompliantKeys: ["costcenter"],
      keysWithNonCompliantValues: ["team"],
    });
    // outside CostCenter's resource types only team is checked
    assert.deepEqual(checkCompliance(eff, { serviceType: "vpc", resourceType: "subnet", tags }).nonCompliantKeys, []);
    // one key only
    assert.deepEqual(checkCompliance(eff, { serviceType: "cvm", resourceType: "instance", tags }, "TEAM"), { compliant: false, nonCompliantKeys: [], keysWithNonCompliantValues: ["team"] });
    assert.ok(checkCompliance(eff, { serviceType: "cos", resourceType: "bucket", tags: [{ TagKey: "CostCenter", TagValue: "299" }] }).compliant);
    assert.ok(checkCompliance(eff, { serviceType: "cos", resourceType: "bucket", tags: [] }).compliant, "missing tags are not checked");
  });
});
