import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { errorCode, MAIN_JS, ROOT_SECRET_ID, ROOT_SECRET_KEY, TcoServer } from "../helpers/server.js";

const run = promisify(execFile);

/** Run the `tco` CLI against a server; answers stdout. */
async function tco(server: TcoServer, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, [MAIN_JS, ...args, "--endpoint", server.url], {
    env: { ...process.env, TCO_ROOT_SECRET_ID: ROOT_SECRET_ID, TCO_ROOT_SECRET_KEY: ROOT_SECRET_KEY, ...env },
  });
  return stdout;
}

for (const backend of ["sqlite", ...(TEST_DATABASE_URL ? ["postgres"] : [])] as const) {
  describe(`the tco CLI and the operator API [${backend}]`, () => {
    let server: TcoServer;
    before(async () => {
      server = await TcoServer.start({ postgres: backend === "postgres" });
    });
    after(async () => {
      await server.stop();
    });

    it("creates an account whose key authenticates, and which survives a restart", async () => {
      const created = JSON.parse(await tco(server, ["account", "create", "--name", "alice", "--verification", "enterprise", "--entity", "Alice Ltd", "--json"]));
      // one flat object: scripts read .Uin, .SecretId and .SecretKey
      assert.match(String(created.Uin), /^\d{12}$/);
      assert.match(created.SecretId, /^AKID/);
      assert.equal(typeof created.SecretKey, "string");
      assert.deepEqual([created.Name, created.Verification, created.EntityName, created.Account], ["alice", "enterprise", "Alice Ltd", undefined]);
      const keys = { secretId: created.SecretId, secretKey: created.SecretKey };
      await server.client(keys).CreateOrganization();
      const orgId = (await server.client(keys).DescribeOrganization({})).OrgId;

      const dataDir = server.dataDir;
      assert.equal(await server.stop(), 0, "clean exit on SIGTERM");
      if (backend === "sqlite") {
        server = await TcoServer.start({ dataDir });
        const again = await server.client(keys).DescribeOrganization({});
        assert.equal(again.OrgId, orgId);
        const listed = await tco(server, ["account", "list"]);
        assert.match(listed, new RegExp(`${created.Uin}\\s+alice\\s+enterprise \\(Alice Ltd\\)`));
      } else {
        server = await TcoServer.start({ postgres: true });
      }
    });

    it("issues more keys and updates registry flags", async () => {
      const created = JSON.parse(await tco(server, ["account", "create", "--name", "bob", "--json"]));
      const key = await tco(server, ["key", "create", "--uin", String(created.Uin)]);
      const secretId = /SecretId:\s+(\S+)/.exec(key)![1];
      const secretKey = /SecretKey:\s+(\S+)/.exec(key)![1];
      assert.equal(await errorCode(server.client({ secretId, secretKey }).CreateOrganization()), "FailedOperation.AuthInfoEmpty");
      await tco(server, ["account", "update", "--uin", String(created.Uin), "--verification", "enterprise", "--entity", "Bob Ltd", "--arrears", "true"]);
      const list = JSON.parse(await tco(server, ["account", "list", "--json"]));
      const bob = list.Accounts.find((a: { Uin: number }) => a.Uin === created.Uin);
      assert.equal(bob.Verification, "enterprise");
      assert.equal(bob.Arrears, true);
      await server.client({ secretId, secretKey }).CreateOrganization();
    });

    it("prints every --json answer as one flat object, and the human answers from the same fields", async () => {
      const created = JSON.parse(await tco(server, ["account", "create", "--name", "carol", "--json"]));
      const human = await tco(server, ["account", "create", "--name", "dave"]);
      assert.match(human, /^Uin:\s+\d{12}\nSecretId:\s+AKID\S+\nSecretKey:\s+\S+\n$/);
      const key = JSON.parse(await tco(server, ["key", "create", "--uin", String(created.Uin), "--json"]));
      assert.deepEqual(Object.keys(key).sort(), ["SecretId", "SecretKey", "Uin"]);
      const sub = JSON.parse(await tco(server, ["subaccount", "create", "--uin", String(created.Uin), "--name", "ops", "--json"]));
      assert.deepEqual([typeof sub.SubUin, sub.OwnerUin, sub.Name, typeof sub.SecretKey], ["number", created.Uin, "ops", "string"]);
      const registered = JSON.parse(await tco(server, ["resource", "register", "--uin", String(created.Uin), "--type", "cvm:instance", "--id", "ins-1", "--tag", "env=prod", "--json"]));
      assert.deepEqual([registered.Uin, registered.ResourceId, registered.Tags], [created.Uin, "ins-1", [{ TagKey: "env", TagValue: "prod" }]]);
      assert.match(registered.Resource, /ins-1$/, "the six-segment name, beside the other fields");
      assert.match(await tco(server, ["resource", "register", "--uin", String(created.Uin), "--type", "cvm:instance", "--id", "ins-2"]), /ins-2\s+\(no tags\)\n$/);
    });

    it("injects faults for the next N calls of an action, optionally for one account", async () => {
      const a = await server.createAccount();
      const b = await server.createAccount();
      await tco(server, ["fault", "inject", "--action", "DescribeOrganization", "--code", "FailedOperation.OperateBillingPermissionErr", "--count", "2", "--uin", String(a.uin)]);
      assert.match(await tco(server, ["fault", "list"]), /DescribeOrganization\s+FailedOperation.OperateBillingPermissionErr\s+2 left/);
      assert.equal(await errorCode(server.client(b).DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
      assert.equal(await errorCode(server.client(a).DescribeOrganization({})), "FailedOperation.OperateBillingPermissionErr");
      assert.equal(await errorCode(server.client(a).DescribeOrganization({})), "FailedOperation.OperateBillingPermissionErr");
      assert.equal(await errorCode(server.client(a).DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
      await assert.rejects(tco(server, ["fault", "inject", "--action", "NoSuchAction", "--code", "InternalError"]), /NoSuchAction/);
    });

    it("turns member deletion on and off, and sets and removes an entity's admin", async () => {
      const admin = await server.createAccount({ entity: "Host Ltd" });
      const { OrgId } = await server.client(admin).CreateOrganization();
      const { Uin } = await server.client(admin).CreateOrganizationMember({ Name: "m", AccountName: "m", PolicyType: "Financial", PermissionIds: [1, 2], NodeId: (await server.client(admin).DescribeOrganization({})).RootNodeId! });
      const permission = async () => (await server.client(admin).CheckAccountDelete({ MemberUin: Uin! })).NotAllowReason!.DeletionPermission;
      assert.equal(await permission(), false);
      assert.match(await tco(server, ["org", "deletion-permission", "--org-id", String(OrgId), "--enabled", "true"]), new RegExp(`member deletion in ${OrgId}: on`));
      assert.equal(await permission(), true);
      await tco(server, ["org", "deletion-permission", "--org-id", String(OrgId), "--enabled", "false"]);
      assert.equal(await permission(), false);

      const partner = await server.createAccount({ entity: "Partner Ltd" });
      await server.client(admin).InviteOrganizationMember({
        MemberUin: partner.uin, Name: "partner", PolicyType: "Financial", PermissionIds: [1, 2], NodeId: (await server.client(admin).DescribeOrganization({})).RootNodeId!,
        RelationAuthName: "Partner Ltd", AuthFile: [{ Name: "license.pdf", Url: "https://files.example.com/license.pdf" }],
      });
      const [inv] = (await server.client2018(partner).ListOrganizationInvitations({ Invited: 1 })).Invitations!;
      await server.client2018(partner).AcceptOrganizationInvitation({ Id: inv.Id! });
      const listed = await tco(server, ["entity", "list", "--org-id", String(OrgId)]);
      assert.match(listed, new RegExp(`Host Ltd  \\(the admin's own entity\\)  admin: ${admin.uin}`));
      const relation = /^(\d+)  Partner Ltd  admin: \(none\)$/m.exec(listed)?.[1];
      assert.ok(relation, listed);
      assert.match(await tco(server, ["entity", "set-admin", "--org-id", String(OrgId), "--relation", relation, "--uin", String(partner.uin)]), new RegExp(`Partner Ltd  admin: ${partner.uin}`));
      const nodes = await server.client(admin).DescribeOrganizationAuthNode({ Offset: 0, Limit: 10 });
      assert.deepEqual(nodes.Items!.map((n) => n.Manager?.MemberUin), [admin.uin, partner.uin]);
      const json = JSON.parse(await tco(server, ["entity", "remove-admin", "--org-id", String(OrgId), "--relation", relation, "--json"]));
      assert.deepEqual(json.Relation, { RelationId: Number(relation), AuthName: "Partner Ltd", IsHost: false });
      await assert.rejects(tco(server, ["entity", "set-admin", "--org-id", String(OrgId), "--relation", relation, "--uin", String(admin.uin)]), /not verified as the entity Partner Ltd/);
    });

    it("resets all state but the root account", async () => {
      const a = await server.createAccount();
      await server.client(a).CreateOrganization();
      await tco(server, ["reset"]);
      assert.equal(await errorCode(server.client(a).DescribeOrganization({})), "AuthFailure.SecretIdNotFound");
      const list = JSON.parse(await tco(server, ["account", "list", "--json"]));
      assert.deepEqual(list.Accounts.map((x: { IsRoot: boolean }) => x.IsRoot), [true]);
    });
  });
}

describe("root credentials generated on an empty store", () => {
  it("are printed once, saved with mode 0600, and used by the CLI", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tco-gen-"));
    const env = { TCO_ROOT_SECRET_ID: "", TCO_ROOT_SECRET_KEY: "" };
    let server = await TcoServer.start({ dataDir, env });
    const file = join(dataDir, "root-credentials.json");
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    assert.ok(server.logs.some((l) => l.includes(saved.SecretKey)), "printed at the first start");
    const out = await tco(server, ["account", "list", "--data", dataDir], env);
    assert.match(out, /100000000001\s+root/);
    await server.stop();

    server = await TcoServer.start({ dataDir, env });
    assert.ok(!server.logs.some((l) => l.includes(saved.SecretKey)), "not printed again");
    await server.stop();
  });
});
