import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { TEXT_LIMITS } from "../../src/spec/text-limits.js";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { newOrg, type Org } from "../helpers/orgs.js";
import { rawV1Get } from "../helpers/raw.js";
import { SIGN_MODES, TcoServer, type SignMode } from "../helpers/server.js";

/** The code and message of a call that must fail. */
async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const { code, message } = e as { code?: string; message: string };
    if (!code) throw e;
    return { code, message };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

const NUL = "a\u0000b";
/** Over SQLite's longest LIKE pattern (50,000 bytes): the size that used to answer InternalError. */
const HUGE = "x".repeat(50_000);

for (const postgres of [false, ...(TEST_DATABASE_URL ? [true] : [])]) {
  describe(`text parameters [${postgres ? "postgres" : "sqlite"}]`, () => {
    let server: TcoServer;
    let o: Org;
    let policyId: number;
    before(async () => {
      server = await TcoServer.start({ postgres });
      o = await newOrg(server);
      await o.c.EnablePolicyType({ OrganizationId: o.orgId, PolicyType: "SERVICE_CONTROL_POLICY" });
      policyId = (await o.c.CreatePolicy({ Name: "p1", Type: "SERVICE_CONTROL_POLICY", Content: JSON.stringify({ version: "2.0", statement: [{ effect: "deny", action: ["cvm:*"], resource: "*" }] }) })).PolicyId!;
    });
    after(async () => {
      await server?.stop();
    });

    /** Every search and filter text, in a request of its action (2021-03-31). */
    const searches = (text: string) => {
      const c = server.client(o.admin);
      return {
        "DescribeOrganizationMembersRequest.SearchKey": () => c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: text }),
        "DescribeOrganizationMembersRequest.AuthName": () => c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, AuthName: text }),
        "DescribeOrganizationMembersRequest.NodeName": () => c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, NodeName: text }),
        "DescribeOrganizationAuthNodeRequest.AuthName": () => c.DescribeOrganizationAuthNode({ Offset: 0, Limit: 10, AuthName: text }),
        "DescribeOrganizationMemberPoliciesRequest.SearchKey": () => c.DescribeOrganizationMemberPolicies({ Offset: 0, Limit: 10, MemberUin: o.admin.uin, SearchKey: text }),
        "ListOrganizationIdentityRequest.SearchKey": () => c.ListOrganizationIdentity({ Offset: 0, Limit: 10, SearchKey: text }),
        "ListOrganizationServiceRequest.SearchKey": () => c.ListOrganizationService({ Offset: 0, Limit: 10, SearchKey: text }),
        "ListPoliciesRequest.Keyword": () => c.ListPolicies({ Keyword: text }),
        "ListPoliciesForTargetRequest.Keyword": () => c.ListPoliciesForTarget({ TargetId: o.root, Keyword: text }),
        "ListTargetsForPolicyRequest.Keyword": () => c.ListTargetsForPolicy({ PolicyId: policyId, Keyword: text }),
        "ListNonCompliantResourceRequest.TagKey": () => c.ListNonCompliantResource({ MaxResults: 10, MemberUin: o.admin.uin, TagKey: text }),
      } as Record<string, () => Promise<unknown>>;
    };

    it("refuse a search or filter text of 50,000 bytes with InvalidParameter naming it, on every action", async () => {
      const calls = searches(HUGE);
      assert.deepEqual(Object.keys(calls).sort(), Object.keys(TEXT_LIMITS["2021-03-31"]).sort(), "every declared limit is exercised");
      for (const [key, call] of Object.entries(calls)) {
        const param = key.split(".")[1];
        const { code, message } = await failure(call());
        assert.equal(code, "InvalidParameter", key);
        assert.match(message, new RegExp(`\`${param}\` must be at most ${TEXT_LIMITS["2021-03-31"][key].max} characters`), key);
      }
    });

    it("accept a text of exactly the longest length, counted in characters (GET too)", async () => {
      for (const mode of ["TC3-POST", "TC3-GET"] as SignMode[]) {
        const c = server.client(o.admin, mode);
        await c.ListPolicies({ Keyword: "策".repeat(128) });
        await c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: "名".repeat(25) });
        const { code, message } = await failure(c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: "名".repeat(26) }));
        assert.equal(code, "InvalidParameter", mode);
        assert.match(message, /`SearchKey`/);
      }
    });

    it("refuse a NUL character in any string, top-level or nested, in every signing mode, with InvalidParameterValue naming it", async () => {
      for (const mode of SIGN_MODES) {
        const c = server.client(o.admin, mode);
        const c2018 = server.client2018(o.admin, mode);
        const shapes: Array<[string, () => Promise<unknown>]> = [
          ["Name", () => c.AddOrganizationNode({ ParentNodeId: o.root, Name: NUL })],
          ["Tags.0.TagKey", () => c.AddOrganizationNode({ ParentNodeId: o.root, Name: "n1", Tags: [{ TagKey: NUL, TagValue: "v" }] })],
          ["Tags.0.TagValue", () => c.AddOrganizationNode({ ParentNodeId: o.root, Name: "n1", Tags: [{ TagKey: "k", TagValue: NUL }] })],
          ["Remark", () => c.UpdateOrganizationNode({ NodeId: o.root, Remark: NUL })],
          ["AccountName", () => c.CreateOrganizationMember({ Name: "m1", AccountName: NUL, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: o.root })],
          ["SearchKey", () => c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: NUL })],
          ["Keyword", () => c.ListPolicies({ Keyword: NUL })],
          ["Content", () => c.CreatePolicy({ Name: "p2", Type: "SERVICE_CONTROL_POLICY", Content: NUL })],
          ["IdentityAliasName", () => c.CreateOrganizationIdentity({ IdentityAliasName: NUL, IdentityPolicy: [{ PolicyId: 1, PolicyName: "AdministratorAccess" }] })],
          ["IdentityPolicy.0.PolicyName", () => c.CreateOrganizationIdentity({ IdentityAliasName: "i1", IdentityPolicy: [{ PolicyId: 1, PolicyName: NUL }] })],
          ["Name", () => c2018.SendOrganizationInvitation({ InviteUin: o.admin.uin, Name: NUL, Remark: "r" })],
          ["Remark", () => c2018.SendOrganizationInvitation({ InviteUin: o.admin.uin, Name: "n", Remark: NUL })],
        ];
        for (const [param, call] of shapes) {
          const { code, message } = await failure(call());
          assert.equal(code, "InvalidParameterValue", `${mode} ${param}`);
          assert.ok(message.includes(`\`${param}\``), `${mode} ${param}: ${message}`);
        }
      }
    });

    it("refuse a NUL character in the operator API's strings", async () => {
      const { code, message } = await failure(server.operator("CreateAccount", { Name: NUL }));
      assert.equal(code, "InvalidParameterValue");
      assert.match(message, /`Name`/);
    });

    it("answer a v1 SecretId holding %00 as unknown, not InternalError", async () => {
      const a = await rawV1Get(server.endpoint, { secretId: `${o.admin.secretId}\u0000`, secretKey: o.admin.secretKey }, { Action: "DescribeOrganization", Version: "2021-03-31" });
      assert.equal(a.body.Response.Error.Code, "AuthFailure.SecretIdNotFound");
    });
  });
}
