/**
 * The structure both Word readers (.docx: docx-text.ts, .doc: word-doc.ts) recover, and how it is
 * written out as plain text in the order a reader sees the page, with the line conventions the
 * parser expects (the same as layoutPage's for PDFs):
 *
 * - a paragraph is a line; a soft line break starts a new line; an empty paragraph is a blank line;
 * - a borderless table laid out in two columns (the header: issuer and "Số" left, motto and date
 *   right; the foot: "Nơi nhận" left, signature right) is written left column first, a blank
 *   line, then the right column, however many rows the columns were cut into;
 * - the same for lines whose two halves are set apart by tabs (headers typed with tab stops);
 * - any other table is read row by row, a row on one line with its cells separated by tabs;
 * - text boxes follow the paragraph they are anchored in; footnotes come after the body, under a
 *   heading, numbered, so that they are not read as the body.
 */

export interface WordParagraph {
  kind: "p";
  /** The text, with "\n" for line breaks and "\t" for tabs; "" for an empty paragraph. */
  text: string;
}

export interface WordCell {
  blocks: WordBlock[];
  /** Grid column the cell starts at, and how many it spans. */
  column: number;
  span: number;
}

export interface WordTable {
  kind: "table";
  rows: WordCell[][];
  /** True when vertical rules are drawn between the cells: a table of data, read by rows. */
  ruled: boolean;
  /** Widths of the grid columns, when known. */
  grid?: number[];
}

export type WordBlock = WordParagraph | WordTable;

/** A note (footnote or endnote) with the number it is printed with. */
export interface WordNote {
  mark: string;
  blocks: WordBlock[];
}

/** Text of a line as read: tabs kept, other runs of white space as they are, ends trimmed. */
function tidy(line: string): string {
  return line.replace(/[\u00a0\s]+$/u, "").replace(/^[ \u00a0\t]+/u, "");
}

/** A line's two halves when a tab sets them apart ("Số: 12/UBND\tHà Nội, ngày..."). */
function halves(raw: string): { left: string; right: string } | null {
  const m = /^([^\t]*?)[ \u00a0]*\t[\t \u00a0]*(.*)$/u.exec(raw);
  if (!m) return null;
  return { left: tidy(m[1]!), right: tidy(m[2]!.replace(/\t+/g, " ")) };
}

function hasText(s: string): boolean {
  return /\S/u.test(s);
}

/** Longest line that may stand in a column (a body paragraph is longer). */
const MAX_COLUMN_LINE = 160;

/**
 * Lines of consecutive paragraphs; where two or more lines have a left and a right half set apart
 * by tabs, that stretch is written as two columns.
 */
function paragraphLines(paragraphs: WordParagraph[], blankBetween: boolean): string[] {
  const raw: string[] = [];
  // Each raw line, and whether a blank line follows it (the paragraph's end in a body).
  const ends: boolean[] = [];
  for (const p of paragraphs) {
    const lines = p.text.split("\n");
    lines.forEach((l, i) => {
      raw.push(l);
      ends.push(i === lines.length - 1);
    });
  }
  const out: string[] = [];
  const push = (line: string, end: boolean) => {
    out.push(line);
    if (end && blankBetween && line !== "") out.push("");
  };
  for (let i = 0; i < raw.length;) {
    const h = halves(raw[i]!);
    if (h && hasText(h.right) && raw[i]!.length <= MAX_COLUMN_LINE) {
      // A stretch of short lines; it ends at a blank line or a long one, and keeps up to its last
      // line with a right half.
      let last = i;
      let withRight = 0;
      for (let j = i; j < raw.length; j++) {
        const line = raw[j]!;
        if (!hasText(line.replace(/\t/g, "")) && !line.includes("\t")) break;
        if (line.length > MAX_COLUMN_LINE) break;
        const hj = halves(line);
        if (hj) {
          last = j;
          if (hasText(hj.right)) withRight++;
        }
      }
      if (withRight >= 2) {
        const left: string[] = [];
        const right: string[] = [];
        for (let j = i; j <= last; j++) {
          const hj = halves(raw[j]!);
          if (!hj) left.push(tidy(raw[j]!));
          else {
            if (hasText(hj.left)) left.push(hj.left);
            if (hasText(hj.right)) right.push(hj.right);
          }
        }
        out.push(...left, "", ...right, "");
        i = last + 1;
        continue;
      }
    }
    push(tidy(raw[i]!).replace(/\t+/g, "\t"), ends[i]!);
    i++;
  }
  return out;
}

function cellHasText(cell: WordCell): boolean {
  return blocksHaveText(cell.blocks);
}

function blocksHaveText(blocks: WordBlock[]): boolean {
  return blocks.some((b) =>
    b.kind === "p" ? hasText(b.text) : b.rows.some((r) => r.some(cellHasText)),
  );
}

