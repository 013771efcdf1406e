import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Context, DomainSettings } from "../../../src/domain/base/context.js";
import { addOrganizationNode, addOrganizationNode2018 } from "../../../src/domain/organization/add-organization-node.js";
import { relationForEntity } from "../../../src/domain/base/entity-relations.js";
import { deleteOrganization, deleteOrganization2018 } from "../../../src/domain/organization/delete-organization.js";
import { deleteOrganizationNodes, deleteOrganizationNodes2018 } from "../../../src/domain/organization/delete-organization-nodes.js";
import { setEntityAdmin } from "../../../src/domain/organization/entity-admins.js";
import { describeOrganization } from "../../../src/domain/organization/describe-organization.js";
import { describeOrganizationAuthNode } from "../../../src/domain/organization/describe-organization-auth-node.js";
import { describeOrganizationNodes, listOrganizationNodes } from "../../../src/domain/organization/describe-organization-nodes.js";
import { updateOrganizationNode, updateOrganizationNode2018 } from "../../../src/domain/organization/update-organization-node.js";
import { quitOrganization, quitOrganization2018 } from "../../../src/domain/organization/quit-organization.js";
import { ApiError } from "../../../src/protocol/api-error.js";
import type { AllowQuit, MemberType } from "../../../src/store/schema.js";
import { isUniqueViolation } from "../../../src/store/errors.js";
import type { Store } from "../../../src/store/store.js";
import { codeOf, domainContext, organizationOf } from "../../helpers/domain.js";
import { DIALECTS } from "../../helpers/dialects.js";

