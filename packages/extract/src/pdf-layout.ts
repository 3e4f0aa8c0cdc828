/**
 * Lines of a PDF page rebuilt from positioned text runs, in the order a reader reads them: by
 * where each run is drawn, never by the order of the content stream. Runs drawn by annotations
 * or by a later revision of the file (a number stamped into "Số:      /UBND-VP") take their place
 * among the page's own text; each run may carry the revision that drew it, and the laid-out text
 * says which characters came from which revision.
 */

/** A positioned text run, as pdfjs's getTextContent gives it (user space, baseline origin). */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
  /** The revision of the file that drew this run, when it is a later one (2, 3, ...). */
  revision?: number;
}

/** [start, end) of the laid-out text drawn by a later revision of the file. */
export interface RevisionMark {
  start: number;
  end: number;
  revision: number;
}

export interface LaidOutPage {
  text: string;
  marks: RevisionMark[];
}

interface Piece {
  text: string;
  revision?: number;
}

interface Segment {
  pieces: Piece[];
  x0: number;
  /** End of the last run, trailing blanks included: a blank run bridges a gap to what follows. */
  x1: number;
  /** End of the last run that drew something other than blanks. */
  ink: number;
  /** Blanks were drawn after the last run that drew something. */
  blankAfterInk: boolean;
  /** Split from the segment before it at this x, across a run of blanks: to be confirmed. */
  splitAt?: number;
}

interface PdfLine {
  y: number;
  h: number;
  /** A vertical gap above this line that reads as a blank line. */
  gapBefore: boolean;
  segments: Segment[];
}

interface Run {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Where the drawn characters end (trailing blanks left out). */
  ink: number;
  blank: boolean;
  revision?: number;
}

function toRuns(items: PdfTextItem[]): Run[] {
  const runs: Run[] = [];
  for (const i of items) {
    if (!i.str) continue;
    const x = i.transform[4]!;
    const y = i.transform[5]!;
    const h = Math.abs(i.transform[3]!) || i.height || 10;
    const w = Number.isFinite(i.width) ? Math.max(0, i.width) : 0;
    const blank = !/\S/.test(i.str);
    const trimmed = i.str.trimEnd().length;
    // Trailing blanks inside a run take their share of its width.
    const ink = blank ? x : x + (i.str.length ? (w * trimmed) / i.str.length : w);
    const run: Run = { s: i.str.normalize("NFC"), x, y, w, h, ink, blank };
    if (i.revision !== undefined && i.revision > 1 && !blank) run.revision = i.revision;
    runs.push(run);
  }
  return runs;
}

/**
 * One segment's text: pieces joined, blanks collapsed, with the offsets of the pieces drawn by a
 * later revision.
 */
function segmentText(seg: Segment): { text: string; marks: RevisionMark[] } {
  let text = "";
  const marks: RevisionMark[] = [];
  for (const p of seg.pieces) {
    let t = p.text.replace(/\s+/g, " ");
    if (!text || text.endsWith(" ")) t = t.replace(/^ /, "");
    if (!t) continue;
    const start = text.length;
    text += t;
    if (p.revision !== undefined) {
      const lead = t.length - t.trimStart().length;
      const end = start + t.trimEnd().length;
      if (end > start + lead) {
        const last = marks[marks.length - 1];
        if (last && last.revision === p.revision && last.end >= start + lead - 1) last.end = end;
        else marks.push({ start: start + lead, end, revision: p.revision });
      }
    }
  }
  const trimmed = text.trimEnd();
  for (const m of marks) m.end = Math.min(m.end, trimmed.length);
  return { text: trimmed, marks: marks.filter((m) => m.end > m.start) };
}

