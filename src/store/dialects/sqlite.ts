import Database from "better-sqlite3";
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from "kysely";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

/**
 * better-sqlite3 behind a statement cache. Kysely's SQLite driver calls prepare() for every query;
 * preparing is most of the cost of a point read, so statements are kept per SQL text (LRU-bounded:
 * IN lists of varying length produce many distinct texts).
 */
class CachedStatements implements SqliteDatabase {
  private readonly cache = new Map<string, SqliteStatement>();

  constructor(
    private readonly db: Database.Database,
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
    this.cache.clear();
    this.db.close();
  }
}

/** A Kysely instance over one SQLite file (WAL), or ":memory:". */
export function openSqlite<DB>(file: string): Kysely<DB> {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: new CachedStatements(db) }) });
}
