import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { createdMember, newOrg, subAccountKeys, type Org } from "../helpers/orgs.js";
import { errorCode, TcoServer, type TestAccount } from "../helpers/server.js";

/**
 * Emptying and deleting an organization, through the official SDK: entity admins set, changed and
 * removed by the organization's admin (operator SetEntityAdmin / RemoveEntityAdmin); DeleteOrganization
 * refused while policy types are enabled or member access policies remain; DeleteAccount only with
 * member deletion on, by a sub-account of the admin, for a member owning no resources; the admin's
 * own membership of type Invite.
 */

const BACKENDS = [{ name: "sqlite", postgres: false }, ...(TEST_DATABASE_URL ? [{ name: "postgres", postgres: true }] : [])];
const PROOF = [{ Name: "license.pdf", Url: "https://files.example.com/license.pdf" }];

interface EntityRelation {
  RelationId: number;
  AuthName: string;
  IsHost: boolean;
  AdminUin?: number;
}

for (const backend of BACKENDS) {
  describe(`emptying and deleting an organization (${backend.name})`, () => {
    let server: TcoServer;
    before(async () => {
      server = await TcoServer.start({ postgres: backend.postgres });
    });
    after(async () => {
      await server.stop();
    });

    /** An account of `entity` that joined `o` by invitation (applying for a trust relation when the entity is not the admin's). */
    async function joined(o: Org, name: string, entity: string): Promise<TestAccount> {
      const a = await server.createAccount({ name, entity });
      const known = (await server.operator("ListEntityRelations", { OrgId: o.orgId })).Relations.some((r: EntityRelation) => r.AuthName === entity);
      const apply = entity === "Example Ltd" || known ? {} : { RelationAuthName: entity, AuthFile: PROOF };
      await o.c.InviteOrganizationMember({ MemberUin: a.uin, Name: name, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: o.root, ...apply });
      const [inv] = (await server.client2018(a).ListOrganizationInvitations({ Invited: 1 })).Invitations!;
      await server.client2018(a).AcceptOrganizationInvitation({ Id: inv.Id! });
      return a;
    }
    const relations = async (o: Org): Promise<EntityRelation[]> => (await server.operator("ListEntityRelations", { OrgId: o.orgId })).Relations;
    const authNodes = async (o: Org) => (await o.c.DescribeOrganizationAuthNode({ Offset: 0, Limit: 50 })).Items!.map((n) => [n.AuthName, n.Manager?.MemberUin]);

    it("lets the organization's admin set, change and remove an entity's admin, so the organization can be emptied and deleted", async () => {
      const o = await newOrg(server);
      const first = await joined(o, "partner_a", "Partner Ltd");
      const own = await joined(o, "own", "Example Ltd");
      // joining sets no admin: the entity is not among the auth nodes, and its first member may leave
      assert.deepEqual(await authNodes(o), [["Example Ltd", o.admin.uin]]);
      const partner = (await relations(o)).find((r) => r.AuthName === "Partner Ltd")!;
      assert.equal(partner.IsHost, false);
      assert.equal(partner.AdminUin, undefined);
      const host = (await relations(o)).find((r) => r.IsHost)!;
      assert.deepEqual([host.AuthName, host.AdminUin], ["Example Ltd", o.admin.uin]);

      // only a member verified as the entity can be its admin; the admin's own entity is not set this way
      const set = (uin: number, relationId = partner.RelationId) => server.operator("SetEntityAdmin", { OrgId: o.orgId, RelationId: relationId, MemberUin: uin });
      const outsider = await server.createAccount({ entity: "Partner Ltd" });
      assert.equal(await errorCode(set(outsider.uin)), "InvalidParameterValue");
      assert.equal(await errorCode(set(own.uin)), "InvalidParameterValue");
      assert.equal(await errorCode(set(own.uin, host.RelationId)), "InvalidParameterValue");
      assert.equal(await errorCode(set(first.uin, 999999)), "ResourceNotFound");
      assert.equal((await set(first.uin)).Relation.AdminUin, first.uin);
      assert.deepEqual(await authNodes(o), [["Example Ltd", o.admin.uin], ["Partner Ltd", first.uin]]);
      assert.equal((await server.client(first).DescribeOrganization({})).IsAuthManager, true);
      assert.equal((await o.c.DescribeOrganization({})).IsAuthManager, false, "the organization's admin, as in the example");

      // the entity's admin can neither be removed nor quit until it is changed or removed
      assert.equal(await errorCode(o.c.DeleteOrganizationMembers({ MemberUin: [first.uin] })), "FailedOperation.OrganizationAuthManageNotAllowDelete");
      assert.equal(await errorCode(server.client(first).QuitOrganization({ OrgId: o.orgId })), "FailedOperation.OrganizationAuthManageNotAllowDelete");
      const second = await joined(o, "partner_b", "Partner Ltd");
      await set(second.uin);
      assert.deepEqual(await authNodes(o), [["Example Ltd", o.admin.uin], ["Partner Ltd", second.uin]]);
      assert.equal((await server.client(first).DescribeOrganization({})).IsAuthManager, false);
      await o.c.DeleteOrganizationMembers({ MemberUin: [first.uin] });
      assert.equal(await errorCode(server.client(second).QuitOrganization({ OrgId: o.orgId })), "FailedOperation.OrganizationAuthManageNotAllowDelete");
      const removed = await server.operator("RemoveEntityAdmin", { OrgId: o.orgId, RelationId: partner.RelationId });
      assert.equal(removed.Relation.AdminUin, undefined);
      assert.deepEqual(await authNodes(o), [["Example Ltd", o.admin.uin]]);
      await server.client(second).QuitOrganization({ OrgId: o.orgId });
      await o.c.DeleteOrganizationMembers({ MemberUin: [own.uin] });
      await o.c.DeleteOrganization();
      assert.equal(await errorCode(o.c.DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
      assert.equal(await errorCode(server.operator("ListEntityRelations", { OrgId: o.orgId })), "ResourceNotFound");
    });

    it("refuses DeleteOrganization, in both versions, while a policy type is enabled or member access policies remain", async () => {
      const o = await newOrg(server);
      const v2018 = server.client2018(o.admin);
      for (const PolicyType of ["SERVICE_CONTROL_POLICY", "TAG_POLICY"]) {
        await o.c.EnablePolicyType({ OrganizationId: o.orgId, PolicyType });
        assert.equal(await errorCode(o.c.DeleteOrganization()), "FailedOperation.OrganizationPolicyIsNotDisabled", PolicyType);
        assert.equal(await errorCode(v2018.DeleteOrganization()), "FailedOperation", PolicyType);
        await o.c.DisablePolicyType({ OrganizationId: o.orgId, PolicyType });
      }

      // a member access policy outlives the members it covered
      const guest = await joined(o, "guest", "Example Ltd");
      await o.c.CreateOrganizationMemberAuthIdentity({ MemberUins: [guest.uin], IdentityIds: [1] });
      const { PolicyId } = await o.c.CreateOrganizationMembersPolicy({ MemberUins: [guest.uin], PolicyName: "guest-login", IdentityId: 1 });
      assert.equal(await errorCode(o.c.DeleteOrganization()), "FailedOperation.OrganizationNotEmpty");
      await o.c.DeleteOrganizationMembers({ MemberUin: [guest.uin] });
      assert.equal(await errorCode(o.c.DeleteOrganization()), "FailedOperation.OrgMemberPolicyExist");
      assert.equal(await errorCode(v2018.DeleteOrganization()), "FailedOperation");
      assert.equal((await o.c.DescribeOrganization({})).OrgId, o.orgId, "the organization stays");
      await o.c.DeleteOrganizationMembersPolicy({ PolicyId: PolicyId! });
      await v2018.DeleteOrganization();
      assert.equal(await errorCode(o.c.DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
    });

    it("deletes a created member only with member deletion on, by a sub-account of the admin, once it owns no resources", async () => {
      const o = await newOrg(server);
      const m = await createdMember(server, o);
      const ops = server.client(await subAccountKeys(server, o.admin.uin));
      const reasons = async () => (await o.c.CheckAccountDelete({ MemberUin: m.uin })) as { AllowDelete: boolean; NotAllowReason: { DeletionPermission: boolean; ExistResources: string[] } };

      // member deletion is off for a new organization
      let check = await reasons();
      assert.deepEqual([check.AllowDelete, check.NotAllowReason.DeletionPermission], [false, false]);
      assert.equal(await errorCode(ops.DeleteAccount({ MemberUin: m.uin })), "UnsupportedOperation.DeleteAccountDisabled");
      assert.equal((await server.operator("SetMemberDeletionPermission", { OrgId: o.orgId, Enabled: true })).DeletionPermission, true);
      check = await reasons();
      assert.deepEqual([check.AllowDelete, check.NotAllowReason.DeletionPermission], [true, true]);

      // never with the admin's own key
      assert.equal(await errorCode(o.c.DeleteAccount({ MemberUin: m.uin })), "UnauthorizedOperation");

      // a resource of the member is listed and keeps it
      const resource = { Uin: m.uin, ServiceType: "cvm", ResourceType: "instance", ResourceId: "ins-1a2b3c4d", Region: "ap-guangzhou" };
      await server.operator("RegisterMemberResource", resource);
      check = await reasons();
      assert.equal(check.AllowDelete, false);
      assert.deepEqual(check.NotAllowReason.ExistResources, [`qcs::cvm:ap-guangzhou:uin/${m.uin}:instance/ins-1a2b3c4d`]);
      assert.equal(await errorCode(ops.DeleteAccount({ MemberUin: m.uin })), "UnsupportedOperation.MemberAccountExistResource");
      await server.operator("DeregisterMemberResource", resource);

      // switched off again, the deletion is refused again
      await server.operator("SetMemberDeletionPermission", { OrgId: o.orgId, Enabled: false });
      assert.equal(await errorCode(ops.DeleteAccount({ MemberUin: m.uin })), "UnsupportedOperation.DeleteAccountDisabled");
      await server.operator("SetMemberDeletionPermission", { OrgId: o.orgId, Enabled: true });
      await ops.DeleteAccount({ MemberUin: m.uin });
      assert.equal(await errorCode(o.c.CheckAccountDelete({ MemberUin: m.uin })), "ResourceNotFound.MemberNotExist");
      assert.equal(await errorCode(server.operator("SetMemberDeletionPermission", { OrgId: 1, Enabled: true })), "ResourceNotFound");
    });

    it("shows the admin's membership as invited (MemberType Invite), as DeleteAccount treats it", async () => {
      const o = await newOrg(server);
      const m = await createdMember(server, o);
      const items = (await o.c.DescribeOrganizationMembers({ Offset: 0, Limit: 10 })).Items!;
      assert.deepEqual(
        items.map((i) => [i.MemberUin, i.MemberType]).sort((a, b) => Number(a[0]) - Number(b[0])),
        [[o.admin.uin, "Invite"], [m.uin, "Create"]].sort((a, b) => Number(a[0]) - Number(b[0])),
      );
      const check = await o.c.CheckAccountDelete({ MemberUin: o.admin.uin });
      assert.equal(check.NotAllowReason!.IsCreateMember, false);
      await server.operator("SetMemberDeletionPermission", { OrgId: o.orgId, Enabled: true });
      assert.equal(await errorCode(server.client(await subAccountKeys(server, o.admin.uin)).DeleteAccount({ MemberUin: o.admin.uin })), "UnsupportedOperation.InviteAccountNotAllowDelete");
    });
  });
}
