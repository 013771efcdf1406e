/**
 * Rows of a CSV text (RFC 4180: comma-separated, fields may be double-quoted, "" is a quote inside
 * one, quoted fields may hold commas and line breaks). Blank lines are skipped; a leading BOM is
 * ignored.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
    field = "";
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else field += c;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** The columns a bill file must have, in its header line (any order). */
export const BILL_COLUMNS = ["member_uin", "month", "product_code", "product_name", "amount"] as const;

/** Bill lines of a CSV file with a header naming BILL_COLUMNS, as LoadBills takes them. */
export function billsFromCsv(text: string) {
  const [header, ...lines] = parseCsv(text);
  if (!header) throw new Error(`empty file: expected a header line ${BILL_COLUMNS.join(",")}`);
  const names = header.map((h) => h.trim().toLowerCase());
  const at = Object.fromEntries(BILL_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof BILL_COLUMNS)[number], number>;
  const missing = BILL_COLUMNS.filter((c) => at[c] < 0);
  if (missing.length > 0) throw new Error(`header line lacks column(s) ${missing.join(", ")}`);
  return lines.map((cells, i) => {
    const uin = cells[at.member_uin]?.trim() ?? "";
    if (!/^\d{1,15}$/.test(uin)) throw new Error(`line ${i + 2}: member_uin must be an account UIN, got "${uin}"`);
    return {
      MemberUin: Number(uin),
      Month: cells[at.month]?.trim() ?? "",
      ProductCode: cells[at.product_code]?.trim() ?? "",
      ProductName: cells[at.product_name]?.trim() ?? "",
      Amount: cells[at.amount]?.trim() ?? "",
    };
  });
}
