import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { errorCode, TcoServer, type TestAccount } from "../helpers/server.js";

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The default depth limit of departments below the root (DomainSettings.maxNodeDepth). */
const DEFAULT_MAX_DEPTH = 5;

/** The organization lifecycle and the department tree through the official SDK, on every backend under test. */
for (const backend of TEST_DATABASE_URL ? (["sqlite", "postgres"] as const) : (["sqlite"] as const)) {
  describe(`organization lifecycle and departments (${backend})`, () => {
    let server: TcoServer;
    before(async () => {
      server = await TcoServer.start({ postgres: backend === "postgres" });
    });
    after(async () => {
      await server.stop();
    });

    it("2021-03-31: create → nested departments → rename → page and filter → delete → delete organization", async () => {
      const admin = await server.createAccount({ name: "lifecycle_admin" });
      const api = server.client(admin);
      await api.CreateOrganization();
      const org = await api.DescribeOrganization({});
      const rootId = org.RootNodeId!;

      // the root comes with the organization
      const initial = await api.DescribeOrganizationNodes({ Limit: 10, Offset: 0 });
      assert.equal(initial.Total, 1);
      assert.equal(initial.Items!.length, 1);
      const root = initial.Items![0];
      assert.equal(root.NodeId, rootId);
      assert.equal(root.Name, "Root");
      assert.equal(root.ParentNodeId, 0);
      assert.equal(root.Remark, "");
      assert.match(root.CreateTime!, TIME);
      assert.match(root.UpdateTime!, TIME);
      assert.deepEqual(root.Tags, []);

      // a chain of departments down to the depth limit; one more level is refused
      const chain: number[] = [];
      let parent = rootId;
      for (let level = 1; level <= DEFAULT_MAX_DEPTH; level++) {
        const { NodeId } = await api.AddOrganizationNode({
          ParentNodeId: parent,
          Name: `level${level}`,
          Remark: `level ${level}`,
          Tags: [{ TagKey: "team", TagValue: level % 2 ? "odd" : "even" }, { TagKey: "env", TagValue: "prod" }],
        });
        assert.ok(Number.isInteger(NodeId));
        chain.push(NodeId!);
        parent = NodeId!;
      }
      assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: parent, Name: "too_deep" })), "LimitExceeded.NodeDepthExceedLimit");

      // a sibling with Chinese characters and every allowed symbol
      const sibling = await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "研发+@&._[]-x" });

      // rename and re-remark
      await api.UpdateOrganizationNode({ NodeId: chain[0], Name: "engineering", Remark: "renamed" });
      const all = await api.DescribeOrganizationNodes({ Limit: 50, Offset: 0 });
      assert.equal(all.Total, 2 + DEFAULT_MAX_DEPTH);
      const first = all.Items!.find((n) => n.NodeId === chain[0])!;
      assert.equal(first.Name, "engineering");
      assert.equal(first.Remark, "renamed");
      assert.equal(first.ParentNodeId, rootId);
      assert.deepEqual(first.Tags, [{ TagKey: "env", TagValue: "prod" }, { TagKey: "team", TagValue: "odd" }]);
      assert.equal(all.Items!.find((n) => n.NodeId === chain[1])!.ParentNodeId, chain[0]);
      assert.ok(all.Items!.some((n) => n.NodeId === sibling.NodeId && n.Name === "研发+@&._[]-x"));

      // pages by id, root first
      const ids = all.Items!.map((n) => n.NodeId!);
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
      const p1 = await api.DescribeOrganizationNodes({ Limit: 3, Offset: 0 });
      const p2 = await api.DescribeOrganizationNodes({ Limit: 3, Offset: 3 });
      const p3 = await api.DescribeOrganizationNodes({ Limit: 3, Offset: 6 });
      assert.deepEqual([...p1.Items!, ...p2.Items!, ...p3.Items!].map((n) => n.NodeId), ids);
      assert.equal(p3.Items!.length, ids.length - 6);
      assert.equal(p2.Total, ids.length);

      // tag filter: every given tag must match
      const odd = await api.DescribeOrganizationNodes({ Limit: 50, Offset: 0, Tags: [{ TagKey: "team", TagValue: "odd" }] });
      assert.deepEqual(odd.Items!.map((n) => n.NodeId), [chain[0], chain[2], chain[4]]);
      assert.equal(odd.Total, 3);
      const both = await api.DescribeOrganizationNodes({ Limit: 1, Offset: 1, Tags: [{ TagKey: "team", TagValue: "even" }, { TagKey: "env", TagValue: "prod" }] });
      assert.equal(both.Total, 2);
      assert.deepEqual(both.Items!.map((n) => n.NodeId), [chain[3]]);
      const none = await api.DescribeOrganizationNodes({ Limit: 50, Offset: 0, Tags: [{ TagKey: "team", TagValue: "nobody" }] });
      assert.equal(none.Total, 0);
      assert.deepEqual(none.Items, []);

      // a department with sub-departments stays; a whole empty subtree goes in one call
      assert.equal(await errorCode(api.DeleteOrganizationNodes({ NodeId: [chain[0]] })), "FailedOperation.OrganizationNodeNotEmpty");
      assert.equal(await errorCode(api.DeleteOrganizationNodes({ NodeId: chain.slice(0, 4) })), "FailedOperation.OrganizationNodeNotEmpty");
      await api.DeleteOrganizationNodes({ NodeId: [...chain].reverse() });
      await api.DeleteOrganizationNodes({ NodeId: [sibling.NodeId!] });
      const left = await api.DescribeOrganizationNodes({ Limit: 50, Offset: 0 });
      assert.deepEqual(left.Items!.map((n) => n.NodeId), [rootId]);
      // the deleted departments' tags went with them
      assert.equal((await api.DescribeOrganizationNodes({ Limit: 50, Offset: 0, Tags: [{ TagKey: "env", TagValue: "prod" }] })).Total, 0);

      // deleting the organization frees the admin to create another one
      await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "left_behind", Tags: [{ TagKey: "k", TagValue: "v" }] });
      await api.DeleteOrganization();
      assert.equal(await errorCode(api.DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
      assert.equal(await errorCode(api.DescribeOrganizationNodes({ Limit: 10, Offset: 0 })), "ResourceNotFound.OrganizationNotExist");
      assert.equal(await errorCode(api.DeleteOrganization()), "ResourceNotFound.OrganizationNotExist");
      const again = await api.CreateOrganization();
      assert.notEqual(again.OrgId, org.OrgId);
      const fresh = await api.DescribeOrganizationNodes({ Limit: 10, Offset: 0 });
      assert.equal(fresh.Total, 1);
      assert.equal(fresh.Items![0].Name, "Root");
    });

    it("2018-12-25: create → add → list with member counts → rename and move → delete → delete organization", async () => {
      const admin = await server.createAccount({ name: "legacy_admin" });
      const api = server.client2018(admin);
      const { OrgId } = await api.CreateOrganization({ OrgType: 1 });
      const rootId = (await api.ListOrganizationNodes()).Nodes![0].NodeId!;

      const a = (await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "a" })).NodeId!;
      const b = (await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "b" })).NodeId!;
      const a1 = (await api.AddOrganizationNode({ ParentNodeId: a, Name: "a1" })).NodeId!;

      const listed = await api.ListOrganizationNodes();
      assert.deepEqual(listed.Nodes, [
        { NodeId: rootId, Name: "Root", ParentNodeId: 0, MemberCount: 1 },
        { NodeId: a, Name: "a", ParentNodeId: rootId, MemberCount: 0 },
        { NodeId: b, Name: "b", ParentNodeId: rootId, MemberCount: 0 },
        { NodeId: a1, Name: "a1", ParentNodeId: a, MemberCount: 0 },
      ]);

      // rename, then move a (with a1) under b
      await api.UpdateOrganizationNode({ NodeId: a, Name: "alpha" });
      await api.UpdateOrganizationNode({ NodeId: a, ParentNodeId: b });
      const moved = (await api.ListOrganizationNodes()).Nodes!;
      assert.deepEqual(moved.find((n) => n.NodeId === a), { NodeId: a, Name: "alpha", ParentNodeId: b, MemberCount: 0 });
      assert.equal(moved.find((n) => n.NodeId === a1)!.ParentNodeId, a);
      // the 2021 view sees the same tree
      const seen = await server.client(admin).DescribeOrganizationNodes({ Limit: 50, Offset: 0 });
      assert.equal(seen.Items!.find((n) => n.NodeId === a)!.ParentNodeId, b);

      // a cycle is refused, so is moving the root
      assert.equal(await errorCode(api.UpdateOrganizationNode({ NodeId: b, ParentNodeId: a1 })), "InvalidParameter");
      assert.equal(await errorCode(api.UpdateOrganizationNode({ NodeId: b, ParentNodeId: b })), "InvalidParameter");
      assert.equal(await errorCode(api.UpdateOrganizationNode({ NodeId: rootId, ParentNodeId: a })), "InvalidParameter");

      assert.equal(await errorCode(api.DeleteOrganizationNodes({ NodeIds: [b] })), "FailedOperation.NodeNotEmpty");
      await api.DeleteOrganizationNodes({ NodeIds: [a1, a, b] });
      assert.deepEqual((await api.ListOrganizationNodes()).Nodes!.map((n) => n.NodeId), [rootId]);

      assert.equal(await errorCode(api.QuitOrganization({ OrgId: OrgId! })), "FailedOperation.DisableQuitSelfCreatedOrganization");
      await api.DeleteOrganization();
      assert.equal(await errorCode(api.GetOrganization()), "ResourceNotFound.OrganizationNotExist");
      assert.equal(await errorCode(api.ListOrganizationNodes()), "ResourceNotFound.OrganizationNotExist");
    });

    it("both versions share one tree: each sees the departments the other made", async () => {
      const admin = await server.createAccount();
      const v2021 = server.client(admin);
      const v2018 = server.client2018(admin);
      await v2021.CreateOrganization();
      const rootId = (await v2021.DescribeOrganization({})).RootNodeId!;

      const made2021 = (await v2021.AddOrganizationNode({ ParentNodeId: rootId, Name: "from2021", Remark: "r" })).NodeId!;
      const made2018 = (await v2018.AddOrganizationNode({ ParentNodeId: made2021, Name: "from2018" })).NodeId!;

      const legacy = await v2018.ListOrganizationNodes();
      assert.deepEqual(legacy.Nodes!.find((n) => n.NodeId === made2021), { NodeId: made2021, Name: "from2021", ParentNodeId: rootId, MemberCount: 0 });
      const current = await v2021.DescribeOrganizationNodes({ Limit: 50, Offset: 0 });
      const node = current.Items!.find((n) => n.NodeId === made2018)!;
      assert.equal(node.Name, "from2018");
      assert.equal(node.ParentNodeId, made2021);
      assert.equal(node.Remark, "");
      assert.deepEqual(node.Tags, []);

      // names are unique in the whole organization whatever version made them, under any parent
      assert.equal(await errorCode(v2018.AddOrganizationNode({ ParentNodeId: rootId, Name: "from2021" })), "ResourceInUse.NodeName");
      assert.equal(await errorCode(v2021.AddOrganizationNode({ ParentNodeId: made2021, Name: "from2018" })), "FailedOperation.OrganizationNodeNameUsed");
      assert.equal(await errorCode(v2021.AddOrganizationNode({ ParentNodeId: rootId, Name: "from2018" })), "FailedOperation.OrganizationNodeNameUsed");
      assert.equal(await errorCode(v2018.AddOrganizationNode({ ParentNodeId: made2018, Name: "from2021" })), "ResourceInUse.NodeName");
      const third = (await v2021.AddOrganizationNode({ ParentNodeId: rootId, Name: "third" })).NodeId!;
      assert.equal(await errorCode(v2021.UpdateOrganizationNode({ NodeId: third, Name: "from2018" })), "FailedOperation.OrganizationNodeNameUsed");
      assert.equal(await errorCode(v2018.UpdateOrganizationNode({ NodeId: third, Name: "from2018" })), "ResourceInUse.NodeNameUsed");

      // deleted in one version, gone in the other; the organization is deleted with the other version
      await v2021.DeleteOrganizationNodes({ NodeId: [made2018] });
      assert.ok(!(await v2018.ListOrganizationNodes()).Nodes!.some((n) => n.NodeId === made2018));
      await v2018.DeleteOrganization();
      assert.equal(await errorCode(v2021.DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
    });
  });
}

