/**
 * Measure DescribeOrganizationMembers on one organization with 100,000 members, on SQLite and
 * (when TCO_TEST_DATABASE_URL is set) PostgreSQL: seeds the members in bulk through the store,
 * then prints the handler's server-side time (median and p95 of repeated calls) and the query
 * plans of the count and page queries for Offset 0, 50,000 and 99,950, for SearchKey, and for a
 * delegated admin whose partial scope names 1% of the members and the department.
 * Nothing is asserted; this is a developer tool.
 *
 *   npm run build && node dist/scripts/measure-members.js [members]
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import pino from "pino";
import { DEFAULT_DOMAIN_SETTINGS, type Context } from "../src/domain/base/context.js";
import { RANDOM_IDS } from "../src/domain/base/ids.js";
import { searchFilter } from "../src/domain/members/describe-organization-members.js";
import { ACTIONS, LIFECYCLE } from "../src/domain/registry.js";
import type { MemberFilter } from "../src/store/members-repo.js";
import type { NewAccount } from "../src/store/accounts-repo.js";
import type { NewOrgMember } from "../src/store/members-repo.js";
import { openStore, type Store } from "../src/store/store.js";
import { TaskService } from "../src/tasks/service.js";
import { TaskTypes } from "../src/tasks/task-types.js";

const MEMBERS = Number(process.argv[2] ?? 100_000);
const ORG_ID = 10001;
const ROOT_NODE = 100001;
const DEPT_NODE = 100002;
const ADMIN = 100000000002;
const FIRST_MEMBER = 200000000000;
const RUNS = 30;
/** A delegated admin of Config (service 18) managing every 100th member and the department. */
const DELEGATE = FIRST_MEMBER + 1;
const CONFIG_SERVICE = 18;

async function seed(store: Store): Promise<void> {
  const now = Date.now();
  await store.transaction(async (tx) => {
    await tx.accounts.insert({ uin: ADMIN, name: "admin", verification: "enterprise", entityName: "Example Ltd", site: "china", createdAt: now });
    await tx.organizations.insert({ org_id: ORG_ID, host_uin: ADMIN, org_type: 1, root_node_id: ROOT_NODE, created_at: now });
    await tx.nodes.insert({ node_id: ROOT_NODE, org_id: ORG_ID, parent_id: null, name: "Root", remark: null, depth: 0, created_at: now, updated_at: now });
    await tx.nodes.insert({ node_id: DEPT_NODE, org_id: ORG_ID, parent_id: ROOT_NODE, name: "dept", remark: null, depth: 1, created_at: now, updated_at: now });
    const member = (uin: number, name: string, node: number, isAdmin: number): NewOrgMember => ({
      member_uin: uin, org_id: ORG_ID, node_id: node, is_admin: isAdmin, name, member_type: isAdmin ? "Invite" : "Create", policy_type: "Financial",
      permission_ids: "1,2", is_allow_quit: "Denied", pay_uin: null, remark: isAdmin ? null : "seeded", auth_relation_id: null, joined_at: now, updated_at: now,
    });
    await tx.members.insert(member(ADMIN, "admin", ROOT_NODE, 1));
    const BATCH = 10_000;
    for (let start = 0; start < MEMBERS; start += BATCH) {
      const accounts: NewAccount[] = [];
      const members: NewOrgMember[] = [];
      const identities: { member_uin: number; identity_id: number; created_at: number }[] = [];
      for (let i = start; i < Math.min(MEMBERS, start + BATCH); i++) {
        const uin = FIRST_MEMBER + i;
        const name = `member-${String(i).padStart(6, "0")}`;
        accounts.push({ uin, name, verification: "enterprise", entityName: "Example Ltd", site: "china", createdAt: now });
        members.push(member(uin, name, i % 10 === 0 ? DEPT_NODE : ROOT_NODE, 0));
        identities.push({ member_uin: uin, identity_id: 1, created_at: now });
      }
      await tx.accounts.insertMany(accounts);
      await tx.members.insertMany(members);
      await tx.identities.assignMany(identities);
      for (const m of members) if (m.member_uin % 100 === 0) await tx.tags.set("member", m.member_uin, [{ TagKey: "env", TagValue: "prod" }]);
    }
    const scopeUins = Array.from({ length: Math.floor(MEMBERS / 100) }, (_, i) => FIRST_MEMBER + i * 100);
    await tx.serviceAssigns.insertMany([{ org_id: ORG_ID, service_id: CONFIG_SERVICE, member_uin: DELEGATE, management_scope: 2, created_at: now }], { uins: scopeUins, nodeIds: [DEPT_NODE] });
  });
  await store.analyze();
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))], max: s[s.length - 1] };
}

