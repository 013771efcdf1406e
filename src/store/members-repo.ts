import type { Insertable, Kysely, Selectable } from "kysely";
import type { DB } from "./schema.js";

export type OrgMember = Selectable<DB["org_members"]>;

/** Membership of accounts in organizations (the admin has a row too, is_admin = 1). */
export class MembersRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** The membership of an account, in whatever organization it belongs to. */
  find(uin: number): Promise<OrgMember | undefined> {
    return this.db.selectFrom("org_members").selectAll().where("member_uin", "=", uin).executeTakeFirst();
  }

  async insert(m: Insertable<DB["org_members"]>): Promise<void> {
    await this.db.insertInto("org_members").values(m).execute();
  }

  /** How many accounts belong to an organization, its admin included. */
  async countInOrg(orgId: number): Promise<number> {
    const r = await this.db.selectFrom("org_members").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", orgId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The UINs of every account of an organization, its admin included, ascending. */
  async uinsInOrg(orgId: number): Promise<number[]> {
    const rows = await this.db.selectFrom("org_members").select("member_uin").where("org_id", "=", orgId).orderBy("member_uin").execute();
    return rows.map((r) => r.member_uin);
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
    return this.db.selectFrom("org_members").selectAll().where("org_id", "=", orgId).where("name", "=", name).executeTakeFirst();
  }
}
