import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { DB } from "./schema.js";

/** Marks a placeholder among a compiled query's parameters; no stored value starts with it. */
const SLOT_PREFIX = "\u0000tco-slot:";

/** Where each parameter of the compiled text comes from: an argument's name, or a constant. */
type Source = { arg: string } | { value: unknown };

interface Template<R> {
  query: CompiledQuery<R>;
  sources: Source[];
}

/**
 * A query of fixed shape whose SQL text is compiled once per database (the first time it runs
 * there) instead of on every call: a hot repository method builds the same query tree and compiles
 * the same text over and over, and that is a measurable part of a point read. `build` is called
 * once, with placeholders standing in for the arguments; each must reach the query as a bound
 * parameter (a plain comparison or a limit), never as a list, a literal or part of the text, which
 * the first run checks. Arguments are passed by name to rows() / first().
 */
export class PreparedQuery<A extends Record<string, unknown>, R> {
  /** per database: the Kysely adapter is shared by a database's transactions and differs between databases */
  private readonly templates = new WeakMap<object, Template<R>>();

  constructor(private readonly build: (db: Kysely<DB>, args: A) => Compilable<R>) {}

  private template(db: Kysely<DB>): Template<R> {
    const key = db.getExecutor().adapter;
    let t = this.templates.get(key);
    if (t) return t;
    const placeholders = new Proxy({} as A, { get: (_, name) => `${SLOT_PREFIX}${String(name)}` });
    const query = this.build(db, placeholders).compile();
    if (query.sql.includes(SLOT_PREFIX)) throw new Error(`prepared query: an argument was inlined into the SQL text: ${query.sql}`);
    const sources = query.parameters.map((p): Source => (typeof p === "string" && p.startsWith(SLOT_PREFIX) ? { arg: p.slice(SLOT_PREFIX.length) } : { value: p }));
    t = { query, sources };
    this.templates.set(key, t);
    return t;
  }

  private compiled(db: Kysely<DB>, args: A): CompiledQuery<R> {
    const { query, sources } = this.template(db);
    const parameters = sources.map((s) => {
      if ("value" in s) return s.value;
      const v = args[s.arg];
      if (v === undefined) throw new Error(`prepared query: argument ${s.arg} missing`);
      return v;
    });
    return { ...query, parameters };
  }

  /** Every row the query answers for these arguments, on `db` (a store's database or transaction). */
  async rows(db: Kysely<DB>, args: A): Promise<R[]> {
    return (await db.executeQuery(this.compiled(db, args))).rows;
  }

  /** The first row, if any. */
  async first(db: Kysely<DB>, args: A): Promise<R | undefined> {
    return (await db.executeQuery(this.compiled(db, args))).rows[0];
  }

  /** Run a statement that answers no rows (an update or delete); answers the number of rows it changed. */
  async run(db: Kysely<DB>, args: A): Promise<number> {
    return Number((await db.executeQuery(this.compiled(db, args))).numAffectedRows ?? 0);
  }
}

/** A prepared query (see PreparedQuery); `A` names the arguments and their types. */
export const prepared = <A extends Record<string, unknown>>() => <R>(build: (db: Kysely<DB>, args: A) => Compilable<R>) => new PreparedQuery<A, R>(build);
