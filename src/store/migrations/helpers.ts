import { sql } from "kysely";

/** A portable CHECK expression: `column IN ('a', 'b', ...)`. */
export function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
