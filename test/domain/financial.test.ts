import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createAccount } from "../../src/domain/base/accounts.js";
import { billRows, parseAmount } from "../../src/domain/financial/bills.js";
import { describeOrganizationFinancialByMember } from "../../src/domain/financial/describe-organization-financial-by-member.js";
import { describeOrganizationFinancialByMonth } from "../../src/domain/financial/describe-organization-financial-by-month.js";
import { describeOrganizationFinancialByProduct } from "../../src/domain/financial/describe-organization-financial-by-product.js";
import { growthRate, monthOf, ratio } from "../../src/domain/financial/rules.js";
import { createOrganization } from "../../src/domain/organization/create-organization.js";
import type { Store } from "../../src/store/store.js";
import { domainContext } from "../helpers/domain.js";
import { DIALECTS } from "../helpers/dialects.js";
import { addMember } from "../helpers/members.js";

describe("financial rules", () => {
  it("parses amounts to exact cents", () => {
    assert.deepEqual(["0", "0.1", "0.10", "12.34", "1234567890123.99"].map((a) => parseAmount(a, "t")), [0, 10, 10, 1234, 123456789012399]);
    for (const bad of ["", "-1", "1.234", "1e3", "1,5", ".5", "0x10"]) assert.throws(() => parseAmount(bad, "t"), /Amount/, bad);
  });

  it("writes ratios and growth with at most two decimals, half away from zero", () => {
    assert.deepEqual([ratio(795, 1000), ratio(1, 3), ratio(2, 3), ratio(1000, 1000), ratio(0, 0), ratio(1, 20000)], ["79.5", "33.33", "66.67", "100", "0", "0.01"]);
    assert.deepEqual([growthRate(150, 100), growthRate(50, 100), growthRate(100, 100), growthRate(5, 0)], ["50", "-50", "0", ""]);
    assert.deepEqual([growthRate(100005, 100000), growthRate(99995, 100000)], ["0.01", "-0.01"], "a half is rounded away from zero either way");
  });

  it("takes the current month in the configured zone", () => {
    const lastSecondOfJanuaryUtc = Date.UTC(2024, 0, 31, 23, 59, 59);
    assert.equal(monthOf(lastSecondOfJanuaryUtc, 0), 2024 * 12 + 0);
    assert.equal(monthOf(lastSecondOfJanuaryUtc, 480), 2024 * 12 + 1, "already February in China Standard Time");
  });
});

for (const dialect of DIALECTS) {
  describe(`financial overview over the store (${dialect.name})`, () => {
    let store: Store;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    it("sums many small amounts exactly and counts only members granting bill view", async () => {
      const now = Date.now();
      const account = (name: string) => createAccount(store, { name, verification: "enterprise", entityName: "Example Ltd", site: "china" }, now);
      const admin = await account("admin");
      const ctx = domainContext(store, admin);
      await createOrganization({}, ctx);
      const org = (await store.organizations.findByHost(admin))!;
      // one after another: created concurrently, their UINs (the order of equal totals) could come in any order
      const members: number[] = [];
      for (const name of ["a", "b", "c"]) members.push(await account(name));
      for (const [i, uin] of members.entries()) {
        await addMember(store, { uin, orgId: org.org_id, nodeId: org.root_node_id, name: `m${i}`, permissions: i === 2 ? "2,8" : "1,2" });
      }
      // 1,000 lines of 0.10 per counted member, spread over products and months
      const bills = members.flatMap((uin) =>
        Array.from({ length: 1000 }, (_, i) => ({ MemberUin: uin, Month: `2024-0${(i % 3) + 1}`, ProductCode: `p${i}`, ProductName: `P${i}`, Amount: "0.10" })),
      );
      await store.transaction(async (tx) => tx.bills.upsertMany(await billRows(tx, bills, now)));

      const m = await describeOrganizationFinancialByMember({ Month: "2024-01", EndMonth: "2024-03" }, ctx);
      assert.equal(m.TotalCost, 200, "0.10 × 2,000 is exactly 200");
      assert.deepEqual(m.Items.map((i) => [i.MemberUin, i.TotalCost, i.Ratio]), [[members[0], 100, "50"], [members[1], 100, "50"]]);
      const p = await describeOrganizationFinancialByProduct({ Month: "2024-01", EndMonth: "2024-03", Limit: 50, Offset: 950 }, ctx);
      assert.deepEqual([p.Total, p.TotalCost, p.Items.length, p.Items[0].TotalCost, p.Items[0].Ratio], [1000, 200, 50, 0.2, "0.1"]);
      const t = await describeOrganizationFinancialByMonth({ EndMonth: "2024-03", Limit: 3 }, ctx);
      assert.deepEqual(t.Items.map((i) => [i.Month, i.TotalCost]), [["2024-03", 66.6], ["2024-02", 66.6], ["2024-01", 66.8]]);
      assert.deepEqual(t.Items.map((i) => i.GrowthRate), ["0", "-0.3", ""]);
    });
  });
}
