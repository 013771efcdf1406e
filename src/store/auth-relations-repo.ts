import type { Insertable, Kysely, Selectable } from "kysely";
import { fixed } from "./fixed.js";
import { prepared } from "./prepared.js";
import type { DB } from "./schema.js";

export type AuthRelation = Selectable<DB["org_auth_relations"]>;

const FIND_HOST = prepared<{ orgId: number }>()((db, a) => db.selectFrom("org_auth_relations").selectAll().where("org_id", "=", a.orgId).where("is_host", "=", fixed(1)));

/**
 * Real-name entity relations of organizations (the admin's own entity and those of joined members),
 * each with the admin the organization's admin set for it, if any.
 */
export class AuthRelationsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** The relation of the organization admin's own entity, once created. */
  findHost(orgId: number): Promise<AuthRelation | undefined> {
    return FIND_HOST.first(this.db, { orgId });
  }

  /** Relations of an organization by id (absent ones are left out). */
  findMany(orgId: number, relationIds: readonly number[]): Promise<AuthRelation[]> {
    if (relationIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom("org_auth_relations").selectAll().where("org_id", "=", orgId).where("relation_id", "in", [...new Set(relationIds)]).execute();
  }

  /** The relation of another entity, by its name. */
  findByName(orgId: number, authName: string): Promise<AuthRelation | undefined> {
    return this.db.selectFrom("org_auth_relations").selectAll().where("org_id", "=", orgId).where("auth_name", "=", authName).executeTakeFirst();
  }

  /** Insert a relation unless one with the same name (or the host relation) already exists; answers whether it was inserted. */
  async insertIfAbsent(r: Insertable<DB["org_auth_relations"]>): Promise<boolean> {
    const res = await this.db
      .insertInto("org_auth_relations")
      .values(r)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** The host relation and every relation with a manager, host first, then by id. */
  listManaged(orgId: number): Promise<AuthRelation[]> {
    return this.db
      .selectFrom("org_auth_relations")
      .selectAll()
      .where("org_id", "=", orgId)
      .where((eb) => eb.or([eb("is_host", "=", fixed(1)), eb("manager_uin", "is not", null)]))
      .orderBy("is_host", "desc")
      .orderBy("relation_id")
      .execute();
  }

  /** Every relation of the organization, host first, then by id. */
  listAll(orgId: number): Promise<AuthRelation[]> {
    return this.db.selectFrom("org_auth_relations").selectAll().where("org_id", "=", orgId).orderBy("is_host", "desc").orderBy("relation_id").execute();
  }

  /** Set (a member's UIN) or clear (null) the admin of another entity's relation. */
  async setManager(orgId: number, relationId: number, managerUin: number | null): Promise<void> {
    await this.db.updateTable("org_auth_relations").set({ manager_uin: managerUin }).where("org_id", "=", orgId).where("relation_id", "=", relationId).execute();
  }

  /** Whether an account manages some other entity's relation in the organization. */
  async isManager(orgId: number, uin: number): Promise<boolean> {
    const r = await this.db
      .selectFrom("org_auth_relations")
      .select("relation_id")
      .where("org_id", "=", orgId)
      .where("is_host", "=", fixed(0))
      .where("manager_uin", "=", uin)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** Those of `uins` that manage some other entity's relation in the organization (one query). */
  async managersAmong(orgId: number, uins: readonly number[]): Promise<Set<number>> {
    if (uins.length === 0) return new Set();
    const rows = await this.db
      .selectFrom("org_auth_relations")
      .select("manager_uin")
      .where("org_id", "=", orgId)
      .where("is_host", "=", fixed(0))
      .where("manager_uin", "in", [...uins])
      .execute();
    return new Set(rows.map((r) => Number(r.manager_uin)));
  }
}