/** Groups runs into lines by baseline and splits each line into segments at wide gaps. */
function buildLines(runs: Run[], pageWidth: number): PdfLine[] {
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const grouped: Array<{ y: number; h: number; runs: Run[] }> = [];
  for (const r of runs) {
    const last = grouped[grouped.length - 1];
    if (last && Math.abs(last.y - r.y) <= Math.max(2, Math.min(r.h, last.h) * 0.3))
      last.runs.push(r);
    else grouped.push({ y: r.y, h: r.h, runs: [r] });
  }
  const lines: PdfLine[] = [];
  let prevY: number | null = null;
  let prevH = 0;
  for (const g of grouped) {
    // Ties in x: what draws something first, blanks after (a stamp lands inside a blank run).
    g.runs.sort((a, b) => a.x - b.x || Number(a.blank) - Number(b.blank));
    // A run said to be of no width (a letter with a combining accent, in some fonts) takes the
    // room up to the next run, as much as its letters would fill.
    g.runs.forEach((r, k) => {
      if (r.blank || r.w > r.h * 0.05) return;
      const next = g.runs.slice(k + 1).find((n) => n.x > r.x + 0.01);
      const guess = r.x + r.h * 0.5 * r.s.trimEnd().length;
      r.ink = next ? Math.min(guess, next.x) : guess;
    });
    const segments: Segment[] = [];
    let current: Segment | null = null;
    for (const r of g.runs) {
      if (current && r.blank) {
        // A blank run writes no text of its own (where a space goes is told by the gap): it
        // widens the segment, and may bridge the gap to the next run.
        if (r.x <= current.x1 + r.h * 2.5) {
          current.x1 = Math.max(current.x1, r.x + r.w);
          current.blankAfterInk = true;
        }
        continue;
      }
      if (r.blank) continue;
      // The gap from the last drawn character, and from the end of the blanks that follow it.
      const gap = current ? r.x - current.ink : 0;
      const rawGap = current ? r.x - current.x1 : 0;
      // Within the blanks that follow the last drawn run: the run was drawn into a blank
      // ("Số:      /BNV-TCPCP" with the number stamped in).
      const bridged = current !== null && current.x1 > current.ink + r.h * 0.5 && rawGap < r.h;
      // A wide gap splits the line; so does a narrower one between the two halves of the page
      // (the header's columns are sometimes set close together, or joined by a run of blanks).
      const crossing = current !== null && current.ink < pageWidth * 0.55 && r.x > pageWidth * 0.35;
      const nearMiddle = crossing && rawGap > r.h * 0.5;
      // Blanks that run across the middle of the page: two columns if the lines around say so.
      const blankAcross = crossing && !nearMiddle && gap > r.h * 2;
      const wide = gap > r.h * (bridged ? 10 : 2.5);
      if (!current || wide || gap < -r.h * 0.5 || nearMiddle || blankAcross) {
        if (current) segments.push(current);
        current = {
          pieces: [piece(r)],
          x0: r.x,
          x1: r.x + r.w,
          ink: r.ink,
          blankAfterInk: /\s$/.test(r.s),
        };
        if (blankAcross && !wide) current.splitAt = r.x;
        continue;
      }
      const last = current.pieces[current.pieces.length - 1]!;
      const spaced = gap > r.h * 0.15 || (current.blankAfterInk && gap > r.h * 0.05);
      if (spaced && !/\s$/.test(last.text) && !/^\s/.test(r.s)) current.pieces.push({ text: " " });
      current.pieces.push(piece(r));
      current.x1 = Math.max(current.x1, r.x + r.w);
      current.ink = Math.max(current.ink, r.ink);
      current.blankAfterInk = /\s$/.test(r.s);
    }
    if (current) segments.push(current);
    const gapBefore = prevY !== null && prevY - g.y > Math.max(prevH, g.h) * 1.9;
    lines.push({
      y: g.y,
      h: g.h,
      gapBefore,
      segments: segments.filter((s) => s.pieces.some((p) => /\S/.test(p.text))),
    });
    prevY = g.y;
    prevH = g.h;
  }
  confirmBlankSplits(lines);
  return lines;
}

/**
 * A line split where blanks cross the middle of the page ("BCH ĐOÀN TỈNH        ĐOÀN TNCS HỒ
 * CHÍ MINH") stays split only when a line just above or below shows the same gutter: text on both
 * sides of it and none across it. Otherwise (a table's row, a list item padded with blanks)
 * the two parts are joined again.
 */
function confirmBlankSplits(lines: PdfLine[]): void {
  // True: a gutter between two of the line's segments overlaps the gap [a, b]; false: text runs
  // across the whole gap; null: the line says nothing (text on one side only).
  const gutterAt = (l: PdfLine, a: number, b: number): boolean | null => {
    const segs = [...l.segments].sort((p, q) => p.x0 - q.x0);
    for (let n = 1; n < segs.length; n++) {
      const f0 = Math.max(a, segs[n - 1]!.ink);
      const f1 = Math.min(b, segs[n]!.x0);
      if (f1 - f0 >= l.h * 0.5) return true;
    }
    if (segs.some((s) => s.x0 <= a && s.ink >= b)) return false;
    return null;
  };
  lines.forEach((line, k) => {
    for (let i = line.segments.length - 1; i > 0; i--) {
      const seg = line.segments[i]!;
      if (seg.splitAt === undefined) continue;
      const before = line.segments[i - 1]!;
      const [a, b] = [before.ink, seg.x0];
      delete seg.splitAt;
      // The nearest line above and below, within four lines, that has text on both sides of
      // the gap; the line just above or below, when text runs across the whole gap.
      const verdicts: Array<boolean | null> = [];
      for (const step of [-1, 1]) {
        for (let n = k + step; n >= 0 && n < lines.length; n += step) {
          const l = lines[n]!;
          if (Math.abs(l.y - line.y) > Math.max(l.h, line.h) * 4) break;
          const v = gutterAt(l, a, b);
          if (v === true || (v === false && n === k + step)) {
            verdicts.push(v);
            break;
          }
        }
      }
      if (verdicts.includes(true) && !verdicts.includes(false)) continue;
      before.pieces.push({ text: " " }, ...seg.pieces);
      before.x1 = Math.max(before.x1, seg.x1);
      before.ink = Math.max(before.ink, seg.ink);
      line.segments.splice(i, 1);
    }
  });
}

