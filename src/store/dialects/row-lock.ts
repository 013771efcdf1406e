import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/**
 * Lock one organization's row until the transaction ends, so writers that change its tree or
 * membership take turns; answers false when the row does not exist. PostgreSQL: SELECT ... FOR
 * UPDATE, which also holds off inserts that reference the row. SQLite has no row locks, and needs
 * none here: its transactions begin IMMEDIATE (see sqlite.ts), holding the database's write lock
 * from the start, so writers already take turns; the row is only looked up.
 */
export async function lockOrganizationRow(db: Kysely<DB>, dialect: "sqlite" | "postgres", orgId: number): Promise<boolean> {
  let q = db.selectFrom("organizations").select("org_id").where("org_id", "=", orgId);
  if (dialect === "postgres") q = q.forUpdate();
  return (await q.executeTakeFirst()) !== undefined;
}
