import type { Insertable, Kysely, Selectable } from "kysely";
import { chunks } from "./chunks.js";
import { prepared } from "./prepared.js";
import type { DB } from "./schema.js";

export type ServiceAssign = Selectable<DB["org_service_assigns"]>;

/** A delegation with its admin's member name, as listings show it. */
export interface ServiceAssignRow extends ServiceAssign {
  member_name: string;
}

/** What a ManagementScope 2 delegation manages: chosen members and chosen departments. */
export interface ManagementScope {
  uins: readonly number[];
  nodeIds: readonly number[];
}

const SERVICES_OF = prepared<{ uin: number }>()((db, a) =>
  db.selectFrom("org_service_assigns").select("service_id").where("member_uin", "=", a.uin).orderBy("service_id"),
);

/** Delegated admins of organization services and their management scopes. */
export class ServiceAssignsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** The delegation of one member for one service of an organization. */
  find(orgId: number, serviceId: number, uin: number): Promise<ServiceAssign | undefined> {
    return this.db
      .selectFrom("org_service_assigns")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("service_id", "=", serviceId)
      .where("member_uin", "=", uin)
      .executeTakeFirst();
  }

  /**
   * Delegate a service to members, all with the same scope (scope rows only when given). Each row
   * and each scope entry keeps its place in the list given, after the service's earlier delegations:
   * the caller holds the organization's lock, so the places taken cannot race.
   */
  async insertMany(rows: readonly Omit<Insertable<DB["org_service_assigns"]>, "ordinal">[], scope: ManagementScope): Promise<void> {
    if (rows.length === 0) return;
    const { org_id, service_id } = rows[0];
    const last = await this.db
      .selectFrom("org_service_assigns")
      .select((eb) => eb.fn.max("ordinal").as("n"))
      .where("org_id", "=", org_id)
      .where("service_id", "=", service_id)
      .executeTakeFirst();
    const first = Number(last?.n ?? 0) + 1;
    await this.db
      .insertInto("org_service_assigns")
      .values(rows.map((r, i) => ({ ...r, ordinal: first + i })))
      .execute();
    for (const r of rows) {
      const key = { org_id: r.org_id, service_id: r.service_id, admin_uin: r.member_uin };
      for (const part of chunks(scope.uins.map((uin, i) => ({ ...key, member_uin: uin, ordinal: i })))) {
        await this.db.insertInto("org_service_scope_members").values(part).execute();
      }
      for (const part of chunks(scope.nodeIds.map((nodeId, i) => ({ ...key, node_id: nodeId, ordinal: i })))) {
        await this.db.insertInto("org_service_scope_nodes").values(part).execute();
      }
    }
  }

  /** End a delegation (its scope rows go with it); false when there was none. */
  async delete(orgId: number, serviceId: number, uin: number): Promise<boolean> {
    const r = await this.db
      .deleteFrom("org_service_assigns")
      .where("org_id", "=", orgId)
      .where("service_id", "=", serviceId)
      .where("member_uin", "=", uin)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Record whether the delegated admin switched the organization feature on in the service; false when there is no such delegation. */
  async setUsage(orgId: number, serviceId: number, uin: number, status: 1 | 2): Promise<boolean> {
    const r = await this.db
      .updateTable("org_service_assigns")
      .set({ usage_status: status })
      .where("org_id", "=", orgId)
      .where("service_id", "=", serviceId)
      .where("member_uin", "=", uin)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** How many delegated admins each service of an organization has (services without any are absent). */
  async countByService(orgId: number): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom("org_service_assigns")
      .select(["service_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("org_id", "=", orgId)
      .groupBy("service_id")
      .execute();
    return new Map(rows.map((r) => [r.service_id, Number(r.n)]));
  }

  /** How many delegated admins one service of an organization has. */
  async count(orgId: number, serviceId: number): Promise<number> {
    const r = await this.db
      .selectFrom("org_service_assigns")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("org_id", "=", orgId)
      .where("service_id", "=", serviceId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** A page of one service's delegated admins in the order they were delegated, with their member names. */
  page(orgId: number, serviceId: number, offset: number, limit: number): Promise<ServiceAssignRow[]> {
    return this.db
      .selectFrom("org_service_assigns as s")
      .innerJoin("org_members as m", "m.member_uin", "s.member_uin")
      .selectAll("s")
      .select("m.name as member_name")
      .where("s.org_id", "=", orgId)
      .where("s.service_id", "=", serviceId)
      .orderBy("s.ordinal")
      .orderBy("s.member_uin")
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /** The ids of the services a member is delegated admin of, ascending. */
  async servicesOf(uin: number): Promise<number[]> {
    const rows = await SERVICES_OF.rows(this.db, { uin });
    return rows.map((r) => r.service_id);
  }

  /** For those of these accounts that are delegated admins, the services they administer. */
  async servicesOfMany(uins: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    for (const part of chunks([...new Set(uins)])) {
      const rows = await this.db
        .selectFrom("org_service_assigns")
        .select(["member_uin", "service_id"])
        .where("member_uin", "in", part)
        .orderBy("service_id")
        .execute();
      for (const r of rows) out.set(r.member_uin, [...(out.get(r.member_uin) ?? []), r.service_id]);
    }
    return out;
  }

  /** The members and departments in the scopes of these delegated admins of one service, with their names, in the order given. */
  async scopes(orgId: number, serviceId: number, adminUins: readonly number[]) {
    const members = new Map<number, { uin: number; name: string }[]>();
    const nodes = new Map<number, { nodeId: number; name: string }[]>();
    if (adminUins.length === 0) return { members, nodes };
    const [memberRows, nodeRows] = await Promise.all([
      this.db
        .selectFrom("org_service_scope_members as s")
        .innerJoin("org_members as m", "m.member_uin", "s.member_uin")
        .select(["s.admin_uin", "s.member_uin", "m.name"])
        .where("s.org_id", "=", orgId)
        .where("s.service_id", "=", serviceId)
        .where("s.admin_uin", "in", adminUins)
        .orderBy("s.admin_uin")
        .orderBy("s.ordinal")
        .orderBy("s.member_uin")
        .execute(),
      this.db
        .selectFrom("org_service_scope_nodes as s")
        .innerJoin("org_nodes as n", "n.node_id", "s.node_id")
        .select(["s.admin_uin", "s.node_id", "n.name"])
        .where("s.org_id", "=", orgId)
        .where("s.service_id", "=", serviceId)
        .where("s.admin_uin", "in", adminUins)
        .orderBy("s.admin_uin")
        .orderBy("s.ordinal")
        .orderBy("s.node_id")
        .execute(),
    ]);
    for (const r of memberRows) members.set(r.admin_uin, [...(members.get(r.admin_uin) ?? []), { uin: r.member_uin, name: r.name }]);
    for (const r of nodeRows) nodes.set(r.admin_uin, [...(nodes.get(r.admin_uin) ?? []), { nodeId: r.node_id, name: r.name }]);
    return { members, nodes };
  }

  /** The departments named in one delegated admin's scope. */
  async scopeNodeIds(orgId: number, serviceId: number, adminUin: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom("org_service_scope_nodes")
      .select("node_id")
      .where("org_id", "=", orgId)
      .where("service_id", "=", serviceId)
      .where("admin_uin", "=", adminUin)
      .execute();
    return rows.map((r) => r.node_id);
  }
}
