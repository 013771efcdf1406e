import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openStore } from "../../src/store/store.js";
import { Fixtures, type Org } from "../helpers/invitation-fixtures.js";
import { errorCode, ROOT_SECRET_ID, ROOT_SECRET_KEY, ROOT_UIN, TcoServer } from "../helpers/server.js";

describe("invitations", () => {
  let server: TcoServer;
  const f = new Fixtures(() => server);
  before(async () => {
    // The documented example invites into department 1001: let the first department id handed out be 1001.
    const dataDir = mkdtempSync(join(tmpdir(), "tco-test-"));
    const store = await openStore({ sqliteFile: join(dataDir, "tco.sqlite") });
    await store.counters.next("node", 1000);
    await store.close();
    server = await TcoServer.start({ dataDir });
  });
  after(async () => {
    await server.stop();
  });

  it("runs the documented InviteOrganizationMember example as written", async () => {
    // the example's caller pays (PayUin 100000000001): the root account administers the organization
    const root = { secretId: ROOT_SECRET_ID, secretKey: ROOT_SECRET_KEY };
    await server.client(root).CreateOrganization();
    assert.equal((await server.client(root).DescribeOrganization({})).RootNodeId, 1001);
    const created = await server.operator("CreateAccount", { Uin: 111111111111, Name: "invitee", Verification: "enterprise", EntityName: "TCO Root Enterprise" });
    const keys = { secretId: created.SecretId as string, secretKey: created.SecretKey as string };

    const r = await server.client(root).InviteOrganizationMember({
      Remark: "invitation member",
      MemberUin: 111111111111,
      Name: "member_name",
      NodeId: 1001,
      PermissionIds: [1, 2],
      PolicyType: "Financial",
      PayUin: "100000000001",
    });
    assert.match(r.RequestId!, /^[0-9a-f-]{36}$/);

    const [inv] = (await server.client2018(keys).ListOrganizationInvitations({ Invited: 1 })).Invitations!;
    assert.equal(inv.Uin, 111111111111);
    assert.equal(inv.HostUin, ROOT_UIN);
    assert.equal(inv.Name, "member_name");
    assert.equal(inv.Remark, "invitation member");
    assert.equal(inv.Status, 0);
    await server.client2018(keys).AcceptOrganizationInvitation({ Id: inv.Id! });
    const seen = await server.client(keys).DescribeOrganization({});
    assert.equal(seen.IsManager, false);
    assert.equal(seen.HostUin, ROOT_UIN);
    assert.equal(seen.PayUin, "", "without permission 7 the member pays for itself");
  });

  it("lets the invitee list, accept and join; the member sees the organization but does not manage it", async () => {
    const org = await f.org();
    const invitee = await f.account();
    await f.invite(org, invitee, { Name: "alice", Remark: "welcome", PermissionIds: [1, 2, 7], PayUin: String(org.admin.uin), IsAllowQuit: "Denied" });

    const sent = await server.client2018(org.admin).ListOrganizationInvitations({ Invited: 0 });
    assert.equal(sent.TotalCount, 1);
    assert.equal(sent.Invitations![0].Uin, invitee.uin);
    const received = await server.client2018(invitee).ListOrganizationInvitations({ Invited: 1, Offset: 0, Limit: 10 });
    assert.equal(received.TotalCount, 1);
    const inv = received.Invitations![0];
    // the documented example asks with Invited 101: any value but 0 lists received invitations
    assert.deepEqual((await server.client2018(invitee).ListOrganizationInvitations({ Invited: 101 })).Invitations, received.Invitations);
    assert.equal((await server.client2018(invitee).ListOrganizationInvitations({ Invited: 0 })).TotalCount, 0);
    assert.deepEqual(
      { Uin: inv.Uin, HostUin: inv.HostUin, Status: inv.Status, Name: inv.Name, Remark: inv.Remark, OrgType: inv.OrgType, HostMail: inv.HostMail },
      { Uin: invitee.uin, HostUin: org.admin.uin, Status: 0, Name: "alice", Remark: "welcome", OrgType: 1, HostMail: "" },
    );
    assert.ok(inv.HostName);
    const days = (Date.parse(inv.ExpireTime!.replace(" ", "T")) - Date.parse(inv.InviteTime!.replace(" ", "T"))) / 86_400_000;
    assert.equal(days, 7, "invitations live TCO_INVITATION_TTL_DAYS (7) days");

    // before accepting, the invitee is in no organization
    assert.equal(await errorCode(server.client(invitee).DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
    await server.client2018(invitee).AcceptOrganizationInvitation({ Id: inv.Id! });

    const seen = await server.client(invitee).DescribeOrganization({ Lang: "en" });
    assert.equal(seen.OrgId, org.orgId);
    assert.equal(seen.IsManager, false);
    assert.equal(seen.IsAllowQuit, "Denied");
    assert.equal(seen.PayUin, String(org.admin.uin));
    assert.deepEqual(seen.OrgPermission!.map((p) => p.Id), [1, 2, 7]);
    assert.equal((await server.client2018(invitee).GetOrganization()).OrgId, org.orgId);
    assert.equal((await server.client2018(org.admin).GetOrganization()).IsEmpty, 0);
    assert.equal((await f.received(invitee))[0].Status, 1);
    assert.equal((await server.client2018(org.admin).ListOrganizationInvitations({ Invited: 0 })).Invitations![0].Status, 1);
  });

  it("joins through 2018's SendOrganizationInvitation too, with 2018's form-style v1 requests", async () => {
    const org = await f.org();
    const invitee = await f.account();
    await server.client2018(org.admin, "HmacSHA1").SendOrganizationInvitation({ InviteUin: invitee.uin, Name: "bob", Remark: "from 2018" });
    const [inv] = (await server.client2018(invitee, "HmacSHA1").ListOrganizationInvitations({ Invited: 1, Offset: 0, Limit: 10 })).Invitations!;
    assert.equal(inv.Name, "bob");
    assert.equal(inv.Remark, "from 2018");
    await server.client2018(invitee, "HmacSHA256").AcceptOrganizationInvitation({ Id: inv.Id! });
    const seen = await server.client(invitee).DescribeOrganization({});
    assert.equal(seen.OrgId, org.orgId);
    assert.equal(seen.IsManager, false);
    assert.equal(seen.IsAllowQuit, "Allow");
    assert.deepEqual(seen.OrgPermission!.map((p) => p.Id), [1, 2]);
  });

  it("lets the invitee deny; the organization may invite again, once at a time", async () => {
    const org = await f.org();
    const invitee = await f.account();
    await f.invite(org, invitee);
    assert.equal(await errorCode(f.invite(org, invitee)), "FailedOperation.InvitationExist");
    assert.equal(await errorCode(f.send(org, invitee)), "FailedOperation.ReSentInvitation");
    const id = await f.lastReceivedId(invitee);
    await server.client2018(invitee).DenyOrganizationInvitation({ Id: id });
    assert.equal((await f.received(invitee))[0].Status, 2);
    assert.equal(await errorCode(server.client2018(invitee).AcceptOrganizationInvitation({ Id: id })), "ResourceNotFound.InvitationNotExist");
    assert.equal(await errorCode(server.client2018(invitee).DenyOrganizationInvitation({ Id: id })), "ResourceNotFound.InvitationNotExist");

    await f.send(org, invitee);
    const again = await f.received(invitee);
    assert.deepEqual(again.map((i) => i.Status), [0, 2]);
    await server.client2018(invitee).AcceptOrganizationInvitation({ Id: again[0].Id! });
    assert.equal((await server.client(invitee).DescribeOrganization({})).OrgId, org.orgId);
  });

  it("lets only the inviting admin cancel, and a cancelled invitation cannot be answered", async () => {
    const org = await f.org();
    const other = await f.org();
    const invitee = await f.account();
    await f.invite(org, invitee);
    const id = await f.lastReceivedId(invitee);
    assert.equal(await errorCode(server.client2018(invitee).CancelOrganizationInvitation({ Id: id })), "ResourceNotFound.InvitationNotExist");
    assert.equal(await errorCode(server.client2018(other.admin).CancelOrganizationInvitation({ Id: id })), "ResourceNotFound.InvitationNotExist");
    // someone else cannot answer it either
    assert.equal(await errorCode(server.client2018(other.admin).AcceptOrganizationInvitation({ Id: id })), "ResourceNotFound.InvitationNotExist");
    await server.client2018(org.admin).CancelOrganizationInvitation({ Id: id });
    assert.equal((await f.received(invitee))[0].Status, 3);
    assert.equal(await errorCode(server.client2018(org.admin).CancelOrganizationInvitation({ Id: id })), "ResourceNotFound.InvitationNotExist");
    assert.equal(await errorCode(server.client2018(invitee).AcceptOrganizationInvitation({ Id: id })), "ResourceNotFound.InvitationNotExist");
    assert.equal(await errorCode(server.client2018(invitee).DenyOrganizationInvitation({ Id: id })), "ResourceNotFound.InvitationNotExist");
    assert.equal(await errorCode(server.client2018(invitee).AcceptOrganizationInvitation({ Id: 99999999 })), "ResourceNotFound.InvitationNotExist");
  });

  it("re-checks at acceptance: an account that joined another organization meanwhile is refused", async () => {
    const a = await f.org();
    const b = await f.org();
    const invitee = await f.account();
    await f.invite(a, invitee);
    await f.invite(b, invitee);
    const [fromB, fromA] = await f.received(invitee);
    await server.client2018(invitee).AcceptOrganizationInvitation({ Id: fromA.Id! });
    assert.equal(await errorCode(server.client2018(invitee).AcceptOrganizationInvitation({ Id: fromB.Id! })), "FailedOperation.InOrganizationAlready");
    assert.equal(await errorCode(server.client2018(invitee).AcceptOrganizationInvitation({ Id: fromA.Id! })), "FailedOperation.InOrganizationAlready");
  });

  it("re-checks at acceptance the registry: verification, site, arrears, reseller", async () => {
    const org = await f.org();
    const invitee = await f.account();
    await f.invite(org, invitee);
    const id = await f.lastReceivedId(invitee);
    const accept = () => errorCode(server.client2018(invitee).AcceptOrganizationInvitation({ Id: id }));
    await f.update(invitee.uin, { Verification: "none" });
    assert.equal(await accept(), "FailedOperation.AuthInfoEmpty");
    await f.update(invitee.uin, { Verification: "enterprise", Site: "intl" });
    assert.equal(await accept(), "FailedOperation.NotSameRegion");
    await f.update(invitee.uin, { Site: "china", Arrears: true });
    assert.equal(await accept(), "UnsupportedOperation.MemberAccountArrears");
    await f.update(invitee.uin, { Arrears: false, Agent: true });
    assert.equal(await accept(), "UnsupportedOperation.AgentNotSame");
    await f.update(invitee.uin, { Agent: false, EntityName: "Someone Else Ltd" });
    assert.equal(await accept(), "FailedOperation.AuthInfoNotSame");
    await f.update(invitee.uin, { EntityName: "Example Ltd" });
    await server.client2018(invitee).AcceptOrganizationInvitation({ Id: id });
    assert.equal((await server.client(invitee).DescribeOrganization({})).OrgId, org.orgId);
  });

  describe("InviteOrganizationMember refuses", () => {
    it("callers that administer no organization", async () => {
      const outsider = await f.account();
      const invitee = await f.account();
      const fake: Org = { admin: outsider, orgId: 0, rootNodeId: 1 };
      assert.equal(await errorCode(f.invite(fake, invitee)), "ResourceNotFound.OrganizationNotExist");
      assert.equal(await errorCode(f.send(fake, invitee)), "ResourceNotFound.OrganizationNotExist");
      const org = await f.org();
      const member = await f.member(org);
      assert.equal(await errorCode(f.invite({ ...org, admin: member }, invitee)), "ResourceNotFound.OrganizationNotExist");
    });

    it("unknown accounts, and accounts already in an organization", async () => {
      const org = await f.org();
      assert.equal(await errorCode(f.invite(org, { uin: 999999999999 })), "ResourceNotFound.UserNotExist");
      assert.equal(await errorCode(f.send(org, { uin: 999999999999 })), "ResourceNotFound.UserNotExist");
      const member = await f.member(org);
      assert.equal(await errorCode(f.invite(org, member)), "FailedOperation.OrganizationMemberExist");
      assert.equal(await errorCode(f.invite(org, org.admin)), "FailedOperation.OrganizationMemberExist");
      assert.equal(await errorCode(f.send(org, member)), "FailedOperation.UserInOrganization");
      const other = await f.org();
      assert.equal(await errorCode(f.invite(org, other.admin)), "FailedOperation.MemberExistInOtherOrganization");
      assert.equal(await errorCode(f.send(org, other.admin)), "FailedOperation.UserInOrganization");
    });

    it("sub-accounts (CAM users): 2018-12-25's SendOrganizationInvitation says FailedOperation.UserNotRegister", async () => {
      const org = await f.org();
      const owner = await f.account();
      const sub = await server.operator("CreateSubAccount", { OwnerUin: owner.uin, Name: "ops" });
      assert.equal(await errorCode(f.send(org, { uin: sub.SubUin as number })), "FailedOperation.UserNotRegister");
      const own = await server.operator("CreateSubAccount", { OwnerUin: org.admin.uin, Name: "ops" });
      assert.equal(await errorCode(f.send(org, { uin: own.SubUin as number })), "FailedOperation.UserNotRegister");
      // the owner itself, a main account, can be invited
      await f.send(org, owner);
    });

    it("accounts of another site, without real-name or enterprise verification", async () => {
      const org = await f.org();
      const intl = await f.account({ site: "intl" });
      assert.equal(await errorCode(f.invite(org, intl)), "FailedOperation.NotSameRegion");
      assert.equal(await errorCode(f.send(org, intl)), "FailedOperation.NotSameRegion");
      assert.equal(await errorCode(f.invite(org, await f.account({ verification: "none" }))), "FailedOperation.AuthInfoEmpty");
      assert.equal(await errorCode(f.invite(org, await f.account({ verification: "personal", entity: "Zhang San" }))), "FailedOperation.AuthNotEnterprise");
    });

    it("another entity unless a trust relation is applied for (and only once at a time)", async () => {
      const org = await f.org();
      const proof = [{ Name: "license.pdf", Url: "https://files.example.com/license.pdf" }];
      const b1 = await f.account({ entity: "Partner Ltd" });
      assert.equal(await errorCode(f.invite(org, b1)), "FailedOperation.AuthInfoNotSame");
      assert.equal(await errorCode(f.send(org, b1)), "FailedOperation.AuthInfoNotSame");
      assert.equal(await errorCode(f.invite(org, b1, { RelationAuthName: "Partner Ltd" })), "FailedOperation.AuthInfoNotSame");
      assert.equal(await errorCode(f.invite(org, b1, { RelationAuthName: "Other Ltd", AuthFile: proof })), "FailedOperation.AuthInfoNotSame");
      assert.equal(await errorCode(f.invite(org, b1, { RelationAuthName: "Partner Ltd", AuthFile: [{ Name: "x", Url: "ftp://x" }] })), "FailedOperation.ImportFileIllegal");
      assert.equal(await errorCode(f.invite(org, b1, { AuthFile: proof })), "InvalidParameter");
      await f.invite(org, b1, { RelationAuthName: "Partner Ltd", AuthFile: proof });

      const b2 = await f.account({ entity: "Partner Ltd" });
      assert.equal(await errorCode(f.invite(org, b2, { RelationAuthName: "Partner Ltd", AuthFile: proof })), "FailedOperation.ApplyExist");
      await server.client2018(b1).AcceptOrganizationInvitation({ Id: await f.lastReceivedId(b1) });
      // the relation now exists: another account of that entity needs no application, and may not make one
      assert.equal(await errorCode(f.invite(org, b2, { RelationAuthName: "Partner Ltd", AuthFile: proof })), "FailedOperation.OrganizationAuthRelationExist");
      await f.invite(org, b2);
      // the trusted entity is among the auth nodes once the organization's admin sets its admin (console step, operator SetEntityAdmin)
      const authNodes = async () => (await server.client(org.admin).DescribeOrganizationAuthNode({ Offset: 0, Limit: 50 })).Items!;
      assert.equal((await authNodes()).find((n) => n.AuthName === "Partner Ltd"), undefined, "no admin is set by joining");
      const relation = (await server.operator("ListEntityRelations", { OrgId: org.orgId })).Relations.find((r: { AuthName: string }) => r.AuthName === "Partner Ltd");
      await server.operator("SetEntityAdmin", { OrgId: org.orgId, RelationId: relation.RelationId, MemberUin: b1.uin });
      const partner = (await authNodes()).find((n) => n.AuthName === "Partner Ltd");
      assert.ok(partner, "Partner Ltd is an auth node");
      assert.equal(partner.Manager?.MemberUin, b1.uin);
      // pay-on-behalf needs the admin's own entity
      const b3 = await f.account({ entity: "Partner Ltd" });
      assert.equal(await errorCode(f.invite(org, b3, { PermissionIds: [1, 2, 7], PayUin: String(org.admin.uin) })), "UnsupportedOperation.AddDelegatePayerNotAllow");
    });

    it("invalid terms: name, remark, quit policy, policy, permissions, payer, tags, department", async () => {
      const org = await f.org();
      const other = await f.org();
      const invitee = await f.account();
      const code = (extra: Record<string, unknown>) => errorCode(f.invite(org, invitee, extra));
      assert.equal(await code({ Name: "bad name!" }), "InvalidParameter");
      assert.equal(await code({ Name: "x".repeat(26) }), "InvalidParameter");
      assert.equal(await code({ Remark: "r".repeat(256) }), "InvalidParameter");
      assert.equal(await code({ IsAllowQuit: "Sometimes" }), "InvalidParameter");
      assert.equal(await errorCode(f.send(org, invitee, "bad name!")), "InvalidParameter");
      assert.equal(await code({ PolicyType: "Other" }), "FailedOperation.OrganizationPolicyIllegal");
      assert.equal(await code({ PermissionIds: [1] }), "FailedOperation.OrganizationPermissionIllegal");
      assert.equal(await code({ PermissionIds: [1, 2, 11] }), "FailedOperation.OrganizationPermissionIllegal");
      assert.equal(await code({ PermissionIds: [1, 2, 7] }), "FailedOperation.PayUinIllegal");
      assert.equal(await code({ PermissionIds: [1, 2, 7], PayUin: "abc" }), "FailedOperation.PayUinIllegal");
      assert.equal(await code({ PermissionIds: [1, 2, 7], PayUin: String(other.admin.uin) }), "FailedOperation.PayUinIllegal");
      assert.equal(await code({ PermissionIds: [1, 2, 7], PayUin: String(invitee.uin) }), "FailedOperation.PayUinIllegal");
      const tags = Array.from({ length: 11 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" }));
      assert.equal(await code({ Tags: tags }), "InvalidParameter.TagError");
      assert.equal(await code({ Tags: [{ TagKey: "k", TagValue: "1" }, { TagKey: "k", TagValue: "2" }] }), "InvalidParameter.TagError");
      assert.equal(await code({ NodeId: 987654321 }), "ResourceNotFound.OrganizationNodeNotExist");
      assert.equal(await code({ NodeId: other.rootNodeId }), "FailedOperation.OrganizationNodeNotExist");
      // nothing was recorded by the refused calls
      assert.equal((await f.received(invitee)).length, 0);
    });

    it("names held by a member or reserved by another pending invitation", async () => {
      const org = await f.org();
      const first = await f.account();
      const adminName = (await server.client2018(org.admin).GetOrganization()).Nickname!;
      assert.equal(await errorCode(f.invite(org, first, { Name: adminName })), "FailedOperation.OrganizationMemberNameUsed");
      assert.equal(await errorCode(f.send(org, first, adminName)), "FailedOperation.MemberNameUsed");
      await f.invite(org, first, { Name: "reserved" });
      const second = await f.account();
      assert.equal(await errorCode(f.invite(org, second, { Name: "reserved" })), "FailedOperation.MemberNameUsed");
      assert.equal(await errorCode(f.send(org, second, "reserved")), "FailedOperation.MemberNameUsed");
    });

    it("resellers' clients and accounts in arrears, by the registry flags", async () => {
      const org = await f.org();
      const pay = { PermissionIds: [1, 2, 7], PayUin: String(org.admin.uin) };
      const agent = await f.account();
      await f.update(agent.uin, { Agent: true });
      assert.equal(await errorCode(f.invite(org, agent)), "UnsupportedOperation.AgentNotSame");

      const owing = await f.account();
      await f.update(owing.uin, { Arrears: true });
      assert.equal(await errorCode(f.invite(org, owing)), "UnsupportedOperation.MemberAccountArrears");
      assert.equal(await errorCode(f.invite(org, owing, pay)), "UnsupportedOperation.AbnormalFinancialStatusOfMember");

      const fine = await f.account();
      await f.update(org.admin.uin, { Arrears: true });
      assert.equal(await errorCode(f.invite(org, fine, pay)), "UnsupportedOperation.AbnormalFinancialStatusOfAdmin");
      await f.update(org.admin.uin, { Arrears: false });

      // a payer (here a member) that is a reseller's client cannot pay on behalf
      const payer = await f.member(org);
      await f.update(payer.uin, { Agent: true });
      assert.equal(await errorCode(f.invite(org, fine, { PermissionIds: [1, 2, 7], PayUin: String(payer.uin) })), "UnsupportedOperation.ExistedAgent");

      // an organization of resellers' clients: invitees must be clients too, and cannot be paid for
      const agents = await f.org();
      await f.update(agents.admin.uin, { Agent: true });
      assert.equal(await errorCode(f.invite(agents, fine)), "UnsupportedOperation.AgentNotSame");
      assert.equal(await errorCode(f.invite(agents, agent, { PermissionIds: [1, 2, 7], PayUin: String(agents.admin.uin) })), "UnsupportedOperation.MemberIsAgent");
      await f.invite(agents, agent);
    });
  });

  it("answers codes a self-hosted service never reaches when the operator injects them", async () => {
    const org = await f.org();
    const invitee = await f.account();
    await server.operator("InjectFault", { Action: "InviteOrganizationMember", Code: "FailedOperation.TagResourcesError", Uin: org.admin.uin });
    assert.equal(await errorCode(f.invite(org, invitee)), "FailedOperation.TagResourcesError");
    await f.invite(org, invitee);
  });

  it("settles concurrent invitations of one account with exactly one", async () => {
    const org = await f.org();
    const invitee = await f.account();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => f.invite(org, invitee)));
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    for (const r of results) if (r.status === "rejected") assert.equal((r.reason as { code: string }).code, "FailedOperation.InvitationExist");
  });
});

describe("invitation limits", () => {
  let server: TcoServer;
  const f = new Fixtures(() => server);
  before(async () => {
    server = await TcoServer.start({ env: { TCO_MAX_PENDING_INVITATIONS: "2", TCO_MAX_MEMBERS: "3" } });
  });
  after(async () => {
    await server.stop();
  });

  it("caps pending invitations, and members with pending invitations reserving seats", async () => {
    const org = await f.org();
    const [a, b, c] = [await f.account(), await f.account(), await f.account()];
    await f.invite(org, a);
    await f.send(org, b);
    assert.equal(await errorCode(f.invite(org, c)), "LimitExceeded.InvitationOverLimit");
    await server.client2018(a).AcceptOrganizationInvitation({ Id: await f.lastReceivedId(a) });
    // admin + a + b's pending invitation fill the 3 seats
    assert.equal(await errorCode(f.invite(org, c)), "LimitExceeded.OrganizationMemberOverLimit");
    assert.equal(await errorCode(f.send(org, c)), "LimitExceeded.Members");
    await server.client2018(b).DenyOrganizationInvitation({ Id: await f.lastReceivedId(b) });
    await f.invite(org, c);
    await server.client2018(c).AcceptOrganizationInvitation({ Id: await f.lastReceivedId(c) });
    assert.equal(await errorCode(f.invite(org, b)), "LimitExceeded.OrganizationMemberOverLimit");
  });
});

describe("expired invitations", () => {
  let server: TcoServer;
  const f = new Fixtures(() => server);
  before(async () => {
    server = await TcoServer.start({ env: { TCO_INVITATION_TTL_DAYS: "0" } });
  });
  after(async () => {
    await server.stop();
  });

  it("show Status -1, cannot be answered or cancelled, and do not block a new invitation", async () => {
    const org = await f.org();
    const invitee = await f.account();
    await f.invite(org, invitee);
    const [inv] = await f.received(invitee);
    assert.equal(inv.Status, -1);
    assert.equal(inv.ExpireTime, inv.InviteTime);
    assert.equal(await errorCode(server.client2018(invitee).AcceptOrganizationInvitation({ Id: inv.Id! })), "ResourceNotFound.InvitationNotExist");
    assert.equal(await errorCode(server.client2018(invitee).DenyOrganizationInvitation({ Id: inv.Id! })), "ResourceNotFound.InvitationNotExist");
    assert.equal(await errorCode(server.client2018(org.admin).CancelOrganizationInvitation({ Id: inv.Id! })), "ResourceNotFound.InvitationNotExist");
    await f.invite(org, invitee);
    await f.send(org, invitee);
    assert.deepEqual((await f.received(invitee)).map((i) => i.Status), [-1, -1, -1]);
    assert.equal(await errorCode(server.client(invitee).DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
  });
});
