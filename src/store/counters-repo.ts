import { sql, type Kysely } from "kysely";
import type { DB } from "./schema.js";
import { prepared } from "./prepared.js";

const NEXT = prepared<{ name: string; start: number }>()((db, a) =>
  db
    .insertInto("counters")
    .values({ name: a.name, value: a.start })
    .onConflict((oc) => oc.column("name").doUpdateSet({ value: sql<number>`counters.value + 1` }))
    .returning("value"),
);

/** Named monotonic counters, atomic on both dialects (one upsert statement). */
export class CountersRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** The next value of a counter; the first call answers `start`. */
  async next(name: string, start: number): Promise<number> {
    const row = await NEXT.first(this.db, { name, start });
    if (!row) throw new Error(`counter ${name}: the upsert answered no row`);
    return Number(row.value);
  }

  /** A counter's value, or undefined when it was never drawn. */
  async value(name: string): Promise<number | undefined> {
    const row = await this.db.selectFrom("counters").select("value").where("name", "=", name).executeTakeFirst();
    return row === undefined ? undefined : Number(row.value);
  }
}
