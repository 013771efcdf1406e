import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ACTION_ERROR_CODES } from "../../src/spec/generated/errors.js";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { addDepartment, addMember } from "../helpers/members.js";
import { subAccountKeys } from "../helpers/orgs.js";
import { errorCode, TcoServer, type TestAccount } from "../helpers/server.js";

/**
 * A negative test for every documented error code of the member actions. Each code is reached
 * one of three ways, and the last test checks that together they cover every documented code:
 *  - state: through state the actions, the operator API or the store fixtures set up (here);
 *  - domain: in test/domain/members.test.ts, which needs verified-entity relations that only the
 *    invitation actions (another area) will create through the API;
 *  - fault: only by fault injection (operator InjectFault), with the reason no state reaches it.
 */

type Version = "2021-03-31" | "2018-12-25";

const ACTIONS_2021 = [
  "CreateOrganizationMember", "UpdateOrganizationMember", "DescribeOrganizationMembers", "DeleteOrganizationMembers",
  "MoveOrganizationNodeMembers", "CheckAccountDelete", "DeleteAccount", "ListOrganizationIdentity",
] as const;
const ACTIONS_2018 = [
  "ListOrganizationMembers", "GetOrganizationMember", "UpdateOrganizationMember", "DeleteOrganizationMembers",
  "MoveOrganizationMembersToNode", "DeleteOrganizationMemberFromNode", "ListOrganizationNodeMembers",
] as const;

/** Codes reached in test/domain/members.test.ts (verified-entity relations set up in the store). */
const DOMAIN: Record<string, string[]> = {
  "2021-03-31 CreateOrganizationMember": [
    "UnsupportedOperation.PayerArrearsAndNoCreditAccount",
    "UnsupportedOperation.ExistedAgent",
    "UnsupportedOperation.InconsistentUserTypes",
  ],
  "2021-03-31 DeleteOrganizationMembers": ["FailedOperation.MemberIsDelegatePayerNotAllowDelete", "FailedOperation.OrganizationAuthManageNotAllowDelete"],
  "2021-03-31 DeleteAccount": ["FailedOperation.OrganizationAuthManageNotAllowDelete"],
};

const BILLING = "decided by Tencent Cloud's billing system, which TCO does not model";
const PARTNER = "decided by the reseller (partner) system; the registry's agent flag does not tell a reseller's client apart";
const BACKEND = "a failure of an internal Tencent Cloud system that TCO has no counterpart of";
const SHARING = "resource sharing is not built yet";
const CIC = "Identity Center is not built yet";
const INTERNAL = "an unexpected server failure; never answered on purpose";

