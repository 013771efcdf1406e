import { sql, type RawBuilder, type SqlBool } from "kysely";

/**
 * `lower(column) LIKE '%text%'` with the text's wildcards escaped. The ESCAPE clause is spelt out:
 * PostgreSQL escapes with a backslash by default, SQLite has no escape character unless told.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
