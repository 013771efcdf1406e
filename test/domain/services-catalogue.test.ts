import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CATALOGUE, serviceById } from "../../src/domain/base/services-catalogue.js";

describe("the catalogue of organization services", () => {
  it("says where every id comes from, with distinct ids by ascending order", () => {
    for (const s of CATALOGUE) assert.ok(s.idSource.trim().length > 0, `${s.product} documents the source of id ${s.id}`);
    const ids = CATALOGUE.map((s) => s.id);
    assert.deepEqual(ids, [...new Set(ids)].sort((a, b) => a - b));
  });

  it("has the ids the API examples (1: cloudaudit) and the Terraform provider (15, with a partial scope) use", () => {
    assert.equal(serviceById(1)?.product, "cloudaudit");
    assert.equal(serviceById(15)?.scoped, true);
  });
});