describe("organization structure: refusals with their documented codes", () => {
  let server: TcoServer;
  let admin: TestAccount;
  let outsider: TestAccount;
  let rootId: number;
  let orgId: number;
  before(async () => {
    server = await TcoServer.start();
    admin = await server.createAccount({ name: "codes_admin", entity: "Codes Corp" });
    outsider = await server.createAccount();
    await server.client(admin).CreateOrganization();
    const org = await server.client(admin).DescribeOrganization({});
    rootId = org.RootNodeId!;
    orgId = org.OrgId!;
  });
  after(async () => {
    await server.stop();
  });

  it("AddOrganizationNode (2021): name, remark, tags, parent, sibling name", async () => {
    const api = server.client(admin);
    for (const Name of ["", "x".repeat(41), "has space", "semi;colon", "comma,"]) {
      assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: rootId, Name })), "InvalidParameter", Name);
    }
    await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "x".repeat(40) });
    assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: rootId, Name: "long_remark", Remark: "r".repeat(256) })), "InvalidParameter");
    const tooMany = Array.from({ length: 11 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" }));
    assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: rootId, Name: "tags", Tags: tooMany })), "InvalidParameter.TagError");
    assert.equal(
      await errorCode(api.AddOrganizationNode({ ParentNodeId: rootId, Name: "tags", Tags: [{ TagKey: "k", TagValue: "1" }, { TagKey: "k", TagValue: "2" }] })),
      "InvalidParameter.TagError",
    );
    assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: 999999999, Name: "orphan" })), "ResourceNotFound.OrganizationNodeNotExist");
    await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "dup" });
    assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: rootId, Name: "dup" })), "FailedOperation.OrganizationNodeNameUsed");
  });

  it("a department of another organization is not found", async () => {
    const other = await server.createAccount();
    await server.client(other).CreateOrganization();
    const otherRoot = (await server.client(other).DescribeOrganization({})).RootNodeId!;
    const api = server.client(admin);
    assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: otherRoot, Name: "steal" })), "ResourceNotFound.OrganizationNodeNotExist");
    assert.equal(await errorCode(api.UpdateOrganizationNode({ NodeId: otherRoot, Name: "steal" })), "FailedOperation.OrganizationNodeNotExist");
    assert.equal(await errorCode(api.DeleteOrganizationNodes({ NodeId: [otherRoot] })), "InvalidParameter");
    assert.equal(await errorCode(server.client2018(admin).UpdateOrganizationNode({ NodeId: otherRoot, Name: "steal" })), "ResourceNotFound.NodeNotExist");
  });

  it("UpdateOrganizationNode (2021): unknown node, used name, bad name", async () => {
    const api = server.client(admin);
    const a = (await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "upd_a" })).NodeId!;
    await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "upd_b" });
    assert.equal(await errorCode(api.UpdateOrganizationNode({ NodeId: 999999999, Name: "x" })), "FailedOperation.OrganizationNodeNotExist");
    assert.equal(await errorCode(api.UpdateOrganizationNode({ NodeId: a, Name: "upd_b" })), "FailedOperation.OrganizationNodeNameUsed");
    assert.equal(await errorCode(api.UpdateOrganizationNode({ NodeId: a, Name: "bad name" })), "InvalidParameter");
    // keeping its own name is no conflict; the root can be renamed
    await api.UpdateOrganizationNode({ NodeId: a, Name: "upd_a", Remark: "same name" });
    await api.UpdateOrganizationNode({ NodeId: rootId, Remark: "top" });
    const root = (await api.DescribeOrganizationNodes({ Limit: 1, Offset: 0 })).Items![0];
    assert.equal(root.Remark, "top");
  });

  it("DescribeOrganizationNodes: Limit 1 to 50, Offset not negative, at most 10 tags", async () => {
    const api = server.client(admin);
    assert.equal(await errorCode(api.DescribeOrganizationNodes({ Limit: 0, Offset: 0 })), "InvalidParameter");
    assert.equal(await errorCode(api.DescribeOrganizationNodes({ Limit: 51, Offset: 0 })), "InvalidParameter");
    assert.equal(await errorCode(api.DescribeOrganizationNodes({ Limit: 10, Offset: -1 })), "InvalidParameter");
    const tags = Array.from({ length: 11 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" }));
    assert.equal(await errorCode(api.DescribeOrganizationNodes({ Limit: 10, Offset: 0, Tags: tags })), "InvalidParameter");
    const past = await api.DescribeOrganizationNodes({ Limit: 50, Offset: 1000 });
    assert.deepEqual(past.Items, []);
    assert.ok(past.Total! > 0);
  });

  it("DeleteOrganizationNodes (2021): empty list, unknown node, root, more than 50 at once", async () => {
    const api = server.client(admin);
    assert.equal(await errorCode(api.DeleteOrganizationNodes({ NodeId: [] })), "InvalidParameter");
    assert.equal(await errorCode(api.DeleteOrganizationNodes({ NodeId: [999999999] })), "InvalidParameter");
    assert.equal(await errorCode(api.DeleteOrganizationNodes({ NodeId: [rootId] })), "InvalidParameter");
    const many = Array.from({ length: 51 }, (_, i) => 900000000 + i);
    assert.equal(await errorCode(api.DeleteOrganizationNodes({ NodeId: many })), "FailedOperation.OrganizationNodeDeleteOverLimit");
    // all or nothing: a valid department named with an unknown one stays
    const keep = (await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "keep_me" })).NodeId!;
    assert.equal(await errorCode(api.DeleteOrganizationNodes({ NodeId: [keep, 999999999] })), "InvalidParameter");
    assert.ok((await api.DescribeOrganizationNodes({ Limit: 50, Offset: 0 })).Items!.some((n) => n.NodeId === keep));
  });

  it("2018-12-25 node codes: unknown parent or node, used names, not empty", async () => {
    const api = server.client2018(admin);
    assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: 999999999, Name: "x" })), "ResourceNotFound.NodeNotExist");
    const p = (await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "legacy_p" })).NodeId!;
    const q = (await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "legacy_q" })).NodeId!;
    // a name is taken in the whole organization, under any parent
    assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: q, Name: "legacy_p" })), "ResourceInUse.NodeName");
    assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: rootId, Name: "legacy_p" })), "ResourceInUse.NodeName");
    assert.equal(await errorCode(api.UpdateOrganizationNode({ NodeId: q, Name: "legacy_p" })), "ResourceInUse.NodeNameUsed");
    // so moving p under q meets no sibling of its name
    await api.UpdateOrganizationNode({ NodeId: p, ParentNodeId: q });
    assert.equal(await errorCode(api.UpdateOrganizationNode({ NodeId: 999999999, Name: "x" })), "ResourceNotFound.NodeNotExist");
    assert.equal(await errorCode(api.UpdateOrganizationNode({ NodeId: p, ParentNodeId: 999999999 })), "ResourceNotFound.NodeNotExist");
    assert.equal(await errorCode(api.DeleteOrganizationNodes({ NodeIds: [q] })), "FailedOperation.NodeNotEmpty");
  });

  it("QuitOrganization: the admin cannot quit; an unknown organization or one the caller is not in", async () => {
    assert.equal(await errorCode(server.client(admin).QuitOrganization({ OrgId: orgId })), "FailedOperation.DisableQuitSelfCreatedOrganization");
    assert.equal(await errorCode(server.client2018(admin).QuitOrganization({ OrgId: orgId })), "FailedOperation.DisableQuitSelfCreatedOrganization");
    assert.equal(await errorCode(server.client(outsider).QuitOrganization({ OrgId: 999999999 })), "ResourceNotFound.OrganizationNotExist");
    assert.equal(await errorCode(server.client(outsider).QuitOrganization({ OrgId: orgId })), "ResourceNotFound.OrganizationMemberNotExist");
    assert.equal(await errorCode(server.client2018(outsider).QuitOrganization({ OrgId: orgId })), "ResourceNotFound.OrganizationNotExist");
  });

  it("DescribeOrganizationAuthNode: the admin's own entity, AuthName filter, paging", async () => {
    const api = server.client(admin);
    const r = await api.DescribeOrganizationAuthNode({ Offset: 0, Limit: 10 });
    assert.equal(r.Total, 1);
    const node = r.Items![0];
    assert.ok(Number.isInteger(node.RelationId));
    assert.equal(node.AuthName, "Codes Corp");
    assert.deepEqual(node.Manager, { MemberUin: admin.uin, MemberName: "codes_admin" });
    // stable id across calls
    assert.equal((await api.DescribeOrganizationAuthNode({ Offset: 0, Limit: 10 })).Items![0].RelationId, node.RelationId);
    assert.equal((await api.DescribeOrganizationAuthNode({ Offset: 0, Limit: 10, AuthName: "Codes Corp" })).Total, 1);
    const other = await api.DescribeOrganizationAuthNode({ Offset: 0, Limit: 10, AuthName: "Someone Else Ltd" });
    assert.equal(other.Total, 0);
    assert.deepEqual(other.Items, []);
    assert.deepEqual((await api.DescribeOrganizationAuthNode({ Offset: 1, Limit: 10 })).Items, []);
    // the name follows the registry when the operator changes the admin's entity
    await server.operator("UpdateAccount", { Uin: admin.uin, EntityName: "Codes Group" });
    const renamed = await api.DescribeOrganizationAuthNode({ Offset: 0, Limit: 10 });
    assert.equal(renamed.Items![0].AuthName, "Codes Group");
    assert.equal(renamed.Items![0].RelationId, node.RelationId);
    assert.equal(await errorCode(api.DescribeOrganizationAuthNode({ Offset: 0, Limit: 0 })), "InvalidParameter");
    assert.equal(await errorCode(api.DescribeOrganizationAuthNode({ Offset: 0, Limit: 51 })), "InvalidParameter");
  });

  it("an account outside any organization gets ResourceNotFound.OrganizationNotExist from every action", async () => {
    const c = server.client(outsider);
    const c18 = server.client2018(outsider);
    const calls: Promise<unknown>[] = [
      c.DeleteOrganization(),
      c.AddOrganizationNode({ ParentNodeId: rootId, Name: "x" }),
      c.DescribeOrganizationNodes({ Limit: 10, Offset: 0 }),
      c.UpdateOrganizationNode({ NodeId: rootId, Name: "x" }),
      c.DeleteOrganizationNodes({ NodeId: [rootId] }),
      c.DescribeOrganizationAuthNode({ Offset: 0, Limit: 10 }),
      c18.DeleteOrganization(),
      c18.AddOrganizationNode({ ParentNodeId: rootId, Name: "x" }),
      c18.ListOrganizationNodes(),
      c18.UpdateOrganizationNode({ NodeId: rootId, Name: "x" }),
      c18.DeleteOrganizationNodes({ NodeIds: [rootId] }),
    ];
    const codes = await Promise.all(calls.map((call) => errorCode(call)));
    assert.deepEqual(codes, calls.map(() => "ResourceNotFound.OrganizationNotExist"));
  });
});