/** Codes reachable only by fault injection, with the reason. */
const FAULT_ONLY: Record<string, Record<string, string>> = {
  "2021-03-31 CreateOrganizationMember": {
    "FailedOperation.CreateAccount": BACKEND,
    "FailedOperation.CreateBillingPermissionErr": BILLING,
    "FailedOperation.CreateMemberAuthOverLimit": "TCO puts no quota on the accounts one entity may verify",
    "FailedOperation.CreateRole": BACKEND,
    "FailedOperation.GetAuthInfo": BACKEND,
    "FailedOperation.MemberNameUsed": "2018-12-25's code for a used name; 2021-03-31 answers FailedOperation.OrganizationMemberNameUsed",
    "FailedOperation.OperateBillingPermissionErr": BILLING,
    "FailedOperation.OrganizationNodeNotExist": "only when the department is deleted between the check and the insert (a race)",
    "FailedOperation.PartnerManagementErr": PARTNER,
    "FailedOperation.TagResourcesError": BACKEND,
    "InternalError": INTERNAL,
    "InvalidParameter.OrganizationMemberNotExist": "an unknown PayUin answers ResourceNotFound.OrganizationMemberNotExist",
    "UnsupportedOperation.AddDelegatePayerNotAllow": BILLING,
    "UnsupportedOperation.AddDiscountInheritNotAllow": BILLING,
    "UnsupportedOperation.ExistedClient": PARTNER,
    "UnsupportedOperation.ManagementSystemError": BACKEND,
    "UnsupportedOperation.MemberAccountArrears": "the member account is brand new, so never in arrears",
    "UnsupportedOperation.MemberDiscountInheritExisted": BILLING,
    "UnsupportedOperation.MemberExistAccountLevelDiscountInherit": BILLING,
    "UnsupportedOperation.OperationForbidden": BACKEND,
    "UnsupportedOperation.OrderInProgressExisted": BILLING,
    "UnsupportedOperation.OwnerDiscountInheritExisted": BILLING,
    "UnsupportedOperation.PayerExistAccountLevelDiscountInherit": BILLING,
    "UnsupportedOperation.SecondaryDistributorSubClientExisted": PARTNER,
  },
  "2021-03-31 UpdateOrganizationMember": {
    "FailedOperation.ChangePermissionRecordExist": "permission changes apply at once (no action confirms a pending one), so none is ever pending",
    "FailedOperation.CreateBillingPermissionErr": BILLING,
    "FailedOperation.MemberNameUsed": "2018-12-25's code for a used name; 2021-03-31 answers FailedOperation.OrganizationMemberNameUsed",
    "FailedOperation.OperateBillingPermissionErr": BILLING,
    "UnsupportedOperation.AddDelegatePayerNotAllow": BILLING,
    "UnsupportedOperation.AddDiscountInheritNotAllow": BILLING,
    "UnsupportedOperation.ExistedClient": PARTNER,
    "UnsupportedOperation.ManagementSystemError": BACKEND,
    "UnsupportedOperation.MemberDiscountInheritExisted": BILLING,
    "UnsupportedOperation.MemberExistAccountLevelDiscountInherit": BILLING,
    "UnsupportedOperation.OrderInProgressExisted": BILLING,
    "UnsupportedOperation.OwnerDiscountInheritExisted": BILLING,
    "UnsupportedOperation.PayerExistAccountLevelDiscountInherit": BILLING,
  },
  "2021-03-31 DescribeOrganizationMembers": {
    "FailedOperation.OperateBillingPermissionErr": BILLING,
    "InternalError": INTERNAL,
  },
  "2021-03-31 DeleteOrganizationMembers": {
    "FailedOperation.MemberShareResource": SHARING,
    "FailedOperation.OperateBillingPermissionErr": BILLING,
    "FailedOperation.QuitShareUintError": SHARING,
    "FailedOperation.ShareResourceMemberInUse": SHARING,
    "InternalError": INTERNAL,
    "UnsupportedOperation.MemberAccountExistCICRoleConfig": CIC,
    "UnsupportedOperation.MemberAccountExistCICUserConfig": CIC,
    "UnsupportedOperation.MemberExistOperateProcessNotAllowDelete": "operation approvals are not modelled",
    "UnsupportedOperation.MemberNoPayment": BILLING,
  },
  "2021-03-31 MoveOrganizationNodeMembers": {
    "FailedOperation.OrganizationNodeNotExist": "only when the department is deleted while the members move (a race)",
    "InternalError": INTERNAL,
  },
  "2021-03-31 CheckAccountDelete": { InternalError: INTERNAL },
  "2021-03-31 DeleteAccount": {
    "FailedOperation.MemberAccountDeregisterPending": "deletion is immediate in TCO, never pending",
    "FailedOperation.MemberShareResource": SHARING,
    "InternalError": INTERNAL,
    "UnsupportedOperation.MemberAccountExistCICRoleConfig": CIC,
    "UnsupportedOperation.MemberAccountExistCICUserConfig": CIC,
  },
  "2021-03-31 ListOrganizationIdentity": { InternalError: INTERNAL },
  "2018-12-25 ListOrganizationMembers": { FailedOperation: INTERNAL },
  "2018-12-25 GetOrganizationMember": { "ResourceNotFound.NodeNotExist": "every member belongs to a unit (the root at least)" },
  "2018-12-25 DeleteOrganizationMembers": { "FailedOperation.QuitShareUintError": SHARING },
};

