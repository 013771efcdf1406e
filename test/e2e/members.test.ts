import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { addDepartment, addMember } from "../helpers/members.js";
import { errorCode, TcoServer, type TestAccount } from "../helpers/server.js";

/** Every backend the suite can reach: SQLite always, PostgreSQL when configured. */
const BACKENDS = [{ name: "sqlite", postgres: false }, ...(TEST_DATABASE_URL ? [{ name: "postgres", postgres: true }] : [])];

/** Every field of OrgMember (2021-03-31) with the JSON type the SDK receives. */
const ORG_MEMBER_FIELDS: Record<string, "number" | "string" | "array"> = {
  MemberUin: "number", Name: "string", MemberType: "string", OrgPolicyType: "string", OrgPolicyName: "string",
  OrgPermission: "array", NodeId: "number", NodeName: "string", Remark: "string", CreateTime: "string", UpdateTime: "string",
  IsAllowQuit: "string", PayUin: "string", PayName: "string", OrgIdentity: "array", BindStatus: "string",
  PermissionStatus: "string", Tags: "array", NickName: "string",
};
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function assertOrgMember(m: Record<string, unknown>): void {
  for (const [field, type] of Object.entries(ORG_MEMBER_FIELDS)) {
    const v = m[field];
    assert.ok(type === "array" ? Array.isArray(v) : typeof v === type, `OrgMember.${field} should be ${type}, got ${JSON.stringify(v)}`);
  }
  assert.match(m.CreateTime as string, TIME);
  assert.match(m.UpdateTime as string, TIME);
}

