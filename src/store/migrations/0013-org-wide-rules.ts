import { sql, type Kysely } from "kysely";

/**
 * Rules of the whole organization the database now enforces:
 *
 * - Department names are unique in an organization, not only among siblings (the FAQ "Operation",
 *   https://www.tencentcloud.com/document/product/1031/32016: "该名称在您的组织内必须是唯一的"). A store
 *   may already hold two departments of one name under different parents: the oldest (lowest id)
 *   keeps its name and every later one is renamed `<name>-<its id>` (shortened to the 40 characters a
 *   department name may have), which still reads as the old name and tells the two apart, rather
 *   than refusing to start. The sibling constraint of 0002 stays; the new index covers it.
 * - Financial permissions 3 (fund transfer) and 10 (credit limit) are granted only once enabled for
 *   the organization (the PermissionIds descriptions of CreateOrganizationMember and
 *   UpdateOrganizationMember: "请联系您的商务经理内部开通"): one row per organization and enabled
 *   permission, going with the organization.
 * - Organization services take the ids the docs and the Terraform provider use (catalogue.ts):
 *   CloudAudit 12 → 1, Config 18 → 15. Stored delegations and their scopes move with them; the scope
 *   rows refer to their delegation, so each delegation is copied under the new id, its scope rows
 *   moved, and the old row deleted (neither new id was in use: CreateOrgServiceAssign refused ids
 *   outside the catalogue).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await renameDuplicateNodes(db);
  await db.schema.createIndex("org_nodes_org_name").on("org_nodes").columns(["org_id", "name"]).unique().execute();

  await db.schema
    .createTable("org_enabled_permissions")
    .addColumn("org_id", "bigint", (c) => c.notNull().references("organizations.org_id").onDelete("cascade"))
    .addColumn("permission_id", "integer", (c) => c.notNull().check(sql`permission_id in (3, 10)`))
    .addColumn("enabled_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("org_enabled_permissions_pk", ["org_id", "permission_id"])
    .execute();

  for (const [from, to] of SERVICE_IDS_MOVED) await moveServiceId(db, from, to);
}

/** Service ids of TCO's first catalogue → the documented ones. */
const SERVICE_IDS_MOVED: readonly [number, number][] = [
  [12, 1],
  [18, 15],
];

async function moveServiceId(db: Kysely<any>, from: number, to: number): Promise<void> {
  await db
    .insertInto("org_service_assigns")
    .columns(["org_id", "service_id", "member_uin", "management_scope", "usage_status", "created_at"])
    .expression(
      db.selectFrom("org_service_assigns").select(["org_id", sql.lit(to).as("service_id"), "member_uin", "management_scope", "usage_status", "created_at"]).where("service_id", "=", from),
    )
    .execute();
  for (const table of ["org_service_scope_members", "org_service_scope_nodes"]) {
    await db.updateTable(table).set({ service_id: to }).where("service_id", "=", from).execute();
  }
  await db.deleteFrom("org_service_assigns").where("service_id", "=", from).execute();
}

/** Department names: at most 40 characters (node-rules.ts). */
const NODE_NAME_MAX = 40;

async function renameDuplicateNodes(db: Kysely<any>): Promise<void> {
  const rows: { node_id: number; org_id: number; name: string }[] = await db
    .selectFrom("org_nodes")
    .select(["node_id", "org_id", "name"])
    .orderBy("org_id")
    .orderBy("node_id")
    .execute();
  const used = new Map<number, Set<string>>();
  for (const r of rows) {
    const names = used.get(Number(r.org_id)) ?? new Set<string>();
    used.set(Number(r.org_id), names);
    names.add(r.name);
  }
  const seen = new Map<number, Set<string>>();
  for (const r of rows) {
    const orgId = Number(r.org_id);
    const kept = seen.get(orgId) ?? new Set<string>();
    seen.set(orgId, kept);
    if (!kept.has(r.name)) {
      kept.add(r.name);
      continue;
    }
    const names = used.get(orgId)!;
    let name = renamed(r.name, String(r.node_id));
    for (let n = 2; names.has(name); n++) name = renamed(r.name, `${r.node_id}-${n}`);
    names.add(name);
    kept.add(name);
    await db.updateTable("org_nodes").set({ name }).where("node_id", "=", r.node_id).execute();
  }
}

/** `<name>-<suffix>`, the name shortened so the whole fits a department name. */
function renamed(name: string, suffix: string): string {
  const base = [...name].slice(0, NODE_NAME_MAX - suffix.length - 1).join("");
  return `${base}-${suffix}`;
}