function piece(r: Run): Piece {
  return r.revision !== undefined ? { text: r.s, revision: r.revision } : { text: r.s };
}

type Side = "left" | "right" | "full";

/**
 * Rebuilds lines from positioned text runs. Runs on one baseline form a line, in x order; a wide
 * horizontal gap splits it into segments. Where the page is in two columns (the header: issuer
 * and number left, motto and date right; the foot: "Nơi nhận" left, signature right), the left
 * column is written first, then a blank line, then the right column, as a flattened table
 * reads. A tall vertical gap leaves a blank line.
 */
export function layoutPageText(items: PdfTextItem[], pageWidth = 595): LaidOutPage {
  const lines = buildLines(toRuns(items), pageWidth);
  const mid = pageWidth / 2;
  const slack = pageWidth * 0.1;
  const side = (seg: Segment): Side => {
    const x1 = Math.max(seg.ink, seg.x0);
    const left = x1 <= mid + slack;
    const right = seg.x0 >= mid - slack;
    if (left && right) return (seg.x0 + x1) / 2 < mid ? "left" : "right";
    return left ? "left" : right ? "right" : "full";
  };
  const out: Array<{ text: string; marks: RevisionMark[] }> = [];
  const blank = (): void => {
    out.push({ text: "", marks: [] });
  };
  const push = (seg: Segment): void => {
    out.push(segmentText(seg));
  };
  const isColumnLine = (l: PdfLine): boolean =>
    l.segments.length > 0 && l.segments.every((x) => side(x) !== "full");
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    // A block of column lines with text on both sides: left column, blank line, right column.
    // A block ends at a tall vertical gap: what follows is the next part of the page.
    let j = i;
    while (j < lines.length && isColumnLine(lines[j]!) && (j === i || !lines[j]!.gapBefore)) j++;
    const block = lines.slice(i, j);
    const hasBoth =
      block.some((l) => l.segments.some((x) => side(x) === "left")) &&
      block.some((l) => l.segments.some((x) => side(x) === "right"));
    if (block.length > 1 && hasBoth) {
      // The right column goes on below a vertical gap (the signer's name under the room left
      // for the signature) while what follows stays within its width, on the right only.
      const right = block.flatMap((l) => l.segments.filter((x) => side(x) === "right"));
      const rx0 = Math.min(...right.map((x) => x.x0));
      const rx1 = Math.max(...right.map((x) => x.ink));
      let k = j;
      let lastY = block[block.length - 1]!.y;
      while (k < lines.length) {
        const l = lines[k]!;
        // Within the column, and clearly right of the page's middle: a centred title below the
        // header ("QUYẾT ĐỊNH") is not the column's.
        const within = l.segments.every(
          (x) =>
            side(x) === "right" &&
            x.x0 >= rx0 - l.h &&
            x.ink <= rx1 + l.h &&
            (x.x0 + x.ink) / 2 > mid + slack,
        );
        if (!l.segments.length || !within || lastY - l.y > l.h * 12) break;
        lastY = l.y;
        k++;
      }
      const tail = lines.slice(j, k);
      for (const which of ["left", "right"] as const) {
        if (which === "right") blank();
        let first = true;
        for (const l of which === "right" ? [...block, ...tail] : block) {
          const parts = l.segments.filter((x) => side(x) === which);
          if (!parts.length) continue;
          if (l.gapBefore && !first) blank();
          parts.forEach(push);
          first = false;
        }
      }
      blank();
      i = k;
      continue;
    }
    if (line.gapBefore) blank();
    line.segments.forEach(push);
    i++;
  }
  // Join the lines, no more than one blank line in a row, keeping the marks' offsets.
  let text = "";
  const marks: RevisionMark[] = [];
  let blanks = 0;
  for (const l of out) {
    if (!l.text) {
      if (text && ++blanks === 1) text += "\n";
      continue;
    }
    blanks = 0;
    if (text) text += "\n";
    for (const m of l.marks)
      marks.push({ start: text.length + m.start, end: text.length + m.end, revision: m.revision });
    text += l.text;
  }
  return { text: text.replace(/\n+$/, ""), marks };
}

/** The laid-out text of a page (see layoutPageText). */
export function layoutPage(items: PdfTextItem[], pageWidth = 595): string {
  return layoutPageText(items, pageWidth).text;
}
