import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Context, DomainSettings } from "../../src/domain/base/context.js";
import { addOrganizationNode } from "../../src/domain/organization/add-organization-node.js";
import { attachPolicy } from "../../src/domain/policies/attach-policy.js";
import { createPolicy } from "../../src/domain/policies/create-policy.js";
import { deletePolicy } from "../../src/domain/policies/delete-policy.js";
import { detachPolicy } from "../../src/domain/policies/detach-policy.js";
import { enablePolicyType } from "../../src/domain/policies/enable-policy-type.js";
import { FULL_ACCESS_POLICY_ID } from "../../src/domain/policies/presets.js";
import { ApiError } from "../../src/protocol/api-error.js";
import type { Store } from "../../src/store/store.js";
import { domainContext, organizationOf } from "../helpers/domain.js";
import { DIALECTS } from "../helpers/dialects.js";
import { storeAccount } from "../helpers/invitation-fixtures.js";

const SCP = "SERVICE_CONTROL_POLICY";
const TAG = "TAG_POLICY";
const ALLOW_ALL = JSON.stringify({ version: "2.0", statement: [{ effect: "allow", action: "*", resource: "*" }] });
const TAGS = JSON.stringify({ tags: { env: { tag_value: ["a"] } } });

/** The outcome of each call: "ok" or the error code, in call order. */
async function outcomes(calls: Promise<unknown>[]): Promise<string[]> {
  return Promise.all(calls.map((c) => c.then(() => "ok", (e) => (e instanceof ApiError ? e.code : Promise.reject(e)))));
}
const count = (list: string[], what: string) => list.filter((x) => x === what).length;

for (const dialect of DIALECTS) {
  describe(`policy races and invariants (${dialect.name})`, () => {
    let store: Store;
    const clock = () => Date.parse("2024-05-01T00:00:00Z");
    const ctxOf = (uin: number, settings: Partial<DomainSettings> = {}): Context => domainContext(store, uin, { clock, settings });

    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    async function newOrg(...types: string[]) {
      const admin = await storeAccount(store);
      const { org } = await organizationOf(ctxOf(admin));
      for (const t of types) await enablePolicyType({ OrganizationId: org.org_id, PolicyType: t }, ctxOf(admin));
      return { admin, org, ctx: ctxOf(admin) };
    }

    it("enables a type once when asked twice at the same time", async () => {
      const admin = await storeAccount(store);
      const { org } = await organizationOf(ctxOf(admin));
      const got = await outcomes([0, 1, 2].map(() => enablePolicyType({ OrganizationId: org.org_id, PolicyType: SCP }, ctxOf(admin))));
      assert.equal(count(got, "ok"), 1);
      assert.equal(count(got, "FailedOperation.OrganizationPolicyIsNotDisabled"), 2);
      assert.equal(await store.policyAttachments.countForPolicy(FULL_ACCESS_POLICY_ID), 2, "root and admin, once each");
    });

    it("creates one policy per name, and no more than the limit, under concurrent creations", async () => {
      const { admin, org } = await newOrg(SCP);
      const same = await outcomes([0, 1, 2].map(() => createPolicy({ Name: "same", Type: SCP, Content: ALLOW_ALL }, ctxOf(admin))));
      assert.equal(count(same, "ok"), 1);
      assert.equal(count(same, "FailedOperation.PolicyNameInUse"), 2);
      const limited = ctxOf(admin, { maxScpPolicies: 3 });
      const many = await outcomes([1, 2, 3, 4].map((i) => createPolicy({ Name: `p${i}`, Type: SCP, Content: ALLOW_ALL }, limited)));
      assert.equal(count(many, "ok"), 2);
      assert.equal(count(many, "FailedOperation.PolicyFull"), 2);
      assert.equal(await store.policies.countCustom(org.org_id, SCP), 3);
    });

    it("binds once when the same binding is asked twice, and respects the per-target limit under concurrency", async () => {
      const { admin, org, ctx } = await newOrg(SCP, TAG);
      const { PolicyId } = await createPolicy({ Name: "p", Type: SCP, Content: ALLOW_ALL }, ctx);
      const twice = await outcomes([0, 1].map(() => attachPolicy({ PolicyId, TargetType: "NODE", TargetId: org.root_node_id }, ctx)));
      assert.deepEqual(twice, ["ok", "ok"]);
      assert.equal(await store.policyAttachments.countForPolicy(PolicyId), 1);

      const ids = [];
      for (const n of [1, 2, 3]) ids.push((await createPolicy({ Name: `t${n}`, Type: TAG, Content: TAGS }, ctx)).PolicyId);
      const limited = ctxOf(admin, { maxTagAttachments: 1 });
      const got = await outcomes(ids.map((id) => attachPolicy({ PolicyId: id, TargetType: "NODE", TargetId: org.root_node_id, Type: TAG }, limited)));
      assert.equal(count(got, "ok"), 1);
      assert.equal(count(got, "InvalidParameter.AttachmentFull"), 2);
      assert.equal(await store.policyAttachments.countForTarget({ type: "NODE", nodeId: org.root_node_id }, TAG), 1);
    });

    it("never both deletes a policy and binds it", async () => {
      const { org, ctx } = await newOrg(SCP);
      for (let round = 0; round < 3; round++) {
        const { PolicyId } = await createPolicy({ Name: `race${round}`, Type: SCP, Content: ALLOW_ALL }, ctx);
        const [attached, deleted] = await outcomes([attachPolicy({ PolicyId, TargetType: "NODE", TargetId: org.root_node_id }, ctx), deletePolicy({ PolicyId }, ctx)]);
        const exists = (await store.policies.find(org.org_id, PolicyId)) !== undefined;
        if (deleted === "ok") {
          assert.equal(attached, "ResourceNotFound.PolicyNotExist");
          assert.equal(exists, false);
        } else {
          assert.deepEqual([attached, deleted], ["ok", "FailedOperation.OrganizationPolicyInUsed"]);
          assert.equal(exists, true);
        }
      }
    });

    it("keeps a service control policy on a target when its last two are unbound at once", async () => {
      const { org, ctx } = await newOrg(SCP);
      const { PolicyId } = await createPolicy({ Name: "second", Type: SCP, Content: ALLOW_ALL }, ctx);
      const root = { TargetType: "NODE", TargetId: org.root_node_id };
      await attachPolicy({ PolicyId, ...root }, ctx);
      const got = await outcomes([detachPolicy({ PolicyId, ...root }, ctx), detachPolicy({ PolicyId: FULL_ACCESS_POLICY_ID, ...root }, ctx)]);
      assert.equal(count(got, "ok"), 1);
      assert.equal(count(got, "FailedOperation.OrganizationDetachLastPolicyError"), 1);
      assert.equal(await store.policyAttachments.countForTarget({ type: "NODE", nodeId: org.root_node_id }, SCP), 1);
    });

    it("binds FullQcloudAccess exactly once to a department added while service control policies are being enabled", async () => {
      const admin = await storeAccount(store);
      const { org } = await organizationOf(ctxOf(admin));
      const [, added] = await Promise.all([
        enablePolicyType({ OrganizationId: org.org_id, PolicyType: SCP }, ctxOf(admin)),
        addOrganizationNode({ ParentNodeId: org.root_node_id, Name: "racing" }, ctxOf(admin)),
      ]);
      const target = { type: "NODE" as const, nodeId: added.NodeId };
      assert.equal(await store.policyAttachments.countForTarget(target, SCP), 1);
      assert.ok(await store.policyAttachments.find(FULL_ACCESS_POLICY_ID, target));
    });
  });
}