/** Codes asserted through state in this file, by "version action". */
const reached = new Map<string, Set<string>>();

async function expectCode(version: Version, action: string, call: Promise<unknown>, code: string): Promise<void> {
  assert.equal(await errorCode(call), code, `${version} ${action}`);
  const key = `${version} ${action}`;
  if (!reached.has(key)) reached.set(key, new Set());
  reached.get(key)!.add(code);
}

interface Org {
  admin: TestAccount;
  c: ReturnType<TcoServer["client"]>;
  c18: ReturnType<TcoServer["client2018"]>;
  orgId: number;
  root: number;
}

const BACKENDS = [{ name: "sqlite", postgres: false }, ...(TEST_DATABASE_URL ? [{ name: "postgres", postgres: true }] : [])];

for (const backend of BACKENDS) {
  describe(`member actions: documented error codes (${backend.name})`, () => {
    let server: TcoServer;
    let limited: TcoServer;
    let outsider: TestAccount;
    before(async () => {
      [server, limited] = await Promise.all([
        TcoServer.start({ postgres: backend.postgres }),
        TcoServer.start({ postgres: backend.postgres, env: { TCO_MAX_MEMBERS: "4", TCO_MAX_CREATED_MEMBERS: "2" } }),
      ]);
      outsider = await server.createAccount({ name: "outsider" });
    });
    after(async () => {
      await Promise.all([server.stop(), limited.stop()]);
    });

    async function newOrg(on = server): Promise<Org> {
      const admin = await on.createAccount({ entity: "Example Ltd" });
      const c = on.client(admin);
      const { OrgId } = await c.CreateOrganization();
      const { RootNodeId } = await c.DescribeOrganization({});
      return { admin, c, c18: on.client2018(admin), orgId: OrgId!, root: RootNodeId! };
    }
    const create = (o: Org, name: string, extra: Record<string, unknown> = {}) =>
      o.c.CreateOrganizationMember({ Name: name, AccountName: name, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: o.root, ...extra });
    const created = async (o: Org, name: string, extra: Record<string, unknown> = {}) => (await create(o, name, extra)).Uin!;
    async function invite(o: Org, name: string, extra: Partial<Parameters<typeof addMember>[1]> = {}, account: Parameters<TcoServer["createAccount"]>[0] = {}, on = server) {
      const a = await on.createAccount({ name, entity: "Example Ltd", ...account });
      const store = await on.openStore();
      try {
        await addMember(store, { uin: a.uin, orgId: o.orgId, nodeId: o.root, name, ...extra });
      } finally {
        await store.close();
      }
      return a;
    }
    const flags = (uin: number, f: Record<string, unknown>) => server.operator("UpdateAccount", { Uin: uin, ...f });

    it("CreateOrganizationMember", async () => {
      const V = "2021-03-31", A = "CreateOrganizationMember";
      const o = await newOrg();
      await expectCode(V, A, create({ ...o, c: server.client(outsider) }, "x"), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, A, create(o, "bad name!"), "InvalidParameter");
      await expectCode(V, A, create(o, "ok", { AccountName: "a".repeat(26) }), "InvalidParameter");
      await expectCode(V, A, create(o, "ok", { IdentityRoleID: [1, 999] }), "InvalidParameter");
      const tags = Array.from({ length: 11 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" }));
      await expectCode(V, A, create(o, "ok", { Tags: tags }), "InvalidParameter.TagError");
      await expectCode(V, A, create(o, "ok", { PolicyType: "Other" }), "FailedOperation.OrganizationPolicyIllegal");
      await expectCode(V, A, create(o, "ok", { PermissionIds: [1] }), "FailedOperation.OrganizationPermissionIllegal");
      await expectCode(V, A, create(o, "ok", { PermissionIds: [1, 2, 11] }), "FailedOperation.OrganizationPermissionIllegal");
      await expectCode(V, A, create(o, "ok", { PermissionIds: [1, 2, 7] }), "FailedOperation.PayUinIllegal");
      await expectCode(V, A, create(o, "ok", { PermissionIds: [1, 2, 7], PayUin: "not-a-uin" }), "FailedOperation.PayUinIllegal");
      const plain = await created(o, "plain");
      await expectCode(V, A, create(o, "ok", { PermissionIds: [1, 2, 7], PayUin: String(plain) }), "FailedOperation.PayUinIllegal");
      await expectCode(V, A, create(o, "ok", { PermissionIds: [1, 2, 7], PayUin: String(outsider.uin) }), "ResourceNotFound.OrganizationMemberNotExist");
      await expectCode(V, A, create(o, "ok", { NodeId: 1 }), "ResourceNotFound.OrganizationNodeNotExist");
      await expectCode(V, A, create(o, "plain"), "FailedOperation.OrganizationMemberNameUsed");
      await expectCode(V, A, create(o, "ok", { AuthRelationId: 99 }), "ResourceNotFound.OrganizationAuthRelationNotExist");
      await expectCode(V, A, create(o, "ok", { RecordId: 424242 }), "FailedOperation.CreateRecordNotExist");
      const failed = await create(o, "plain").catch((e: Error) => e.message);
      const recordId = Number(/RecordId (\d+)/.exec(String(failed))?.[1]);
      await create(o, "plain-2", { RecordId: recordId });
      await expectCode(V, A, create(o, "plain-3", { RecordId: recordId }), "FailedOperation.CreateRecordAlreadySuccess");

      await flags(o.admin.uin, { Verification: "none" });
      await expectCode(V, A, create(o, "ok"), "FailedOperation.AuthInfoEmpty");
      await flags(o.admin.uin, { Verification: "personal" });
      await expectCode(V, A, create(o, "ok"), "FailedOperation.AuthNotEnterprise");
      await flags(o.admin.uin, { Verification: "enterprise", Agent: true });
      await expectCode(V, A, create(o, "ok"), "UnsupportedOperation.MemberIsAgent");
      await flags(o.admin.uin, { Agent: false, Arrears: true });
      await expectCode(V, A, create(o, "ok", { PermissionIds: [1, 2, 7], PayUin: String(o.admin.uin) }), "UnsupportedOperation.AbnormalFinancialStatusOfAdmin");
      await flags(o.admin.uin, { Arrears: false });
      await create(o, "ok", { PermissionIds: [1, 2, 7], PayUin: String(o.admin.uin) });

      // limits: at most 4 accounts in an organization and 2 created by it (the limited server)
      const l = await newOrg(limited);
      const lc = (name: string) => l.c.CreateOrganizationMember({ Name: name, AccountName: name, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: l.root });
      await lc("one");
      await lc("two");
      await expectCode(V, A, lc("three"), "LimitExceeded.CreateMemberOverLimit");
      await invite(l, "guest", {}, {}, limited);
      await expectCode(V, A, lc("four"), "LimitExceeded.OrganizationMemberOverLimit");
      assert.equal((await l.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10 })).Total, 4);
    });

    it("UpdateOrganizationMember", async () => {
      const V = "2021-03-31", A = "UpdateOrganizationMember";
      const o = await newOrg();
      const m = await created(o, "m");
      await created(o, "taken");
      const update = (extra: Record<string, unknown>) => o.c.UpdateOrganizationMember({ MemberUin: m, ...extra });
      const pay = (uin: number, payer = o.admin.uin, extra: Record<string, unknown> = {}) =>
        o.c.UpdateOrganizationMember({ MemberUin: uin, PolicyType: "Financial", PermissionIds: [1, 2, 7], PayUin: String(payer), ...extra });
      await expectCode(V, A, server.client(outsider).UpdateOrganizationMember({ MemberUin: m, Name: "x" }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, A, o.c.UpdateOrganizationMember({ MemberUin: outsider.uin, Name: "x" }), "ResourceNotFound.MemberNotExist");
      await expectCode(V, A, update({ Name: "taken" }), "FailedOperation.OrganizationMemberNameUsed");
      await expectCode(V, A, update({ PolicyType: "Financial" }), "FailedOperation.OrganizationPermissionIllegal");
      await expectCode(V, A, update({ PermissionIds: [1, 2] }), "FailedOperation.OrganizationPolicyIllegal");
      await expectCode(V, A, update({ PolicyType: "Other", PermissionIds: [1, 2] }), "FailedOperation.OrganizationPolicyIllegal");
      await expectCode(V, A, update({ PolicyType: "Financial", PermissionIds: [2] }), "FailedOperation.OrganizationPermissionIllegal");
      await expectCode(V, A, update({ PolicyType: "Financial", PermissionIds: [1, 2, 7] }), "FailedOperation.PayUinIllegal");
      await expectCode(V, A, pay(m, outsider.uin), "FailedOperation.PayUinIllegal");
      await expectCode(V, A, update({ IsAllowQuit: "Allow" }), "UnsupportedOperation.MemberNotAllowQuit");
      await expectCode(V, A, o.c.UpdateOrganizationMember({ MemberUin: o.admin.uin, PolicyType: "Financial", PermissionIds: [1, 2, 4] }), "UnsupportedOperation");

      const otherEntity = await invite(o, "other-entity", { allowQuit: "Denied" }, { entity: "Other Co" });
      await expectCode(V, A, pay(otherEntity.uin), "FailedOperation.AuthInfoNotSame");
      const abroad = await invite(o, "abroad", { allowQuit: "Denied" }, { site: "intl" });
      await expectCode(V, A, pay(abroad.uin), "UnsupportedOperation.InconsistentUserTypes");
      const free = await invite(o, "free", { allowQuit: "Allow" });
      await expectCode(V, A, pay(free.uin), "InvalidParameter.AllowQuitIllegal");
      await pay(free.uin, o.admin.uin, { IsAllowQuit: "Denied" });

      await flags(o.admin.uin, { Verification: "none" });
      await expectCode(V, A, update({ PolicyType: "Financial", PermissionIds: [1, 2, 4] }), "FailedOperation.AuthInfoEmpty");
      await flags(o.admin.uin, { Verification: "personal" });
      await expectCode(V, A, update({ PolicyType: "Financial", PermissionIds: [1, 2, 4] }), "FailedOperation.AuthNotEnterprise");
      await flags(o.admin.uin, { Verification: "enterprise", Arrears: true });
      await expectCode(V, A, pay(m), "UnsupportedOperation.PayerArrearsAndNoCreditAccount");
      await flags(o.admin.uin, { Arrears: false, Agent: true });
      await expectCode(V, A, pay(m), "UnsupportedOperation.ExistedAgent");
      await flags(o.admin.uin, { Agent: false });
      await update({ Name: "renamed" }); // name and remark changes need no financial checks

      await flags(m, { Agent: true });
      await expectCode(V, A, pay(m), "UnsupportedOperation.MemberIsAgent");
      await flags(m, { Agent: false, Arrears: true });
      await expectCode(V, A, pay(m), "UnsupportedOperation.MemberAccountArrears");
      await flags(free.uin, { Arrears: true });
      await expectCode(V, A, o.c.UpdateOrganizationMember({ MemberUin: free.uin, PolicyType: "Financial", PermissionIds: [1, 2] }), "UnsupportedOperation.DeleteDelegatePayerNotAllow");
    });

    it("DescribeOrganizationMembers", async () => {
      const V = "2021-03-31", A = "DescribeOrganizationMembers";
      const o = await newOrg();
      const list = (extra: Record<string, unknown>, c = o.c) => c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, ...extra });
      await expectCode(V, A, list({ Limit: 0 }), "InvalidParameter");
      await expectCode(V, A, list({ Limit: 51 }), "InvalidParameter");
      await expectCode(V, A, list({ Product: "Not A Product" }), "InvalidParameter");
      await expectCode(V, A, list({ Tags: Array.from({ length: 11 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" })) }), "InvalidParameter.TagError");
      await expectCode(V, A, list({ NodeId: 1 }), "ResourceNotFound.OrganizationNodeNotExist");
      await expectCode(V, A, list({}, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
      const guest = await invite(o, "guest");
      await expectCode(V, A, list({}, server.client(guest)), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, A, list({ Product: "cloudaudit" }, server.client(guest)), "ResourceNotFound.OrganizationServiceNotExist");
    });

    it("DeleteOrganizationMembers", async () => {
      const V = "2021-03-31", A = "DeleteOrganizationMembers";
      const o = await newOrg();
      const remove = (uins: number[], c = o.c) => c.DeleteOrganizationMembers({ MemberUin: uins });
      await expectCode(V, A, remove([o.admin.uin], server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, A, remove([]), "InvalidParameter");
      await expectCode(V, A, remove([outsider.uin]), "InvalidParameter");
      await expectCode(V, A, remove([o.admin.uin]), "FailedOperation.DisableQuitSelfCreatedOrganization");
      const m = await created(o, "m");
      await expectCode(V, A, remove([m]), "UnsupportedOperation.CreateMemberNotAllowDelete");
      const paid = await invite(o, "paid", { allowQuit: "Denied", permissions: "1,2,7", payUin: o.admin.uin });
      const guest = await invite(o, "guest");
      await expectCode(V, A, remove([guest.uin, paid.uin]), "FailedOperation.MemberExistDelegatePayerNotAllowDelete");
      assert.equal((await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10 })).Total, 4, "nothing is removed when one member may not leave");
      await o.c.CreateOrgServiceAssign({ Product: "cloudaudit", MemberUins: [guest.uin] });
      await expectCode(V, A, remove([guest.uin]), "UnsupportedOperation.MemberExistServiceNotAllowDelete");
    });

    it("MoveOrganizationNodeMembers", async () => {
      const V = "2021-03-31", A = "MoveOrganizationNodeMembers";
      const o = await newOrg();
      const m = await created(o, "m");
      await expectCode(V, A, server.client(outsider).MoveOrganizationNodeMembers({ NodeId: o.root, MemberUin: [m] }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, A, o.c.MoveOrganizationNodeMembers({ NodeId: 1, MemberUin: [m] }), "ResourceNotFound.OrganizationNodeNotExist");
      await expectCode(V, A, o.c.MoveOrganizationNodeMembers({ NodeId: o.root, MemberUin: [m, outsider.uin] }), "FailedOperation.SomeUinsNotInOrganization");
      await expectCode(V, A, o.c.MoveOrganizationNodeMembers({ NodeId: o.root, MemberUin: [] }), "InvalidParameter");
      const other = await newOrg();
      const theirs = await (async () => {
        const store = await server.openStore();
        try {
          return await addDepartment(store, other.orgId, other.root, "theirs");
        } finally {
          await store.close();
        }
      })();
      await expectCode(V, A, o.c.MoveOrganizationNodeMembers({ NodeId: theirs, MemberUin: [m] }), "ResourceNotFound.OrganizationNodeNotExist");
    });

    it("CheckAccountDelete and DeleteAccount", async () => {
      const o = await newOrg();
      const guest = await invite(o, "guest");
      for (const A of ["CheckAccountDelete", "DeleteAccount"] as const) {
        const call = (uin: unknown, c = o.c) => (c[A] as (p: { MemberUin: number }) => Promise<unknown>)({ MemberUin: uin as number });
        await expectCode("2021-03-31", A, call(guest.uin, server.client(outsider)), "ResourceNotFound.OrganizationNotExist");
        await expectCode("2021-03-31", A, call(outsider.uin), "ResourceNotFound.MemberNotExist");
        await expectCode("2021-03-31", A, call("not-a-uin"), "InvalidParameter");
      }
      const check = await o.c.CheckAccountDelete({ MemberUin: guest.uin });
      assert.deepEqual([check.AllowDelete, check.NotAllowReason!.IsCreateMember], [false, false]);
      // deletions are made by a sub-account of the admin, once member deletion is on
      const ops = server.client(await subAccountKeys(server, o.admin.uin));
      const owner = await created(o, "owner");
      await expectCode("2021-03-31", "DeleteAccount", ops.DeleteAccount({ MemberUin: owner }), "UnsupportedOperation.DeleteAccountDisabled");
      await server.operator("SetMemberDeletionPermission", { OrgId: o.orgId, Enabled: true });
      await expectCode("2021-03-31", "DeleteAccount", ops.DeleteAccount({ MemberUin: guest.uin }), "UnsupportedOperation.InviteAccountNotAllowDelete");
      await expectCode("2021-03-31", "DeleteAccount", ops.DeleteAccount({ MemberUin: o.admin.uin }), "UnsupportedOperation.InviteAccountNotAllowDelete");
      const delegate = await created(o, "delegate");
      await o.c.CreateOrgServiceAssign({ ServiceId: 1, MemberUins: [delegate] });
      assert.equal((await o.c.CheckAccountDelete({ MemberUin: delegate })).NotAllowReason!.IsAssignManager, true);
      await expectCode("2021-03-31", "DeleteAccount", ops.DeleteAccount({ MemberUin: delegate }), "UnsupportedOperation.MemberExistServiceNotAllowDelete");
      await server.operator("RegisterMemberResource", { Uin: owner, ServiceType: "cvm", ResourceType: "instance", ResourceId: "ins-owned" });
      await expectCode("2021-03-31", "DeleteAccount", ops.DeleteAccount({ MemberUin: owner }), "UnsupportedOperation.MemberAccountExistResource");
    });

    it("ListOrganizationIdentity", async () => {
      const V = "2021-03-31", A = "ListOrganizationIdentity";
      const o = await newOrg();
      await expectCode(V, A, server.client(outsider).ListOrganizationIdentity({ Offset: 0, Limit: 10 }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, A, o.c.ListOrganizationIdentity({ Offset: 0, Limit: 0 }), "InvalidParameter");
      await expectCode(V, A, o.c.ListOrganizationIdentity({ Offset: 0, Limit: 10, IdentityType: 3 }), "InvalidParameter");
    });

    it("the 2018-12-25 member actions", async () => {
      const V = "2018-12-25";
      const o = await newOrg();
      const a = await created(o, "alpha");
      await created(o, "beta");
      const out = server.client2018(outsider);
      await expectCode(V, "ListOrganizationMembers", out.ListOrganizationMembers({}), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, "GetOrganizationMember", out.GetOrganizationMember({ MemberUin: a }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, "UpdateOrganizationMember", out.UpdateOrganizationMember({ MemberUin: a, Name: "x" }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, "UpdateOrganizationMember", o.c18.UpdateOrganizationMember({ MemberUin: outsider.uin, Name: "x" }), "ResourceNotFound.MemberNotExist");
      await expectCode(V, "UpdateOrganizationMember", o.c18.UpdateOrganizationMember({ MemberUin: a, Name: "beta" }), "FailedOperation.MemberNameUsed");
      await expectCode(V, "DeleteOrganizationMembers", out.DeleteOrganizationMembers({ Uins: [a] }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, "MoveOrganizationMembersToNode", out.MoveOrganizationMembersToNode({ NodeId: o.root, Uins: [a] }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, "MoveOrganizationMembersToNode", o.c18.MoveOrganizationMembersToNode({ NodeId: 1, Uins: [a] }), "ResourceNotFound.NodeNotExist");
      await expectCode(V, "MoveOrganizationMembersToNode", o.c18.MoveOrganizationMembersToNode({ NodeId: o.root, Uins: [a, outsider.uin] }), "FailedOperation.SomeUinsNotInOrganization");
      await expectCode(V, "DeleteOrganizationMemberFromNode", out.DeleteOrganizationMemberFromNode({ MemberUin: a, NodeId: o.root }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, "DeleteOrganizationMemberFromNode", o.c18.DeleteOrganizationMemberFromNode({ MemberUin: a, NodeId: 1 }), "ResourceNotFound.NodeNotExist");
      await expectCode(V, "DeleteOrganizationMemberFromNode", o.c18.DeleteOrganizationMemberFromNode({ MemberUin: a, NodeId: o.root }), "FailedOperation.DisableDeleteMemberFromRootNode");
      const store = await server.openStore();
      const [unitA, unitB] = await Promise.all([addDepartment(store, o.orgId, o.root, "a"), addDepartment(store, o.orgId, o.root, "b")]).finally(() => store.close());
      await expectCode(V, "DeleteOrganizationMemberFromNode", o.c18.DeleteOrganizationMemberFromNode({ MemberUin: a, NodeId: unitA }), "FailedOperation.DisableDeleteMemberFromRootNode");
      await o.c18.MoveOrganizationMembersToNode({ NodeId: unitA, Uins: [a] });
      await expectCode(V, "DeleteOrganizationMemberFromNode", o.c18.DeleteOrganizationMemberFromNode({ MemberUin: a, NodeId: unitB }), "ResourceNotFound.MemberNotExist");
      await o.c18.DeleteOrganizationMemberFromNode({ MemberUin: a, NodeId: unitA });
      await expectCode(V, "ListOrganizationNodeMembers", out.ListOrganizationNodeMembers({ NodeId: o.root }), "ResourceNotFound.OrganizationNotExist");
      await expectCode(V, "ListOrganizationNodeMembers", o.c18.ListOrganizationNodeMembers({ NodeId: 1 }), "ResourceNotFound.NodeNotExist");
    });

    it("answers the codes no state reaches when a fault is injected", async () => {
      const o = await newOrg();
      const m = await created(o, "m");
      const inputs: Record<string, Record<string, unknown>> = {
        "2021-03-31 CreateOrganizationMember": { Name: "n", AccountName: "n", PolicyType: "Financial", PermissionIds: [1, 2], NodeId: o.root },
        "2021-03-31 UpdateOrganizationMember": { MemberUin: m, Name: "n" },
        "2021-03-31 DescribeOrganizationMembers": { Offset: 0, Limit: 10 },
        "2021-03-31 DeleteOrganizationMembers": { MemberUin: [m] },
        "2021-03-31 MoveOrganizationNodeMembers": { NodeId: o.root, MemberUin: [m] },
        "2021-03-31 CheckAccountDelete": { MemberUin: m },
        "2021-03-31 DeleteAccount": { MemberUin: m },
        "2021-03-31 ListOrganizationIdentity": { Offset: 0, Limit: 10 },
        "2018-12-25 ListOrganizationMembers": {},
        "2018-12-25 GetOrganizationMember": { MemberUin: m },
        "2018-12-25 DeleteOrganizationMembers": { Uins: [m] },
      };
      for (const [key, codes] of Object.entries(FAULT_ONLY)) {
        const [version, action] = key.split(" ") as [Version, string];
        const client = (version === "2021-03-31" ? o.c : o.c18) as unknown as Record<string, (p: unknown) => Promise<unknown>>;
        for (const code of Object.keys(codes)) {
          await server.operator("InjectFault", { Action: action, Code: code, Count: 1, Uin: o.admin.uin, Version: version });
          assert.equal(await errorCode(client[action].call(client, inputs[key])), code, `${key} ${code}`);
        }
      }
      assert.ok((await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10 })).Total === 2, "the injected faults changed nothing");
    });

    it("covers every documented code of the member actions", () => {
      const missing: string[] = [];
      for (const [version, actions] of [["2021-03-31", ACTIONS_2021], ["2018-12-25", ACTIONS_2018]] as const) {
        for (const action of actions) {
          const key = `${version} ${action}`;
          for (const code of ACTION_ERROR_CODES[version][action]) {
            const how = [reached.get(key)?.has(code) && "state", DOMAIN[key]?.includes(code) && "domain", FAULT_ONLY[key]?.[code] && "fault"].filter(Boolean);
            if (how.length === 0) missing.push(`${key}: ${code}`);
            assert.ok(how.length <= 1, `${key}: ${code} is listed as ${how.join(" and ")}`);
          }
        }
      }
      assert.deepEqual(missing, []);
    });
  });
}
