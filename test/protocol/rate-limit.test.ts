import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadConfig } from "../../src/config.js";
import { RateLimiter, rateLimitOf } from "../../src/protocol/rate-limit.js";
import { ACTION_RATE_LIMITS } from "../../src/spec/generated/rate-limits.js";
import { API_VERSIONS, schemaOf } from "../../src/spec/index.js";

const V2021 = ACTION_RATE_LIMITS["2021-03-31"];

/** How many of `n` takes at the same instant pass. */
function burst(limiter: RateLimiter, key: string, perSecond: number, n: number, now: number): number {
  let served = 0;
  for (let i = 0; i < n; i++) if (limiter.take(key, perSecond, now)) served++;
  return served;
}

describe("per-action rate limits", () => {
  it("DescribeOrganization allows 40 calls in one second, DescribeOrganizationNodes 20 (fixed clock)", () => {
    const limiter = new RateLimiter();
    const t0 = 1_000_000;
    const org = rateLimitOf("DescribeOrganization", V2021, undefined);
    const nodes = rateLimitOf("DescribeOrganizationNodes", V2021, undefined);
    assert.equal(org, 40);
    assert.equal(nodes, 20);
    assert.equal(burst(limiter, "100\n2021-03-31\nDescribeOrganization", org, 100, t0), 40);
    assert.equal(burst(limiter, "100\n2021-03-31\nDescribeOrganizationNodes", nodes, 100, t0), 20);
    // half a second later each bucket has refilled half of its limit; a second later, all of it
    assert.equal(burst(limiter, "100\n2021-03-31\nDescribeOrganization", org, 100, t0 + 500), 20);
    assert.equal(burst(limiter, "100\n2021-03-31\nDescribeOrganizationNodes", nodes, 100, t0 + 500), 10);
    assert.equal(burst(limiter, "100\n2021-03-31\nDescribeOrganization", org, 100, t0 + 1500), 40);
  });

  it("keeps one bucket per caller and action", () => {
    const limiter = new RateLimiter();
    assert.equal(burst(limiter, "100\n2021-03-31\nDescribeOrganizationNodes", 20, 30, 0), 20);
    assert.equal(burst(limiter, "200\n2021-03-31\nDescribeOrganizationNodes", 20, 30, 0), 20, "another caller");
    assert.equal(burst(limiter, "100\n2021-03-31\nDescribeOrganizationMembers", 20, 30, 0), 20, "another action");
  });

  it("TCO_RATE_LIMIT replaces every action's limit, and 0 turns limiting off", () => {
    assert.equal(rateLimitOf("DescribeOrganization", V2021, 5), 5);
    assert.equal(rateLimitOf("DescribeOrganizationNodes", V2021, 5), 5);
    assert.equal(burst(new RateLimiter(), "k", rateLimitOf("DescribeOrganization", V2021, 0), 1000, 0), 1000);
  });

  it("a namespace without a table, or an action it does not list, gets the default of 20", () => {
    assert.equal(rateLimitOf("ModifyResourceTags", undefined, undefined), 20);
    assert.equal(rateLimitOf("ListAccounts", undefined, undefined), 20);
    assert.equal(rateLimitOf("NoSuchAction", V2021, undefined), 20);
  });

  it("the generated spec holds a limit for every action of both versions", () => {
    for (const v of API_VERSIONS) {
      assert.deepEqual(Object.keys(ACTION_RATE_LIMITS[v]).sort(), Object.keys(schemaOf(v).actions).sort(), v);
      for (const [action, n] of Object.entries(ACTION_RATE_LIMITS[v])) assert.ok(Number.isInteger(n) && n > 0, `${v} ${action}: ${n}`);
    }
    assert.equal(Object.keys(ACTION_RATE_LIMITS["2021-03-31"]).length + Object.keys(ACTION_RATE_LIMITS["2018-12-25"]).length, 154);
  });

  it("TCO_RATE_LIMIT unset or empty means the documented limits; a number overrides; a negative one is refused", () => {
    assert.equal(loadConfig({}, {}).rateLimit, undefined);
    assert.equal(loadConfig({}, { TCO_RATE_LIMIT: "" }).rateLimit, undefined);
    assert.equal(loadConfig({}, { TCO_RATE_LIMIT: "0" }).rateLimit, 0);
    assert.equal(loadConfig({}, { TCO_RATE_LIMIT: "7" }).rateLimit, 7);
    assert.throws(() => loadConfig({}, { TCO_RATE_LIMIT: "-1" }), /TCO_RATE_LIMIT/);
  });
});
