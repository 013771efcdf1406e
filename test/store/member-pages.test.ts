import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { NewOrgMember } from "../../src/store/members-repo.js";
import type { Store } from "../../src/store/store.js";
import { DIALECTS } from "../helpers/dialects.js";

const ORG = 7;
const ROOT = 70;
const HOST = 100000005000;
const uinOf = (i: number) => 100000010000 + i * 7;

const member = (uin: number, isAdmin = 0): NewOrgMember => ({
  member_uin: uin,
  org_id: ORG,
  node_id: ROOT,
  is_admin: isAdmin,
  name: `m${uin}`,
  member_type: "Invite",
  policy_type: "Financial",
  permission_ids: "1,2",
  is_allow_quit: "Allow",
  pay_uin: null,
  remark: null,
  auth_relation_id: null,
  joined_at: 1,
  updated_at: 1,
});

const account = (uin: number) => ({ uin, name: `a${uin}`, verification: "none" as const, site: "china" as const, createdAt: 1 });

for (const dialect of DIALECTS) {
  describe(`member pages at any offset [${dialect.name}]`, () => {
    let store: Store;
    /** every member UIN of the organization, ascending: what the listing must page through */
    let expected: number[];
    const offsets = () => [0, 1, 255, 511, 512, 513, 767, 768, 1000, expected.length - 21, expected.length - 1, expected.length, expected.length + 50];

    const checkAll = async (label: string) => {
      for (const offset of offsets()) {
        const page = (await store.members.page({ orgId: ORG }, offset, 20)).map((r) => r.member_uin);
        assert.deepEqual(page, expected.slice(offset, offset + 20), `${label}: offset ${offset}`);
      }
    };

    before(async () => {
      store = await dialect.open();
      const n = 1300;
      await store.accounts.insertMany([account(HOST), ...Array.from({ length: n + 100 }, (_, i) => account(uinOf(i)))]);
      await store.organizations.insert({ org_id: ORG, host_uin: HOST, org_type: 1, root_node_id: ROOT, created_at: 1 });
      await store.nodes.insert({ node_id: ROOT, org_id: ORG, parent_id: null, name: "Root", remark: null, depth: 0, created_at: 1, updated_at: 1 });
      await store.members.insertMany([member(HOST, 1), ...Array.from({ length: n }, (_, i) => member(uinOf(i)))]);
      expected = [HOST, ...Array.from({ length: n }, (_, i) => uinOf(i))].sort((a, b) => a - b);
    });
    after(async () => {
      await dialect.dispose(store);
    });

    it("answer the same rows as reading from the start, read again or not", async () => {
      await checkAll("first listing");
      await checkAll("second listing");
    });

    it("follow members that come and go, at once and after the positions are found again", async () => {
      // members removed near the start and added past the end shift every later position
      await store.members.deleteMany(ORG, [uinOf(3), uinOf(4), uinOf(300)]);
      await store.members.insertMany([uinOf(1300), uinOf(1301)].map((u) => member(u)));
      expected = expected.filter((u) => u !== uinOf(3) && u !== uinOf(4) && u !== uinOf(300)).concat([uinOf(1300), uinOf(1301)]);
      await checkAll("right after the change");
      await sleep(1_100); // past the interval between two searches of the positions
      await checkAll("after the positions are found again");
    });

    it("inside a transaction see its own uncommitted members, and nothing of them once it rolled back", async () => {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.members.deleteMany(ORG, [uinOf(10), uinOf(11), uinOf(12), uinOf(13)]);
          const inside = expected.filter((u) => ![10, 11, 12, 13].map(uinOf).includes(u));
          for (const offset of [0, 600, 1000]) {
            assert.deepEqual((await tx.members.page({ orgId: ORG }, offset, 20)).map((r) => r.member_uin), inside.slice(offset, offset + 20));
          }
          throw new Error("boom");
        }),
        /boom/,
      );
      await checkAll("after the rollback");
    });
  });
}
