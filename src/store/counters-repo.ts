import { sql, type Kysely } from "kysely";
import type { DB } from "./schema.js";

/** Named monotonic counters, atomic on both dialects (one upsert statement). */
export class CountersRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** The next value of a counter; the first call answers `start`. */
  async next(name: string, start: number): Promise<number> {
    const row = await this.db
      .insertInto("counters")
      .values({ name, value: start })
      .onConflict((oc) => oc.column("name").doUpdateSet({ value: sql<number>`counters.value + 1` }))
      .returning("value")
      .executeTakeFirstOrThrow();
    return Number(row.value);
  }
}
