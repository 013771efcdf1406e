import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Updateable } from "kysely";
import { chunks } from "./chunks.js";
import type { DB } from "./schema.js";
import type { TagPair } from "./tags-repo.js";
import { insertRow, prepared, updateRow } from "./prepared.js";

export type OrgMember = Selectable<DB["org_members"]>;
/** A membership to insert. */
export type NewOrgMember = Insertable<DB["org_members"]>;
/** Attributes of a membership that may change (not its account or organization). */
export type MemberPatch = Omit<Updateable<DB["org_members"]>, "member_uin" | "org_id">;

/** Which members of an organization a listing shows; every condition given must hold. */
export interface MemberFilter {
  orgId: number;
  /** direct members of any of these departments, which must be the organization's (an empty list matches nobody) */
  nodeIds?: readonly number[];
  /** the member with this UIN, or members whose name starts with `text` (case-sensitive) */
  search?: { text: string; uin?: number };
  /** members whose account is verified under this entity name */
  entityName?: string;
  /** members carrying every one of these tags */
  tags?: readonly TagPair[];
  /**
   * members a delegated admin with a partial scope manages: those its scope names, and those in
   * `nodeIds` (the scope's departments and their sub-departments)
   */
  scope?: { serviceId: number; adminUin: number; nodeIds: readonly number[] };
  /** the members that are delegated admins of this organization service */
  delegatesOf?: number;
}

/** A member with the names a listing shows next to it. */
export interface MemberListRow extends OrgMember {
  nick_name: string;
  node_name: string;
  node_parent_id: number | null;
  pay_name: string | null;
}

/**
 * Names starting with `prefix` are the index range [prefix, prefix + U+FFFF): names compare by code
 * point on both dialects and hold only characters of the Basic Multilingual Plane.
 */
const prefixEnd = (prefix: string) => `${prefix}\uffff`;

/** A MemberFilter with its name search as the index range it reads. */
interface Scope extends Omit<MemberFilter, "search"> {
  search?: { from: string; to: string; uin?: number };
}

const scopeOf = (f: MemberFilter): Scope => {
  const { search, ...rest } = f;
  return search ? { ...rest, search: { from: search.text, to: prefixEnd(search.text), uin: search.uin } } : rest;
};

/** The listings asked most (every member; members by name) run as prepared queries; others are built per call. */
function shapeOf(f: MemberFilter): "all" | "name" | "other" {
  if (f.nodeIds || f.entityName !== undefined || f.tags?.length || f.scope || f.delegatesOf !== undefined) return "other";
  if (!f.search) return "all";
  return f.search.uin === undefined ? "name" : "other";
}

/** The members of an organization a scope matches. */
function filtered(db: Kysely<DB>, f: Scope) {
  let q = db.selectFrom("org_members as m");
  // Departments belong to one organization, so a department filter alone scopes the listing
  // (and lets the (node_id, member_uin) index answer it without reading rows).
  if (f.nodeIds) q = f.nodeIds.length > 0 ? q.where("m.node_id", "in", f.nodeIds) : q.where(sql<boolean>`1 = 0`);
  // so does a delegated admin's scope: its members and departments are the organization's
  else if (!f.scope) q = q.where("m.org_id", "=", f.orgId);
  if (f.search) {
    const { from, to, uin } = f.search;
    q = q.where((eb) => {
      const named = eb.and([eb("m.name", ">=", from), eb("m.name", "<", to)]);
      return uin === undefined ? named : eb.or([eb("m.member_uin", "=", uin), named]);
    });
  }
  if (f.entityName !== undefined) {
    const entity = f.entityName;
    q = q.where("m.member_uin", "in", (eb) => eb.selectFrom("accounts").select("accounts.uin").where("accounts.entity_name", "=", entity));
  }
  if (f.scope) {
    // one IN over the union of the two small key sets, each found from its own index (an OR of
    // the two conditions would make PostgreSQL read every member of the organization)
    const { serviceId, adminUin, nodeIds } = f.scope;
    const named = db
      .selectFrom("org_service_scope_members as s")
      .select("s.member_uin")
      .where("s.org_id", "=", f.orgId)
      .where("s.service_id", "=", serviceId)
      .where("s.admin_uin", "=", adminUin);
    const keys = nodeIds.length > 0 ? named.union(db.selectFrom("org_members as d").select("d.member_uin").where("d.node_id", "in", nodeIds)) : named;
    q = q.where("m.member_uin", "in", keys);
  }
  if (f.delegatesOf !== undefined) {
    const serviceId = f.delegatesOf;
    q = q.where("m.member_uin", "in", (eb) =>
      eb.selectFrom("org_service_assigns as a").select("a.member_uin").where("a.org_id", "=", f.orgId).where("a.service_id", "=", serviceId),
    );
  }
  for (const t of f.tags ?? []) {
    q = q.where("m.member_uin", "in", (eb) =>
      eb
        .selectFrom("resource_tags")
        .select("resource_tags.resource_id")
        .where("resource_tags.resource_type", "=", "member")
        .where("resource_tags.tag_key", "=", t.TagKey)
        .where("resource_tags.tag_value", "=", t.TagValue),
    );
  }
  return q;
}

