import type { Compilable, CompiledQuery, Insertable, Kysely, Updateable } from "kysely";
import type { DB } from "./schema.js";

/** Marks a placeholder among a compiled query's parameters; no stored value starts with it. */
const SLOT_PREFIX = "\u0000tco-slot:";
/** The placeholder name of an IN list's i-th item. */
const ITEM = "\u0001item";

/** Where each parameter of the compiled text comes from: a named argument, a list item, or a constant. */
type Source = { arg: string } | { item: number } | { value: unknown };

interface Template<R> {
  query: CompiledQuery<R>;
  sources: Source[];
}

/**
 * Compile `build` once with placeholders standing in for the arguments (and for `arity` list
 * items), and note which parameter each one became; checked: none may reach the SQL text.
 */
function compileTemplate<R>(db: Kysely<DB>, build: (db: Kysely<DB>, args: any, list: readonly unknown[]) => Compilable<R>, arity: number): Template<R> {
  const placeholders = new Proxy({}, { get: (_, name) => `${SLOT_PREFIX}${String(name)}` });
  const items = Array.from({ length: arity }, (_, i) => `${SLOT_PREFIX}${ITEM}${i}`);
  const query = build(db, placeholders, items).compile();
  if (query.sql.includes(SLOT_PREFIX)) throw new Error(`prepared query: an argument was inlined into the SQL text: ${query.sql}`);
  const sources = query.parameters.map((p): Source => {
    if (typeof p !== "string" || !p.startsWith(SLOT_PREFIX)) return { value: p };
    const name = p.slice(SLOT_PREFIX.length);
    return name.startsWith(ITEM) ? { item: Number(name.slice(ITEM.length)) } : { arg: name };
  });
  return { query, sources };
}

function bind<R>(t: Template<R>, args: Record<string, unknown>, list: readonly unknown[]): CompiledQuery<R> {
  const parameters = new Array<unknown>(t.sources.length);
  for (let i = 0; i < parameters.length; i++) {
    const s = t.sources[i];
    let v: unknown;
    if ("value" in s) v = s.value;
    else if ("item" in s) v = list[s.item];
    else v = args[s.arg];
    if (v === undefined) throw new Error(`prepared query: argument ${"arg" in s ? s.arg : `item ${(s as { item: number }).item}`} missing`);
    parameters[i] = v;
  }
  return { ...t.query, parameters };
}

/** The key a database's templates are kept under: its Kysely adapter, shared by its transactions and differing between databases. */
const keyOf = (db: Kysely<DB>): object => db.getExecutor().adapter;

/**
 * A query of fixed shape whose SQL text is compiled once per database (the first time it runs
 * there) instead of on every call: a hot repository method builds the same query tree and compiles
 * the same text over and over, and that is a measurable part of a point read. `build` is called
 * once, with placeholders standing in for the arguments; each must reach the query as a bound
 * parameter (a plain comparison or a limit), never as a list, a literal or part of the text, which
 * the first run checks. Arguments are passed by name to rows() / first() / run().
 */
export class PreparedQuery<A extends Record<string, unknown>, R> {
  private readonly templates = new WeakMap<object, Template<R>>();

  constructor(private readonly build: (db: Kysely<DB>, args: A) => Compilable<R>) {}

