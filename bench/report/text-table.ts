/** Render rows of cells as an aligned text table: first column left-aligned, the others right-aligned. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** 12,345 */
export const count = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "-");

/** milliseconds: 0.42, 3.1, 25 */
export const millis = (n: number) => (!Number.isFinite(n) ? "-" : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

/** bytes as MB */
export const megabytes = (n: number) => (Number.isFinite(n) ? (n / (1024 * 1024)).toFixed(0) : "-");

/** a ratio: 0.045×, 0.45×, 4.5×, 45× */
export function ratio(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "-";
  if (n >= 10) return `${n.toFixed(0)}×`;
  if (n >= 1) return `${n.toFixed(1)}×`;
  return `${n.toPrecision(2)}×`;
}