/** The members whose UINs a keys query answers, with the names a listing shows, in the keys' order. */
function rowsOfKeys(db: Kysely<DB>, keys: SelectQueryBuilder<DB & { m: DB["org_members"] }, "m", { member_uin: number }>, byName: boolean) {
  let q = db
    .selectFrom("org_members as m")
    .innerJoin("accounts as a", "a.uin", "m.member_uin")
    .innerJoin("org_nodes as n", "n.node_id", "m.node_id")
    .leftJoin("accounts as p", "p.uin", "m.pay_uin")
    .selectAll("m")
    .select(["a.name as nick_name", "n.name as node_name", "n.parent_id as node_parent_id", "p.name as pay_name"])
    .where("m.member_uin", "in", keys);
  q = byName ? q.orderBy("m.name").orderBy("m.member_uin") : q.orderBy("m.member_uin");
  return q;
}

/** A page of a scope's members with the names a listing shows (see MembersRepo.page). */
function pageQuery(db: Kysely<DB>, f: Scope, offset: number, limit: number) {
  // With a name search the name index both filters and orders, so the page comes from it alone.
  let keys = filtered(db, f).select("m.member_uin");
  keys = f.search ? keys.orderBy("m.name").orderBy("m.member_uin") : keys.orderBy("m.member_uin");
  return rowsOfKeys(db, keys.limit(limit).offset(offset), f.search !== undefined);
}

/**
 * A page of every member from an anchor: the member at a known position `offset - rest` of the
 * listing, when the organization's membership is still at revision `rev`; otherwise (a member
 * came or went since the anchor was taken) from the start, `offset` members in. The revision is
 * compared inside the statement, so the page answered is the one of the state the statement reads.
 */
function anchoredPageQuery(db: Kysely<DB>, a: { orgId: number; rev: number; anchor: number; rest: number; offset: number; limit: number }) {
  const current = db.selectFrom("organizations").select("members_rev").where("org_id", "=", a.orgId);
  const keys = db
    .selectFrom("org_members as m")
    .select("m.member_uin")
    .where("m.org_id", "=", a.orgId)
    // (typed: PostgreSQL cannot tell the type of a parameter that is a CASE's result)
    .where("m.member_uin", ">=", sql<number>`case when (${current}) = ${a.rev} then cast(${a.anchor} as bigint) else 0 end`)
    .orderBy("m.member_uin")
    .limit(a.limit)
    .offset(sql<number>`case when (${current}) = ${a.rev} then cast(${a.rest} as bigint) else cast(${a.offset} as bigint) end`);
  return rowsOfKeys(db, keys, false);
}

