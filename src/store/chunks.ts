/**
 * Split a long list into pieces small enough for one statement's bound parameters (SQLite allows
 * 32766, PostgreSQL 65535 per statement); callers run one statement per piece.
 */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
