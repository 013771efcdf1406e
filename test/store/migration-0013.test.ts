import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isUniqueViolation } from "../../src/store/errors.js";
import { OLD_STORES } from "../helpers/old-store.js";

/** The release before 0013. */
const BEFORE = "0010-member-counts";
const HOST = 100000000901;
const ORG = 7001;
const ROOT = 8001;

for (const dialect of OLD_STORES) {
  describe(`migration 0013 over a store of the release before [${dialect.name}]`, () => {
    it("keeps the oldest of two departments of one name and renames the later ones `<name>-<id>`; then the database refuses a duplicate", async () => {
      const old = await dialect.open(BEFORE);
      let store;
      try {
        await old.db.insertInto("accounts").values({ uin: HOST, name: "host", mail: null, verification: "enterprise", entity_name: "E", site: "china", created_at: 1 }).execute();
        await old.db.insertInto("organizations").values({ org_id: ORG, host_uin: HOST, org_type: 1, root_node_id: ROOT, created_at: 1 }).execute();
        const long = "L".repeat(40);
        const nodes: [number, number | null, string][] = [
          [ROOT, null, "Root"],
          [ROOT + 1, ROOT, "dev"],
          [ROOT + 2, ROOT, "team"],
          [ROOT + 3, ROOT + 2, "dev"],
          // the name the rule would give ROOT + 6, taken already
          [ROOT + 4, ROOT, `dev-${ROOT + 6}`],
          [ROOT + 5, ROOT + 2, "x"],
          [ROOT + 6, ROOT + 5, "dev"],
          [ROOT + 7, ROOT, long],
          [ROOT + 8, ROOT + 2, long],
        ];
        for (const [id, parent, name] of nodes) {
          await old.db.insertInto("org_nodes").values({ node_id: id, org_id: ORG, parent_id: parent, name, remark: null, depth: parent === null ? 0 : 1, created_at: 1, updated_at: 1 }).execute();
        }

        store = await old.upgrade();
        const names = new Map((await store.nodes.listByOrg(ORG)).map((n) => [n.node_id, n.name]));
        assert.equal(names.get(ROOT + 1), "dev", "the oldest keeps its name");
        assert.equal(names.get(ROOT + 3), `dev-${ROOT + 3}`);
        assert.equal(names.get(ROOT + 6), `dev-${ROOT + 6}-2`, "a name already taken gets a further number");
        assert.equal(names.get(ROOT + 7), long);
        assert.equal(names.get(ROOT + 8), `${"L".repeat(40 - String(ROOT + 8).length - 1)}-${ROOT + 8}`, "shortened to 40 characters");
        assert.equal(new Set(names.values()).size, names.size);
        for (const name of names.values()) assert.ok([...name].length <= 40, name);

        await assert.rejects(
          store.nodes.insert({ node_id: ROOT + 9, org_id: ORG, parent_id: ROOT + 5, name: "team", remark: null, depth: 3, created_at: 1, updated_at: 1 }),
          (e) => isUniqueViolation(e),
        );
      } finally {
        await old.dispose(store);
      }
    });

    it("moves delegations and their scopes from the first catalogue's ids to the documented ones (CloudAudit 12 → 1, Config 18 → 15)", async () => {
      const old = await dialect.open(BEFORE);
      let store;
      try {
        const [m1, m2, m3] = [HOST + 1, HOST + 2, HOST + 3];
        for (const uin of [HOST, m1, m2, m3]) {
          await old.db.insertInto("accounts").values({ uin, name: `a${uin}`, mail: null, verification: "enterprise", entity_name: "E", site: "china", created_at: 1 }).execute();
        }
        await old.db.insertInto("organizations").values({ org_id: ORG, host_uin: HOST, org_type: 1, root_node_id: ROOT, created_at: 1 }).execute();
        await old.db.insertInto("org_nodes").values({ node_id: ROOT, org_id: ORG, parent_id: null, name: "Root", remark: null, depth: 0, created_at: 1, updated_at: 1 }).execute();
        for (const [uin, isAdmin] of [[HOST, 1], [m1, 0], [m2, 0], [m3, 0]]) {
          await old.db
            .insertInto("org_members")
            .values({ member_uin: uin, org_id: ORG, node_id: ROOT, is_admin: isAdmin, name: `m${uin}`, member_type: "Invite", policy_type: "Financial", permission_ids: "1,2", is_allow_quit: "Allow", pay_uin: null, remark: null, auth_relation_id: null, joined_at: 1, updated_at: 1 })
            .execute();
        }
        const assign = (service: number, uin: number, scope: number, usage: number) =>
          old.db.insertInto("org_service_assigns").values({ org_id: ORG, service_id: service, member_uin: uin, management_scope: scope, usage_status: usage, created_at: 5 }).execute();
        await assign(12, m1, 1, 2);
        await assign(18, m1, 2, 1);
        await assign(18, m2, 1, 2);
        await assign(23, m2, 1, 2);
        await old.db.insertInto("org_service_scope_members").values({ org_id: ORG, service_id: 18, admin_uin: m1, member_uin: m3 }).execute();
        await old.db.insertInto("org_service_scope_nodes").values({ org_id: ORG, service_id: 18, admin_uin: m1, node_id: ROOT }).execute();

        store = await old.upgrade();
        assert.deepEqual(await store.serviceAssigns.servicesOf(m1), [1, 15]);
        assert.deepEqual(await store.serviceAssigns.servicesOf(m2), [15, 23]);
        const moved = (await store.serviceAssigns.find(ORG, 15, m1))!;
        assert.deepEqual([moved.management_scope, moved.usage_status, moved.created_at], [2, 1, 5]);
        assert.equal(await store.serviceAssigns.find(ORG, 18, m1), undefined);
        const scopes = await store.serviceAssigns.scopes(ORG, 15, [m1]);
        assert.deepEqual(scopes.members.get(m1)?.map((m) => m.uin), [m3]);
        assert.deepEqual(scopes.nodes.get(m1)?.map((n) => n.nodeId), [ROOT]);
      } finally {
        await old.dispose(store);
      }
    });
  });
}