/** A block of lines without leading, trailing or repeated blank lines. */
function compact(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(l);
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out;
}

function tableLines(table: WordTable): string[] {
  const columns = Math.max(
    1,
    ...table.rows.map((r) => r.reduce((n, c) => Math.max(n, c.column + c.span), 0)),
  );
  // Where each grid column starts, from the widths Word gives (equal widths when it gives none).
  const widths = Array.from({ length: columns }, (_, i) => Math.max(0, table.grid?.[i] ?? 0));
  if (widths.some((w) => w === 0)) widths.fill(1);
  const starts = [0];
  for (const w of widths) starts.push(starts[starts.length - 1]! + w);
  const total = starts[columns]!;
  const x0 = (c: WordCell) => starts[Math.min(c.column, columns)]!;
  const x1 = (c: WordCell) => starts[Math.min(c.column + c.span, columns)]!;
  const isLeft = (c: WordCell) => (x0(c) + x1(c)) / 2 <= total / 2;
  const filled = table.rows.map((r) => r.filter(cellHasText)).filter((r) => r.length);
  // Two columns at most, one cell on each side: a layout table. Anything else holds data.
  const byRows =
    table.ruled ||
    columns < 2 ||
    filled.some((r) => r.length > 2 || (r.length === 2 && isLeft(r[0]!) === isLeft(r[1]!)));
  const out: string[] = [];
  if (byRows) {
    for (const row of filled) {
      const cells = row.map((c) =>
        compact(blockLines(c.blocks, false))
          .filter((l) => l !== "")
          .join(" ")
          .replace(/\t+/g, " "),
      );
      out.push(cells.join("\t"));
    }
    out.push("");
    return out;
  }
  // Each column top to bottom, left then right, over the rows that split the page at the same
  // place. A row with one cell across the whole table, or a row split elsewhere ("Kính gửi:" and
  // its list under a header), starts a new pair of columns.
  let left: string[] = [];
  let right: string[] = [];
  let split: number | null = null;
  const flush = () => {
    const l = compact(left);
    const r = compact(right);
    if (l.length && r.length) out.push(...l, "", ...r, "");
    else if (l.length || r.length) out.push(...l, ...r, "");
    left = [];
    right = [];
    split = null;
  };
  for (const row of filled) {
    if (row.length === 1 && x0(row[0]!) <= 0 && x1(row[0]!) >= total) {
      flush();
      out.push(...compact(blockLines(row[0]!.blocks, false)), "");
      continue;
    }
    if (row.length === 2) {
      const at = x0(row[1]!);
      if (split !== null && Math.abs(at - split) > total * 0.15) flush();
      split = at;
    }
    for (const cell of row) (isLeft(cell) ? left : right).push(...blockLines(cell.blocks, false));
  }
  flush();
  return out;
}

/** Lines of a list of blocks. `blankBetween`: a blank line after each paragraph (a body). */
export function blockLines(blocks: WordBlock[], blankBetween: boolean): string[] {
  const out: string[] = [];
  let run: WordParagraph[] = [];
  const flush = () => {
    if (run.length) out.push(...paragraphLines(run, blankBetween));
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === "p") {
      run.push(b);
      continue;
    }
    flush();
    if (out.length && out[out.length - 1] !== "") out.push("");
    out.push(...tableLines(b));
  }
  flush();
  return out;
}

/** Footnotes (or endnotes) under a heading, each after its number in brackets: "[1] ...". */
export function noteLines(heading: string, notes: WordNote[]): string[] {
  const kept = notes
    .map((n) => ({ mark: n.mark, lines: compact(blockLines(n.blocks, false)) }))
    .filter((n) => n.lines.some(hasText));
  if (!kept.length) return [];
  const out = ["", heading];
  for (const n of kept) out.push(`[${n.mark}] ${n.lines.join(" ").replace(/\s+/gu, " ").trim()}`);
  return out;
}

/** A header or footer line worth keeping: more than a page number ("2", "Trang 2/5"). */
export function meaningfulHeaderLine(line: string): boolean {
  if (!/\p{L}/u.test(line)) return false;
  return !/^(?:trang|page)\s*\d+(?:\s*(?:\/|trên|of)\s*\d+)?$/iu.test(line.trim());
}

/** The whole text: blank lines never more than one in a row, no trailing white space. */
export function joinLines(lines: string[]): string {
  return compact(lines.map((l) => l.replace(/[ \u00a0\t]+$/u, ""))).join("\n");
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: a..z, aa..zz, ...
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A list number in one of Word's formats (numFmt names: decimal, upperRoman, lowerLetter...). */
export function formatListNumber(n: number, format: string): string {
  switch (format) {
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "none":
      return "";
    default:
      return String(n);
  }
}
