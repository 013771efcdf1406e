import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { callOperator } from "../../src/cli/client.js";
import { ACTION_ERROR_CODES } from "../../src/spec/generated/errors.js";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { addMember } from "../helpers/members.js";
import { errorCode, MAIN_JS, ROOT_SECRET_ID, ROOT_SECRET_KEY, SIGN_MODES, TcoServer, type Keys, type TestAccount } from "../helpers/server.js";

/**
 * Unified member login through the official SDK: sub-accounts (operator API and CLI) whose keys act
 * for their owner; custom identities; identities granted on members; member access policies and
 * the sub-accounts bound to them.
 */

const run = promisify(execFile);
const BACKENDS = [{ name: "sqlite", postgres: false }, ...(TEST_DATABASE_URL ? [{ name: "postgres", postgres: true }] : [])];
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const ADMIN_ACCESS = { PolicyId: 1, PolicyName: "AdministratorAccess", PolicyType: 2 };
const READ_ONLY = { PolicyId: 400411, PolicyName: "ReadOnlyAccess" };
const CVM_DOC = JSON.stringify({ version: "2.0", statement: [{ effect: "allow", action: ["cvm:Describe*"], resource: "*" }] });

type Client = ReturnType<TcoServer["client"]>;

interface Org {
  admin: TestAccount;
  c: Client;
  orgId: number;
  root: number;
}

/** Run the `tco` CLI against a server; answers stdout. */
async function tco(server: TcoServer, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [MAIN_JS, ...args, "--endpoint", server.url], {
    env: { ...process.env, TCO_ROOT_SECRET_ID: ROOT_SECRET_ID, TCO_ROOT_SECRET_KEY: ROOT_SECRET_KEY },
  });
  return stdout;
}

const INTERNAL = "an unexpected server failure; never answered on purpose";
const CAM = "a failure of Tencent Cloud's CAM service, which TCO does not call (it keeps roles and policies itself)";

/** Codes only fault injection reaches, with the reason no state does. */
const FAULT_ONLY: Record<string, Record<string, string>> = {
  CreateOrganizationIdentity: { "FailedOperation.GetPolicyDetail": CAM, InternalError: INTERNAL },
  UpdateOrganizationIdentity: { "FailedOperation.GetPolicyDetail": CAM, InternalError: INTERNAL },
  DeleteOrganizationIdentity: { InternalError: INTERNAL },
  ListOrganizationIdentity: { InternalError: INTERNAL },
  CreateOrganizationMemberAuthIdentity: {
    "FailedOperation.CreateRole": CAM,
    "FailedOperation.OrganizationIdentityPolicyError": "an identity's policies are checked when it is created or updated, so a granted identity's are always valid",
    InternalError: INTERNAL,
  },
  DeleteOrganizationMemberAuthIdentity: { InternalError: INTERNAL },
  DescribeOrganizationMemberAuthIdentities: { InternalError: INTERNAL },
  CreateOrganizationMemberPolicy: { "FailedOperation.CreatePolicy": CAM, InternalError: INTERNAL },
  CreateOrganizationMembersPolicy: { "FailedOperation.CreatePolicy": CAM, InternalError: INTERNAL },
  UpdateOrganizationMembersPolicy: { InternalError: INTERNAL },
  DeleteOrganizationMembersPolicy: { "FailedOperation.DeletePolicy": CAM, InternalError: INTERNAL },
  DescribeOrganizationMemberPolicies: { InternalError: INTERNAL },
  DescribeOrganizationMembersAuthPolicy: { InternalError: INTERNAL },
  BindOrganizationMemberAuthAccount: { "FailedOperation.OperatePolicy": CAM, InternalError: INTERNAL },
  CancelOrganizationMemberAuthAccount: { InternalError: INTERNAL },
  DescribeOrganizationMemberAuthAccounts: { InternalError: INTERNAL },
  BindOrganizationPolicySubAccount: { InternalError: INTERNAL },
  CancelOrganizationPolicySubAccount: {
    UnsupportedOperation: "every binding of a policy can be removed: TCO knows no binding that cannot",
    InternalError: INTERNAL,
  },
};

