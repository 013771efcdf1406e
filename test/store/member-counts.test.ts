import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { NewOrgMember } from "../../src/store/members-repo.js";
import type { Store } from "../../src/store/store.js";
import { DIALECTS } from "../helpers/dialects.js";

const HOST = 100000000800;
const FIRST = 100000001000;

const member = (uin: number, orgId: number, nodeId: number, type: "Create" | "Invite", isAdmin = 0): NewOrgMember => ({
  member_uin: uin,
  org_id: orgId,
  node_id: nodeId,
  is_admin: isAdmin,
  name: `m${uin}`,
  member_type: type,
  policy_type: "Financial",
  permission_ids: "1,2",
  is_allow_quit: "Allow",
  pay_uin: null,
  remark: null,
  auth_relation_id: null,
  joined_at: 1,
  updated_at: 1,
});

for (const dialect of DIALECTS) {
  describe(`stored member counts [${dialect.name}]`, () => {
    let store: Store;
    /** what counting the rows answers, beside what the repository answers */
    const expectCounts = async (orgId: number, members: number, created: number) => {
      assert.equal(await store.members.countInOrg(orgId), members);
      assert.deepEqual(await store.members.counts(orgId), { members, created });
      assert.equal(await store.members.count({ orgId }), members);
      assert.equal(await store.members.count({ orgId, nodeIds: [orgId * 10] }), members, "the filtered count, which counts rows");
    };

    before(async () => {
      store = await dialect.open();
      const accounts = Array.from({ length: 60 }, (_, i) => ({ uin: FIRST + i, name: `a${i}`, verification: "enterprise" as const, entityName: "E", site: "china" as const, createdAt: 1 }));
      const hosts = [HOST, HOST + 1].map((uin) => ({ uin, name: `host${uin}`, verification: "enterprise" as const, entityName: "E", site: "china" as const, createdAt: 1 }));
      await store.accounts.insertMany([...hosts, ...accounts]);
      for (const orgId of [1, 2]) {
        await store.organizations.insert({ org_id: orgId, host_uin: HOST + orgId - 1, org_type: 1, root_node_id: orgId * 10, created_at: 1 });
        await store.nodes.insert({ node_id: orgId * 10, org_id: orgId, parent_id: null, name: "Root", remark: null, depth: 0, created_at: 1, updated_at: 1 });
      }
    });
    after(async () => {
      await dialect.dispose(store);
    });

    it("follow single inserts, bulk inserts and deletes, per organization", async () => {
      await expectCounts(1, 0, 0);
      await store.members.insert(member(HOST, 1, 10, "Create", 1));
      await expectCounts(1, 1, 0);
      await store.members.insertMany(Array.from({ length: 30 }, (_, i) => member(FIRST + i, 1, 10, i % 3 === 0 ? "Invite" : "Create")));
      await store.members.insertMany(Array.from({ length: 5 }, (_, i) => member(FIRST + 40 + i, 2, 20, "Create")));
      await expectCounts(1, 31, 20);
      await expectCounts(2, 5, 5);
      await store.members.deleteMany(1, [FIRST, FIRST + 1, FIRST + 2]);
      await store.members.delete(FIRST + 3);
      await expectCounts(1, 27, 18);
      await expectCounts(2, 5, 5);
    });

    it("follow an update that changes what a row counts as", async () => {
      await store.members.update(FIRST + 4, { member_type: "Invite" });
      await expectCounts(1, 27, 17);
      await store.members.update(FIRST + 4, { remark: "unchanged counts" });
      await expectCounts(1, 27, 17);
    });

    it("follow rows removed by a cascade, and are rolled back with their transaction", async () => {
      await store.transaction(async (tx) => tx.accounts.delete(FIRST + 5));
      await expectCounts(1, 26, 16);
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.members.insert(member(FIRST + 50, 1, 10, "Create"));
          await tx.members.deleteMany(1, [FIRST + 6, FIRST + 7]);
          assert.equal(await tx.members.countInOrg(1), 25);
          throw new Error("boom");
        }),
        /boom/,
      );
      await expectCounts(1, 26, 16);
    });

    it("go with their organization", async () => {
      await store.organizations.delete(2);
      assert.equal(await store.members.countInOrg(2), 0);
      await expectCounts(1, 26, 16);
    });
  });
}