type PageArgs = { orgId: number; offset: number; limit: number };
type NameArgs = { orgId: number; from: string; to: string };
const PAGE_ALL = prepared<PageArgs>()((db, a) => pageQuery(db, { orgId: a.orgId }, a.offset, a.limit));
const PAGE_BY_NAME = prepared<PageArgs & NameArgs>()((db, a) => pageQuery(db, { orgId: a.orgId, search: { from: a.from, to: a.to } }, a.offset, a.limit));
const PAGE_ANCHORED = prepared<PageArgs & { rev: number; anchor: number; rest: number }>()((db, a) => anchoredPageQuery(db, a));
const MEMBERS_REV = prepared<{ orgId: number }>()((db, a) => db.selectFrom("organizations").select("members_rev").where("org_id", "=", a.orgId));
const NTH_AFTER = prepared<{ orgId: number; after: number; skip: number }>()((db, a) =>
  db.selectFrom("org_members").select("member_uin").where("org_id", "=", a.orgId).where("member_uin", ">", a.after).orderBy("member_uin").limit(1).offset(a.skip),
);

/**
 * Positions in the listing of every member, kept per organization in this process: the UIN of
 * every ANCHOR_STEP-th member, valid while the organization's members_rev is `rev`. A deep page
 * then starts at the nearest anchor below its offset, and reads fewer than ANCHOR_STEP index
 * entries before its first row instead of `offset` of them.
 */
interface Anchors {
  rev: number;
  uins: number[];
  builtAt: number;
}
const ANCHOR_STEP = 256;
/** Shallower pages read from the start of the index: an anchor would save little. */
const ANCHOR_MIN_OFFSET = 2 * ANCHOR_STEP;
/** While an organization's membership keeps changing, its anchors are rebuilt at most this often; pages in between read from the start. */
const ANCHOR_REBUILD_MS = 1_000;
/** Organizations whose anchors one process keeps (per database). */
const ANCHOR_ORGS_KEPT = 1_000;
/** per database (see PreparedQuery): organization → anchors */
const anchorsByDb = new WeakMap<object, Map<number, Anchors>>();

const COUNT_BY_NAME = prepared<NameArgs>()((db, a) =>
  filtered(db, { orgId: a.orgId, search: { from: a.from, to: a.to } }).select((eb) => eb.fn.countAll<number>().as("n")),
);

const INSERT = insertRow("org_members");
const UPDATE = updateRow("org_members", "member_uin");
const FIND = prepared<{ uin: number }>()((db, a) => db.selectFrom("org_members").selectAll().where("member_uin", "=", a.uin));
const FIND_IN_ORG = prepared<{ orgId: number; uin: number }>()((db, a) =>
  db.selectFrom("org_members").selectAll().where("member_uin", "=", a.uin).where("org_id", "=", a.orgId),
);
const BY_NAME = prepared<{ orgId: number; name: string }>()((db, a) => db.selectFrom("org_members").selectAll().where("org_id", "=", a.orgId).where("name", "=", a.name));
const COUNTS = prepared<{ orgId: number }>()((db, a) => db.selectFrom("organizations").select(["member_count", "created_member_count"]).where("org_id", "=", a.orgId));