/** Run `fn` for 0..n-1 with at most `concurrency` calls at once. */
async function pool<T>(n: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

interface Org {
  admin: TestAccount;
  c: ReturnType<TcoServer["client"]>;
  c18: ReturnType<TcoServer["client2018"]>;
  orgId: number;
  root: number;
}

async function newOrg(server: TcoServer, name = `host${Math.random().toString(36).slice(2, 8)}`): Promise<Org> {
  const admin = await server.createAccount({ name, entity: "Example Ltd" });
  const c = server.client(admin);
  const { OrgId } = await c.CreateOrganization();
  const { RootNodeId } = await c.DescribeOrganization({});
  return { admin, c, c18: server.client2018(admin), orgId: OrgId!, root: RootNodeId! };
}

const member = (o: Org, name: string, extra: Record<string, unknown> = {}): Promise<{ Uin: number }> =>
  o.c
    .CreateOrganizationMember({ Name: name, AccountName: name, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: o.root, ...extra })
    .then((r) => ({ Uin: r.Uin! }));

for (const backend of BACKENDS) {
  describe(`member accounts (${backend.name})`, () => {
    let server: TcoServer;
    before(async () => {
      // one organization here holds 241 accounts: above the documented default of 100, as a support ticket would allow
      server = await TcoServer.start({ postgres: backend.postgres, env: { TCO_MAX_MEMBERS: "300" } });
    });
    after(async () => {
      await server.stop();
    });

    /** Set up through the server's database what no action of this area can create. */
    async function withStore<T>(fn: (store: Awaited<ReturnType<TcoServer["openStore"]>>) => Promise<T>): Promise<T> {
      const store = await server.openStore();
      try {
        return await fn(store);
      } finally {
        await store.close();
      }
    }

    /** An existing account that joined the organization (as accepting an invitation leaves it). */
    async function invite(o: Org, name: string, extra: Partial<Parameters<typeof addMember>[1]> = {}, account: Parameters<TcoServer["createAccount"]>[0] = {}) {
      const a = await server.createAccount({ name, entity: "Example Ltd", ...account });
      await withStore((s) => addMember(s, { uin: a.uin, orgId: o.orgId, nodeId: o.root, name, ...extra }));
      return a;
    }

    it("runs the documented examples of CreateOrganizationMember, UpdateOrganizationMember and DescribeOrganizationMembers", async () => {
      const o = await newOrg(server);
      // CreateOrganizationMember, with the organization's root department as NodeId
      const answer = await o.c.CreateOrganizationMember({ Name: "member_name", PolicyType: "Financial", PermissionIds: [1, 2], NodeId: o.root, AccountName: "member_name" });
      const created = { Uin: answer.Uin! };
      assert.ok(Number.isInteger(created.Uin) && String(created.Uin).length === 12, `a 12-digit UIN: ${created.Uin}`);
      // UpdateOrganizationMember, with the created member
      const updated = await o.c.UpdateOrganizationMember({ Remark: "create member", MemberUin: created.Uin, Name: "member_name" });
      assert.equal(typeof updated.RequestId, "string");
      // DescribeOrganizationMembers
      const listed = await o.c.DescribeOrganizationMembers({ Lang: "zh", Limit: 10, Offset: 0 });
      assert.equal(listed.Total, 2);
      for (const m of listed.Items!) assertOrgMember(m as unknown as Record<string, unknown>);
      const m = listed.Items!.find((x) => x.MemberUin === created.Uin)!;
      assert.equal(m.Name, "member_name");
      assert.equal(m.NickName, "member_name");
      assert.equal(m.Remark, "create member");
      assert.equal(m.MemberType, "Create");
      assert.equal(m.OrgPolicyType, "Financial");
      assert.equal(m.OrgPolicyName, "财务管理");
      // the names of DescribeOrganizationMembers' example (examples.json)
      assert.deepEqual(m.OrgPermission, [
        { Id: 1, Name: "允许主账号查看子账号的消费信息" },
        { Id: 2, Name: "允许主账号查看子账号的财务信息" },
      ]);
      assert.equal(m.NodeId, o.root);
      assert.equal(m.NodeName, "Root");
      assert.equal(m.IsAllowQuit, "Denied");
      assert.deepEqual([m.PayUin, m.PayName, m.BindStatus, m.PermissionStatus], ["", "", "Unbound", "Confirmed"]);
      assert.deepEqual(m.OrgIdentity, [{ IdentityId: 1, IdentityAliasName: "登录访问" }]);
      const en = await o.c.DescribeOrganizationMembers({ Lang: "en", Limit: 10, Offset: 0 });
      const e = en.Items!.find((x) => x.MemberUin === created.Uin)!;
      // and of its English example (examples.en.json)
      assert.deepEqual(e.OrgPermission, [
        { Id: 1, Name: "Allow the root account to view the consumption information of sub-accounts" },
        { Id: 2, Name: "Allow the root account to view the financial information of sub-accounts" },
      ]);
      assert.equal(e.OrgPolicyName, "Financial management");

      // ListOrganizationIdentity's example, and the identity 1 CreateOrganizationMember refers to
      const ids = await o.c.ListOrganizationIdentity({ Limit: 10, Offset: 0 });
      assert.equal(ids.Total, 1);
      assert.deepEqual(ids.Items![0], {
        IdentityId: 1, IdentityAliasName: "Login access", Description: "AdministratorAccess",
        IdentityPolicy: [{ PolicyId: 1, PolicyName: "AdministratorAccess", PolicyType: 2 }], IdentityType: 1, UpdateTime: "2021-07-15 21:08:38",
      });
      assert.equal((await o.c.ListOrganizationIdentity({ Limit: 10, Offset: 0, IdentityType: 2 })).Total, 0);

      // CheckAccountDelete and DeleteAccount examples: member deletion on, the deletion by a sub-account of the admin
      await server.operator("SetMemberDeletionPermission", { OrgId: o.orgId, Enabled: true });
      const ops = await server.operator("CreateSubAccount", { OwnerUin: o.admin.uin, Name: "ops" });
      const check = await o.c.CheckAccountDelete({ MemberUin: created.Uin });
      assert.deepEqual(check.NotAllowReason, {
        IsCreateMember: true, DeletionPermission: true, IsAssignManager: false, IsAuthManager: false, IsShareManager: false,
        OperateProcess: false, BillingPermission: true, ExistResources: [], DetectFailedResources: [], CICRoleConfig: false, CICUserConfig: false,
      });
      assert.equal(check.AllowDelete, true);
      await server.client({ secretId: ops.SecretId, secretKey: ops.SecretKey }).DeleteAccount({ MemberUin: created.Uin });
      assert.equal((await o.c.DescribeOrganizationMembers({ Limit: 10, Offset: 0 })).Total, 1);
      const gone = await server.operator("ListAccounts", { Limit: 1000 });
      assert.ok(!gone.Accounts.some((a: { Uin: number }) => a.Uin === created.Uin), "the deleted account left the registry");
    });

    it("creates hundreds of members and pages, searches and filters them (2021-03-31)", async () => {
      const o = await newOrg(server);
      const dept = await withStore((s) => addDepartment(s, o.orgId, o.root, "dept"));
      const N = 240;
      const uins = await pool(N, 6, async (i) => {
        const name = `m-${String(i).padStart(3, "0")}`;
        const tags = i % 10 === 0 ? [{ TagKey: "team", TagValue: "blue" }] : undefined;
        return (await member(o, name, { NodeId: i % 4 === 0 ? dept : o.root, Tags: tags, Remark: `no. ${i}` })).Uin;
      });
      assert.equal(new Set(uins).size, N);

      const seen: number[] = [];
      for (let offset = 0; ; offset += 50) {
        const page = await o.c.DescribeOrganizationMembers({ Offset: offset, Limit: 50 });
        assert.equal(page.Total, N + 1);
        seen.push(...page.Items!.map((m) => m.MemberUin!));
        if (page.Items!.length < 50) break;
      }
      assert.equal(seen.length, N + 1);
      assert.deepEqual(seen, [...seen].sort((a, b) => a - b), "pages come by ascending UIN");
      assert.deepEqual(new Set(seen), new Set([o.admin.uin, ...uins]));

      const search = await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, SearchKey: "m-01" });
      assert.equal(search.Total, 10);
      assert.deepEqual(search.Items!.map((m) => m.Name), Array.from({ length: 10 }, (_, i) => `m-01${i}`));
      const byUin = await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, SearchKey: String(uins[123]) });
      assert.deepEqual(byUin.Items!.map((m) => m.Name), ["m-123"]);

      const inDept = await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, NodeId: dept });
      assert.equal(inDept.Total, N / 4);
      assert.ok(inDept.Items!.every((m) => m.NodeId === dept && m.NodeName === "dept"));
      assert.equal((await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, NodeName: "dept" })).Total, N / 4);
      assert.equal((await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, NodeName: "nowhere" })).Total, 0);
      const tagged = await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, Tags: [{ TagKey: "team", TagValue: "blue" }] });
      assert.equal(tagged.Total, N / 10);
      assert.ok(tagged.Items!.every((m) => m.Tags?.length === 1 && m.Tags[0].TagValue === "blue"));
      assert.equal((await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, AuthName: "Example Ltd" })).Total, N + 1);
      assert.equal((await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, AuthName: "Someone Else" })).Total, 0);
      assert.equal((await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 50, Product: "cloudaudit" })).Total, 0, "naming a service, the admin lists its delegated admins: none yet");
    });

    it("updates financial permissions, payer and quit policy, and moves and removes members (2021-03-31)", async () => {
      const o = await newOrg(server, "the_admin");
      const dept = await withStore((s) => addDepartment(s, o.orgId, o.root, "finance"));
      const { Uin } = await member(o, "paid", { PermissionIds: [1, 2, 7], PayUin: String(o.admin.uin), IdentityRoleID: [1], Tags: [{ TagKey: "k", TagValue: "v" }] });
      let m = (await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: String(Uin) })).Items![0];
      assert.deepEqual([m.PayUin, m.PayName], [String(o.admin.uin), "the_admin"]);
      assert.deepEqual(m.OrgPermission!.map((p) => p.Id), [1, 2, 7]);

      await o.c.UpdateOrganizationMember({ MemberUin: Uin, PolicyType: "Financial", PermissionIds: [1, 2, 5], Name: "renamed", Remark: "r", IsModifyNickName: 1 });
      m = (await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: String(Uin) })).Items![0];
      assert.deepEqual([m.Name, m.NickName, m.Remark, m.PayUin, m.PayName], ["renamed", "renamed", "r", "", ""]);
      assert.deepEqual(m.OrgPermission!.map((p) => p.Id), [1, 2, 5]);

      const invited = await invite(o, "guest");
      await o.c.UpdateOrganizationMember({ MemberUin: invited.uin, IsAllowQuit: "Denied", PolicyType: "Financial", PermissionIds: [1, 2, 7], PayUin: String(o.admin.uin) });
      m = (await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: "guest" })).Items![0];
      assert.deepEqual([m.MemberType, m.IsAllowQuit, m.PayUin], ["Invite", "Denied", String(o.admin.uin)]);

      await o.c.MoveOrganizationNodeMembers({ NodeId: dept, MemberUin: [Uin, invited.uin] });
      const moved = await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, NodeId: dept });
      assert.deepEqual(moved.Items!.map((x) => x.MemberUin).sort(), [Uin, invited.uin].sort());

      assert.equal(await errorCode(o.c.DeleteOrganizationMembers({ MemberUin: [invited.uin] })), "FailedOperation.MemberExistDelegatePayerNotAllowDelete");
      await o.c.UpdateOrganizationMember({ MemberUin: invited.uin, PolicyType: "Financial", PermissionIds: [1, 2], IsAllowQuit: "Allow" });
      await o.c.DeleteOrganizationMembers({ MemberUin: [invited.uin] });
      const left = await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10 });
      assert.deepEqual(left.Items!.map((x) => x.MemberUin).sort(), [o.admin.uin, Uin].sort());
      // the removed account still works, outside any organization
      assert.equal(await errorCode(server.client(invited).DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
    });

    it("settles concurrent creations of one name with a single member", async () => {
      const o = await newOrg(server);
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => member(o, "same")));
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      for (const r of results) if (r.status === "rejected") assert.equal((r.reason as { code: string }).code, "FailedOperation.OrganizationMemberNameUsed");
    });

    it("retries a failed creation by its RecordId, once", async () => {
      const o = await newOrg(server);
      await member(o, "taken");
      let message = "";
      try {
        await member(o, "taken");
      } catch (e) {
        assert.equal((e as { code: string }).code, "FailedOperation.OrganizationMemberNameUsed");
        message = (e as Error).message;
      }
      const recordId = Number(/RecordId (\d+)/.exec(message)?.[1]);
      assert.ok(recordId > 0, message);
      const { Uin } = await member(o, "second-try", { RecordId: recordId });
      assert.ok(Uin > 0);
      assert.equal(await errorCode(member(o, "third-try", { RecordId: recordId })), "FailedOperation.CreateRecordAlreadySuccess");
      assert.equal(await errorCode(member(o, "x", { RecordId: 987654321 })), "FailedOperation.CreateRecordNotExist");
      const other = await newOrg(server);
      assert.equal(await errorCode(member(other, "x", { RecordId: recordId })), "FailedOperation.CreateRecordNotExist");
    });

    it("runs the 2018-12-25 member actions on the same state", async () => {
      const o = await newOrg(server);
      const dept = await withStore((s) => addDepartment(s, o.orgId, o.root, "unit"));
      const a = (await member(o, "alpha", { Remark: "first" })).Uin;
      const b = (await member(o, "beta")).Uin;
      const guest = await invite(o, "guest");

      // the documented examples, sent as GET like the pages show them
      const get = server.client2018(o.admin, "TC3-GET");
      const list = await get.ListOrganizationMembers({ Offset: 0, Limit: 10 });
      assert.equal(list.TotalCount, 4);
      assert.deepEqual(Object.keys(list.Members![0]).sort(), ["JoinTime", "Name", "Remark", "Uin"]);
      assert.match(list.Members![0].JoinTime!, TIME);
      await get.UpdateOrganizationMember({ MemberUin: a, Name: "member_name", Remark: "create member" });
      await get.MoveOrganizationMembersToNode({ NodeId: dept, Uins: [a, b] });
      const got = await get.GetOrganizationMember({ MemberUin: a });
      assert.deepEqual(
        { Uin: got.Uin, Name: got.Name, Remark: got.Remark, NodeId: got.NodeId, NodeName: got.NodeName, ParentNodeId: got.ParentNodeId },
        { Uin: a, Name: "member_name", Remark: "create member", NodeId: dept, NodeName: "unit", ParentNodeId: o.root },
      );
      const inUnit = await get.ListOrganizationNodeMembers({ NodeId: dept, Offset: 0, Limit: 10 });
      assert.deepEqual(inUnit.Members!.map((x) => x.Uin).sort(), [a, b].sort());
      assert.equal(inUnit.TotalCount, 2);
      await get.DeleteOrganizationMemberFromNode({ MemberUin: a, NodeId: dept });
      assert.equal((await get.GetOrganizationMember({ MemberUin: a })).NodeId, o.root);
      assert.equal(await errorCode(get.DeleteOrganizationMemberFromNode({ MemberUin: a, NodeId: o.root })), "FailedOperation.DisableDeleteMemberFromRootNode");
      await get.DeleteOrganizationMembers({ Uins: [guest.uin] });
      assert.equal((await o.c18.ListOrganizationMembers({})).TotalCount, 3);
      // the 2021-03-31 view agrees
      const v21 = await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: "member_name" });
      assert.deepEqual([v21.Items![0].MemberUin, v21.Items![0].Remark, v21.Items![0].NodeId], [a, "create member", o.root]);
      // v1 signatures with flattened lists work too
      await server.client2018(o.admin, "HmacSHA1").MoveOrganizationMembersToNode({ NodeId: dept, Uins: [a, b] });
      assert.equal((await o.c18.ListOrganizationNodeMembers({ NodeId: dept })).TotalCount, 2);
    });
  });
}
