import { sql, type CompiledQuery, type Kysely } from "kysely";

/**
 * The plan a database chooses for a compiled query: SQLite's EXPLAIN QUERY PLAN as an indented
 * tree, or PostgreSQL's EXPLAIN (ANALYZE, BUFFERS), which runs the query.
 */
export async function explainPlan(db: Kysely<any>, dialect: "sqlite" | "postgres", query: CompiledQuery): Promise<string[]> {
  if (dialect === "sqlite") {
    const r = await db.executeQuery<{ id: number; parent: number; detail: string }>({ ...query, sql: `EXPLAIN QUERY PLAN ${query.sql}` });
    const depth = new Map<number, number>([[0, 0]]);
    return r.rows.map((row) => {
      const d = (depth.get(row.parent) ?? 0) + 1;
      depth.set(row.id, d);
      return `${"  ".repeat(d - 1)}${row.detail}`;
    });
  }
  const r = await db.executeQuery<{ "QUERY PLAN": string }>({ ...query, sql: `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}` });
  return r.rows.map((row) => row["QUERY PLAN"]);
}

/** Refresh the planner's statistics after a bulk load (PostgreSQL also sets the visibility map). */
export async function refreshStatistics(db: Kysely<any>, dialect: "sqlite" | "postgres"): Promise<void> {
  await sql`${sql.raw(dialect === "postgres" ? "VACUUM ANALYZE" : "ANALYZE")}`.execute(db);
}
