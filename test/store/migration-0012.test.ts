import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { Migrator, sql, type Kysely } from "kysely";
import { openPostgres } from "../../src/store/dialects/postgres.js";
import { openSqlite } from "../../src/store/dialects/sqlite.js";
import { isForeignKeyViolation, isUniqueViolation } from "../../src/store/errors.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import type { DB } from "../../src/store/schema.js";
import { Store, type Dialect } from "../../src/store/store.js";
import { dropSchema, TEST_DATABASE_URL } from "../helpers/dialects.js";

const ADMIN = 100000000901;
const PARTNER = 100000000902;
const FORMER = 100000000903;

/** A store as migration 0010 left it, moved to the latest migration by the test. */
async function openAt0010(dialect: Dialect): Promise<{ db: Kysely<DB>; migrator: Migrator; schema?: string }> {
  let db: Kysely<DB>;
  let schema: string | undefined;
  if (dialect === "postgres") {
    schema = `tco_mig_${randomBytes(6).toString("hex")}`;
    const admin = openPostgres<DB>(TEST_DATABASE_URL!, { max: 1 });
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
    await admin.destroy();
    db = openPostgres<DB>(TEST_DATABASE_URL!, { schema });
  } else {
    db = openSqlite<DB>(":memory:");
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, migrationTableSchema: schema });
  const { error } = await migrator.migrateTo("0010-member-counts");
  if (error) throw error;
  return { db, migrator, schema };
}

for (const dialect of ["sqlite", ...(TEST_DATABASE_URL ? ["postgres" as const] : [])] as const) {
  describe(`migration 0012: member deletion and entity admins [${dialect}]`, () => {
    let db: Kysely<DB>;
    let store: Store;
    let schema: string | undefined;
    before(async () => {
      let migrator: Migrator;
      ({ db, migrator, schema } = await openAt0010(dialect));
      store = new Store(db, dialect);
      // an organization as the earlier code left it: its admin's membership of type Create, the
      // partner entity administered by the member that brought it in, and a relation whose admin left
      for (const [uin, entity] of [[ADMIN, "Host Group"], [PARTNER, "Partner Ltd"], [FORMER, "Gone Ltd"]] as const) {
        await store.accounts.insert({ uin, name: `a${uin}`, verification: "enterprise", entityName: entity, site: "china", createdAt: 1 });
      }
      await store.organizations.insert({ org_id: 1, host_uin: ADMIN, org_type: 1, root_node_id: 10, created_at: 1 });
      await store.nodes.insert({ node_id: 10, org_id: 1, parent_id: null, name: "Root", remark: null, depth: 0, created_at: 1, updated_at: 1 });
      const member = (uin: number, isAdmin: number, type: "Create" | "Invite") => ({
        member_uin: uin, org_id: 1, node_id: 10, is_admin: isAdmin, name: `m${uin}`, member_type: type, policy_type: "Financial",
        permission_ids: "1,2", is_allow_quit: "Denied" as const, pay_uin: null, remark: null, auth_relation_id: null, joined_at: 1, updated_at: 1,
      });
      await store.members.insert(member(ADMIN, 1, "Create"));
      await store.members.insert(member(PARTNER, 0, "Invite"));
      await store.authRelations.insertIfAbsent({ relation_id: 1, org_id: 1, is_host: 1, auth_name: null, manager_uin: null, created_at: 1 });
      await store.authRelations.insertIfAbsent({ relation_id: 2, org_id: 1, is_host: 0, auth_name: "Partner Ltd", manager_uin: PARTNER, created_at: 1 });
      await store.authRelations.insertIfAbsent({ relation_id: 3, org_id: 1, is_host: 0, auth_name: "Gone Ltd", manager_uin: FORMER, created_at: 1 });
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
    });
    after(async () => {
      await db.destroy();
      if (schema) await dropSchema(schema);
    });

    it("makes the admin's membership of type Invite and keeps the organization's created-member count", async () => {
      assert.equal((await store.members.find(ADMIN))?.member_type, "Invite");
      assert.deepEqual(await store.members.counts(1), { members: 2, created: 0 });
    });

    it("keeps the relations and the admins that are members, clears the admin that left", async () => {
      const rows = await store.authRelations.listAll(1);
      assert.deepEqual(rows.map((r) => [r.relation_id, r.is_host, r.auth_name, r.manager_uin]), [[1, 1, null, null], [2, 0, "Partner Ltd", PARTNER], [3, 0, "Gone Ltd", null]]);
    });

    it("keeps an entity's admin a member, one host relation and unique entity names", async () => {
      assert.ok(isForeignKeyViolation(await store.members.delete(PARTNER).then(() => undefined, (e: unknown) => e)));
      assert.ok(isForeignKeyViolation(await store.authRelations.setManager(1, 3, FORMER).then(() => undefined, (e: unknown) => e)));
      const host = await store.authRelations.insertIfAbsent({ relation_id: 4, org_id: 1, is_host: 1, auth_name: null, manager_uin: null, created_at: 1 });
      const name = await store.authRelations.insertIfAbsent({ relation_id: 5, org_id: 1, is_host: 0, auth_name: "Partner Ltd", manager_uin: null, created_at: 1 });
      assert.deepEqual([host, name], [false, false], "both conflict");
      const dup = await db.insertInto("org_auth_relations").values({ relation_id: 6, org_id: 1, is_host: 0, auth_name: "Partner Ltd", manager_uin: null, created_at: 1 }).execute().catch((e: unknown) => e);
      assert.ok(isUniqueViolation(dup));
    });

    it("starts every organization with member deletion off, and drops the switch and the relations with the organization, its entity admin set", async () => {
      assert.equal(await store.memberDeletion.isEnabled(1), false);
      await store.memberDeletion.set(1, true, 2);
      assert.equal(await store.memberDeletion.isEnabled(1), true);
      await store.organizations.delete(1);
      assert.equal(await store.memberDeletion.isEnabled(1), false);
      assert.deepEqual(await store.authRelations.listAll(1), []);
    });
  });
}
