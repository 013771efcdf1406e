import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/**
 * Lock one organization's row until the transaction ends, so writers that change its tree or
 * membership take turns; answers false when the row does not exist. PostgreSQL: SELECT ... FOR
 * UPDATE, which also holds off inserts that reference the row. SQLite has no row locks: a no-op
 * update takes the database write lock, which serialises the writers just the same.
 */
export async function lockOrganizationRow(db: Kysely<DB>, dialect: "sqlite" | "postgres", orgId: number): Promise<boolean> {
  if (dialect === "postgres") {
    const row = await db.selectFrom("organizations").select("org_id").where("org_id", "=", orgId).forUpdate().executeTakeFirst();
    return row !== undefined;
  }
  const r = await db
    .updateTable("organizations")
    .set((eb) => ({ created_at: eb.ref("created_at") }))
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