  private compiled(db: Kysely<DB>, args: A): CompiledQuery<R> {
    const key = keyOf(db);
    let t = this.templates.get(key);
    if (!t) this.templates.set(key, (t = compileTemplate(db, this.build, 0)));
    return bind(t, args, []);
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

/** List lengths whose queries are kept compiled (a page holds at most 100 rows); longer lists compile per call. */
const MAX_KEPT_ARITY = 128;

/**
 * A prepared query with one IN list (see PreparedQuery): compiled once per database and list
 * length, the list's items bound as parameters like the other arguments.
 */
export class PreparedListQuery<A extends Record<string, unknown>, T, R> {
  private readonly templates = new WeakMap<object, Map<number, Template<R>>>();

  constructor(private readonly build: (db: Kysely<DB>, args: A, list: readonly T[]) => Compilable<R>) {}

  /** Every row the query answers for these arguments and list items. */
  async rows(db: Kysely<DB>, args: A, list: readonly T[]): Promise<R[]> {
    const key = keyOf(db);
    let byArity = this.templates.get(key);
    if (!byArity) this.templates.set(key, (byArity = new Map()));
    let t = byArity.get(list.length);
    if (!t) {
      t = compileTemplate(db, this.build as (db: Kysely<DB>, args: any, list: readonly unknown[]) => Compilable<R>, list.length);
      if (list.length <= MAX_KEPT_ARITY) byArity.set(list.length, t);
    }
    return (await db.executeQuery(bind(t, args, list))).rows;
  }
}

/** A prepared query with one IN list (see PreparedListQuery); `A` names the other arguments, `T` is the items' type. */
export const preparedList =
  <A extends Record<string, unknown>, T>() =>
  <R>(build: (db: Kysely<DB>, args: A, list: readonly T[]) => Compilable<R>) =>
    new PreparedListQuery<A, T, R>(build);

/** Column sets whose statements are kept compiled per table (callers use a handful each). */
const MAX_KEPT_SHAPES = 64;

/** A value Kysely would take as an expression (a factory or a builder), not as a bound parameter. */
const isExpression = (v: unknown) => typeof v === "function" || (typeof v === "object" && v !== null && "toOperationNode" in v);

/** The columns a row or patch sets (Kysely leaves out undefined values), or undefined when one is an expression. */
function columnsOf(row: Record<string, unknown>): string[] | undefined {
  const columns: string[] = [];
  for (const c in row) {
    const v = row[c];
    if (v === undefined) continue;
    if (isExpression(v)) return undefined;
    columns.push(c);
  }
  return columns;
}

/** Prepared statements of one shape per column set (see insertRow, updateRow). */
class ByColumns {
  private readonly queries = new Map<string, PreparedQuery<Record<string, unknown>, unknown>>();

  constructor(private readonly build: (db: Kysely<DB>, columns: readonly string[], args: Record<string, unknown>) => Compilable<unknown>) {}

  query(columns: readonly string[]): PreparedQuery<Record<string, unknown>, unknown> {
    const key = columns.join(",");
    let q = this.queries.get(key);
    if (!q) {
      q = new PreparedQuery((db, a) => this.build(db, columns, a));
      if (this.queries.size < MAX_KEPT_SHAPES) this.queries.set(key, q);
    }
    return q;
  }
}

/**
 * INSERT of one row into `table`, prepared per set of columns the row gives (see PreparedQuery):
 * the statement Kysely's `insertInto(table).values(row)` runs, without building and compiling it
 * on every call.
 */
export function insertRow<T extends keyof DB & string>(table: T): (db: Kysely<DB>, row: Insertable<DB[T]>) => Promise<void> {
  const shapes = new ByColumns((db, columns, a) => db.insertInto(table).values(Object.fromEntries(columns.map((c) => [c, a[c]])) as Insertable<DB[T]>));
  return async (db, row) => {
    const columns = columnsOf(row as Record<string, unknown>);
    if (!columns) await db.insertInto(table).values(row).execute();
    else await shapes.query(columns).run(db, row as Record<string, unknown>);
  };
}

/**
 * UPDATE of the rows of `table` whose `key` column equals a value, setting a patch's columns,
 * prepared per set of columns the patch gives; answers how many rows changed. A patch holding an
 * expression runs through Kysely as built.
 */
export function updateRow<T extends keyof DB & string, K extends keyof DB[T] & string>(
  table: T,
  key: K,
): (db: Kysely<DB>, keyValue: unknown, patch: Updateable<DB[T]>) => Promise<number> {
  const KEY = "\u0002key";
  // the table is a type parameter here: Kysely's column typing cannot follow it, so the statement is built untyped
  const update = (db: Kysely<DB>, set: Record<string, unknown>, keyValue: unknown) =>
    (db as unknown as Kysely<any>).updateTable(table as string).set(set).where(key as string, "=", keyValue);
  const shapes = new ByColumns((db, columns, a) => update(db, Object.fromEntries(columns.map((c) => [c, a[c]])), a[KEY]));
  return async (db, keyValue, patch) => {
    const columns = columnsOf(patch as Record<string, unknown>);
    if (!columns || columns.length === 0) return Number((await update(db, patch as Record<string, unknown>, keyValue).executeTakeFirst()).numUpdatedRows);
    return shapes.query(columns).run(db, { ...(patch as Record<string, unknown>), [KEY]: keyValue });
  };
}
