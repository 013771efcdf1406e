import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { errorCode, MAIN_JS, ROOT_SECRET_ID, ROOT_SECRET_KEY, TcoServer } from "../helpers/server.js";

const ILLEGAL = "FailedOperation.OrganizationPermissionIllegal";

for (const backend of ["sqlite", ...(TEST_DATABASE_URL ? ["postgres"] : [])] as const) {
  describe(`permissions 3 (fund transfer) and 10 (credit limit) need enabling for the organization [${backend}]`, () => {
    let server: TcoServer;
    before(async () => {
      server = await TcoServer.start({ postgres: backend === "postgres" });
    });
    after(async () => {
      await server.stop();
    });

    /** `tco org permission` against the server; answers stdout. */
    const tcoOrgPermission = async (orgId: number, id: string, enabled: boolean) =>
      (
        await promisify(execFile)(process.execPath, [MAIN_JS, "org", "permission", "--org-id", String(orgId), "--id", id, "--enabled", String(enabled), "--endpoint", server.url], {
          env: { ...process.env, TCO_ROOT_SECRET_ID: ROOT_SECRET_ID, TCO_ROOT_SECRET_KEY: ROOT_SECRET_KEY },
        })
      ).stdout;

    it("are refused by every action that takes PermissionIds until enabled (CLI and operator API), then granted", async () => {
      const admin = await server.createAccount();
      const api = server.client(admin);
      await api.CreateOrganization();
      const { RootNodeId, OrgId } = await api.DescribeOrganization({});
      const create = (name: string, PermissionIds: number[]) =>
        api.CreateOrganizationMember({ Name: name, AccountName: name, PolicyType: "Financial", PermissionIds, NodeId: RootNodeId! });
      const update = (MemberUin: number, PermissionIds: number[]) => api.UpdateOrganizationMember({ MemberUin, PolicyType: "Financial", PermissionIds });
      const invitee = await server.createAccount();
      const invite = (PermissionIds: number[]) =>
        api.InviteOrganizationMember({ MemberUin: invitee.uin, Name: "invitee", PolicyType: "Financial", PermissionIds, NodeId: RootNodeId! });

      assert.equal(await errorCode(create("with3", [1, 2, 3])), ILLEGAL);
      assert.equal(await errorCode(create("with10", [1, 2, 10])), ILLEGAL);
      assert.equal(await errorCode(invite([1, 2, 3])), ILLEGAL);
      assert.equal(await errorCode(invite([1, 2, 10])), ILLEGAL);
      const { Uin: plain } = await create("plain", [1, 2]);
      assert.equal(await errorCode(update(plain!, [1, 2, 3])), ILLEGAL);
      assert.equal(await errorCode(update(plain!, [1, 2, 10])), ILLEGAL);

      // the CLI enables 3; 10 stays refused
      assert.equal((await tcoOrgPermission(OrgId!, "3", true)).trim(), `permission 3 of organization ${OrgId}: enabled`);
      const { Uin: with3 } = await create("with3", [1, 2, 3]);
      await update(plain!, [1, 2, 3, 4]);
      assert.equal(await errorCode(create("with10", [1, 2, 10])), ILLEGAL);
      await invite([1, 2, 3]);
      const listed = await api.DescribeOrganizationMembers({ Offset: 0, Limit: 10, Lang: "en" });
      assert.deepEqual(listed.Items!.find((m) => m.MemberUin === with3)!.OrgPermission!.map((p) => p.Id), [1, 2, 3]);

      // the operator API enables 10
      const r = await server.operator("SetOrganizationPermission", { OrgId, PermissionId: 10, Enabled: true });
      assert.deepEqual([r.OrgId, r.PermissionId, r.Enabled], [OrgId, 10, true]);
      await update(plain!, [1, 2, 3, 4, 10]);

      // disabled again: new grants are refused, members keep what they hold
      await server.operator("SetOrganizationPermission", { OrgId, PermissionId: 3, Enabled: false });
      assert.equal(await errorCode(create("another3", [1, 2, 3])), ILLEGAL);
      await update(with3!, [1, 2, 3, 5]);
      await update(with3!, [1, 2, 3, 5, 10]);
      const held = (await api.DescribeOrganizationMembers({ Offset: 0, Limit: 10 })).Items!.find((m) => m.MemberUin === with3)!;
      assert.deepEqual(held.OrgPermission!.map((p) => p.Id), [1, 2, 3, 5, 10]);
    });

    it("the operator switch takes only 3 or 10, for an organization that exists", async () => {
      const admin = await server.createAccount();
      const api = server.client(admin);
      await api.CreateOrganization();
      const { OrgId } = await api.DescribeOrganization({});
      assert.equal(await errorCode(server.operator("SetOrganizationPermission", { OrgId, PermissionId: 4, Enabled: true })), "InvalidParameterValue");
      assert.equal(await errorCode(server.operator("SetOrganizationPermission", { OrgId: OrgId! + 1_000_000, PermissionId: 3, Enabled: true })), "ResourceNotFound");
    });
  });
}
