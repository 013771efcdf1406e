import Database from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  SqliteQueryCompiler,
  type LimitNode,
  type OffsetNode,
  type QueryCompiler,
  type QueryExecutor,
  type QueryResult,
  type SqliteDatabase,
  type SqliteStatement,
} from "kysely";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";
import { keepPrivate, makePrivateDir, touchPrivate } from "../../private-files.js";

/**
 * better-sqlite3 behind a statement cache. Kysely's SQLite driver calls prepare() for every query;
 * preparing is most of the cost of a point read, so statements are kept per SQL text (LRU-bounded:
 * IN lists of varying length produce many distinct texts).
 */
class CachedStatements implements SqliteDatabase {
  private readonly cache = new Map<string, SqliteStatement>();
  /** runs beside the connection until it closes */
  checkpointer?: Worker;

  constructor(
    readonly db: Database.Database,
    private readonly capacity = 500,
  ) {}

  prepare(sql: string): SqliteStatement {
    let stmt = this.cache.get(sql);
    if (stmt) {
      // refresh recency
      this.cache.delete(sql);
      this.cache.set(sql, stmt);
      return stmt;
    }
    stmt = this.db.prepare(sql) as unknown as SqliteStatement;
    if (this.cache.size >= this.capacity) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(sql, stmt);
    return stmt;
  }

  close(): void {
    void this.checkpointer?.terminate();
    this.cache.clear();
    this.db.close();
  }
}

/** Column names of the statements read in raw mode (see rowsOf). */
const columnNames = new WeakMap<SqliteStatement, string[]>();

/**
 * The rows a reading statement answers, as objects keyed by column name like better-sqlite3
 * makes them (a later column of the same name wins), but read as arrays and keyed here: the
 * driver looks every column name up in V8's string table for every row it makes, a fifth of the
 * cost of a page of members. The names are asked once per statement, and again if a row's width
 * differs (the statement was prepared again over a changed table).
 */
function rowsOf(stmt: SqliteStatement, parameters: readonly unknown[]): unknown[] {
  const s = stmt as unknown as Database.Statement;
  s.raw(true);
  let raw: unknown[][];
  try {
    raw = s.all(parameters) as unknown[][];
  } finally {
    s.raw(false);
  }
  if (raw.length === 0) return raw;
  let names = columnNames.get(stmt);
  if (!names || names.length !== raw[0].length) columnNames.set(stmt, (names = s.columns().map((c) => c.name)));
  const rows = new Array<Record<string, unknown>>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const values = raw[i];
    const row: Record<string, unknown> = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = values[j];
    rows[i] = row;
  }
  return rows;
}

/** A statement's answer in the form Kysely's SQLite driver gives it. */
function execute(statements: CachedStatements, query: CompiledQuery): QueryResult<unknown> {
  const stmt = statements.prepare(query.sql);
  if (stmt.reader) return { rows: rowsOf(stmt, query.parameters) };
  const { changes, lastInsertRowid } = stmt.run(query.parameters);
  return {
    numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
    insertId: lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
    rows: [],
  };
}

/**
 * Let an executor run a query straight on the connection when Kysely's connection lock would be
 * granted at once, instead of through its lock, its connection provider and a dozen awaits per
 * query (under concurrent requests, most of a point read's cost). The answer is the same: SQLite
 * runs a statement synchronously, so the connection is free whenever no transaction is open on it.
 * `bound`: the executor of a transaction, which holds the connection for its whole duration, so its
 * queries may always run at once. Executors with plugins keep Kysely's path (none are used).
 */
function runDirectly(executor: QueryExecutor, statements: CachedStatements, bound: boolean): QueryExecutor {
  const viaKysely = executor.executeQuery.bind(executor);
  const withConnectionProvider = executor.withConnectionProvider.bind(executor);
  const direct = executor.plugins.length === 0;
  executor.executeQuery = <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
    if (!direct || (!bound && statements.db.inTransaction)) return viaKysely<R>(query);
    try {
      return Promise.resolve(execute(statements, query) as unknown as QueryResult<R>);
    } catch (e) {
      return Promise.reject(e);
    }
  };
  // Kysely derives a transaction's executor from this one, bound to the transaction's connection.
  executor.withConnectionProvider = (provider) => runDirectly(withConnectionProvider(provider), statements, true);
  return executor;
}