/** Membership of accounts in organizations (the admin has a row too, is_admin = 1). */
export class MembersRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** The membership of an account, in whatever organization it belongs to. */
  find(uin: number): Promise<OrgMember | undefined> {
    return FIND.first(this.db, { uin });
  }

  /** The membership of an account in one organization. */
  findInOrg(orgId: number, uin: number): Promise<OrgMember | undefined> {
    return FIND_IN_ORG.first(this.db, { orgId, uin });
  }

  /** Memberships of these accounts in one organization (absent ones are left out). */
  async findManyInOrg(orgId: number, uins: readonly number[]): Promise<OrgMember[]> {
    const out: OrgMember[] = [];
    for (const part of chunks([...new Set(uins)])) {
      out.push(...(await this.db.selectFrom("org_members").selectAll().where("org_id", "=", orgId).where("member_uin", "in", part).execute()));
    }
    return out;
  }

  async insert(m: NewOrgMember): Promise<void> {
    await INSERT(this.db, m);
  }

  /** Insert many memberships at once (bulk loading). */
  async insertMany(rows: readonly NewOrgMember[]): Promise<void> {
    for (const part of chunks(rows, 400)) await this.db.insertInto("org_members").values(part).execute();
  }

  /** Change a membership's attributes. */
  async update(uin: number, patch: MemberPatch): Promise<void> {
    await UPDATE(this.db, uin, patch);
  }

  /** Put members of an organization into a department. */
  async moveToNode(orgId: number, uins: readonly number[], nodeId: number, now: number): Promise<void> {
    for (const part of chunks([...new Set(uins)])) {
      await this.db.updateTable("org_members").set({ node_id: nodeId, updated_at: now }).where("org_id", "=", orgId).where("member_uin", "in", part).execute();
    }
  }

  /** Remove memberships (the accounts stay; their identities go with the membership). */
  async deleteMany(orgId: number, uins: readonly number[]): Promise<void> {
    for (const part of chunks([...new Set(uins)])) {
      await this.db.deleteFrom("org_members").where("org_id", "=", orgId).where("member_uin", "in", part).execute();
    }
  }

  /** Whether another member of the organization already has this name. */
  async nameTaken(orgId: number, name: string, exceptUin?: number): Promise<boolean> {
    const found = await BY_NAME.first(this.db, { orgId, name });
    return found !== undefined && found.member_uin !== exceptUin;
  }

  /** How many accounts belong to an organization (its admin included), and how many of them it created. */
  async counts(orgId: number): Promise<{ members: number; created: number }> {
    const row = await COUNTS.first(this.db, { orgId });
    return { members: Number(row?.member_count ?? 0), created: Number(row?.created_member_count ?? 0) };
  }

  /** How many accounts belong to an organization, its admin included (0 for no organization). */
  async countInOrg(orgId: number): Promise<number> {
    return (await this.counts(orgId)).members;
  }

  /** For each of these payers, the other members of the organization it pays for (one query per 500 payers). */
  async paidBy(orgId: number, payerUins: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    for (const part of chunks([...new Set(payerUins)])) {
      const rows = await this.db
        .selectFrom("org_members")
        .select(["member_uin", "pay_uin"])
        .where("org_id", "=", orgId)
        .where("pay_uin", "in", part)
        .execute();
      for (const r of rows) {
        if (r.pay_uin === null || r.pay_uin === r.member_uin) continue;
        const list = out.get(r.pay_uin) ?? [];
        list.push(r.member_uin);
        out.set(r.pay_uin, list);
      }
    }
    return out;
  }

  /** How many members a filter matches (the organization's stored count when nothing else is asked). */
  async count(f: MemberFilter): Promise<number> {
    if (shapeOf(f) === "all") return this.countInOrg(f.orgId);
    const scope = scopeOf(f);
    if (shapeOf(f) === "name") return Number((await COUNT_BY_NAME.first(this.db, { orgId: f.orgId, ...scope.search! }))?.n ?? 0);
    const r = await filtered(this.db, scope).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * One page of the members a filter matches, by ascending UIN (by name, then UIN, when searching
   * by name), with the names shown next to them. The page's keys are found first from the indexes
   * alone (a deep offset skips index entries, not rows), then only those rows are read and joined.
   */
  async page(f: MemberFilter, offset: number, limit: number): Promise<MemberListRow[]> {
    const shape = shapeOf(f);
    if (shape === "all") {
      const anchors = offset >= ANCHOR_MIN_OFFSET ? await this.anchors(f.orgId) : undefined;
      if (!anchors) return PAGE_ALL.rows(this.db, { orgId: f.orgId, offset, limit });
      const k = Math.min(Math.floor(offset / ANCHOR_STEP), anchors.uins.length - 1);
      return PAGE_ANCHORED.rows(this.db, { orgId: f.orgId, rev: anchors.rev, anchor: anchors.uins[k], rest: offset - k * ANCHOR_STEP, offset, limit });
    }
    const scope = scopeOf(f);
    if (shape === "name") return PAGE_BY_NAME.rows(this.db, { orgId: f.orgId, ...scope.search!, offset, limit });
    return pageQuery(this.db, scope, offset, limit).execute();
  }

  /**
   * The organization's anchors at its current membership revision (see Anchors): kept ones, or
   * found now with one short index read per anchor. None inside a transaction (its uncommitted
   * rows must not be remembered), for an organization without members, or while the membership
   * changes faster than ANCHOR_REBUILD_MS. The revision read before and after finding them is
   * the same only if no membership change committed meanwhile, so each anchor read the same state.
   */
  private async anchors(orgId: number): Promise<Anchors | undefined> {
    if (this.db.isTransaction) return undefined;
    const key = this.db.getExecutor().adapter;
    let kept = anchorsByDb.get(key);
    if (!kept) anchorsByDb.set(key, (kept = new Map()));
    const rev = (await MEMBERS_REV.first(this.db, { orgId }))?.members_rev;
    if (rev === undefined) return undefined;
    const cached = kept.get(orgId);
    if (cached && cached.rev === Number(rev)) return cached;
    const now = Date.now();
    if (cached && now - cached.builtAt < ANCHOR_REBUILD_MS) return undefined;
    const uins: number[] = [];
    let row = await NTH_AFTER.first(this.db, { orgId, after: 0, skip: 0 });
    while (row) {
      uins.push(row.member_uin);
      row = await NTH_AFTER.first(this.db, { orgId, after: row.member_uin, skip: ANCHOR_STEP - 1 });
    }
    const after = (await MEMBERS_REV.first(this.db, { orgId }))?.members_rev;
    if (uins.length === 0 || after === undefined || Number(after) !== Number(rev)) {
      if (cached) cached.builtAt = now;
      return undefined;
    }
    if (kept.size >= ANCHOR_ORGS_KEPT) kept.clear();
    const anchors = { rev: Number(rev), uins, builtAt: now };
    kept.set(orgId, anchors);
    return anchors;
  }

  /** SQL text and parameters of a page query (for measuring and EXPLAIN). */
  compilePage(f: MemberFilter, offset: number, limit: number) {
    return pageQuery(this.db, scopeOf(f), offset, limit).compile();
  }

  /** SQL text and parameters of a count query (for measuring and EXPLAIN). */
  compileCount(f: MemberFilter) {
    return filtered(this.db, scopeOf(f)).select((eb) => eb.fn.countAll<number>().as("n")).compile();
  }

  /** How many accounts sit directly in each node of an organization (nodes without any are absent). */
  async countByNode(orgId: number): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom("org_members")
      .select(["node_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("org_id", "=", orgId)
      .groupBy("node_id")
      .execute();
    return new Map(rows.map((r) => [r.node_id, Number(r.n)]));
  }

  /** Which of the given nodes hold at least one account. */
  async nodesWithMembers(nodeIds: readonly number[]): Promise<number[]> {
    if (nodeIds.length === 0) return [];
    const rows = await this.db.selectFrom("org_members").select("node_id").distinct().where("node_id", "in", nodeIds).execute();
    return rows.map((r) => r.node_id);
  }

  /** How many members of an organization have `uin` pay on their behalf. */
  async countPaidBy(orgId: number, uin: number): Promise<number> {
    const r = await this.db
      .selectFrom("org_members")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("org_id", "=", orgId)
      .where("pay_uin", "=", uin)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Remove an account from its organization. */
  async delete(uin: number): Promise<void> {
    await this.db.deleteFrom("org_members").where("member_uin", "=", uin).execute();
  }

  /** The member of an organization holding a name (names are unique in an organization). */
  findByName(orgId: number, name: string): Promise<OrgMember | undefined> {
    return BY_NAME.first(this.db, { orgId, name });
  }

  /** The UINs of every account of an organization, its admin included, ascending. */
  async uinsInOrg(orgId: number): Promise<number[]> {
    const rows = await this.db.selectFrom("org_members").select("member_uin").where("org_id", "=", orgId).orderBy("member_uin").execute();
    return rows.map((r) => r.member_uin);
  }
}
