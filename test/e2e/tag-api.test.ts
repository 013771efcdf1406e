import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import { signTc3 } from "../../src/protocol/tc3.js";
import { v1Signature, v1StringToSign } from "../../src/protocol/v1.js";
import { createdMember, department, newOrg, type Member, type Org } from "../helpers/orgs.js";
import { TcoServer, type Keys } from "../helpers/server.js";
import { TAG_TEST_DOMAIN, tagClient } from "../helpers/tag-client.js";

/** What the Terraform provider sends: BuildTagResourceName("organization", prefix, region, id) leaves the owner empty. */
const providerName = (prefix: "node" | "member", id: number) => `qcs::organization:ap-guangzhou:uin/:${prefix}/${id}`;

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { code?: string }) => e.code ?? String(e),
  );

/** One request to the server under any Host header (node:http lets a test set it; fetch does not). */
function sendAs(server: TcoServer, host: string, o: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<any> {
  const [hostname, port] = server.endpoint.split(":");
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port: Number(port), method: o.method ?? "POST", path: o.path ?? "/", headers: { host, ...o.headers } }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve(JSON.parse(text).Response));
    });
    req.on("error", reject);
    req.end(o.body);
  });
}

/**
 * A request signed by the Go SDK's rule (tencentcloud-sdk-go common/sign.go and http/request.go):
 * the credential scope names the real service, and the Host header is signed as sent, port included.
 */
function goSdkCall(server: TcoServer, keys: Keys, o: { service: string; host: string; action: string; version: string; params: object }) {
  const body = JSON.stringify(o.params);
  const timestamp = Math.floor(Date.now() / 1000);
  const authorization = signTc3({ ...keys, method: "POST", host: o.host, body, timestamp, service: o.service });
  return sendAs(server, o.host, {
    body,
    headers: { "content-type": "application/json", authorization, "x-tc-action": o.action, "x-tc-version": o.version, "x-tc-timestamp": String(timestamp) },
  });
}

