import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ACTION_ERROR_CODES } from "../../src/spec/generated/errors.js";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { createdMember, department, invitedMember, newOrg, subAccountKeys, type Org } from "../helpers/orgs.js";
import { errorCode, TcoServer, type TestAccount } from "../helpers/server.js";

const BACKENDS = [{ name: "sqlite", postgres: false }, ...(TEST_DATABASE_URL ? [{ name: "postgres", postgres: true }] : [])];

const ACTIONS = ["ListOrganizationService", "CreateOrgServiceAssign", "DeleteOrgServiceAssign", "ListOrgServiceAssignMember"] as const;
type Action = (typeof ACTIONS)[number];

const INTERNAL = "an unexpected server failure; never answered on purpose";
const USAGE_QUERY = "a failure of the service's own usage-status query; TCO keeps the status itself (operator SetServiceUsage)";

/** Codes reachable only by fault injection, with the reason. */
const FAULT_ONLY: Record<Action, Record<string, string>> = {
  ListOrganizationService: { InternalError: INTERNAL },
  CreateOrgServiceAssign: { InternalError: INTERNAL },
  DeleteOrgServiceAssign: { "FailedOperation.DescribeOrgServiceUsageStatusErr": USAGE_QUERY, InternalError: INTERNAL },
  ListOrgServiceAssignMember: { "FailedOperation.DescribeOrgServiceUsageStatusErr": USAGE_QUERY, InternalError: INTERNAL },
};

/** Every field of OrganizationServiceAssign with the JSON type the SDK receives. */
const SERVICE_FIELDS: Record<string, "number" | "string"> = {
  ServiceId: "number", ProductName: "string", IsAssign: "number", Description: "string", MemberNum: "string", Document: "string",
  ConsoleUrl: "string", IsUsageStatus: "number", CanAssignCount: "number", Product: "string", ServiceGrant: "number",
  GrantStatus: "string", IsSetManagementScope: "number",
};

const reached = new Map<string, Set<string>>();

async function expectCode(action: Action | string, call: Promise<unknown>, code: string): Promise<void> {
  assert.equal(await errorCode(call), code, action);
  if (!reached.has(action)) reached.set(action, new Set());
  reached.get(action)!.add(code);
}

const uinsOf = (items: { MemberUin?: number }[] | undefined) => (items ?? []).map((i) => i.MemberUin!).sort((a, b) => a - b);
const sorted = (uins: number[]) => [...uins].sort((a, b) => a - b);

