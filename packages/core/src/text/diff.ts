/**
 * What changed between two versions of a text, word by word, as a reader wants to see it (the
 * versions of a draft under review): the lines are compared first, then the words (and the
 * spaces and marks between them) of each changed run of lines.
 *
 * Both comparisons are Myers' O((N+M)·D) algorithm on token ids, after the common start and end
 * are taken off, with D bounded: past `maxEdits` differences a run is shown as wholly deleted
 * and inserted (`coarse`), so a text replaced by another costs at most N·maxEdits steps and
 * O(maxEdits²) memory, never quadratic in the texts.
 */

export type DiffOp = "equal" | "insert" | "delete";

export interface DiffPart {
  op: DiffOp;
  text: string;
}

export interface TextDiff {
  /** The parts in order; `equal` and `delete` parts give the old text, `equal` and `insert` the new. */
  parts: DiffPart[];
  /** Words (letters and digits) inserted and deleted. */
  inserted: number;
  deleted: number;
  /** Some run differed too much to be compared word by word: shown deleted, then inserted. */
  coarse: boolean;
}

export interface DiffOptions {
  /** Most differences followed inside one comparison (lines, or the words of a run). */
  maxEdits?: number;
}

const DEFAULT_MAX_EDITS = 1000;
/** A run of changed lines longer than this (in tokens, either side) is not compared by word. */
const MAX_RUN_TOKENS = 50_000;

type Edit = "=" | "+" | "-";

/**
 * Myers' shortest edit script of a into b (one entry per token of the script), or null when
 * it needs more than maxD insertions and deletions.
 */
function editScript(a: Int32Array, b: Int32Array, maxD: number): Edit[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxD);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  /** trace[d]: v's diagonals -d-1..d+1 as they stood before step d. */
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number, last: number): Edit[] {
  const out: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = last; d >= 0; d--) {
    const before = trace[d]!;
    // before[i] holds diagonal i - d - 1.
    const at = (k: number) => before[k + d + 1]!;
    const k = x - y;
    let prevK: number;
    if (d === 0) prevK = 0;
    else prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push("=");
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) out.push("+");
      else out.push("-");
      x = prevX;
      y = prevY;
    }
  }
  return out.reverse();
}

/** Words, runs of spaces, and each other mark alone. */
const TOKEN = /\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;
const WORD = /[\p{L}\p{N}]/u;

function wordsOf(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Lines with their line break, so that joining them gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The two token lists as ids, equal tokens equal ids. */
function ids(a: string[], b: string[]): [Int32Array, Int32Array] {
  const seen = new Map<string, number>();
  const id = (t: string) => {
    let n = seen.get(t);
    if (n === undefined) seen.set(t, (n = seen.size));
    return n;
  };
  return [Int32Array.from(a, id), Int32Array.from(b, id)];
}

interface Acc {
  parts: DiffPart[];
  coarse: boolean;
}

function emit(acc: Acc, op: DiffOp, text: string): void {
  if (!text) return;
  const last = acc.parts[acc.parts.length - 1];
  if (last && last.op === op) last.text += text;
  else acc.parts.push({ op, text });
}

/**
 * Compares two token lists: the common start and end, then the script between; null when the
 * middle needs more than maxD edits.
 */
function compare(
  a: string[],
  b: string[],
  maxD: number,
): Array<{ op: DiffOp; tokens: string[] }> | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const out: Array<{ op: DiffOp; tokens: string[] }> = [];
  const push = (op: DiffOp, token: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.tokens.push(token);
    else out.push({ op, tokens: [token] });
  };
  for (let i = 0; i < start; i++) push("equal", a[i]!);
  if (midA.length && midB.length) {
    const [ia, ib] = ids(midA, midB);
    const script = editScript(ia, ib, maxD);
    if (!script) return null;
    let i = 0;
    let j = 0;
    for (const e of script) {
      if (e === "=") {
        push("equal", midA[i++]!);
        j++;
      } else if (e === "-") push("delete", midA[i++]!);
      else push("insert", midB[j++]!);
    }
  } else {
    for (const t of midA) push("delete", t);
    for (const t of midB) push("insert", t);
  }
  for (let i = endA; i < a.length; i++) push("equal", a[i]!);
  return out;
}

/** A changed run of lines, compared word by word (or wholly replaced when too different). */
function diffRun(acc: Acc, removed: string, added: string, maxD: number): void {
  const a = wordsOf(removed);
  const b = wordsOf(added);
  const runs = a.length > MAX_RUN_TOKENS || b.length > MAX_RUN_TOKENS ? null : compare(a, b, maxD);
  if (!runs) {
    acc.coarse = true;
    emit(acc, "delete", removed);
    emit(acc, "insert", added);
    return;
  }
  for (const r of runs) emit(acc, r.op, r.tokens.join(""));
}

/**
 * Readable groups: a change's deletions before its insertions, and a space alone between two
 * changes made part of them ("a b c" -> "a x y c" reads "b" -> "x y", not "b", " ", "x y").
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const marked = parts.map((p, i) =>
    p.op === "equal" &&
    /^[ \t]+$/.test(p.text) &&
    i > 0 &&
    i < parts.length - 1 &&
    parts[i - 1]!.op !== "equal" &&
    parts[i + 1]!.op !== "equal"
      ? [
          { op: "delete" as const, text: p.text },
          { op: "insert" as const, text: p.text },
        ]
      : [p],
  );
  const out: DiffPart[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    if (del) out.push({ op: "delete", text: del });
    if (ins) out.push({ op: "insert", text: ins });
    del = ins = "";
  };
  for (const p of marked.flat()) {
    if (p.op === "delete") del += p.text;
    else if (p.op === "insert") ins += p.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === "equal") last.text += p.text;
      else out.push({ ...p });
    }
  }
  flush();
  return out;
}

const countWords = (text: string) => wordsOf(text).filter((t) => WORD.test(t)).length;

/** The word-level difference between an old and a new text. */
export function diffText(before: string, after: string, options: DiffOptions = {}): TextDiff {
  const maxD = Math.max(1, options.maxEdits ?? DEFAULT_MAX_EDITS);
  const acc: Acc = { parts: [], coarse: false };
  const lines = compare(linesOf(before), linesOf(after), maxD);
  if (!lines) {
    // The lines differ too much to follow: the words of the whole text, or all replaced.
    diffRun(acc, before, after, maxD);
  } else {
    let removed = "";
    let added = "";
    const flush = () => {
      if (removed && added) diffRun(acc, removed, added, maxD);
      else {
        emit(acc, "delete", removed);
        emit(acc, "insert", added);
      }
      removed = added = "";
    };
    for (const run of lines) {
      const text = run.tokens.join("");
      if (run.op === "delete") removed += text;
      else if (run.op === "insert") added += text;
      else {
        flush();
        emit(acc, "equal", text);
      }
    }
    flush();
  }
  const parts = tidy(acc.parts);
  let inserted = 0;
  let deleted = 0;
  for (const p of parts) {
    if (p.op === "insert") inserted += countWords(p.text);
    else if (p.op === "delete") deleted += countWords(p.text);
  }
  return { parts, inserted, deleted, coarse: acc.coarse };
}
