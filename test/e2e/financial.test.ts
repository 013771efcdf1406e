import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { ACTION_ERROR_CODES } from "../../src/spec/generated/errors.js";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { addMember } from "../helpers/members.js";
import { createdMember, invitedMember, newOrg, type Org } from "../helpers/orgs.js";
import { errorCode, MAIN_JS, ROOT_SECRET_ID, ROOT_SECRET_KEY, TcoServer, type TestAccount } from "../helpers/server.js";

const run = promisify(execFile);
const BACKENDS = [{ name: "sqlite", postgres: false }, ...(TEST_DATABASE_URL ? [{ name: "postgres", postgres: true }] : [])];

const ACTIONS = ["DescribeOrganizationFinancialByMember", "DescribeOrganizationFinancialByMonth", "DescribeOrganizationFinancialByProduct"] as const;
type Action = (typeof ACTIONS)[number];
const FAULT_ONLY: Record<Action, Record<string, string>> = {
  DescribeOrganizationFinancialByMember: { InternalError: "an unexpected server failure; never answered on purpose" },
  DescribeOrganizationFinancialByMonth: { InternalError: "an unexpected server failure; never answered on purpose" },
  DescribeOrganizationFinancialByProduct: { InternalError: "an unexpected server failure; never answered on purpose" },
};
const reached = new Map<string, Set<string>>();
async function expectCode(action: Action, call: Promise<unknown>, code: string): Promise<void> {
  assert.equal(await errorCode(call), code, action);
  if (!reached.has(action)) reached.set(action, new Set());
  reached.get(action)!.add(code);
}

/** A bill line as the CSV and the expectations see it; cents keep the sums exact. */
interface Line {
  uin: number;
  month: string;
  code: string;
  name: string;
  cents: number;
}

const amountText = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const toCsv = (lines: readonly Line[]) =>
  ["member_uin,month,product_code,product_name,amount", ...lines.map((l) => [String(l.uin), l.month, l.code, l.name, amountText(l.cents)].map(csvField).join(","))].join("\r\n") + "\r\n";

/** Sum of cents by a key over the lines a predicate keeps. */
function sums(lines: readonly Line[], keep: (l: Line) => boolean, key: (l: Line) => string | number): Map<string | number, number> {
  const out = new Map<string | number, number>();
  for (const l of lines) if (keep(l)) out.set(key(l), (out.get(key(l)) ?? 0) + l.cents);
  return out;
}
const total = (m: Map<unknown, number>) => [...m.values()].reduce((a, b) => a + b, 0);
/** Percent with two decimals, trailing zeros trimmed, as the API writes Ratio. */
const percent = (part: number, whole: number) => String(Math.round((part * 10000) / whole) / 100);