for (const backend of BACKENDS) {
  describe(`organization services and delegated admins (${backend.name})`, () => {
    let server: TcoServer;
    let outsider: TestAccount;
    before(async () => {
      server = await TcoServer.start({ postgres: backend.postgres });
      outsider = await server.createAccount({ name: "outsider" });
    });
    after(async () => {
      await server.stop();
    });

    const admins = (o: Org, extra: Record<string, unknown>) => o.c.ListOrgServiceAssignMember({ Offset: 0, Limit: 50, ...extra });

    it("lists the services with every documented field, searched by name or product", async () => {
      const o = await newOrg(server);
      const all = await o.c.ListOrganizationService({ Offset: 0, Limit: 50 });
      assert.equal(all.Total, all.Items!.length);
      assert.ok(all.Total! >= 5);
      for (const s of all.Items!) {
        for (const [field, type] of Object.entries(SERVICE_FIELDS)) {
          assert.equal(typeof (s as Record<string, unknown>)[field], type, `OrganizationServiceAssign.${field} of ${s.Product}`);
        }
        assert.equal(s.MemberNum, "0");
      }
      assert.deepEqual(all.Items!.map((s) => s.ServiceId), [...all.Items!.map((s) => s.ServiceId!)].sort((a, b) => a - b), "by ascending id");
      const audit = all.Items!.find((s) => s.Product === "cloudaudit")!;
      assert.deepEqual([audit.ProductName, audit.IsAssign, audit.CanAssignCount], ["CloudAudit", 1, 5]);
      assert.ok(all.Items!.some((s) => s.IsAssign === 2 && s.CanAssignCount === 0), "a service that takes no delegated admin");

      assert.deepEqual((await o.c.ListOrganizationService({ Offset: 0, Limit: 10, SearchKey: "AUDIT" })).Items!.map((s) => s.Product), ["cloudaudit"]);
      const zh = await server.client(o.admin, "TC3-POST", "zh-CN").ListOrganizationService({ Offset: 0, Limit: 10, SearchKey: "云审计" });
      assert.deepEqual(zh.Items!.map((s) => s.Product), ["cloudaudit"]);
      assert.match(zh.Items![0].Description!, /[\u4e00-\u9fa5]/, "descriptions follow the request language");
      const page = await o.c.ListOrganizationService({ Offset: 2, Limit: 2 });
      assert.deepEqual(page.Items!.map((s) => s.ServiceId), all.Items!.slice(2, 4).map((s) => s.ServiceId));
      assert.equal(page.Total, all.Total);
    });

    it("answers the service ids the docs and the Terraform provider use: 1 is CloudAudit as in the examples, 15 takes a partial scope", async () => {
      const o = await newOrg(server);
      const services = (await o.c.ListOrganizationService({ Offset: 0, Limit: 50 })).Items!;
      // ListOrganizationService's example item
      const audit = services.find((s) => s.ServiceId === 1)!;
      assert.deepEqual(
        [audit.Product, audit.ProductName, audit.IsAssign, audit.CanAssignCount, audit.IsUsageStatus, audit.IsSetManagementScope],
        ["cloudaudit", "CloudAudit", 1, 5, 2, 2],
      );
      // CreateOrgServiceAssign's and DeleteOrgServiceAssign's examples: ServiceId 1 alone
      const m = await createdMember(server, o);
      await o.c.CreateOrgServiceAssign({ ServiceId: 1, MemberUins: [m.uin] });
      assert.deepEqual((await admins(o, { ServiceId: 1 })).Items!.map((i) => [i.ServiceId, i.ProductName, i.MemberUin]), [[1, "CloudAudit", m.uin]]);
      await o.c.DeleteOrgServiceAssign({ ServiceId: 1, MemberUin: m.uin });
      // the Terraform provider's example and acceptance test: service 15, ManagementScope 2, two admins
      const two = [await createdMember(server, o), await createdMember(server, o)];
      const scoped = [await createdMember(server, o), await createdMember(server, o)];
      const nodes = [await department(o, "tf_a"), await department(o, "tf_b")];
      const s15 = services.find((s) => s.ServiceId === 15)!;
      assert.equal(s15.IsSetManagementScope, 1, `${s15.Product} takes a partial scope`);
      await o.c.CreateOrgServiceAssign({ ServiceId: 15, ManagementScope: 2, MemberUins: two.map((a) => a.uin), ManagementScopeUins: scoped.map((a) => a.uin), ManagementScopeNodeIds: nodes });
      const items = (await admins(o, { ServiceId: 15 })).Items!;
      assert.deepEqual(uinsOf(items), sorted(two.map((a) => a.uin)));
      for (const i of items) {
        assert.equal(i.ManagementScope, 2);
        assert.deepEqual(uinsOf(i.ManagementScopeMembers), sorted(scoped.map((a) => a.uin)));
        assert.deepEqual(i.ManagementScopeNodes!.map((n) => n.NodeId).sort((a, b) => a! - b!), [...nodes].sort((a, b) => a - b));
      }
    });

    it("makes created and invited members delegated admins; DescribeOrganization and the listings show it", async () => {
      const o = await newOrg(server);
      const created = await createdMember(server, o);
      const invited = await invitedMember(server, o);
      const bystander = await createdMember(server, o);
      await o.c.CreateOrgServiceAssign({ Product: "cloudaudit", MemberUins: [created.uin, invited.uin] });

      const listed = await admins(o, { Product: "cloudaudit" });
      assert.equal(listed.Total, 2);
      assert.deepEqual(uinsOf(listed.Items), sorted([created.uin, invited.uin]));
      const item = listed.Items!.find((i) => i.MemberUin === created.uin)!;
      assert.deepEqual(
        [item.ServiceId, item.ProductName, item.MemberName, item.UsageStatus, item.ManagementScope, item.ManagementScopeMembers, item.ManagementScopeNodes],
        [1, "CloudAudit", created.name, 0, 1, [], []],
      );
      assert.match(item.CreateTime!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      assert.equal((await admins(o, { ServiceId: 1 })).Total, 2, "by ServiceId too");
      const audit = (await o.c.ListOrganizationService({ Offset: 0, Limit: 50 })).Items!.find((s) => s.ServiceId === 1)!;
      assert.equal(audit.MemberNum, "2");

      for (const m of [created, invited]) {
        const seen = await server.client(m).DescribeOrganization({});
        assert.equal(seen.IsAssignManager, true, `${m.uin} is a delegated admin`);
        assert.equal((await server.client(m).DescribeOrganization({ Product: "cloudaudit" })).IsAssignManager, true);
        assert.equal((await server.client(m).DescribeOrganization({ Product: "config" })).IsAssignManager, false, "not of another service");
      }
      assert.equal((await server.client(bystander).DescribeOrganization({})).IsAssignManager, false);
      assert.equal((await o.c.DescribeOrganization({})).IsAssignManager, false, "the admin is no delegated admin");

      // a delegated admin lists the organization's members naming its service
      const members = await server.client(invited).DescribeOrganizationMembers({ Offset: 0, Limit: 50, Product: "cloudaudit" });
      assert.deepEqual(uinsOf(members.Items), sorted([o.admin.uin, created.uin, invited.uin, bystander.uin]));
      assert.equal(
        await errorCode(server.client(bystander).DescribeOrganizationMembers({ Offset: 0, Limit: 50, Product: "cloudaudit" })),
        "ResourceNotFound.OrganizationServiceNotExist",
        "a member that is not the service's delegated admin",
      );
      assert.equal(
        await errorCode(server.client(invited).DescribeOrganizationMembers({ Offset: 0, Limit: 50, Product: "config" })),
        "ResourceNotFound.OrganizationServiceNotExist",
        "nor of another service",
      );
      assert.equal(await errorCode(o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, Product: "nosuchservice" })), "ResourceNotFound.OrganizationServiceNotExist");
      // the admin naming a Product gets that service's delegated admins
      const delegates = await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, Product: "cloudaudit" });
      assert.deepEqual(new Set(delegates.Items!.map((m) => m.MemberUin)), new Set([created.uin, invited.uin]));
      assert.equal(delegates.Total, 2);
      assert.equal((await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50 })).Total, 4, "without a Product, the admin lists everyone");

      await o.c.DeleteOrgServiceAssign({ Product: "cloudaudit", MemberUin: created.uin });
      assert.deepEqual(uinsOf((await admins(o, { Product: "cloudaudit" })).Items), [invited.uin]);
      assert.equal((await server.client(created).DescribeOrganization({})).IsAssignManager, false);
    });

    it("limits a delegated admin with a partial scope to its members and departments (sub-departments included)", async () => {
      const o = await newOrg(server);
      const sales = await department(o, "sales");
      const east = await department(o, "east", sales);
      const ops = await department(o, "ops");
      const admin = await invitedMember(server, o);
      const chosen = await createdMember(server, o);
      const inSales = await createdMember(server, o, undefined, sales);
      const inEast = await createdMember(server, o, undefined, east);
      const inOps = await createdMember(server, o, undefined, ops);
      await o.c.CreateOrgServiceAssign({ Product: "config", MemberUins: [admin.uin], ManagementScope: 2, ManagementScopeUins: [chosen.uin], ManagementScopeNodeIds: [sales] });

      const [item] = (await admins(o, { Product: "config" })).Items!;
      assert.equal(item.ManagementScope, 2);
      assert.deepEqual(item.ManagementScopeMembers, [{ MemberUin: chosen.uin, MemberName: chosen.name }]);
      assert.deepEqual(item.ManagementScopeNodes, [{ NodeId: sales, NodeName: "sales" }]);
      assert.equal(item.UsageStatus, 2, "config reports usage: not switched on yet");

      const list = (extra: Record<string, unknown> = {}) => server.client(admin).DescribeOrganizationMembers({ Offset: 0, Limit: 50, Product: "config", ...extra });
      const seen = await list();
      assert.deepEqual(uinsOf(seen.Items), sorted([chosen.uin, inSales.uin, inEast.uin]));
      assert.equal(seen.Total, 3);
      assert.deepEqual(uinsOf((await list({ NodeId: east })).Items), [inEast.uin], "other filters still apply");
      assert.deepEqual(uinsOf((await list({ NodeId: ops })).Items), [], `a department outside the scope shows nobody (${inOps.uin} is there)`);
      assert.equal((await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50 })).Total, 6, "the admin sees all (itself included)");
      assert.equal((await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, Product: "config" })).Total, 1, "naming config, the admin sees its one delegated admin");

      // a member in the scope leaving the scope's department keeps the listing in step
      await o.c.MoveOrganizationNodeMembers({ NodeId: ops, MemberUin: [inEast.uin] });
      assert.deepEqual(uinsOf((await list()).Items), sorted([chosen.uin, inSales.uin]));
      // deleting a department of the scope drops it from the scope
      await o.c.MoveOrganizationNodeMembers({ NodeId: o.root, MemberUin: [inSales.uin] });
      await o.c.DeleteOrganizationNodes({ NodeId: [east] });
      await o.c.DeleteOrganizationNodes({ NodeId: [sales] });
      assert.deepEqual((await admins(o, { Product: "config" })).Items![0].ManagementScopeNodes, []);
      assert.deepEqual(uinsOf((await list()).Items), [chosen.uin]);
    });

    it("takes the zero values the Terraform provider sends for omitted attributes as not given", async () => {
      // tencentcloud_organization_service_assign sends ManagementScope 0 and empty scope lists when
      // management_scope, management_scope_uins and management_scope_node_ids are left out
      const o = await newOrg(server);
      const m = await createdMember(server, o);
      await o.c.CreateOrgServiceAssign({ ServiceId: 1, MemberUins: [m.uin], ManagementScope: 0, ManagementScopeUins: [], ManagementScopeNodeIds: [] });
      const [item] = (await admins(o, { ServiceId: 1 })).Items!;
      assert.deepEqual([item.MemberUin, item.ManagementScope, item.ManagementScopeMembers, item.ManagementScopeNodes], [m.uin, 1, [], []], "the documented default, 1");
      await expectCode("CreateOrgServiceAssign", o.c.CreateOrgServiceAssign({ Product: "config", MemberUins: [m.uin], ManagementScope: 2, ManagementScopeUins: [], ManagementScopeNodeIds: [] }), "InvalidParameter");
    });

    it("lists delegated admins and their scopes in the order they were given (the provider keeps ordered lists)", async () => {
      const o = await newOrg(server);
      const [d1, d2, d3, d4, s1, s2, s3] = await Promise.all(Array.from({ length: 7 }, () => createdMember(server, o)));
      const [n1, n2, n3] = [await department(o, "first"), await department(o, "second"), await department(o, "third")];
      const descending = (ms: { uin: number }[]) => ms.map((m) => m.uin).sort((a, b) => b - a);
      const admins3 = descending([d1, d2, d3]);
      const scopeUins = [descending([s1, s2, s3])[1], ...descending([s1, s2, s3]).filter((_, i) => i !== 1)];
      const nodeIds = [n3, n1, n2];
      await o.c.CreateOrgServiceAssign({ Product: "config", MemberUins: admins3, ManagementScope: 2, ManagementScopeUins: scopeUins, ManagementScopeNodeIds: nodeIds });
      await o.c.CreateOrgServiceAssign({ Product: "config", MemberUins: [d4.uin] });

      const listed = await admins(o, { Product: "config" });
      assert.deepEqual(listed.Items!.map((i) => i.MemberUin), [...admins3, d4.uin], "Items in the order given, later calls after earlier ones");
      for (const item of listed.Items!.slice(0, 3)) {
        assert.deepEqual(item.ManagementScopeMembers!.map((m) => m.MemberUin), scopeUins);
        assert.deepEqual(item.ManagementScopeNodes!.map((n) => n.NodeId), nodeIds);
      }
      const pages = [...(await admins(o, { Product: "config", Offset: 0, Limit: 2 })).Items!, ...(await admins(o, { Product: "config", Offset: 2, Limit: 2 })).Items!];
      assert.deepEqual(pages.map((i) => i.MemberUin), [...admins3, d4.uin], "pages follow the same order");
    });

    it("keeps a delegated admin in the organization until its delegations end", async () => {
      const o = await newOrg(server);
      const invited = await invitedMember(server, o);
      const created = await createdMember(server, o);
      await o.c.CreateOrgServiceAssign({ Product: "cloudaudit", MemberUins: [invited.uin, created.uin] });
      await o.c.CreateOrgServiceAssign({ Product: "kms", MemberUins: [invited.uin] });

      await expectCode("QuitOrganization", server.client(invited).QuitOrganization({ OrgId: o.orgId }), "UnsupportedOperation.MemberExistServiceNotAllowDelete");
      await expectCode("DeleteOrganizationMembers", o.c.DeleteOrganizationMembers({ MemberUin: [invited.uin] }), "UnsupportedOperation.MemberExistServiceNotAllowDelete");
      assert.equal(await errorCode(server.client2018(o.admin).DeleteOrganizationMembers({ Uins: [invited.uin] })), "UnsupportedOperation.MemberExistServiceNotAllowDelete");
      assert.equal((await o.c.CheckAccountDelete({ MemberUin: created.uin })).NotAllowReason!.IsAssignManager, true);
      assert.equal((await o.c.CheckAccountDelete({ MemberUin: created.uin })).AllowDelete, false);
      // member deletion on, and the deletion by a sub-account of the admin (never its own key)
      await server.operator("SetMemberDeletionPermission", { OrgId: o.orgId, Enabled: true });
      const ops = server.client(await subAccountKeys(server, o.admin.uin));
      await expectCode("DeleteAccount", ops.DeleteAccount({ MemberUin: created.uin }), "UnsupportedOperation.MemberExistServiceNotAllowDelete");

      await o.c.DeleteOrgServiceAssign({ ServiceId: 1, MemberUin: invited.uin });
      await expectCode("QuitOrganization", server.client(invited).QuitOrganization({ OrgId: o.orgId }), "UnsupportedOperation.MemberExistServiceNotAllowDelete");
      await o.c.DeleteOrgServiceAssign({ Product: "kms", MemberUin: invited.uin });
      await server.client(invited).QuitOrganization({ OrgId: o.orgId });
      await o.c.DeleteOrgServiceAssign({ Product: "cloudaudit", MemberUin: created.uin });
      assert.equal((await o.c.CheckAccountDelete({ MemberUin: created.uin })).NotAllowReason!.IsAssignManager, false);
      await ops.DeleteAccount({ MemberUin: created.uin });
      assert.equal((await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10 })).Total, 1);
    });

    it("keeps a delegation whose feature is switched on in the service's console (operator SetServiceUsage)", async () => {
      const o = await newOrg(server);
      const m = await createdMember(server, o);
      await o.c.CreateOrgServiceAssign({ Product: "csip", MemberUins: [m.uin] });
      await server.operator("SetServiceUsage", { MemberUin: m.uin, Product: "csip", Enabled: true });
      assert.equal((await admins(o, { Product: "csip" })).Items![0].UsageStatus, 1);
      await expectCode("DeleteOrgServiceAssign", o.c.DeleteOrgServiceAssign({ Product: "csip", MemberUin: m.uin }), "FailedOperation.OrganizationServiceAssignIsUse");
      await server.operator("SetServiceUsage", { MemberUin: m.uin, ServiceId: 23, Enabled: false });
      assert.equal((await admins(o, { Product: "csip" })).Items![0].UsageStatus, 2);
      await o.c.DeleteOrgServiceAssign({ Product: "csip", MemberUin: m.uin });
      assert.equal((await admins(o, { Product: "csip" })).Total, 0);
      assert.equal(await errorCode(server.operator("SetServiceUsage", { MemberUin: m.uin, Product: "csip", Enabled: true })), "ResourceNotFound");
      assert.equal(await errorCode(server.operator("SetServiceUsage", { MemberUin: m.uin, Product: "cloudaudit", Enabled: true })), "InvalidParameterValue");
    });

    it("holds each service to its limit of delegated admins, also under concurrent calls", async () => {
      const o = await newOrg(server);
      const six = await Promise.all(Array.from({ length: 6 }, () => createdMember(server, o)));
      await expectCode("CreateOrgServiceAssign", o.c.CreateOrgServiceAssign({ Product: "cloudaudit", MemberUins: six.map((m) => m.uin) }), "LimitExceeded.CreateOrgServiceAssignOverLimit");
      assert.equal((await admins(o, { Product: "cloudaudit" })).Total, 0, "all or none");
      await o.c.CreateOrgServiceAssign({ Product: "cloudaudit", MemberUins: six.slice(0, 4).map((m) => m.uin) });
      await o.c.CreateOrgServiceAssign({ Product: "cloudaudit", MemberUins: [six[4].uin] });
      await expectCode("CreateOrgServiceAssign", o.c.CreateOrgServiceAssign({ Product: "cloudaudit", MemberUins: [six[5].uin] }), "LimitExceeded.CreateOrgServiceAssignOverLimit");

      // Identity Center Management takes one delegated admin: of concurrent calls exactly one wins
      const results = await Promise.allSettled(six.map((m) => o.c.CreateOrgServiceAssign({ Product: "cic", MemberUins: [m.uin] })));
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      for (const r of results) if (r.status === "rejected") assert.equal((r.reason as { code: string }).code, "LimitExceeded.CreateOrgServiceAssignOverLimit");
      assert.equal((await admins(o, { Product: "cic" })).Total, 1);
    });

    it("ListOrganizationService: documented codes", async () => {
      const A = "ListOrganizationService";
      const o = await newOrg(server);
      const m = await createdMember(server, o);
      await expectCode(A, server.client(outsider).ListOrganizationService({ Offset: 0, Limit: 10 }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(A, server.client(m).ListOrganizationService({ Offset: 0, Limit: 10 }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(A, o.c.ListOrganizationService({ Offset: 0, Limit: 0 }), "InvalidParameter");
      await expectCode(A, o.c.ListOrganizationService({ Offset: 0, Limit: 51 }), "InvalidParameter");
    });

    it("CreateOrgServiceAssign: documented codes", async () => {
      const A = "CreateOrgServiceAssign";
      const o = await newOrg(server);
      const other = await newOrg(server);
      const m = await createdMember(server, o);
      const stranger = await createdMember(server, other);
      const theirs = await department(other, "theirs");
      const assign = (extra: Record<string, unknown>, c = o.c) => c.CreateOrgServiceAssign({ MemberUins: [m.uin], Product: "config", ...extra });
      await expectCode(A, assign({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
      await expectCode(A, assign({}, server.client(m)), "ResourceNotFound.OrganizationNotExist");
      await expectCode(A, assign({ MemberUins: [] }), "InvalidParameter");
      await expectCode(A, assign({ MemberUins: Array.from({ length: 21 }, (_, i) => 200000000000 + i) }), "InvalidParameter");
      await expectCode(A, assign({ MemberUins: [m.uin, m.uin] }), "InvalidParameter");
      await expectCode(A, assign({ Product: undefined }), "InvalidParameter");
      await expectCode(A, assign({ ServiceId: 1 }), "InvalidParameter");
      await expectCode(A, assign({ ManagementScope: 3 }), "InvalidParameter");
      await expectCode(A, assign({ ManagementScope: 2 }), "InvalidParameter");
      await expectCode(A, assign({ ManagementScope: 2, ManagementScopeNodeIds: [theirs] }), "InvalidParameter");
      await expectCode(A, assign({ Product: "nosuchservice" }), "ResourceNotFound.OrganizationServiceNotExist");
      await expectCode(A, assign({ Product: undefined, ServiceId: 999 }), "ResourceNotFound.OrganizationServiceNotExist");
      await expectCode(A, assign({ MemberUins: [stranger.uin] }), "ResourceNotFound.OrganizationMemberNotExist");
      await expectCode(A, assign({ ManagementScope: 2, ManagementScopeUins: [stranger.uin] }), "ResourceNotFound.OrganizationMemberNotExist");
      await expectCode(A, assign({ MemberUins: [o.admin.uin] }), "UnsupportedOperation");
      await expectCode(A, assign({ Product: "controlcenter" }), "UnsupportedOperation");
      await expectCode(A, assign({ Product: "cloudaudit", ManagementScope: 2, ManagementScopeUins: [m.uin] }), "UnsupportedOperation");
      await assign({});
      await expectCode(A, assign({}), "InvalidParameter");
      await expectCode(A, assign({ Product: "cic", MemberUins: [m.uin, (await createdMember(server, o)).uin] }), "LimitExceeded.CreateOrgServiceAssignOverLimit");
    });

    it("DeleteOrgServiceAssign: documented codes", async () => {
      const A = "DeleteOrgServiceAssign";
      const o = await newOrg(server);
      const m = await createdMember(server, o);
      await o.c.CreateOrgServiceAssign({ MemberUins: [m.uin], Product: "config" });
      await expectCode(A, server.client(outsider).DeleteOrgServiceAssign({ MemberUin: m.uin, Product: "config" }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(A, o.c.DeleteOrgServiceAssign({ MemberUin: m.uin }), "InvalidParameter");
      await expectCode(A, o.c.DeleteOrgServiceAssign({ MemberUin: m.uin, Product: "nosuchservice" }), "ResourceNotFound.OrganizationServiceNotExist");
      await expectCode(A, o.c.DeleteOrgServiceAssign({ MemberUin: m.uin, Product: "kms" }), "ResourceNotFound.OrganizationServiceAssignNotExist");
      await expectCode(A, o.c.DeleteOrgServiceAssign({ MemberUin: outsider.uin, Product: "config" }), "ResourceNotFound.OrganizationServiceAssignNotExist");
      await server.operator("SetServiceUsage", { MemberUin: m.uin, Product: "config", Enabled: true });
      await expectCode(A, o.c.DeleteOrgServiceAssign({ MemberUin: m.uin, Product: "config" }), "FailedOperation.OrganizationServiceAssignIsUse");
    });

    it("ListOrgServiceAssignMember: documented codes", async () => {
      const A = "ListOrgServiceAssignMember";
      const o = await newOrg(server);
      await expectCode(A, server.client(outsider).ListOrgServiceAssignMember({ Offset: 0, Limit: 10, Product: "config" }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(A, o.c.ListOrgServiceAssignMember({ Offset: 0, Limit: 10 }), "InvalidParameter");
      await expectCode(A, o.c.ListOrgServiceAssignMember({ Offset: 0, Limit: 51, Product: "config" }), "InvalidParameter");
      await expectCode(A, o.c.ListOrgServiceAssignMember({ Offset: 0, Limit: 10, Product: "nosuchservice" }), "InvalidParameter");
    });

    it("answers the codes no state reaches when a fault is injected", async () => {
      const o = await newOrg(server);
      const m = await createdMember(server, o);
      const inputs: Record<Action, Record<string, unknown>> = {
        ListOrganizationService: { Offset: 0, Limit: 10 },
        CreateOrgServiceAssign: { MemberUins: [m.uin], Product: "cloudaudit" },
        DeleteOrgServiceAssign: { MemberUin: m.uin, Product: "cloudaudit" },
        ListOrgServiceAssignMember: { Offset: 0, Limit: 10, Product: "cloudaudit" },
      };
      const client = o.c as unknown as Record<string, (p: unknown) => Promise<unknown>>;
      for (const [action, codes] of Object.entries(FAULT_ONLY)) {
        for (const code of Object.keys(codes)) {
          await server.operator("InjectFault", { Action: action, Code: code, Count: 1, Uin: o.admin.uin, Version: "2021-03-31" });
          assert.equal(await errorCode(client[action].call(client, inputs[action as Action])), code, `${action} ${code}`);
        }
      }
      assert.equal((await admins(o, { Product: "cloudaudit" })).Total, 0, "the injected faults changed nothing");
    });

    it("covers every documented code of the organization service actions", () => {
      const missing: string[] = [];
      for (const action of ACTIONS) {
        for (const code of ACTION_ERROR_CODES["2021-03-31"][action]) {
          const how = [reached.get(action)?.has(code) && "state", FAULT_ONLY[action][code] && "fault"].filter(Boolean);
          if (how.length === 0) missing.push(`${action}: ${code}`);
          assert.ok(how.length <= 1, `${action}: ${code} is listed as ${how.join(" and ")}`);
        }
      }
      assert.deepEqual(missing, []);
    });
  });
}