interface Case {
  label: string;
  offset: number;
  searchKey?: string;
  nodeId?: number;
  /** list as the delegated admin (Product config) instead of the organization's admin */
  delegate?: boolean;
}

async function measure(dialect: string, store: Store): Promise<void> {
  const tasks = new TaskService({ store, types: new TaskTypes(), delayMs: 0, log: pino({ level: "silent" }) });
  const ctxOf = (uin: number): Context => ({
    caller: { uin, isRoot: false },
    store,
    now: Date.now,
    ids: RANDOM_IDS,
    requestId: "measure",
    action: "DescribeOrganizationMembers",
    version: "2021-03-31",
    lang: "en",
    settings: DEFAULT_DOMAIN_SETTINGS,
    hooks: LIFECYCLE,
    tasks,
  });
  const describeOrganizationMembers = (input: object, ctx: Context): Promise<any> => ACTIONS["2021-03-31"].get("DescribeOrganizationMembers")!(input, ctx);
  const cases: Case[] = [
    { label: "Offset 0", offset: 0 },
    { label: "Offset 50000", offset: 50_000 },
    { label: `Offset ${MEMBERS - 50}`, offset: MEMBERS - 50 },
    { label: 'SearchKey "member-05123" (10 matches)', offset: 0, searchKey: "member-05123" },
    { label: `SearchKey "${FIRST_MEMBER + 77777}" (a UIN)`, offset: 0, searchKey: String(FIRST_MEMBER + 77777) },
    { label: 'SearchKey "nobody" (no match)', offset: 0, searchKey: "nobody" },
    { label: 'SearchKey "member" (all match), Offset 50000', offset: 50_000, searchKey: "member" },
    { label: "NodeId (10% of members), Offset 9950", offset: 9_950, nodeId: DEPT_NODE },
    { label: `delegated admin, scope of 1% of members and a department (10%), Offset ${Math.floor(MEMBERS / 10)}`, offset: Math.floor(MEMBERS / 10), delegate: true },
  ];
  console.log(`\n=== ${dialect}: ${MEMBERS} members ===`);
  for (const c of cases) {
    const input = { Offset: c.offset, Limit: 50, SearchKey: c.searchKey, NodeId: c.nodeId, Product: c.delegate ? "config" : undefined };
    const ctx = ctxOf(c.delegate ? DELEGATE : ADMIN);
    for (let i = 0; i < 3; i++) await describeOrganizationMembers(input, ctx);
    const samples: number[] = [];
    let total = 0;
    let items = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const r = await describeOrganizationMembers(input, ctx);
      samples.push(performance.now() - t);
      total = r.Total;
      items = r.Items.length;
    }
    const s = stats(samples);
    console.log(`\n--- ${c.label}: Total ${total}, ${items} items; handler median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`);
    const filter: MemberFilter = {
      orgId: ORG_ID,
      search: searchFilter(c.searchKey),
      ...(c.nodeId ? { nodeIds: [c.nodeId] } : {}),
      ...(c.delegate ? { scope: { serviceId: CONFIG_SERVICE, adminUin: DELEGATE, nodeIds: [DEPT_NODE] } } : {}),
    };
    console.log("count plan:");
    for (const line of await store.explain(store.members.compileCount(filter))) console.log(`  ${line}`);
    console.log("page plan:");
    for (const line of await store.explain(store.members.compilePage(filter, c.offset, 50))) console.log(`  ${line}`);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "tco-measure-"));
  try {
    const sqlite = await openStore({ sqliteFile: join(dir, "tco.sqlite") });
    let t = performance.now();
    await seed(sqlite);
    console.log(`sqlite: seeded ${MEMBERS} members in ${ms(performance.now() - t)}`);
    await measure("SQLite", sqlite);
    await sqlite.close();

    const url = process.env.TCO_TEST_DATABASE_URL;
    if (!url) {
      console.log("\n(PostgreSQL skipped: set TCO_TEST_DATABASE_URL)");
      return;
    }
    const schema = `tco_measure_${randomBytes(4).toString("hex")}`;
    const postgres = await openStore({ databaseUrl: url, schema });
    try {
      t = performance.now();
      await seed(postgres);
      console.log(`\npostgres: seeded ${MEMBERS} members in ${ms(performance.now() - t)}`);
      await measure("PostgreSQL", postgres);
    } finally {
      await postgres.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
