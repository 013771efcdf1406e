import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { errorCode, TcoServer } from "../helpers/server.js";

describe("CreateOrganization and DescribeOrganization", () => {
  let server: TcoServer;
  before(async () => {
    server = await TcoServer.start();
  });
  after(async () => {
    await server.stop();
  });

  it("creates an organization whose admin describes it in both API versions", async () => {
    const admin = await server.createAccount({ name: "host_name" });
    const created = await server.client(admin).CreateOrganization();
    assert.equal(created.NickName, "host_name");
    assert.ok(Number.isInteger(created.OrgId));

    const org = await server.client(admin).DescribeOrganization({ Lang: "en" });
    assert.equal(org.OrgId, created.OrgId);
    assert.equal(org.HostUin, admin.uin);
    assert.equal(org.IsManager, true);
    assert.equal(org.OrgPolicyType, "Financial");
    assert.deepEqual(org.OrgPermission, [{ Id: 1, Name: "viewBill" }, { Id: 2, Name: "viewBalance" }]);
    // DescribeOrganization's Chinese example names them the same way, beside a Chinese policy name
    const zh = await server.client(admin).DescribeOrganization({ Lang: "zh" });
    assert.deepEqual(zh.OrgPermission, [{ Id: 1, Name: "viewBill" }, { Id: 2, Name: "viewBalance" }]);
    assert.equal(zh.OrgPolicyName, "财务管理");
    assert.match(org.CreateTime!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.ok(Number.isInteger(org.RootNodeId));

    const legacy = await server.client2018(admin).GetOrganization();
    assert.equal(legacy.OrgId, created.OrgId);
    assert.equal(legacy.HostUin, admin.uin);
    assert.equal(legacy.IsEmpty, 1);
  });

  it("2018-12-25 shows the admin's e-mail masked, as its examples do (Mail \"23***@qq.com\")", async () => {
    const admin = await server.createAccount({ mail: "2345678@qq.com" });
    assert.equal((await server.client2018(admin).CreateOrganization({ OrgType: 1 })).Mail, "23***@qq.com");
    assert.equal((await server.client2018(admin).GetOrganization()).Mail, "23***@qq.com");
    const invitee = await server.createAccount();
    await server.client2018(admin).SendOrganizationInvitation({ InviteUin: invitee.uin, Name: "masked", Remark: "r" });
    const [received] = (await server.client2018(invitee).ListOrganizationInvitations({ Invited: 1 })).Invitations!;
    assert.equal(received.HostMail, "23***@qq.com");
    const [sent] = (await server.client2018(admin).ListOrganizationInvitations({ Invited: 0 })).Invitations!;
    assert.equal(sent.HostMail, "23***@qq.com");
    // the operator, who registered it, still sees it whole
    const { Accounts } = await server.operator("ListAccounts", { Limit: 1000 });
    assert.equal(Accounts.find((a: { Uin: number }) => a.Uin === admin.uin).Mail, "2345678@qq.com");
  });

  it("allows one organization per account", async () => {
    const admin = await server.createAccount();
    await server.client(admin).CreateOrganization();
    assert.equal(await errorCode(server.client(admin).CreateOrganization()), "FailedOperation.OrganizationExistAlready");
    assert.equal(await errorCode(server.client2018(admin).CreateOrganization({ OrgType: 1 })), "FailedOperation.OrganizationExistAlready");
  });

  it("settles concurrent creations by one account with exactly one organization", async () => {
    const admin = await server.createAccount();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => server.client(admin).CreateOrganization()));
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    for (const r of results) if (r.status === "rejected") assert.equal((r.reason as { code: string }).code, "FailedOperation.OrganizationExistAlready");
  });

  it("refuses an organization to a member account the organization created", async () => {
    const admin = await server.createAccount();
    await server.client(admin).CreateOrganization();
    const { RootNodeId } = await server.client(admin).DescribeOrganization({});
    const { Uin } = await server.client(admin).CreateOrganizationMember({ Name: "made", AccountName: "made", PolicyType: "Financial", PermissionIds: [1, 2], NodeId: RootNodeId! });
    const key = await server.operator("CreateAccessKey", { Uin });
    const member = { secretId: key.SecretId, secretKey: key.SecretKey };
    assert.equal(await errorCode(server.client(member).CreateOrganization()), "UnsupportedOperation.CreateMemberNotAllowCreateOrganization");
  });

  it("requires enterprise real-name verification", async () => {
    const none = await server.createAccount({ verification: "none" });
    assert.equal(await errorCode(server.client(none).CreateOrganization()), "FailedOperation.AuthInfoEmpty");
    const personal = await server.createAccount({ verification: "personal", entity: "Zhang San" });
    assert.equal(await errorCode(server.client(personal).CreateOrganization()), "FailedOperation.AuthNotEnterprise");
  });

  it("answers ResourceNotFound.OrganizationNotExist to an account outside any organization", async () => {
    const outsider = await server.createAccount();
    assert.equal(await errorCode(server.client(outsider).DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
    assert.equal(await errorCode(server.client2018(outsider).GetOrganization()), "ResourceNotFound.OrganizationNotExist");
  });
});