for (const dialect of DIALECTS) {
  describe(`organization structure with members (${dialect.name})`, () => {
    let store: Store;
    let nextUin = 200000000001;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    const ctxOf = (uin: number, settings: Partial<DomainSettings> = {}): Context => domainContext(store, uin, { settings });

    async function account(name: string, entity = "Example Ltd"): Promise<number> {
      const uin = nextUin++;
      await store.accounts.insert({ uin, name, verification: "enterprise", entityName: entity, site: "china", createdAt: Date.now() });
      return uin;
    }

    /** An organization with its admin; answers both. */
    async function organization(entity = "Example Ltd") {
      const admin = await account(`admin${nextUin}`, entity);
      const { org } = await organizationOf(ctxOf(admin));
      return { admin, org };
    }

    /** Put an account into an organization the way the member actions will (they are built elsewhere). */
    async function join(orgId: number, nodeId: number, uin: number, o: { type?: MemberType; allowQuit?: AllowQuit; payUin?: number } = {}) {
      const now = Date.now();
      await store.members.insert({
        member_uin: uin,
        org_id: orgId,
        node_id: nodeId,
        is_admin: 0,
        name: `member${uin}`,
        member_type: o.type ?? "Invite",
        policy_type: "Financial",
        permission_ids: "1,2",
        is_allow_quit: o.allowQuit ?? "Allow",
        pay_uin: o.payUin ?? null,
        remark: null,
        auth_relation_id: null,
        joined_at: now,
        updated_at: now,
      });
    }

    it("a department holding a member cannot be deleted, in either version; its member count shows", async () => {
      const { admin, org } = await organization();
      const { NodeId: dept } = await addOrganizationNode({ ParentNodeId: org.root_node_id, Name: "sales" }, ctxOf(admin));
      const member = await account("m1");
      await join(org.org_id, dept, member);

      assert.equal(await codeOf(deleteOrganizationNodes({ NodeId: [dept] }, ctxOf(admin))), "FailedOperation.NodeNotEmpty");
      assert.equal(await codeOf(deleteOrganizationNodes2018({ NodeIds: [dept] }, ctxOf(admin))), "FailedOperation.NodeNotEmpty");
      const listed = await listOrganizationNodes({}, ctxOf(admin));
      assert.deepEqual(listed.Nodes.map((n) => [n.NodeId, n.MemberCount]), [[org.root_node_id, 1], [dept, 1]]);

      // a member sees the organization's departments but cannot manage them
      assert.equal((await describeOrganizationNodes({ Limit: 10, Offset: 0 }, ctxOf(member))).Total, 2);
      assert.equal((await listOrganizationNodes({}, ctxOf(member))).Nodes.length, 2);
      assert.equal(await codeOf(addOrganizationNode({ ParentNodeId: dept, Name: "x" }, ctxOf(member))), "ResourceNotFound.OrganizationNotExist");
      assert.equal(await codeOf(deleteOrganizationNodes({ NodeId: [dept] }, ctxOf(member))), "ResourceNotFound.OrganizationNotExist");
      assert.equal(await codeOf(deleteOrganization({}, ctxOf(member))), "ResourceNotFound.OrganizationNotExist");

      await quitOrganization({ OrgId: org.org_id }, ctxOf(member));
      await deleteOrganizationNodes({ NodeId: [dept] }, ctxOf(admin));
    });

    it("an organization with members cannot be deleted; once they quit it can, and they are free", async () => {
      const { admin, org } = await organization();
      const m1 = await account("quitter1");
      const m2 = await account("quitter2");
      await join(org.org_id, org.root_node_id, m1);
      await join(org.org_id, org.root_node_id, m2);
      await store.tags.set("member", m1, [{ TagKey: "k", TagValue: "v" }]);

      assert.equal(await codeOf(deleteOrganization({}, ctxOf(admin))), "FailedOperation.OrganizationNotEmpty");
      assert.equal(await codeOf(deleteOrganization2018({}, ctxOf(admin))), "FailedOperation.OrganizationNotEmpty");

      await quitOrganization({ OrgId: org.org_id }, ctxOf(m1));
      assert.equal(await codeOf(describeOrganization({}, ctxOf(m1))), "ResourceNotFound.OrganizationNotExist");
      assert.deepEqual(await store.tags.forMany("member", [m1]), new Map());
      assert.equal(await codeOf(quitOrganization({ OrgId: org.org_id }, ctxOf(m1))), "ResourceNotFound.OrganizationMemberNotExist");
      assert.equal(await codeOf(deleteOrganization({}, ctxOf(admin))), "FailedOperation.OrganizationNotEmpty");

      await quitOrganization2018({ OrgId: org.org_id }, ctxOf(m2));
      await deleteOrganization({}, ctxOf(admin));

      // everything of the organization is gone, and the former member may found its own
      assert.deepEqual(await store.nodes.listByOrg(org.org_id), []);
      assert.equal(await store.authRelations.findHost(org.org_id), undefined);
      assert.equal(await store.members.find(admin), undefined);
      const own = await organizationOf(ctxOf(m1));
      assert.notEqual(own.org.org_id, org.org_id);
    });

    it("an organization with an enabled policy type or a member access policy left cannot be deleted, in either version", async () => {
      const { admin, org } = await organization();
      const now = Date.now();
      await store.policyTypes.enable(org.org_id, "TAG_POLICY", now);
      await store.policyTypes.enable(org.org_id, "SERVICE_CONTROL_POLICY", now);
      assert.equal(await codeOf(deleteOrganization({}, ctxOf(admin))), "FailedOperation.OrganizationPolicyIsNotDisabled");
      assert.equal(await codeOf(deleteOrganization2018({}, ctxOf(admin))), "FailedOperation");
      await store.policyTypes.disable(org.org_id, "SERVICE_CONTROL_POLICY");
      assert.equal(await codeOf(deleteOrganization({}, ctxOf(admin))), "FailedOperation.OrganizationPolicyIsNotDisabled");
      await store.policyTypes.disable(org.org_id, "TAG_POLICY");
      // a member access policy (unified member login) whose members are all gone
      const policyId = await store.counters.next("member_policy", 1);
      await store.memberPolicies.insert({ policy_id: policyId, org_id: org.org_id, name: "left-over", identity_id: 1, description: "", created_at: now, updated_at: now }, []);
      assert.equal(await codeOf(deleteOrganization({}, ctxOf(admin))), "FailedOperation.OrgMemberPolicyExist");
      assert.equal(await codeOf(deleteOrganization2018({}, ctxOf(admin))), "FailedOperation");
      assert.ok(await store.organizations.find(org.org_id), "the organization stays");
      await store.memberPolicies.delete(policyId);
      await deleteOrganization2018({}, ctxOf(admin));
      assert.equal(await store.organizations.find(org.org_id), undefined);
    });

    it("a member names the organization it leaves", async () => {
      const a = await organization();
      const b = await organization();
      const m = await account("wanderer");
      await join(a.org.org_id, a.org.root_node_id, m);
      assert.equal(await codeOf(quitOrganization({ OrgId: b.org.org_id }, ctxOf(m))), "ResourceNotFound.OrganizationMemberNotExist");
      assert.equal(await codeOf(quitOrganization2018({ OrgId: b.org.org_id }, ctxOf(m))), "ResourceNotFound.OrganizationNotExist");
      assert.ok(await store.members.find(m));
    });

    it("QuitOrganization refuses created accounts, Denied members, payers, paid-for members and entity managers", async () => {
      const { admin, org } = await organization("Host Group");
      const created = await account("created");
      const denied = await account("denied");
      const payer = await account("payer");
      const paid = await account("paid");
      const manager = await account("manager", "Partner Ltd");
      await join(org.org_id, org.root_node_id, created, { type: "Create", allowQuit: "Allow" });
      await join(org.org_id, org.root_node_id, denied, { allowQuit: "Denied" });
      await join(org.org_id, org.root_node_id, payer);
      await join(org.org_id, org.root_node_id, paid, { payUin: payer });
      await join(org.org_id, org.root_node_id, manager);
      await setEntityAdmin(store, org.org_id, await relationForEntity(store, org, "Partner Ltd", Date.now()), manager);

      const quit = (uin: number) => codeOf(quitOrganization({ OrgId: org.org_id }, ctxOf(uin)));
      assert.equal(await quit(created), "UnsupportedOperation.CreateMemberNotAllowQuit");
      assert.equal(await quit(denied), "UnsupportedOperation.MemberNotAllowQuit");
      assert.equal(await quit(paid), "FailedOperation.MemberExistDelegatePayerNotAllowDelete");
      assert.equal(await quit(payer), "FailedOperation.MemberIsDelegatePayerNotAllowDelete");
      assert.equal(await quit(manager), "FailedOperation.OrganizationAuthManageNotAllowDelete");
      assert.equal(await quit(admin), "FailedOperation.DisableQuitSelfCreatedOrganization");
      // the same rules hold through 2018-12-25, which answers the common code: it documents no code of this refusal
      assert.equal(await codeOf(quitOrganization2018({ OrgId: org.org_id }, ctxOf(denied))), "UnsupportedOperation");
      for (const uin of [created, denied, payer, paid, manager]) assert.ok(await store.members.find(uin), `member ${uin} stays`);
    });

    it("DescribeOrganizationAuthNode lists the admin's entity first, then the entities whose admin is set", async () => {
      const { admin, org } = await organization("Host Group");
      const same = await account("same_entity", "Host Group");
      const partner = await account("partner_mgr", "Partner Ltd");
      const partner2 = await account("partner_2", "Partner Ltd");
      const vendor = await account("vendor_mgr", "Vendor Inc");
      for (const uin of [same, partner, partner2, vendor]) await join(org.org_id, org.root_node_id, uin);

      const hostId = await relationForEntity(store, org, "Host Group", Date.now());
      const partnerId = await relationForEntity(store, org, "Partner Ltd", Date.now());
      assert.equal(await relationForEntity(store, org, "Partner Ltd", Date.now()), partnerId);
      const vendorId = await relationForEntity(store, org, "Vendor Inc", Date.now());
      // joining sets no admin: only the admin's own entity is listed until the admin sets them
      assert.deepEqual((await describeOrganizationAuthNode({ Offset: 0, Limit: 10 }, ctxOf(admin))).Items.map((i) => i.RelationId), [hostId]);
      await setEntityAdmin(store, org.org_id, partnerId, partner);
      await setEntityAdmin(store, org.org_id, vendorId, vendor);

      const all = await describeOrganizationAuthNode({ Offset: 0, Limit: 10 }, ctxOf(admin));
      assert.equal(all.Total, 3);
      assert.deepEqual(all.Items, [
        { RelationId: hostId, AuthName: "Host Group", Manager: { MemberUin: admin, MemberName: (await store.members.find(admin))!.name } },
        { RelationId: partnerId, AuthName: "Partner Ltd", Manager: { MemberUin: partner, MemberName: `member${partner}` } },
        { RelationId: vendorId, AuthName: "Vendor Inc", Manager: { MemberUin: vendor, MemberName: `member${vendor}` } },
      ]);
      const page = await describeOrganizationAuthNode({ Offset: 1, Limit: 1 }, ctxOf(partner2));
      assert.equal(page.Total, 3);
      assert.deepEqual(page.Items.map((i) => i.RelationId), [partnerId]);
      const filtered = await describeOrganizationAuthNode({ Offset: 0, Limit: 10, AuthName: "Vendor Inc" }, ctxOf(admin));
      assert.deepEqual(filtered.Items.map((i) => i.RelationId), [vendorId]);
      assert.equal(filtered.Total, 1);
    });

    it("concurrent additions respect the department limit", async () => {
      const { admin, org } = await organization();
      const ctx = ctxOf(admin, { maxNodes: 4 });
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => addOrganizationNode({ ParentNodeId: org.root_node_id, Name: `c${i}` }, ctx)));
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 3);
      for (const r of results) if (r.status === "rejected") assert.equal((r.reason as ApiError).code, "LimitExceeded.NodeExceedLimit");
      assert.equal(await store.nodes.count(org.org_id), 4);
    });

    it("concurrent crossing moves cannot make a cycle", async () => {
      const { admin, org } = await organization();
      const ctx = ctxOf(admin);
      const { NodeId: a } = await addOrganizationNode2018({ ParentNodeId: org.root_node_id, Name: "a" }, ctx);
      const { NodeId: b } = await addOrganizationNode2018({ ParentNodeId: org.root_node_id, Name: "b" }, ctx);
      const results = await Promise.allSettled([
        updateOrganizationNode2018({ NodeId: a, ParentNodeId: b }, ctx),
        updateOrganizationNode2018({ NodeId: b, ParentNodeId: a }, ctx),
      ]);
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      assert.equal((rejected.reason as ApiError).code, "InvalidParameter");
      const nodes = await store.nodes.listByOrg(org.org_id);
      const byId = new Map(nodes.map((n) => [n.node_id, n]));
      // both still reach the root, and stored depths match the tree
      for (const n of nodes) {
        let depth = 0;
        for (let p = n.parent_id; p !== null; p = byId.get(p)!.parent_id) depth++;
        assert.equal(n.depth, depth);
      }
    });

    it("a move carries the subtree's depth, so later additions see the right level", async () => {
      const { admin, org } = await organization();
      const ctx = ctxOf(admin, { maxNodeDepth: 3 });
      const { NodeId: a } = await addOrganizationNode({ ParentNodeId: org.root_node_id, Name: "a" }, ctx);
      const { NodeId: a1 } = await addOrganizationNode({ ParentNodeId: a, Name: "a1" }, ctx);
      const { NodeId: b } = await addOrganizationNode({ ParentNodeId: org.root_node_id, Name: "b" }, ctx);
      await updateOrganizationNode2018({ NodeId: a, ParentNodeId: b }, ctx); // a1 now at level 3
      assert.equal(await codeOf(addOrganizationNode({ ParentNodeId: a1, Name: "deeper" }, ctx)), "LimitExceeded.NodeDepthExceedLimit");
      await updateOrganizationNode2018({ NodeId: a1, ParentNodeId: org.root_node_id }, ctx); // back to level 1
      await addOrganizationNode({ ParentNodeId: a1, Name: "deeper" }, ctx);
    });

    it("department names are unique in the whole organization, in both versions, with each version's code", async () => {
      const { admin, org } = await organization();
      const ctx = ctxOf(admin);
      const { NodeId: team } = await addOrganizationNode({ ParentNodeId: org.root_node_id, Name: "team" }, ctx);
      const { NodeId: dev } = await addOrganizationNode({ ParentNodeId: team, Name: "dev" }, ctx);
      // the same name under another parent
      assert.equal(await codeOf(addOrganizationNode({ ParentNodeId: org.root_node_id, Name: "dev" }, ctx)), "FailedOperation.OrganizationNodeNameUsed");
      assert.equal(await codeOf(addOrganizationNode2018({ ParentNodeId: org.root_node_id, Name: "dev" }, ctx)), "ResourceInUse.NodeName");
      // the root's name is taken too
      assert.equal(await codeOf(addOrganizationNode({ ParentNodeId: team, Name: "Root" }, ctx)), "FailedOperation.OrganizationNodeNameUsed");
      // renaming a department of another branch to a used name
      const { NodeId: ops } = await addOrganizationNode({ ParentNodeId: org.root_node_id, Name: "ops" }, ctx);
      assert.equal(await codeOf(updateOrganizationNode({ NodeId: ops, Name: "dev" }, ctx)), "FailedOperation.OrganizationNodeNameUsed");
      assert.equal(await codeOf(updateOrganizationNode2018({ NodeId: ops, Name: "dev" }, ctx)), "ResourceInUse.NodeNameUsed");
      // keeping its own name, and another organization using the name, are no conflict
      await updateOrganizationNode({ NodeId: dev, Name: "dev", Remark: "same" }, ctx);
      const other = await organization();
      await addOrganizationNode({ ParentNodeId: other.org.root_node_id, Name: "dev" }, ctxOf(other.admin));
      assert.deepEqual((await store.nodes.listByOrg(org.org_id)).map((n) => n.name).sort(), ["Root", "dev", "ops", "team"]);
    });

    it("the database refuses a second department of one name in an organization, whatever its parent", async () => {
      const { admin, org } = await organization();
      const { NodeId: a } = await addOrganizationNode({ ParentNodeId: org.root_node_id, Name: "a" }, ctxOf(admin));
      const now = Date.now();
      const row = (nodeId: number, parentId: number) => ({ node_id: nodeId, org_id: org.org_id, parent_id: parentId, name: "twin", remark: null, depth: 1, created_at: now, updated_at: now });
      await store.nodes.insert(row(org.root_node_id + 900001, org.root_node_id));
      await assert.rejects(store.nodes.insert(row(org.root_node_id + 900002, a)), (e) => isUniqueViolation(e));
    });

    it("concurrent additions of one name under different parents: one wins, the others get the documented code", async () => {
      const { admin, org } = await organization();
      const ctx = ctxOf(admin);
      const parents: number[] = [];
      for (let i = 0; i < 4; i++) parents.push((await addOrganizationNode({ ParentNodeId: org.root_node_id, Name: `p${i}` }, ctx)).NodeId);
      const results = await Promise.allSettled(parents.map((p) => addOrganizationNode({ ParentNodeId: p, Name: "same" }, ctx)));
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      for (const r of results) if (r.status === "rejected") assert.equal((r.reason as ApiError).code, "FailedOperation.OrganizationNodeNameUsed");
    });
  });
}