describe("the Tag API over the organization's departments and members", () => {
  let server: TcoServer;
  let org: Org;
  let tag: ReturnType<typeof tagClient>;
  let host: string;
  before(async () => {
    server = await TcoServer.start();
    org = await newOrg(server);
    tag = tagClient(server, org.admin);
    host = `tag.${TAG_TEST_DOMAIN}:${server.endpoint.split(":")[1]}`;
  });
  after(async () => {
    await server.stop();
  });

  it("changes a department's tags through the SDK's tag client as Terraform does, and DescribeOrganizationNodes shows them", async () => {
    const { NodeId } = await org.c.AddOrganizationNode({ ParentNodeId: org.root, Name: "tagged-dept", Tags: [{ TagKey: "env", TagValue: "dev" }] });
    await tag.ModifyResourceTags({ Resource: providerName("node", NodeId!), ReplaceTags: [{ TagKey: "env", TagValue: "prod" }, { TagKey: "team", TagValue: "a b" }] });
    const { Items } = await org.c.DescribeOrganizationNodes({ Limit: 50, Offset: 0 });
    assert.deepEqual(Items!.find((n) => n.NodeId === NodeId)!.Tags, [
      { TagKey: "env", TagValue: "prod" },
      { TagKey: "team", TagValue: "a b" },
    ]);
    // the provider's DiffTags: changed and removed keys in one call
    await tag.ModifyResourceTags({ Resource: providerName("node", NodeId!), ReplaceTags: [{ TagKey: "env", TagValue: "stage" }], DeleteTags: [{ TagKey: "team" }] });
    // the provider's read: DescribeResourceTagsByResourceIds, paged by 20
    const read = await tag.DescribeResourceTagsByResourceIds({ ServiceType: "organization", ResourcePrefix: "node", ResourceIds: [String(NodeId)], ResourceRegion: "ap-guangzhou", Offset: 0, Limit: 20 });
    assert.equal(read.TotalCount, 1);
    assert.deepEqual(
      read.Tags!.map((t) => [t.ResourceId, t.TagKey, t.TagValue, t.ServiceType]),
      [[String(NodeId), "env", "stage", "organization"]],
    );
    assert.match(read.Tags![0].TagKeyMd5!, /^[0-9a-f]{32}$/);
  });

  it("reads a member's tags set through Organization (CreateOrganizationMember), and Organization reads those the Tag API sets", async () => {
    const { Uin } = await org.c.CreateOrganizationMember({
      Name: "tagged-member",
      AccountName: "tagged-member",
      PolicyType: "Financial",
      PermissionIds: [1, 2],
      NodeId: org.root,
      Tags: [{ TagKey: "cost", TagValue: "100" }],
    });
    const named = `qcs::organization::uin/${org.admin.uin}:member/${Uin}`;
    const got = await tag.GetResources({ ResourceList: [named] });
    assert.deepEqual(got.ResourceTagMappingList, [{ Resource: named, Tags: [{ TagKey: "cost", TagValue: "100", Category: "Custom" }] }]);
    await tag.ModifyResourceTags({ Resource: providerName("member", Uin!), ReplaceTags: [{ TagKey: "owner", TagValue: "ops@example.com" }], DeleteTags: [{ TagKey: "cost" }] });
    const { Items } = await org.c.DescribeOrganizationMembers({ Limit: 50, Offset: 0, Lang: "en" });
    assert.deepEqual(Items!.find((m) => m.MemberUin === Uin)!.Tags, [{ TagKey: "owner", TagValue: "ops@example.com" }]);
    // and the organization's tag filter finds it by the tag the Tag API set
    const byTag = await org.c.DescribeOrganizationMembers({ Limit: 50, Offset: 0, Lang: "en", Tags: [{ TagKey: "owner", TagValue: "ops@example.com" }] });
    assert.deepEqual(byTag.Items!.map((m) => m.MemberUin), [Uin]);
  });

  it("lists the organization's tagged resources (GetResources, DescribeResourceTags), filtered and paged", async () => {
    const a = await department(org, "list-a");
    const b = await department(org, "list-b");
    await tag.ModifyResourceTags({ Resource: providerName("node", a), ReplaceTags: [{ TagKey: "tier", TagValue: "gold" }] });
    await tag.ModifyResourceTags({ Resource: providerName("node", b), ReplaceTags: [{ TagKey: "tier", TagValue: "silver" }] });
    const gold = await tag.GetResources({ TagFilters: [{ TagKey: "tier", TagValue: ["gold"] }] });
    assert.deepEqual(gold.ResourceTagMappingList!.map((r) => r.Resource), [`qcs::organization::uin/${org.admin.uin}:node/${a}`]);
    assert.equal(gold.PaginationToken, "");
    const first = await tag.GetResources({ TagFilters: [{ TagKey: "tier" }], MaxResults: 1 });
    assert.equal(first.ResourceTagMappingList!.length, 1);
    assert.notEqual(first.PaginationToken, "");
    const second = await tag.GetResources({ TagFilters: [{ TagKey: "tier" }], MaxResults: 1, PaginationToken: first.PaginationToken });
    assert.deepEqual(
      [...first.ResourceTagMappingList!, ...second.ResourceTagMappingList!].map((r) => r.Resource),
      [a, b].map((id) => `qcs::organization::uin/${org.admin.uin}:node/${id}`),
    );
    assert.equal(second.PaginationToken, "");
    const rows = await tag.DescribeResourceTags({ ServiceType: "organization", ResourcePrefix: "node", ResourceId: String(b) });
    assert.deepEqual(rows.Rows!.map((r) => [r.ResourceId, r.TagKey, r.TagValue]), [[String(b), "tier", "silver"]]);
    assert.equal((await tag.DescribeResourceTags({ ServiceType: "cvm" })).TotalCount, 0);
  });

  it("serves the tag client in every signing mode (TC3 POST and GET, v1 HmacSHA256 and HmacSHA1)", async () => {
    const id = await department(org, "modes");
    for (const mode of ["TC3-POST", "TC3-GET", "HmacSHA256", "HmacSHA1"] as const) {
      const c = tagClient(server, org.admin, mode);
      await c.ModifyResourceTags({ Resource: providerName("node", id), ReplaceTags: [{ TagKey: "mode", TagValue: mode }] });
      const r = await c.DescribeResourceTagsByResourceIds({ ServiceType: "organization", ResourcePrefix: "node", ResourceIds: [String(id)], ResourceRegion: "" });
      assert.deepEqual(r.Tags!.map((t) => t.TagValue), [mode], mode);
    }
  });

  it("serves a request signed by the Go SDK's rule (service tag in the scope, the Host as sent)", async () => {
    const id = await department(org, "go-sdk");
    const r = await goSdkCall(server, org.admin, {
      service: "tag",
      host,
      action: "ModifyResourceTags",
      version: "2018-08-13",
      params: { Resource: providerName("node", id), ReplaceTags: [{ TagKey: "by", TagValue: "go" }] },
    });
    assert.equal(r.Error, undefined, JSON.stringify(r.Error));
    const read = await tag.DescribeResourceTagsByResourceIds({ ServiceType: "organization", ResourcePrefix: "node", ResourceIds: [String(id)], ResourceRegion: "" });
    assert.deepEqual(read.Tags!.map((t) => t.TagValue), ["go"]);
    // the Go SDK names the service in the scope even when the endpoint is an IP address
    const byIp = await goSdkCall(server, org.admin, { service: "tag", host: server.endpoint, action: "DescribeResourceTags", version: "2018-08-13", params: {} });
    assert.ok(byIp.TotalCount >= 1, JSON.stringify(byIp));
  });

  it("answers a request for another service with NoSuchProduct naming the services it answers", async () => {
    const cvm = await goSdkCall(server, org.admin, { service: "cvm", host: `cvm.${TAG_TEST_DOMAIN}`, action: "DescribeInstances", version: "2017-03-12", params: {} });
    assert.equal(cvm.Error.Code, "NoSuchProduct");
    assert.match(cvm.Error.Message, /service cvm .*credential scope.*organization .*tag /);
    // a v1 request names its service by the host only
    const params: Record<string, string> = { Action: "DescribeInstances", Version: "2017-03-12", Timestamp: String(Math.floor(Date.now() / 1000)), Nonce: "7", SecretId: org.admin.secretId, SignatureMethod: "HmacSHA256" };
    const cvmHost = `cvm.${TAG_TEST_DOMAIN}`;
    params.Signature = v1Signature(org.admin.secretKey, v1StringToSign("GET", cvmHost, "/", params), "HmacSHA256");
    const v1 = await sendAs(server, cvmHost, { method: "GET", path: `/?${new URLSearchParams(params)}` });
    assert.equal(v1.Error.Code, "NoSuchProduct");
    assert.match(v1.Error.Message, /Host header/);
  });

  it("keeps answering Organization for an SDK pointed at an IP address (scope 127) and at organization.<domain>", async () => {
    const byIp = await goSdkCall(server, org.admin, { service: "127", host: server.endpoint, action: "DescribeOrganization", version: "2021-03-31", params: {} });
    assert.equal(byIp.OrgId, org.orgId);
    const byName = await goSdkCall(server, org.admin, { service: "organization", host: `organization.${TAG_TEST_DOMAIN}`, action: "DescribeOrganization", version: "2021-03-31", params: {} });
    assert.equal(byName.OrgId, org.orgId);
    // the Node SDK pointed at a name of TCO's own signs that name's first label
    const ownName = await goSdkCall(server, org.admin, { service: "tco", host: `tco.${TAG_TEST_DOMAIN}`, action: "DescribeOrganization", version: "2021-03-31", params: {} });
    assert.equal(ownName.OrgId, org.orgId);
  });

  it("answers NoSuchVersion and InvalidAction in the Tag API's own terms", async () => {
    const wrongVersion = await goSdkCall(server, org.admin, { service: "tag", host, action: "DescribeOrganization", version: "2021-03-31", params: {} });
    assert.equal(wrongVersion.Error.Code, "NoSuchVersion");
    assert.match(wrongVersion.Error.Message, /2018-08-13/);
    const unserved = await goSdkCall(server, org.admin, { service: "tag", host, action: "CreateTag", version: "2018-08-13", params: { TagKey: "a", TagValue: "b" } });
    assert.equal(unserved.Error.Code, "InvalidAction");
    assert.match(unserved.Error.Message, /ModifyResourceTags/);
  });

  describe("refusals", () => {
    let other: Org;
    let member: Member;
    let node: number;
    before(async () => {
      other = await newOrg(server);
      member = await createdMember(server, org);
      node = await department(org, "refusals");
    });

    it("refuses a malformed or foreign resource name with InvalidParameterValue.ResourceDescriptionError", async () => {
      for (const Resource of ["node/1", "qcs::cvm:ap-guangzhou:uin/:instance/ins-1", `qcs::organization::uid/1:node/${node}`, "qcs::organization::uin/:policy/1", "qcs::organization::uin/:node/x"]) {
        assert.equal(await codeOf(tag.ModifyResourceTags({ Resource, ReplaceTags: [{ TagKey: "k", TagValue: "v" }] })), "InvalidParameterValue.ResourceDescriptionError", Resource);
      }
    });

    it("refuses another organization's department: by its owner (AuthFailure.UnauthorizedOperation) or as one's own (ResourceNotFound)", async () => {
      const theirs = await department(other, "theirs");
      const asTheirs = `qcs::organization::uin/${other.admin.uin}:node/${theirs}`;
      assert.equal(await codeOf(tag.ModifyResourceTags({ Resource: asTheirs, ReplaceTags: [{ TagKey: "k", TagValue: "v" }] })), "AuthFailure.UnauthorizedOperation");
      assert.equal(await codeOf(tag.GetResources({ ResourceList: [asTheirs] })), "AuthFailure.UnauthorizedOperation");
      assert.equal(await codeOf(tag.ModifyResourceTags({ Resource: providerName("node", theirs), ReplaceTags: [{ TagKey: "k", TagValue: "v" }] })), "ResourceNotFound");
      const read = await tag.DescribeResourceTagsByResourceIds({ ServiceType: "organization", ResourcePrefix: "node", ResourceIds: [String(theirs)], ResourceRegion: "" });
      assert.equal(read.TotalCount, 0);
    });

    it("lets only the admin change its organization's tags: a member is refused", async () => {
      const asMember = tagClient(server, member);
      const named = `qcs::organization::uin/${org.admin.uin}:node/${node}`;
      assert.equal(await codeOf(asMember.ModifyResourceTags({ Resource: named, ReplaceTags: [{ TagKey: "k", TagValue: "v" }] })), "AuthFailure.UnauthorizedOperation");
      assert.equal(await codeOf(asMember.ModifyResourceTags({ Resource: providerName("node", node), ReplaceTags: [{ TagKey: "k", TagValue: "v" }] })), "ResourceNotFound");
    });

    it("refuses more than 10 tags in a request (InvalidParameter.Tag) and more than 50 on a resource (LimitExceeded.ResourceAttachedTags)", async () => {
      const tags = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ TagKey: `k${from + i}`, TagValue: "v" }));
      assert.equal(await codeOf(tag.ModifyResourceTags({ Resource: providerName("node", node), ReplaceTags: tags(0, 11) })), "InvalidParameter.Tag");
      for (let i = 0; i < 5; i++) await tag.ModifyResourceTags({ Resource: providerName("node", node), ReplaceTags: tags(i * 10, 10) });
      assert.equal(await codeOf(tag.ModifyResourceTags({ Resource: providerName("node", node), ReplaceTags: tags(50, 1) })), "LimitExceeded.ResourceAttachedTags");
      // changing a value of a carried key is no new tag
      await tag.ModifyResourceTags({ Resource: providerName("node", node), ReplaceTags: [{ TagKey: "k0", TagValue: "w" }] });
      const { Items } = await org.c.DescribeOrganizationNodes({ Limit: 50, Offset: 0 });
      assert.equal(Items!.find((n) => n.NodeId === node)!.Tags!.length, 50);
    });
  });
});
