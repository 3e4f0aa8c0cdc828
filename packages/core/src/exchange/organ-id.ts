/**
 * Agency identifiers of the document exchange (mã định danh, QĐ 20/2020/QĐ-TTg; the OrganId of
 * QCVN 102:2016 edXML packages): "000.00.00.G22" for Văn phòng Chính phủ, "000.00.00.H41" for
 * UBND tỉnh Nghệ An. Packages in use also carry shorter forms ("01.02.G22"), so the rule is the
 * shape they share: groups of letters and digits joined by dots, the last naming the province or
 * ministry.
 */

/** An identifier as stored: trimmed, upper case, NFC. */
export function normalizeOrganId(id: string): string {
  return id.normalize("NFC").trim().toUpperCase();
}

const SHAPE = /^[0-9A-Z]{1,4}(\.[0-9A-Z]{1,4}){1,4}$/;

/** Why `id` cannot be an agency identifier, or null when it can. */
export function organIdProblem(id: string): "EMPTY" | "SHAPE" | null {
  const n = normalizeOrganId(id);
  if (!n) return "EMPTY";
  return SHAPE.test(n) && n.length <= 20 ? null : "SHAPE";
}

export const ORGAN_ID_PROBLEMS_VI = {
  EMPTY: "Chưa có mã định danh.",
  SHAPE: "Mã định danh gồm các nhóm chữ in hoa và số cách nhau bằng dấu chấm, ví dụ 000.00.00.H37.",
} as const;

/**
 * Rows of CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF; a BOM dropped), NFC.
 * The separator is the header line's: a comma, or the semicolon or tab that spreadsheets in
 * Vietnamese locales write. Empty lines are left out; each row keeps its line number (1-based).
 */
export function readCsv(text: string, maxRows = 50_000): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  const s = text.normalize("NFC").replace(/^\uFEFF/, "");
  const first = (/^[^\r\n]*/.exec(s)?.[0] ?? "").replace(/"[^"]*"/g, "");
  const count = (c: string) => first.split(c).length - 1;
  const separator = [";", "\t"].find((c) => count(c) > count(",")) ?? ",";
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim())) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < s.length && rows.length < maxRows; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && !cell) quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (cell || cells.length) endRow();
  return rows;
}
