import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { errorCode, TcoServer, type TestAccount } from "../helpers/server.js";
import { subAccountKeys } from "../helpers/orgs.js";

/** Run `n` calls, at most `width` at a time. */
async function inBatches<T>(n: number, width: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += width) out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, j) => call(i + j)))));
  return out;
}

describe("an organization's whole lifecycle through the official SDK", () => {
  let server: TcoServer;
  before(async () => {
    // 152 accounts in one organization: above the documented default of 100, as a support ticket would allow
    server = await TcoServer.start({ env: { TCO_MAX_MEMBERS: "200" } });
  });
  after(async () => {
    await server.stop();
  });

  it("2021-03-31: create → departments → create and invite members → accept, deny, cancel → update → page → move → remove → quit → delete", async () => {
    const admin = await server.createAccount({ name: "lifecycle_admin" });
    const api = server.client(admin);
    const { OrgId } = await api.CreateOrganization();
    const { RootNodeId } = await api.DescribeOrganization({});

    // departments: dev under the root, backend under dev
    const { NodeId: dev } = await api.AddOrganizationNode({ ParentNodeId: RootNodeId!, Name: "dev", Remark: "engineering" });
    const { NodeId: backend } = await api.AddOrganizationNode({ ParentNodeId: dev!, Name: "backend" });
    const nodes = await api.DescribeOrganizationNodes({ Limit: 50, Offset: 0 });
    assert.deepEqual(new Set(nodes.Items!.map((n) => n.Name)), new Set(["Root", "dev", "backend"]));
    assert.equal(nodes.Items!.find((n) => n.NodeId === backend)?.ParentNodeId, dev);

    // created members in dev
    const created = await inBatches(150, 10, (i) =>
      api.CreateOrganizationMember({ Name: `m${i}`, AccountName: `acct${i}`, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: dev! }),
    );
    const createdUins = created.map((c) => c.Uin!);
    assert.equal(new Set(createdUins).size, 150);

    // invitations: one accepted, one denied, one cancelled
    const [alice, bob, carol] = await Promise.all([server.createAccount(), server.createAccount(), server.createAccount()]);
    const invite = (who: TestAccount, name: string) =>
      api.InviteOrganizationMember({ MemberUin: who.uin, Name: name, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: RootNodeId! });
    await invite(alice, "alice");
    await invite(bob, "bob");
    await invite(carol, "carol");
    const received = async (who: TestAccount) => (await server.client2018(who).ListOrganizationInvitations({ Invited: 1 })).Invitations!;
    await server.client2018(alice).AcceptOrganizationInvitation({ Id: (await received(alice))[0].Id! });
    await server.client2018(bob).DenyOrganizationInvitation({ Id: (await received(bob))[0].Id! });
    const sent = (await server.client2018(admin).ListOrganizationInvitations({ Invited: 0, Limit: 50 })).Invitations!;
    await server.client2018(admin).CancelOrganizationInvitation({ Id: sent.find((i) => i.Uin === carol.uin)!.Id! });
    assert.equal((await server.client(alice).DescribeOrganization({})).OrgId, OrgId);
    assert.equal(await errorCode(server.client(bob).DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
    assert.equal(await errorCode(server.client(carol).DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");

    // update a member
    await api.UpdateOrganizationMember({ MemberUin: createdUins[0], Name: "renamed", Remark: "lead", PolicyType: "Financial", PermissionIds: [1, 2, 4] });

    // page through everyone: admin + 150 created + alice
    const seen = new Set<number>();
    let total = 0;
    for (let offset = 0; ; offset += 50) {
      const page = await api.DescribeOrganizationMembers({ Offset: offset, Limit: 50, Lang: "en" });
      total = page.Total!;
      for (const m of page.Items!) seen.add(m.MemberUin!);
      if (page.Items!.length < 50) break;
    }
    assert.equal(total, 152);
    assert.equal(seen.size, 152);
    const renamed = (await api.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: "renamed", Lang: "en" })).Items!;
    assert.deepEqual(
      renamed.map((m) => [m.MemberUin, m.Remark, m.OrgPermission!.map((p) => p.Id)]),
      [[createdUins[0], "lead", [1, 2, 4]]],
    );
    // the 2018-12-25 API sees the same members
    assert.equal((await server.client2018(admin).ListOrganizationMembers({ Offset: 0, Limit: 50 })).TotalCount, 152);

    // move ten members to backend
    await api.MoveOrganizationNodeMembers({ NodeId: backend!, MemberUin: createdUins.slice(0, 10) });
    const inBackend = await api.DescribeOrganizationMembers({ Offset: 0, Limit: 50, NodeId: backend! });
    assert.deepEqual(new Set(inBackend.Items!.map((m) => m.MemberUin)), new Set(createdUins.slice(0, 10)));
    assert.equal(await errorCode(api.DeleteOrganizationNodes({ NodeId: [dev!] })), "FailedOperation.NodeNotEmpty");

    // the invited member quits; created members are deleted as accounts
    await server.client(alice).QuitOrganization({ OrgId: OrgId! });
    assert.equal(await errorCode(server.client(alice).DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
    assert.equal(await errorCode(api.DeleteOrganization()), "FailedOperation.OrganizationNotEmpty");
    // deleting member accounts: member deletion on (a console step), the deletions by a sub-account of the admin
    assert.equal((await api.CheckAccountDelete({ MemberUin: createdUins[0] })).AllowDelete, false);
    await server.operator("SetMemberDeletionPermission", { OrgId: OrgId!, Enabled: true });
    const check = await api.CheckAccountDelete({ MemberUin: createdUins[0] });
    assert.equal(check.AllowDelete, true);
    const ops = server.client(await subAccountKeys(server, admin.uin));
    await inBatches(createdUins.length, 10, (i) => ops.DeleteAccount({ MemberUin: createdUins[i] }));
    assert.equal((await api.DescribeOrganizationMembers({ Offset: 0, Limit: 50 })).Total, 1);

    // tear down
    await api.DeleteOrganizationNodes({ NodeId: [backend!] });
    await api.DeleteOrganizationNodes({ NodeId: [dev!] });
    await api.DeleteOrganization();
    assert.equal(await errorCode(api.DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
    // the admin may start again
    await api.CreateOrganization();
  });

  it("2018-12-25: create → department → send, accept, deny, cancel → update → move → list → remove → delete", async () => {
    const admin = await server.createAccount({ name: "legacy_admin" });
    const api = server.client2018(admin);
    const { OrgId } = await api.CreateOrganization({ OrgType: 1 });
    const { NodeId: sales } = await api.AddOrganizationNode({ ParentNodeId: (await server.client(admin).DescribeOrganization({})).RootNodeId!, Name: "sales" });
    assert.ok((await api.ListOrganizationNodes()).Nodes!.some((n) => n.NodeId === sales && n.Name === "sales"));

    const [xena, yuri, zoe, wu] = await Promise.all([server.createAccount(), server.createAccount(), server.createAccount(), server.createAccount()]);
    for (const [who, name] of [[xena, "xena"], [yuri, "yuri"], [zoe, "zoe"], [wu, "wu"]] as const) {
      await api.SendOrganizationInvitation({ InviteUin: who.uin, Name: name, Remark: "welcome" });
    }
    const sent = (await api.ListOrganizationInvitations({ Invited: 0, Limit: 50 })).Invitations!;
    assert.equal(sent.length, 4);
    const idOf = (who: TestAccount) => sent.find((i) => i.Uin === who.uin)!.Id!;
    await server.client2018(xena).AcceptOrganizationInvitation({ Id: idOf(xena) });
    await server.client2018(wu).AcceptOrganizationInvitation({ Id: idOf(wu) });
    await server.client2018(yuri).DenyOrganizationInvitation({ Id: idOf(yuri) });
    await api.CancelOrganizationInvitation({ Id: idOf(zoe) });
    assert.equal(await errorCode(server.client2018(zoe).AcceptOrganizationInvitation({ Id: idOf(zoe) })), "ResourceNotFound.InvitationNotExist");

    await api.UpdateOrganizationMember({ MemberUin: xena.uin, Name: "xena2", Remark: "top seller" });
    await api.MoveOrganizationMembersToNode({ NodeId: sales!, Uins: [xena.uin] });
    const inSales = await api.ListOrganizationNodeMembers({ NodeId: sales!, Offset: 0, Limit: 50 });
    assert.deepEqual(inSales.Members!.map((m) => [m.Uin, m.Name, m.Remark]), [[xena.uin, "xena2", "top seller"]]);
    const member = await api.GetOrganizationMember({ MemberUin: xena.uin });
    assert.equal(member.NodeName, "sales");
    await api.DeleteOrganizationMemberFromNode({ MemberUin: xena.uin, NodeId: sales! });
    assert.equal((await api.GetOrganizationMember({ MemberUin: xena.uin })).NodeId, (await server.client(admin).DescribeOrganization({})).RootNodeId);

    // the 2021-03-31 API sees the same organization
    assert.equal((await server.client(xena).DescribeOrganization({})).OrgId, OrgId);
    const listed = await api.ListOrganizationMembers({ Offset: 0, Limit: 50 });
    assert.equal(listed.TotalCount, 3);

    await server.client2018(wu).QuitOrganization({ OrgId: OrgId! });
    await api.DeleteOrganizationMembers({ Uins: [xena.uin] });
    await api.DeleteOrganizationNodes({ NodeIds: [sales!] });
    await api.DeleteOrganization();
    assert.equal(await errorCode(api.GetOrganization()), "ResourceNotFound.OrganizationNotExist");
  });
});