for (const backend of TEST_DATABASE_URL ? (["sqlite", "postgres"] as const) : (["sqlite"] as const)) {
  describe(`organization structure: department limits and races (${backend})`, () => {
    let server: TcoServer;
    before(async () => {
      server = await TcoServer.start({ env: { TCO_MAX_NODES: "5", TCO_MAX_NODE_DEPTH: "2" }, postgres: backend === "postgres" });
    });
    after(async () => {
      await server.stop();
    });

    it("counts departments (the root included) and levels below the root, in both versions", async () => {
      const admin = await server.createAccount();
      const api = server.client(admin);
      const api18 = server.client2018(admin);
      await api.CreateOrganization();
      const rootId = (await api.DescribeOrganization({})).RootNodeId!;
      const a = (await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "a" })).NodeId!;
      const a1 = (await api.AddOrganizationNode({ ParentNodeId: a, Name: "a1" })).NodeId!;
      assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: a1, Name: "a2" })), "LimitExceeded.NodeDepthExceedLimit");
      assert.equal(await errorCode(api18.AddOrganizationNode({ ParentNodeId: a1, Name: "a2" })), "LimitExceeded.NodeDepthExceedLimit");

      // moving a under b would put a1 three levels down
      const b = (await api18.AddOrganizationNode({ ParentNodeId: rootId, Name: "b" })).NodeId!;
      assert.equal(await errorCode(api18.UpdateOrganizationNode({ NodeId: a, ParentNodeId: b })), "LimitExceeded.NodeDepthExceedLimit");
      // a1 alone fits under b
      await api18.UpdateOrganizationNode({ NodeId: a1, ParentNodeId: b });

      await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "c" });
      // root + a + a1 + b + c = 5
      assert.equal(await errorCode(api.AddOrganizationNode({ ParentNodeId: rootId, Name: "d" })), "LimitExceeded.NodeExceedLimit");
      assert.equal(await errorCode(api18.AddOrganizationNode({ ParentNodeId: rootId, Name: "d" })), "LimitExceeded.NodeExceedLimit");
      await api.DeleteOrganizationNodes({ NodeId: [a] });
      await api.AddOrganizationNode({ ParentNodeId: rootId, Name: "d" });
    });

    it("concurrent additions of one name under one parent: exactly one wins", async () => {
      const admin = await server.createAccount();
      const api = server.client(admin);
      await api.CreateOrganization();
      const rootId = (await api.DescribeOrganization({})).RootNodeId!;
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => api.AddOrganizationNode({ ParentNodeId: rootId, Name: "race" })));
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      for (const r of results) if (r.status === "rejected") assert.equal((r.reason as { code: string }).code, "FailedOperation.OrganizationNodeNameUsed");
    });

    it("concurrent additions stop at the department limit", async () => {
      const admin = await server.createAccount();
      const api = server.client(admin);
      await api.CreateOrganization();
      const rootId = (await api.DescribeOrganization({})).RootNodeId!;
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => api.AddOrganizationNode({ ParentNodeId: rootId, Name: `n${i}` })));
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 4);
      for (const r of results) if (r.status === "rejected") assert.equal((r.reason as { code: string }).code, "LimitExceeded.NodeExceedLimit");
      assert.equal((await api.DescribeOrganizationNodes({ Limit: 50, Offset: 0 })).Total, 5);
    });
  });
}
