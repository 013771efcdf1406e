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
  });
}