for (const backend of BACKENDS) {
  describe(`financial overview (${backend.name})`, () => {
    let server: TcoServer;
    let outsider: TestAccount;
    before(async () => {
      server = await TcoServer.start({ postgres: backend.postgres });
      outsider = await server.createAccount({ name: "outsider" });
    });
    after(async () => {
      await server.stop();
    });

    async function tco(args: string[]): Promise<string> {
      const { stdout } = await run(process.execPath, [MAIN_JS, ...args, "--endpoint", server.url], {
        env: { ...process.env, TCO_ROOT_SECRET_ID: ROOT_SECRET_ID, TCO_ROOT_SECRET_KEY: ROOT_SECRET_KEY },
      });
      return stdout;
    }

    /** A member that did not let the organization view its bills (no permission 1): no action can set that up, so the store does. */
    async function memberWithoutBillView(o: Org): Promise<number> {
      const a = await server.createAccount({ name: "noview" });
      const store = await server.openStore();
      try {
        await addMember(store, { uin: a.uin, orgId: o.orgId, nodeId: o.root, name: "noview", permissions: "2" });
      } finally {
        await store.close();
      }
      return a.uin;
    }

    it("adds up the bills loaded from a CSV file with the CLI, by member, product and month", async () => {
      const o = await newOrg(server);
      const [alpha, beta] = [await createdMember(server, o, "alpha"), await invitedMember(server, o, "beta")];
      const hidden = await memberWithoutBillView(o);
      const other = await newOrg(server);
      const foreign = await createdMember(server, other);
      const lines: Line[] = [
        { uin: alpha.uin, month: "2024-01", code: "p_cvm", name: "Cloud Virtual Machine", cents: 123456 },
        { uin: alpha.uin, month: "2024-01", code: "p_cos", name: "COS, object storage", cents: 1010 },
        { uin: alpha.uin, month: "2024-02", code: "p_cvm", name: "Cloud Virtual Machine", cents: 200000 },
        { uin: alpha.uin, month: "2024-03", code: "p_cdb", name: 'MySQL "cdb"', cents: 1 },
        { uin: beta.uin, month: "2024-01", code: "p_cos", name: "COS, object storage", cents: 990 },
        { uin: beta.uin, month: "2024-02", code: "p_cvm", name: "Cloud Virtual Machine", cents: 33333 },
        { uin: beta.uin, month: "2024-03", code: "p_cvm", name: "Cloud Virtual Machine", cents: 50000 },
        { uin: o.admin.uin, month: "2024-02", code: "p_cdb", name: 'MySQL "cdb"', cents: 7000 },
        { uin: o.admin.uin, month: "2023-12", code: "p_cvm", name: "Cloud Virtual Machine", cents: 99999 },
        { uin: hidden, month: "2024-01", code: "p_cvm", name: "Cloud Virtual Machine", cents: 500000 },
        { uin: outsider.uin, month: "2024-01", code: "p_cvm", name: "Cloud Virtual Machine", cents: 400000 },
        { uin: foreign.uin, month: "2024-01", code: "p_cvm", name: "Cloud Virtual Machine", cents: 300000 },
      ];
      const file = join(mkdtempSync(join(tmpdir(), "tco-bills-")), "bills.csv");
      writeFileSync(file, toCsv(lines));
      assert.match(await tco(["bills", "load", "--file", file, "--batch", "5"]), /loaded 12 bill line\(s\)/);

      const counted = new Set([o.admin.uin, alpha.uin, beta.uin]);
      const inRange = (from: string, to: string) => (l: Line) => counted.has(l.uin) && l.month >= from && l.month <= to;

      // by member, January to March
      const byMember = sums(lines, inRange("2024-01", "2024-03"), (l) => l.uin);
      const m = await o.c.DescribeOrganizationFinancialByMember({ Month: "2024-01", EndMonth: "2024-03", Limit: 50 });
      assert.equal(m.TotalCost, total(byMember) / 100);
      assert.equal(m.Total, byMember.size);
      assert.deepEqual(
        m.Items!.map((i) => [i.MemberUin, i.TotalCost, i.Ratio]),
        [...byMember.entries()].sort((a, b) => b[1] - a[1]).map(([uin, cents]) => [uin, cents / 100, percent(cents, total(byMember))]),
      );
      assert.deepEqual([alpha.uin, beta.uin].map((uin) => m.Items!.find((i) => i.MemberUin === uin)!.MemberName), ["alpha", "beta"]);
      assert.equal(Math.round(m.Items!.reduce((a, i) => a + i.TotalCost! * 100, 0)), total(byMember), "the items add up to TotalCost");
      assert.ok(!m.Items!.some((i) => i.MemberUin === hidden), "a member without permission 1 is left out");

      // one month (EndMonth defaults to Month), one page
      const jan = sums(lines, inRange("2024-01", "2024-01"), (l) => l.uin);
      const page = await o.c.DescribeOrganizationFinancialByMember({ Month: "2024-01", Limit: 1, Offset: 1 });
      assert.equal(page.Total, jan.size);
      assert.equal(page.TotalCost, total(jan) / 100, "TotalCost covers every member, not only the page");
      assert.deepEqual(page.Items!.map((i) => i.MemberUin), [[...jan.entries()].sort((a, b) => b[1] - a[1])[1][0]]);

      // by product, filtered by member
      const byProduct = sums(lines, (l) => inRange("2024-01", "2024-03")(l) && l.uin !== o.admin.uin, (l) => l.code);
      const p = await o.c.DescribeOrganizationFinancialByProduct({ Month: "2024-01", EndMonth: "2024-03", MemberUins: [alpha.uin, beta.uin, outsider.uin] });
      assert.equal(p.TotalCost, total(byProduct) / 100);
      assert.equal(p.Total, byProduct.size);
      assert.deepEqual(
        p.Items!.map((i) => [i.ProductCode, i.TotalCost, i.Ratio]),
        [...byProduct.entries()].sort((a, b) => b[1] - a[1]).map(([code, cents]) => [code, cents / 100, percent(cents, total(byProduct))]),
      );
      assert.deepEqual(p.Items!.map((i) => i.ProductName), p.Items!.map((i) => lines.find((l) => l.code === i.ProductCode)!.name), "names as loaded, commas and quotes included");
      const cos = await o.c.DescribeOrganizationFinancialByProduct({ Month: "2024-01", EndMonth: "2024-03", ProductCodes: ["p_cos"] });
      assert.deepEqual(cos.Items!.map((i) => [i.ProductCode, i.TotalCost, i.Ratio]), [["p_cos", 20, "100"]]);

      // by month: newest first, growth against the month before
      const byMonth = sums(lines, inRange("2023-12", "2024-03"), (l) => l.month);
      const t = await o.c.DescribeOrganizationFinancialByMonth({ EndMonth: "2024-03", Limit: 3 });
      const growth = (cur: string, prev: string) => String(Math.round(((byMonth.get(cur)! - byMonth.get(prev)!) * 10000) / byMonth.get(prev)!) / 100);
      assert.deepEqual(
        t.Items!.map((i) => [i.Id, i.Month, i.TotalCost, i.GrowthRate]),
        [
          [202403, "2024-03", byMonth.get("2024-03")! / 100, growth("2024-03", "2024-02")],
          [202402, "2024-02", byMonth.get("2024-02")! / 100, growth("2024-02", "2024-01")],
          [202401, "2024-01", byMonth.get("2024-01")! / 100, growth("2024-01", "2023-12")],
        ],
      );
      const cvm = await o.c.DescribeOrganizationFinancialByMonth({ EndMonth: "2024-03", Limit: 6, ProductCodes: ["p_cdb"] });
      assert.deepEqual(cvm.Items!.map((i) => [i.Month, i.TotalCost, i.GrowthRate]), [["2024-03", 0.01, "-99.99"], ["2024-02", 70, ""]], "months without cost are left out; no growth after one");

      // another organization sees only its own member's bills
      const theirs = await other.c.DescribeOrganizationFinancialByMember({ Month: "2024-01" });
      assert.deepEqual(theirs.Items!.map((i) => [i.MemberUin, i.TotalCost, i.Ratio]), [[foreign.uin, 3000, "100"]]);
    });

    it("replaces a reloaded line, clears bills, and answers zero without bills", async () => {
      const o = await newOrg(server);
      const a = await createdMember(server, o);
      const load = (amount: string) => server.operator("LoadBills", { Bills: [{ MemberUin: a.uin, Month: "2024-05", ProductCode: "p_cvm", ProductName: "CVM", Amount: amount }] });
      await load("10.5");
      await load("12");
      const r = await o.c.DescribeOrganizationFinancialByMember({ Month: "2024-05" });
      assert.deepEqual([r.TotalCost, r.Items!.map((i) => [i.TotalCost, i.Ratio])], [12, [[12, "100"]]]);
      assert.match(await tco(["bills", "clear", "--uin", String(a.uin)]), /deleted 1 bill line/);
      const empty = await o.c.DescribeOrganizationFinancialByProduct({ Month: "2024-05" });
      assert.deepEqual([empty.TotalCost, empty.Total, empty.Items], [0, 0, []]);
      assert.deepEqual((await o.c.DescribeOrganizationFinancialByMonth({})).Items, []);
    });

    it("ends the monthly trend at the current month by default", async () => {
      const o = await newOrg(server);
      const a = await createdMember(server, o);
      const now = new Date(Date.now() + 8 * 3600_000); // China Standard Time, the server's default zone
      const month = (back: number) => {
        const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
        return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
      };
      await server.operator("LoadBills", {
        Bills: [0, 1, 5, 6].map((back) => ({ MemberUin: a.uin, Month: month(back), ProductCode: "p_cvm", ProductName: "CVM", Amount: String(100 + back) })),
      });
      const r = await o.c.DescribeOrganizationFinancialByMonth({});
      assert.deepEqual(r.Items!.map((i) => i.Month), [month(0), month(1), month(5)], "six months by default, the seventh only feeds the growth");
      assert.equal(r.Items![2].GrowthRate, String(Math.round(((105 - 106) * 10000) / 106) / 100));
      assert.deepEqual((await o.c.DescribeOrganizationFinancialByMonth({ Limit: 1 })).Items!.map((i) => [i.Month, i.GrowthRate]), [[month(0), "-0.99"]]);
    });

    it("refuses malformed bill lines, all or nothing", async () => {
      const o = await newOrg(server);
      const a = await createdMember(server, o);
      const line = (extra: Record<string, unknown>) => ({ MemberUin: a.uin, Month: "2024-01", ProductCode: "p", ProductName: "P", Amount: "1", ...extra });
      const load = (...bills: Record<string, unknown>[]) => errorCode(server.operator("LoadBills", { Bills: bills }));
      assert.equal(await load(line({}), line({ Amount: "1.234" })), "InvalidParameterValue");
      assert.equal(await load(line({ Amount: "-1" })), "InvalidParameterValue");
      assert.equal(await load(line({ Amount: "1e3" })), "InvalidParameterValue");
      assert.equal(await load(line({ Month: "2024-13" })), "InvalidParameterValue");
      assert.equal(await load(line({ ProductCode: "" })), "InvalidParameterValue");
      assert.equal(await load(line({}), line({ MemberUin: 999999999999 })), "ResourceNotFound");
      assert.equal((await o.c.DescribeOrganizationFinancialByMember({ Month: "2024-01" })).Total, 0, "nothing was loaded");
      const file = join(mkdtempSync(join(tmpdir(), "tco-bills-")), "bad.csv");
      writeFileSync(file, "member_uin,month,amount\n1,2024-01,1\n");
      await assert.rejects(tco(["bills", "load", "--file", file]), /lacks column\(s\) product_code, product_name/);
    });

    it("answers the documented codes", async () => {
      const o = await newOrg(server);
      const member = await createdMember(server, o);
      for (const A of ["DescribeOrganizationFinancialByMember", "DescribeOrganizationFinancialByProduct"] as const) {
        const call = (extra: Record<string, unknown>, c = o.c) => (c[A] as (p: unknown) => Promise<unknown>).call(c, { Month: "2024-01", ...extra });
        await expectCode(A, call({ Month: "2024-13" }), "InvalidParameter");
        await expectCode(A, call({ Month: "2024/01" }), "InvalidParameter");
        await expectCode(A, call({ EndMonth: "2023-12" }), "InvalidParameter");
        await expectCode(A, call({ EndMonth: "24-02" }), "InvalidParameter");
        await expectCode(A, call({ Limit: 0 }), "InvalidParameter");
        await expectCode(A, call({ Limit: 51 }), "InvalidParameter");
        await expectCode(A, call({ Offset: -1 }), "InvalidParameter");
        await expectCode(A, call({ MemberUins: Array.from({ length: 101 }, (_, i) => 200000000000 + i) }), "InvalidParameter");
        await expectCode(A, call({ ProductCodes: Array.from({ length: 101 }, (_, i) => `p${i}`) }), "InvalidParameter");
        // not a documented code of these actions: who administers no organization has no overview
        assert.equal(await errorCode(call({}, server.client(outsider))), "ResourceNotFound.OrganizationNotExist");
        assert.equal(await errorCode(call({}, server.client(member))), "ResourceNotFound.OrganizationNotExist");
      }
      const A = "DescribeOrganizationFinancialByMonth";
      await expectCode(A, o.c.DescribeOrganizationFinancialByMonth({ Limit: 0 }), "InvalidParameter");
      await expectCode(A, o.c.DescribeOrganizationFinancialByMonth({ Limit: 7 }), "InvalidParameter");
      await expectCode(A, o.c.DescribeOrganizationFinancialByMonth({ EndMonth: "2024-00" }), "InvalidParameter");
      await expectCode(A, o.c.DescribeOrganizationFinancialByMonth({ ProductCodes: Array.from({ length: 101 }, (_, i) => `p${i}`) }), "InvalidParameter");
      assert.equal(await errorCode(server.client(outsider).DescribeOrganizationFinancialByMonth({})), "ResourceNotFound.OrganizationNotExist");

      const client = o.c as unknown as Record<string, (p: unknown) => Promise<unknown>>;
      for (const [action, codes] of Object.entries(FAULT_ONLY)) {
        for (const code of Object.keys(codes)) {
          await server.operator("InjectFault", { Action: action, Code: code, Count: 1, Uin: o.admin.uin, Version: "2021-03-31" });
          assert.equal(await errorCode(client[action].call(client, action === A ? {} : { Month: "2024-01" })), code, `${action} ${code}`);
        }
      }
    });

    it("covers every documented code of the financial actions", () => {
      const missing: string[] = [];
      for (const action of ACTIONS) {
        for (const code of ACTION_ERROR_CODES["2021-03-31"][action]) {
          const how = [reached.get(action)?.has(code) && "state", FAULT_ONLY[action][code] && "fault"].filter(Boolean);
          if (how.length !== 1) missing.push(`${action}: ${code} (${how.join(", ") || "not reached"})`);
        }
      }
      assert.deepEqual(missing, []);
    });
  });
}