for (const backend of BACKENDS) {
  describe(`unified member login (${backend.name})`, () => {
    let server: TcoServer;
    let outsider: TestAccount;
    /** Codes asserted through state, by action; the last test checks them against the documented ones. */
    const reached = new Map<string, Set<string>>();
    async function expectCode(action: string, call: Promise<unknown>, code: string): Promise<void> {
      assert.equal(await errorCode(call), code, action);
      if (!reached.has(action)) reached.set(action, new Set());
      reached.get(action)!.add(code);
    }
    before(async () => {
      server = await TcoServer.start({ postgres: backend.postgres });
      outsider = await server.createAccount({ name: "outsider" });
    });
    after(async () => {
      await server.stop();
    });

    async function newOrg(): Promise<Org> {
      const admin = await server.createAccount({ entity: "Example Ltd" });
      const c = server.client(admin);
      const { OrgId } = await c.CreateOrganization();
      const { RootNodeId } = await c.DescribeOrganization({});
      return { admin, c, orgId: OrgId!, root: RootNodeId! };
    }
    const createMember = async (o: Org, name: string) =>
      (await o.c.CreateOrganizationMember({ Name: name, AccountName: name, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: o.root })).Uin!;
    /** A member that joined by invitation (another area's flow), set up in the store. */
    async function invited(o: Org, name: string): Promise<TestAccount> {
      const a = await server.createAccount({ name, entity: "Example Ltd" });
      const store = await server.openStore();
      try {
        await addMember(store, { uin: a.uin, orgId: o.orgId, nodeId: o.root, name });
      } finally {
        await store.close();
      }
      return a;
    }
    async function subAccount(owner: number, name: string): Promise<{ uin: number; keys: Keys }> {
      const r = await server.operator("CreateSubAccount", { OwnerUin: owner, Name: name });
      return { uin: r.SubUin, keys: { secretId: r.SecretId, secretKey: r.SecretKey } };
    }
    const identity = async (o: Org, name: string, policies: object[] = [ADMIN_ACCESS], description = "") =>
      (await o.c.CreateOrganizationIdentity({ IdentityAliasName: name, IdentityPolicy: policies, Description: description })).IdentityId!;

    it("gives sub-accounts their own keys, which act for the owner (CLI and operator API)", async () => {
      const o = await newOrg();
      const created = JSON.parse(await tco(server, ["subaccount", "create", "--uin", String(o.admin.uin), "--name", "ops-alice", "--json"]));
      assert.match(String(created.SubUin), /^\d{12}$/);
      assert.notEqual(created.SubUin, o.admin.uin);
      assert.match(created.SecretId, /^AKID/);
      const keys = { secretId: created.SecretId, secretKey: created.SecretKey };
      for (const mode of SIGN_MODES) {
        const seen = await server.client(keys, mode).DescribeOrganization({});
        assert.equal(seen.OrgId, o.orgId, `${mode}: the sub-account sees its owner's organization`);
        assert.equal(seen.HostUin, o.admin.uin);
      }
      const text = await tco(server, ["subaccount", "create", "--uin", String(o.admin.uin), "--name", "ops-bob"]);
      assert.match(text, /SubUin:\s+\d{12}/);
      const listed = await tco(server, ["subaccount", "list", "--uin", String(o.admin.uin)]);
      assert.match(listed, new RegExp(`${created.SubUin}\\s+ops-alice`));
      assert.match(listed, /ops-bob/);
      const api = await server.operator("ListSubAccounts", { OwnerUin: o.admin.uin });
      assert.equal(api.Total, 2);
      assert.deepEqual(
        api.SubAccounts.map((s: { Name: string; OwnerUin: number }) => [s.Name, s.OwnerUin]),
        [["ops-alice", o.admin.uin], ["ops-bob", o.admin.uin]],
      );
      assert.equal(await errorCode(server.operator("CreateSubAccount", { OwnerUin: o.admin.uin, Name: "ops-alice" })), "ResourceInUse");
      assert.equal(await errorCode(server.operator("CreateSubAccount", { OwnerUin: o.admin.uin, Name: "bad name" })), "InvalidParameterValue");
      assert.equal(await errorCode(server.operator("CreateSubAccount", { OwnerUin: created.SubUin, Name: "nested" })), "ResourceNotFound");
      assert.equal(await errorCode(server.operator("CreateAccount", { Name: "clash", Uin: created.SubUin })), "FailedOperation.AccountAlreadyRegister");

      // a sub-account of the root account is no operator
      const rootSub = await subAccount(100000000001, `root-ops-${backend.name}`);
      assert.equal(await errorCode(callOperator({ endpoint: server.url, ...rootSub.keys }, "ListAccounts", {})), "UnauthorizedOperation");
    });

    it("defines custom identities, lists, searches, updates and deletes them", async () => {
      const o = await newOrg();
      const id = await identity(o, "cvm-readers", [READ_ONLY, { PolicyType: 1, PolicyDocument: CVM_DOC }], "read CVM");
      assert.ok(id >= 101);
      const all = await o.c.ListOrganizationIdentity({ Offset: 0, Limit: 10 });
      assert.equal(all.Total, 2);
      const [builtIn, custom] = all.Items!;
      assert.deepEqual([builtIn.IdentityId, builtIn.IdentityType], [1, 1]);
      assert.deepEqual(
        { ...custom, UpdateTime: undefined },
        {
          IdentityId: id,
          IdentityAliasName: "cvm-readers",
          Description: "read CVM",
          IdentityPolicy: [
            { PolicyId: 400411, PolicyName: "ReadOnlyAccess", PolicyType: 2 },
            { PolicyId: 0, PolicyName: "", PolicyType: 1, PolicyDocument: CVM_DOC },
          ],
          IdentityType: 2,
          UpdateTime: undefined,
        },
      );
      assert.match(custom.UpdateTime!, TIME);
      assert.deepEqual((await o.c.ListOrganizationIdentity({ Offset: 0, Limit: 10, IdentityType: 2 })).Items!.map((i) => i.IdentityId), [id]);
      assert.deepEqual((await o.c.ListOrganizationIdentity({ Offset: 0, Limit: 10, SearchKey: "CVM" })).Items!.map((i) => i.IdentityId), [id]);
      assert.deepEqual((await o.c.ListOrganizationIdentity({ Offset: 0, Limit: 10, SearchKey: "login" })).Items!.map((i) => i.IdentityId), [1]);
      assert.deepEqual((await o.c.ListOrganizationIdentity({ Offset: 0, Limit: 10, IdentityId: id })).Items!.map((i) => i.IdentityAliasName), ["cvm-readers"]);
      assert.deepEqual((await o.c.ListOrganizationIdentity({ Offset: 1, Limit: 1 })).Items!.map((i) => i.IdentityId), [id]);
      // the search text is literal: _ and % are no wildcards
      const [underscore] = [await identity(o, "db_admin"), await identity(o, "dbXadmin"), await identity(o, "100%")];
      assert.deepEqual((await o.c.ListOrganizationIdentity({ Offset: 0, Limit: 10, SearchKey: "b_a" })).Items!.map((i) => i.IdentityId), [underscore]);
      assert.deepEqual((await o.c.ListOrganizationIdentity({ Offset: 0, Limit: 10, SearchKey: "0%" })).Items!.map((i) => i.IdentityAliasName), ["100%"]);
      // another organization sees only its own custom identities
      const other = await newOrg();
      assert.equal((await other.c.ListOrganizationIdentity({ Offset: 0, Limit: 10 })).Total, 1);
      assert.equal(await identity(other, "cvm-readers") > id, true, "names are per organization");

      await o.c.UpdateOrganizationIdentity({ IdentityId: id, Description: "everything", IdentityPolicy: [ADMIN_ACCESS] });
      const changed = (await o.c.ListOrganizationIdentity({ Offset: 0, Limit: 10, IdentityId: id })).Items![0];
      assert.equal(changed.Description, "everything");
      assert.deepEqual(changed.IdentityPolicy, [{ PolicyId: 1, PolicyName: "AdministratorAccess", PolicyType: 2 }]);

      await o.c.DeleteOrganizationIdentity({ IdentityId: id });
      assert.deepEqual((await o.c.ListOrganizationIdentity({ Offset: 0, Limit: 10, IdentityId: id })).Total, 0);
    });

    it("grants identities on members, shows when a role needs reconfiguring, and revokes them", async () => {
      const o = await newOrg();
      const [m1, m2] = [await createMember(o, "m1"), await createMember(o, "m2")];
      const guest = await invited(o, "guest");
      const id = await identity(o, "auditors", [READ_ONLY], "audit");
      await o.c.CreateOrganizationMemberAuthIdentity({ MemberUins: [m1, guest.uin], IdentityIds: [id, 1] });

      const ofM1 = await o.c.DescribeOrganizationMemberAuthIdentities({ Offset: 0, Limit: 10, MemberUin: m1 });
      assert.equal(ofM1.Total, 2);
      assert.deepEqual(
        ofM1.Items!.map((i) => [i.IdentityId, i.IdentityType, i.IdentityRoleName, i.MemberUin, i.MemberName, i.Status]),
        [
          [1, 1, "OrganizationAccessControlRole", m1, "m1", 1],
          [id, 2, `OrganizationAccessControlRole_${id}`, m1, "m1", 1],
        ],
      );
      assert.equal(ofM1.Items![1].IdentityRoleAliasName, "auditors");
      assert.equal(ofM1.Items![1].Description, "audit");
      assert.match(ofM1.Items![1].CreateTime!, TIME);
      const byIdentity = await o.c.DescribeOrganizationMemberAuthIdentities({ Offset: 0, Limit: 10, IdentityId: 1 });
      assert.deepEqual(byIdentity.Items!.map((i) => i.MemberUin).sort(), [m1, m2, guest.uin].sort());
      const page = await o.c.DescribeOrganizationMemberAuthIdentities({ Offset: 1, Limit: 1, IdentityId: 1 });
      assert.deepEqual([page.Total, page.Items!.length], [3, 1]);

      // changing the identity leaves the members' roles behind until they are set up again
      await new Promise((r) => setTimeout(r, 5));
      await o.c.UpdateOrganizationIdentity({ IdentityId: id, Description: "audit more", IdentityPolicy: [READ_ONLY, { PolicyType: 1, PolicyDocument: CVM_DOC }] });
      const stale = await o.c.DescribeOrganizationMemberAuthIdentities({ Offset: 0, Limit: 10, IdentityId: id });
      assert.deepEqual(stale.Items!.map((i) => i.Status), [2, 2]);
      await new Promise((r) => setTimeout(r, 5));
      await o.c.CreateOrganizationMemberAuthIdentity({ MemberUins: [m1], IdentityIds: [id] });
      const again = await o.c.DescribeOrganizationMemberAuthIdentities({ Offset: 0, Limit: 10, IdentityId: id });
      assert.deepEqual(again.Items!.map((i) => [i.MemberUin, i.Status]).sort(), [[m1, 1], [guest.uin, 2]].sort());

      await o.c.DeleteOrganizationMemberAuthIdentity({ MemberUin: guest.uin, IdentityId: id });
      await o.c.DeleteOrganizationMemberAuthIdentity({ MemberUin: m1, IdentityId: id });
      assert.equal((await o.c.DescribeOrganizationMemberAuthIdentities({ Offset: 0, Limit: 10, IdentityId: id })).Total, 0);
      // the member listing shows the identities a member supports
      const listed = await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: "guest" });
      assert.deepEqual(listed.Items![0].OrgIdentity!.map((i) => i.IdentityId), [1]);
      await o.c.DeleteOrganizationIdentity({ IdentityId: id });
    });

    it("creates member access policies, binds sub-accounts to them and removes both", async () => {
      const o = await newOrg();
      const [m1, m2] = [await createMember(o, "m1"), await createMember(o, "m2")];
      const [alice, bob] = [await subAccount(o.admin.uin, "alice"), await subAccount(o.admin.uin, "bob")];
      const id = await identity(o, "readers", [READ_ONLY]);
      await o.c.CreateOrganizationMemberAuthIdentity({ MemberUins: [m1, m2], IdentityIds: [id] });

      // one member: the older per-member flow
      const single = (await o.c.CreateOrganizationMemberPolicy({ MemberUin: m1, PolicyName: "m1-admin", IdentityId: 1, Description: "admin of m1" })).PolicyId!;
      assert.ok(single >= 1001);
      await o.c.BindOrganizationMemberAuthAccount({ MemberUin: m1, PolicyId: single, OrgSubAccountUins: [alice.uin, bob.uin] });
      await o.c.BindOrganizationMemberAuthAccount({ MemberUin: m1, PolicyId: single, OrgSubAccountUins: [alice.uin] }); // already bound: nothing changes
      const accounts = await o.c.DescribeOrganizationMemberAuthAccounts({ Offset: 0, Limit: 10, MemberUin: m1, PolicyId: single });
      assert.equal(accounts.Total, 2);
      assert.deepEqual(
        { ...accounts.Items![0], CreateTime: undefined, UpdateTime: undefined },
        {
          OrgSubAccountUin: alice.uin, PolicyId: single, PolicyName: "m1-admin", IdentityId: 1, IdentityRoleName: "OrganizationAccessControlRole",
          IdentityRoleAliasName: "Login access", CreateTime: undefined, UpdateTime: undefined, OrgSubAccountName: "alice",
        },
      );
      assert.match(accounts.Items![0].CreateTime!, TIME);
      assert.equal((await o.c.DescribeOrganizationMemberAuthAccounts({ Offset: 0, Limit: 10, MemberUin: m2, PolicyId: single })).Total, 0, "m2 is not covered");
      const ofM1 = await o.c.DescribeOrganizationMemberPolicies({ Offset: 0, Limit: 10, MemberUin: m1 });
      assert.deepEqual(
        ofM1.Items!.map((p) => [p.PolicyId, p.PolicyName, p.IdentityId, p.IdentityRoleName, p.Description]),
        [[single, "m1-admin", 1, "OrganizationAccessControlRole", "admin of m1"]],
      );

      // several members: the newer flow
      const shared = (await o.c.CreateOrganizationMembersPolicy({ MemberUins: [m1, m2], PolicyName: "readers-all", IdentityId: id, Description: "read everything" })).PolicyId!;
      await o.c.BindOrganizationPolicySubAccount({ PolicyId: shared, OrgSubAccountUins: [bob.uin] });
      assert.deepEqual((await o.c.DescribeOrganizationMemberPolicies({ Offset: 0, Limit: 10, MemberUin: m1 })).Items!.map((p) => p.PolicyId), [single, shared]);
      assert.deepEqual((await o.c.DescribeOrganizationMemberPolicies({ Offset: 0, Limit: 10, MemberUin: m1, SearchKey: "EVERYTHING" })).Items!.map((p) => p.PolicyId), [shared]);
      assert.deepEqual((await o.c.DescribeOrganizationMemberPolicies({ Offset: 0, Limit: 10, MemberUin: m2, SearchKey: "m1" })).Total, 0);

      const everything = await o.c.DescribeOrganizationMembersAuthPolicy({ Offset: 0, Limit: 10 });
      assert.equal(everything.Total, 3);
      assert.deepEqual(
        everything.Items!.map((r) => [r.PolicyId, r.OrgSubAccountUin, r.OrgSubAccountName, r.MemberUin, r.BindType, r.Members!.map((m) => m.MemberUin)]),
        [
          [single, alice.uin, "alice", m1, 1, [m1]],
          [single, bob.uin, "bob", m1, 1, [m1]],
          [shared, bob.uin, "bob", null, 1, [m1, m2]],
        ],
      );
      assert.equal(everything.Items![2].IdentityRoleAliasName, "readers");
      assert.match(everything.Items![0].CreateTime!, TIME);
      const ofBob = await o.c.DescribeOrganizationMembersAuthPolicy({ Offset: 0, Limit: 10, OrgSubAccountUin: bob.uin, MemberUin: m2 });
      assert.deepEqual(ofBob.Items!.map((r) => [r.PolicyId, r.MemberUin, r.MemberName]), [[shared, m2, "m2"]]);
      const onePolicy = await o.c.DescribeOrganizationMembersAuthPolicy({ Offset: 1, Limit: 1, PolicyId: single });
      assert.deepEqual([onePolicy.Total, onePolicy.Items!.map((r) => r.OrgSubAccountUin)], [2, [bob.uin]]);

      // change the shared policy: m2 only, with the built-in identity, keeping bob
      await o.c.UpdateOrganizationMembersPolicy({ MemberUins: [m2], PolicyId: shared, IdentityId: 1, Description: "admin of m2" });
      const updated = await o.c.DescribeOrganizationMemberPolicies({ Offset: 0, Limit: 10, MemberUin: m2 });
      assert.deepEqual(updated.Items!.map((p) => [p.PolicyId, p.IdentityId, p.Description]), [[shared, 1, "admin of m2"]]);
      assert.deepEqual((await o.c.DescribeOrganizationMemberAuthAccounts({ Offset: 0, Limit: 10, MemberUin: m2, PolicyId: shared })).Items!.map((a) => a.OrgSubAccountUin), [bob.uin]);

      // unbind, then delete
      await o.c.CancelOrganizationMemberAuthAccount({ MemberUin: m1, PolicyId: single, OrgSubAccountUin: alice.uin });
      assert.deepEqual((await o.c.DescribeOrganizationMemberAuthAccounts({ Offset: 0, Limit: 10, MemberUin: m1, PolicyId: single })).Items!.map((a) => a.OrgSubAccountUin), [bob.uin]);
      await o.c.CancelOrganizationPolicySubAccount({ PolicyId: shared, OrgSubAccountUins: [bob.uin] });
      const unbound = await o.c.DescribeOrganizationMembersAuthPolicy({ Offset: 0, Limit: 10, PolicyId: shared });
      assert.deepEqual(unbound.Items!.map((r) => [r.PolicyId, r.OrgSubAccountUin, r.BindType, r.MemberUin]), [[shared, null, null, m2]], "a policy with no sub-account is listed once");
      await o.c.DeleteOrganizationMembersPolicy({ PolicyId: shared });
      await o.c.DeleteOrganizationMembersPolicy({ PolicyId: single });
      assert.equal((await o.c.DescribeOrganizationMembersAuthPolicy({ Offset: 0, Limit: 10 })).Total, 0);
      // with no policy left the grant and then the identity can go
      await o.c.DeleteOrganizationMemberAuthIdentity({ MemberUin: m1, IdentityId: id });
      await o.c.DeleteOrganizationMemberAuthIdentity({ MemberUin: m2, IdentityId: id });
      await o.c.DeleteOrganizationIdentity({ IdentityId: id });
    });

    it("a sub-account key manages member login for its owner", async () => {
      const o = await newOrg();
      const m = await createMember(o, "m");
      const ops = await subAccount(o.admin.uin, "ops");
      const asOps = server.client(ops.keys);
      const policy = (await asOps.CreateOrganizationMemberPolicy({ MemberUin: m, PolicyName: "via-ops", IdentityId: 1 })).PolicyId!;
      await asOps.BindOrganizationMemberAuthAccount({ MemberUin: m, PolicyId: policy, OrgSubAccountUins: [ops.uin] });
      assert.deepEqual((await o.c.DescribeOrganizationMembersAuthPolicy({ Offset: 0, Limit: 10 })).Items!.map((r) => [r.PolicyName, r.OrgSubAccountName]), [["via-ops", "ops"]]);
    });

    it("keeps policies consistent when members leave and the organization is deleted", async () => {
      const o = await newOrg();
      const guest = await invited(o, "guest");
      const ops = await subAccount(o.admin.uin, "ops");
      await o.c.CreateOrganizationMemberAuthIdentity({ MemberUins: [guest.uin], IdentityIds: [1] });
      const policy = (await o.c.CreateOrganizationMembersPolicy({ MemberUins: [guest.uin], PolicyName: "guest", IdentityId: 1 })).PolicyId!;
      await o.c.BindOrganizationPolicySubAccount({ PolicyId: policy, OrgSubAccountUins: [ops.uin] });
      await o.c.DeleteOrganizationMembers({ MemberUin: [guest.uin] });
      const left = await o.c.DescribeOrganizationMembersAuthPolicy({ Offset: 0, Limit: 10 });
      assert.deepEqual(left.Items!.map((r) => [r.PolicyId, r.OrgSubAccountUin, r.MemberUin, r.Members]), [[policy, ops.uin, null, []]]);
      await expectCode("BindOrganizationPolicySubAccount", o.c.BindOrganizationPolicySubAccount({ PolicyId: policy, OrgSubAccountUins: [ops.uin] }), "UnsupportedOperation");
      // the organization cannot go while a member access policy is left
      assert.equal(await errorCode(o.c.DeleteOrganization()), "FailedOperation.OrgMemberPolicyExist");
      await o.c.DeleteOrganizationMembersPolicy({ PolicyId: policy });
      await o.c.DeleteOrganization();
      assert.equal(await errorCode(o.c.DescribeOrganizationMembersAuthPolicy({ Offset: 0, Limit: 10 })), "ResourceNotFound.OrganizationNotExist");
      // the sub-account outlives the organization and can join the next one's policies
      const { OrgId } = await o.c.CreateOrganization();
      assert.ok(OrgId);
      assert.equal((await server.operator("ListSubAccounts", { OwnerUin: o.admin.uin })).Total, 1);
    });

    it("rejects identity policies that are not valid CAM policies", async () => {
      const o = await newOrg();
      const bad = (policies: object[]) => o.c.CreateOrganizationIdentity({ IdentityAliasName: "x", IdentityPolicy: policies });
      const doc = (d: unknown) => [{ PolicyType: 1, PolicyDocument: typeof d === "string" ? d : JSON.stringify(d) }];
      const stmt = { effect: "allow", action: "cvm:*", resource: "*" };
      for (const [why, policies] of [
        ["no policy", []],
        ["unknown type", [{ ...ADMIN_ACCESS, PolicyType: 3 }]],
        ["preset without name", [{ PolicyId: 1 }]],
        ["preset with a document", [{ ...ADMIN_ACCESS, PolicyDocument: CVM_DOC }]],
        ["preset twice", [ADMIN_ACCESS, ADMIN_ACCESS]],
        ["custom without document", [{ PolicyType: 1 }]],
        ["not JSON", doc("{version")],
        ["not an object", doc([stmt])],
        ["wrong version", doc({ version: "1.0", statement: [stmt] })],
        ["no statement", doc({ version: "2.0", statement: [] })],
        ["unknown element", doc({ version: "2.0", statement: [stmt], extra: 1 })],
        ["principal", doc({ version: "2.0", statement: [{ ...stmt, principal: { qcs: ["qcs::cam::uin/1:root"] } }] })],
        ["bad effect", doc({ version: "2.0", statement: [{ ...stmt, effect: "maybe" }] })],
        ["no action", doc({ version: "2.0", statement: [{ effect: "allow", resource: "*" }] })],
        ["bad action", doc({ version: "2.0", statement: [{ ...stmt, action: ["describe everything"] }] })],
        ["bad resource", doc({ version: "2.0", statement: [{ ...stmt, resource: ["arn:aws:s3:::x"] }] })],
        ["bad condition", doc({ version: "2.0", statement: [{ ...stmt, condition: { ip_equal: "10.0.0.1" } }] })],
        ["too long", doc({ version: "2.0", statement: [{ ...stmt, action: Array.from({ length: 700 }, (_, i) => `cvm:Action${i}`) }] })],
      ] as const) {
        assert.equal(await errorCode(bad(policies as unknown as object[])), "InvalidParameter", why);
      }
      // a single statement object, upper-case effect and conditions are valid CAM syntax
      await o.c.CreateOrganizationIdentity({
        IdentityAliasName: "ok",
        IdentityPolicy: doc({ version: "2.0", statement: { effect: "Deny", action: ["name/cvm:TerminateInstances"], resource: ["qcs::cvm::uin/1:instance/*"], condition: { ip_equal: { "qcs:ip": ["10.0.0.0/8"] } } } }),
      });
    });

    describe("documented error codes", () => {
      it("CreateOrganizationIdentity", async () => {
        const A = "CreateOrganizationIdentity";
        const o = await newOrg();
        const create = (name: string, policies: object[] = [ADMIN_ACCESS], c = o.c) => c.CreateOrganizationIdentity({ IdentityAliasName: name, IdentityPolicy: policies });
        await expectCode(A, create("x", [ADMIN_ACCESS], server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, create("  "), "InvalidParameter");
        await expectCode(A, create("x".repeat(256)), "InvalidParameter");
        await expectCode(A, o.c.CreateOrganizationIdentity({ IdentityAliasName: "x", IdentityPolicy: [ADMIN_ACCESS], Description: "d".repeat(1025) }), "InvalidParameter");
        await expectCode(A, create("x", [{ PolicyId: 1, PolicyName: "ReadOnlyAccess" }]), "ResourceNotFound.PolicyNotExist");
        await expectCode(A, create("x", [{ PolicyId: 424242, PolicyName: "NoSuchPolicy" }]), "ResourceNotFound.PolicyNotExist");
        await create("taken");
        await expectCode(A, create("taken"), "FailedOperation.OrganizationIdentityNameUsed");
        await expectCode(A, create("登录访问"), "FailedOperation.OrganizationIdentityNameUsed");
        await expectCode(A, create("Login access"), "FailedOperation.OrganizationIdentityNameUsed");
        for (let i = 1; i < 30; i++) await create(`identity-${i}`);
        await expectCode(A, create("one-too-many"), "LimitExceeded.IdentityExceedLimit");
      });

      it("UpdateOrganizationIdentity and DeleteOrganizationIdentity", async () => {
        const o = await newOrg();
        const id = await identity(o, "mine");
        const update = (extra: object, c = o.c) => c.UpdateOrganizationIdentity({ IdentityId: id, Description: "", IdentityPolicy: [ADMIN_ACCESS], ...extra });
        let A = "UpdateOrganizationIdentity";
        await expectCode(A, update({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, update({ IdentityId: 999999 }), "ResourceNotFound.OrganizationIdentityNotExist");
        const theirs = await identity(await newOrg(), "theirs");
        await expectCode(A, update({ IdentityId: theirs }), "ResourceNotFound.OrganizationIdentityNotExist");
        await expectCode(A, update({ IdentityId: 1 }), "InvalidParameter");
        await expectCode(A, update({ IdentityPolicy: [] }), "InvalidParameter");
        await expectCode(A, update({ IdentityPolicy: [{ PolicyId: 2, PolicyName: "AdministratorAccess" }] }), "ResourceNotFound.PolicyNotExist");

        A = "DeleteOrganizationIdentity";
        await expectCode(A, server.client(outsider).DeleteOrganizationIdentity({ IdentityId: id }), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, o.c.DeleteOrganizationIdentity({ IdentityId: theirs }), "ResourceNotFound.OrganizationIdentityNotExist");
        await expectCode(A, o.c.DeleteOrganizationIdentity({ IdentityId: 1 }), "InvalidParameter");
        const m = await createMember(o, "m");
        await o.c.CreateOrganizationMemberAuthIdentity({ MemberUins: [m], IdentityIds: [id] });
        await expectCode(A, o.c.DeleteOrganizationIdentity({ IdentityId: id }), "FailedOperation.OrganizationIdentityInUsed");
        await o.c.CreateOrganizationMemberPolicy({ MemberUin: m, PolicyName: "p", IdentityId: id });
        await expectCode(A, o.c.DeleteOrganizationIdentity({ IdentityId: id }), "FailedOperation.OrganizationIdentityInUsed");
      });

      it("CreateOrganizationMemberAuthIdentity, DeleteOrganizationMemberAuthIdentity and DescribeOrganizationMemberAuthIdentities", async () => {
        const o = await newOrg();
        const m = await createMember(o, "m");
        const id = await identity(o, "mine");
        const theirs = await identity(await newOrg(), "theirs");
        let A = "CreateOrganizationMemberAuthIdentity";
        const grant = (uins: number[], ids: number[], c = o.c) => c.CreateOrganizationMemberAuthIdentity({ MemberUins: uins, IdentityIds: ids });
        await expectCode(A, grant([m], [id], server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, grant([], [id]), "InvalidParameter");
        await expectCode(A, grant(Array.from({ length: 11 }, (_, i) => m + i), [id]), "InvalidParameter");
        await expectCode(A, grant([m], [1, 2, 3, 4, 5, 6]), "InvalidParameter");
        await expectCode(A, grant([m], [theirs]), "ResourceNotFound.OrganizationIdentityNotExist");
        await expectCode(A, grant([m, outsider.uin], [id]), "ResourceNotFound.OrganizationMemberNotExist");
        await expectCode(A, grant([m, o.admin.uin], [id]), "UnsupportedOperation");

        A = "DeleteOrganizationMemberAuthIdentity";
        const revoke = (uin: unknown, identityId: number, c = o.c) => c.DeleteOrganizationMemberAuthIdentity({ MemberUin: uin as number, IdentityId: identityId });
        await expectCode(A, revoke(m, 1, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, revoke("not-a-uin", 1), "InvalidParameter");
        await expectCode(A, revoke(m, theirs), "ResourceNotFound.OrganizationIdentityNotExist");
        await expectCode(A, revoke(m, id), "ResourceNotFound.MemberIdentityNotExist");
        await expectCode(A, revoke(outsider.uin, 1), "ResourceNotFound.MemberIdentityNotExist");
        await o.c.CreateOrganizationMemberPolicy({ MemberUin: m, PolicyName: "login", IdentityId: 1 });
        await expectCode(A, revoke(m, 1), "FailedOperation.MemberIdentityAuthUsed");

        A = "DescribeOrganizationMemberAuthIdentities";
        const list = (extra: object, c = o.c) => c.DescribeOrganizationMemberAuthIdentities({ Offset: 0, Limit: 10, ...extra });
        await expectCode(A, list({ MemberUin: m }, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, list({}), "InvalidParameter");
        await expectCode(A, list({ MemberUin: m, Limit: 51 }), "InvalidParameter");
        assert.equal((await list({ MemberUin: outsider.uin })).Total, 0, "an account outside the organization supports nothing");
      });

      it("CreateOrganizationMemberPolicy and CreateOrganizationMembersPolicy", async () => {
        const o = await newOrg();
        const [m1, m2] = [await createMember(o, "m1"), await createMember(o, "m2")];
        const id = await identity(o, "mine");
        await o.c.CreateOrganizationMemberAuthIdentity({ MemberUins: [m1], IdentityIds: [id] });
        let A = "CreateOrganizationMemberPolicy";
        const single = (extra: object, c = o.c) => c.CreateOrganizationMemberPolicy({ MemberUin: m1, PolicyName: "p", IdentityId: 1, ...extra });
        await expectCode(A, single({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, single({ PolicyName: "bad name!" }), "InvalidParameter");
        await expectCode(A, single({ PolicyName: "p".repeat(129) }), "InvalidParameter");
        await expectCode(A, single({ Description: "d".repeat(129) }), "InvalidParameter");
        await expectCode(A, single({ MemberUin: 999999999999 }), "ResourceNotFound.MemberNotExist");
        await expectCode(A, single({ MemberUin: outsider.uin }), "ResourceNotFound.OrganizationMemberNotExist");
        await expectCode(A, single({ MemberUin: m2, IdentityId: id }), "ResourceNotFound.MemberIdentityNotExist");
        await expectCode(A, single({ MemberUin: o.admin.uin }), "ResourceNotFound.MemberIdentityNotExist");
        await single({ PolicyName: "taken" });
        await expectCode(A, single({ PolicyName: "taken", MemberUin: m2 }), "FailedOperation.MemberPolicyNameExist");

        A = "CreateOrganizationMembersPolicy";
        const multi = (extra: object, c = o.c) => c.CreateOrganizationMembersPolicy({ MemberUins: [m1, m2], PolicyName: "q", IdentityId: 1, ...extra });
        await expectCode(A, multi({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, multi({ MemberUins: [] }), "InvalidParameter");
        await expectCode(A, multi({ PolicyName: "" }), "InvalidParameter");
        await expectCode(A, multi({ MemberUins: [m1, outsider.uin] }), "ResourceNotFound.OrganizationMemberNotExist");
        await expectCode(A, multi({ MemberUins: [m1, o.admin.uin] }), "UnsupportedOperation");
        await expectCode(A, multi({ IdentityId: id }), "ResourceNotFound.MemberIdentityNotExist");
        await expectCode(A, multi({ PolicyName: "taken" }), "FailedOperation.MemberPolicyNameExist");
      });

      it("UpdateOrganizationMembersPolicy, DeleteOrganizationMembersPolicy and the policy listings", async () => {
        const o = await newOrg();
        const [m1, m2] = [await createMember(o, "m1"), await createMember(o, "m2")];
        const ops = await subAccount(o.admin.uin, "ops");
        const id = await identity(o, "mine");
        await o.c.CreateOrganizationMemberAuthIdentity({ MemberUins: [m1], IdentityIds: [id] });
        const p1 = (await o.c.CreateOrganizationMembersPolicy({ MemberUins: [m1], PolicyName: "p1", IdentityId: 1 })).PolicyId!;
        const p2 = (await o.c.CreateOrganizationMembersPolicy({ MemberUins: [m2], PolicyName: "p2", IdentityId: 1 })).PolicyId!;
        await o.c.BindOrganizationPolicySubAccount({ PolicyId: p1, OrgSubAccountUins: [ops.uin] });
        await o.c.BindOrganizationPolicySubAccount({ PolicyId: p2, OrgSubAccountUins: [ops.uin] });
        const theirs = (await (async () => {
          const other = await newOrg();
          const om = await createMember(other, "om");
          return other.c.CreateOrganizationMemberPolicy({ MemberUin: om, PolicyName: "theirs", IdentityId: 1 });
        })()).PolicyId!;

        let A = "UpdateOrganizationMembersPolicy";
        const update = (extra: object, c = o.c) => c.UpdateOrganizationMembersPolicy({ MemberUins: [m1], PolicyId: p1, IdentityId: 1, ...extra });
        await expectCode(A, update({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, update({ MemberUins: [] }), "InvalidParameter");
        await expectCode(A, update({ Description: "d".repeat(129) }), "InvalidParameter");
        await expectCode(A, update({ PolicyId: theirs }), "ResourceNotFound.MemberPolicyNotExist");
        await expectCode(A, update({ MemberUins: [outsider.uin] }), "ResourceNotFound.OrganizationMemberNotExist");
        await expectCode(A, update({ MemberUins: [o.admin.uin] }), "UnsupportedOperation");
        await expectCode(A, update({ MemberUins: [m1, m2], IdentityId: id }), "ResourceNotFound.MemberIdentityNotExist");
        // ops holds identity 1 on m2 through p2 already
        await expectCode(A, update({ MemberUins: [m1, m2] }), "FailedOperation.OperatePolicy");
        await update({ MemberUins: [m1], IdentityId: id });

        A = "DeleteOrganizationMembersPolicy";
        await expectCode(A, server.client(outsider).DeleteOrganizationMembersPolicy({ PolicyId: p1 }), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, o.c.DeleteOrganizationMembersPolicy({ PolicyId: "x" as unknown as number }), "InvalidParameter");
        await expectCode(A, o.c.DeleteOrganizationMembersPolicy({ PolicyId: theirs }), "ResourceNotFound.MemberPolicyNotExist");

        A = "DescribeOrganizationMemberPolicies";
        const ofMember = (extra: object, c = o.c) => c.DescribeOrganizationMemberPolicies({ Offset: 0, Limit: 10, MemberUin: m1, ...extra });
        await expectCode(A, ofMember({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, ofMember({ Limit: 0 }), "InvalidParameter");
        await expectCode(A, ofMember({ Offset: -1 }), "InvalidParameter");
        await expectCode(A, ofMember({ MemberUin: outsider.uin }), "ResourceNotFound.OrganizationMemberNotExist");

        A = "DescribeOrganizationMembersAuthPolicy";
        const all = (extra: object, c = o.c) => c.DescribeOrganizationMembersAuthPolicy({ Offset: 0, Limit: 10, ...extra });
        await expectCode(A, all({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, all({ Limit: 51 }), "InvalidParameter");
        assert.equal((await all({ PolicyId: theirs })).Total, 0, "another organization's policy is not listed");

        A = "DescribeOrganizationMemberAuthAccounts";
        const bound = (extra: object, c = o.c) => c.DescribeOrganizationMemberAuthAccounts({ Offset: 0, Limit: 10, MemberUin: m1, PolicyId: p1, ...extra });
        await expectCode(A, bound({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, bound({ Limit: 0 }), "InvalidParameter");
        assert.equal((await bound({ PolicyId: theirs })).Total, 0);
      });

      it("binding and unbinding sub-accounts", async () => {
        const o = await newOrg();
        const [m1, m2] = [await createMember(o, "m1"), await createMember(o, "m2")];
        const [s1, s2] = [await subAccount(o.admin.uin, "s1"), await subAccount(o.admin.uin, "s2")];
        const stranger = await subAccount(outsider.uin, "stranger");
        const single = (await o.c.CreateOrganizationMemberPolicy({ MemberUin: m1, PolicyName: "single", IdentityId: 1 })).PolicyId!;
        const again = (await o.c.CreateOrganizationMemberPolicy({ MemberUin: m1, PolicyName: "again", IdentityId: 1 })).PolicyId!;
        const shared = (await o.c.CreateOrganizationMembersPolicy({ MemberUins: [m1, m2], PolicyName: "shared", IdentityId: 1 })).PolicyId!;
        const six = Array.from({ length: 6 }, (_, i) => s1.uin + i);

        let A = "BindOrganizationMemberAuthAccount";
        const bindM = (extra: object, c = o.c) => c.BindOrganizationMemberAuthAccount({ MemberUin: m1, PolicyId: single, OrgSubAccountUins: [s1.uin], ...extra });
        await expectCode(A, bindM({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, bindM({ OrgSubAccountUins: six }), "InvalidParameter");
        await expectCode(A, bindM({ PolicyId: 424242 }), "ResourceNotFound.MemberPolicyNotExist");
        await expectCode(A, bindM({ MemberUin: m2 }), "ResourceNotFound.MemberNotExist");
        await expectCode(A, bindM({ PolicyId: shared }), "UnsupportedOperation");
        await expectCode(A, bindM({ OrgSubAccountUins: [s1.uin, stranger.uin] }), "FailedOperation.SubAccountNotExist");
        await expectCode(A, bindM({ OrgSubAccountUins: [o.admin.uin] }), "FailedOperation.SubAccountNotExist");
        await bindM({});
        await expectCode(A, bindM({ PolicyId: again }), "FailedOperation.SubAccountIdentityExist");

        A = "BindOrganizationPolicySubAccount";
        const bindP = (extra: object, c = o.c) => c.BindOrganizationPolicySubAccount({ PolicyId: shared, OrgSubAccountUins: [s2.uin], ...extra });
        await expectCode(A, bindP({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, bindP({ OrgSubAccountUins: [] }), "InvalidParameter");
        await expectCode(A, bindP({ PolicyId: 424242 }), "ResourceNotFound.MemberPolicyNotExist");
        await expectCode(A, bindP({ OrgSubAccountUins: [stranger.uin] }), "FailedOperation.SubAccountNotExist");
        await expectCode(A, bindP({ OrgSubAccountUins: [s1.uin] }), "FailedOperation.OperatePolicy");
        await bindP({});
        // UnsupportedOperation (a policy whose members all left) is reached in the member-removal test above

        A = "CancelOrganizationMemberAuthAccount";
        const cancelM = (extra: object, c = o.c) => c.CancelOrganizationMemberAuthAccount({ MemberUin: m1, PolicyId: single, OrgSubAccountUin: s1.uin, ...extra });
        await expectCode(A, cancelM({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, cancelM({ PolicyId: shared }), "InvalidParameter");
        await expectCode(A, cancelM({ PolicyId: 424242 }), "ResourceNotFound.MemberPolicyNotExist");
        await expectCode(A, cancelM({ MemberUin: m2 }), "ResourceNotFound.MemberNotExist");
        await expectCode(A, cancelM({ OrgSubAccountUin: stranger.uin }), "FailedOperation.SubAccountNotExist");
        await expectCode(A, cancelM({ OrgSubAccountUin: s2.uin }), "FailedOperation.OperatePolicy");
        await cancelM({});

        A = "CancelOrganizationPolicySubAccount";
        const cancelP = (extra: object, c = o.c) => c.CancelOrganizationPolicySubAccount({ PolicyId: shared, OrgSubAccountUins: [s2.uin], ...extra });
        await expectCode(A, cancelP({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, cancelP({ OrgSubAccountUins: six }), "InvalidParameter");
        await expectCode(A, cancelP({ PolicyId: 424242 }), "ResourceNotFound.MemberPolicyNotExist");
        await expectCode(A, cancelP({ OrgSubAccountUins: [s2.uin, s1.uin] }), "FailedOperation.OperatePolicy");
        assert.equal((await o.c.DescribeOrganizationMembersAuthPolicy({ Offset: 0, Limit: 10, PolicyId: shared })).Items![0].OrgSubAccountUin, s2.uin, "nothing unbound");
        await cancelP({});
      });

      it("ListOrganizationIdentity", async () => {
        const A = "ListOrganizationIdentity";
        const o = await newOrg();
        await expectCode(A, server.client(outsider).ListOrganizationIdentity({ Offset: 0, Limit: 10 }), "ResourceNotFound.OrganizationNotExist");
        await expectCode(A, o.c.ListOrganizationIdentity({ Offset: 0, Limit: 51 }), "InvalidParameter");
      });

      it("answers the codes no state reaches when a fault is injected", async () => {
        const o = await newOrg();
        const m = await createMember(o, "m");
        const ops = await subAccount(o.admin.uin, "ops");
        const id = await identity(o, "mine");
        const policy = (await o.c.CreateOrganizationMemberPolicy({ MemberUin: m, PolicyName: "p", IdentityId: 1 })).PolicyId!;
        const inputs: Record<string, object> = {
          CreateOrganizationIdentity: { IdentityAliasName: "n", IdentityPolicy: [ADMIN_ACCESS] },
          UpdateOrganizationIdentity: { IdentityId: id, Description: "", IdentityPolicy: [ADMIN_ACCESS] },
          DeleteOrganizationIdentity: { IdentityId: id },
          ListOrganizationIdentity: { Offset: 0, Limit: 10 },
          CreateOrganizationMemberAuthIdentity: { MemberUins: [m], IdentityIds: [id] },
          DeleteOrganizationMemberAuthIdentity: { MemberUin: m, IdentityId: 1 },
          DescribeOrganizationMemberAuthIdentities: { Offset: 0, Limit: 10, MemberUin: m },
          CreateOrganizationMemberPolicy: { MemberUin: m, PolicyName: "n", IdentityId: 1 },
          CreateOrganizationMembersPolicy: { MemberUins: [m], PolicyName: "n", IdentityId: 1 },
          UpdateOrganizationMembersPolicy: { MemberUins: [m], PolicyId: policy, IdentityId: 1 },
          DeleteOrganizationMembersPolicy: { PolicyId: policy },
          DescribeOrganizationMemberPolicies: { Offset: 0, Limit: 10, MemberUin: m },
          DescribeOrganizationMembersAuthPolicy: { Offset: 0, Limit: 10 },
          BindOrganizationMemberAuthAccount: { MemberUin: m, PolicyId: policy, OrgSubAccountUins: [ops.uin] },
          CancelOrganizationMemberAuthAccount: { MemberUin: m, PolicyId: policy, OrgSubAccountUin: ops.uin },
          DescribeOrganizationMemberAuthAccounts: { Offset: 0, Limit: 10, MemberUin: m, PolicyId: policy },
          BindOrganizationPolicySubAccount: { PolicyId: policy, OrgSubAccountUins: [ops.uin] },
          CancelOrganizationPolicySubAccount: { PolicyId: policy, OrgSubAccountUins: [ops.uin] },
        };
        const client = o.c as unknown as Record<string, (p: unknown) => Promise<unknown>>;
        for (const [action, codes] of Object.entries(FAULT_ONLY)) {
          for (const code of Object.keys(codes)) {
            await server.operator("InjectFault", { Action: action, Code: code, Count: 1, Uin: o.admin.uin, Version: "2021-03-31" });
            assert.equal(await errorCode(client[action].call(client, inputs[action])), code, `${action} ${code}`);
          }
        }
        assert.equal((await o.c.ListOrganizationIdentity({ Offset: 0, Limit: 10 })).Total, 2, "the injected faults changed nothing");
        assert.equal((await o.c.DescribeOrganizationMembersAuthPolicy({ Offset: 0, Limit: 10 })).Total, 1);
      });

      it("covers every documented code of the unified member login actions", () => {
        const missing: string[] = [];
        for (const action of Object.keys(FAULT_ONLY)) {
          for (const code of ACTION_ERROR_CODES["2021-03-31"][action]) {
            const how = [reached.get(action)?.has(code) && "state", FAULT_ONLY[action]?.[code] && "fault"].filter(Boolean);
            if (how.length === 0) missing.push(`${action}: ${code}`);
            assert.ok(how.length <= 1, `${action}: ${code} is listed as ${how.join(" and ")}`);
          }
        }
        assert.deepEqual(missing, []);
        assert.equal(Object.keys(FAULT_ONLY).length, 18, "all 18 actions of the category");
      });
    });

    it("ResetState clears identities, policies, bindings and sub-accounts (last: it empties the server)", async () => {
      const o = await newOrg();
      const m = await createMember(o, "m");
      const ops = await subAccount(o.admin.uin, "ops");
      const id = await identity(o, "mine");
      await o.c.CreateOrganizationMemberAuthIdentity({ MemberUins: [m], IdentityIds: [id] });
      const policy = (await o.c.CreateOrganizationMembersPolicy({ MemberUins: [m], PolicyName: "p", IdentityId: id })).PolicyId!;
      await o.c.BindOrganizationPolicySubAccount({ PolicyId: policy, OrgSubAccountUins: [ops.uin] });
      await server.operator("ResetState");
      assert.equal(await errorCode(server.client(ops.keys).DescribeOrganization({})), "AuthFailure.SecretIdNotFound");
      const fresh = await newOrg();
      assert.equal((await fresh.c.ListOrganizationIdentity({ Offset: 0, Limit: 10 })).Total, 1);
      assert.equal((await fresh.c.DescribeOrganizationMembersAuthPolicy({ Offset: 0, Limit: 10 })).Total, 0);
    });
  });
}