/**
 * SQLite's compiler with LIMIT and OFFSET written as `? + 0`. Since SQLite 3.47 the planner may look
 * at a bound LIMIT when it prepares a statement, and marks the statement to be prepared again
 * whenever that parameter is bound anew, which is on every run: a paged listing paid a full
 * prepare per request (tens of µs for a join). An expression hides the value from the planner;
 * the limit and offset applied are the same.
 */
class PagingQueryCompiler extends SqliteQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    super.visitLimit(node);
    this.append(" + 0");
  }

  protected override visitOffset(node: OffsetNode): void {
    super.visitOffset(node);
    this.append(" + 0");
  }
}

/**
 * Transactions begin IMMEDIATE: they take the write lock at once (waiting up to busy_timeout for
 * another process's writer). A deferred transaction that reads first and writes later fails at
 * once with SQLITE_BUSY, not waiting, when another process wrote in between: with several server
 * processes on one file (`tco serve --workers`) every transaction is a writer and waits its turn.
 */
class ImmediateDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class Dialect extends SqliteDialect {
  constructor(private readonly options: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(options);
  }

  override createDriver(): Driver {
    return new ImmediateDriver(this.options);
  }

  override createQueryCompiler(): QueryCompiler {
    return new PagingQueryCompiler();
  }
}

/** How often the checkpointer thread copies the write-ahead log into the database file. */
const CHECKPOINT_INTERVAL_MS = 250;
/**
 * Pages of write-ahead log past which a commit checkpoints by itself (SQLite's default is 1000):
 * a backstop, reached only when the checkpointer thread cannot keep up or is not running.
 */
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

/**
 * Checkpoint the file's write-ahead log on a worker thread with its own connection, so commits on
 * this connection no longer do it: with SQLite's automatic checkpoint, every thousandth page
 * written made one commit copy the log into the database and wait for the disk (fsync), holding
 * the event loop for milliseconds. The thread does the same work beside it.
 */
function startCheckpointer(statements: CachedStatements, file: string): void {
  statements.db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  const worker = new Worker(new URL("./sqlite-checkpointer.js", import.meta.url), { workerData: { file, intervalMs: CHECKPOINT_INTERVAL_MS } });
  worker.unref();
  // without the thread (it failed to start or died), the connection checkpoints as SQLite does by default
  worker.on("error", () => {
    if (statements.db.open) statements.db.pragma("wal_autocheckpoint = 1000");
  });
  statements.checkpointer = worker;
}

/**
 * Make the database file 0600 before SQLite opens it: created so when absent, made so when an
 * earlier version left it 0644, with its write-ahead log and shared-memory files. SQLite creates
 * those two itself, later, with the database file's own mode (its unix VFS copies the mode of the
 * main file to its journal, WAL and shm files), so they are 0600 too, whatever the process umask.
 * A directory created here is 0700.
 */
function keepFilesPrivate(file: string): void {
  makePrivateDir(dirname(file));
  touchPrivate(file);
  keepPrivate(`${file}-wal`);
  keepPrivate(`${file}-shm`);
}

/** A Kysely instance over one SQLite file (WAL), or ":memory:". */
export function openSqlite<DB>(file: string): Kysely<DB> {
  if (file !== ":memory:") keepFilesPrivate(file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  const statements = new CachedStatements(db);
  if (file !== ":memory:") startCheckpointer(statements, file);
  const kysely = new Kysely<DB>({ dialect: new Dialect({ database: statements }) });
  runDirectly(kysely.getExecutor(), statements, false);
  return kysely;
}
