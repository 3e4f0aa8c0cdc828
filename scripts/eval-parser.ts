/**
 * Scores file reading and parsing against a labelled folder (labels.jsonl beside the files, as in
 * ../shared/corpus/dev and ../shared/corpus/files) and prints per-field accuracy, with its n, per
 * category (a manifest.tsv beside the labels gives each file's category: text-pdf, scan-pdf, doc,
 * docx; without one every file is "text").
 *
 *   npm run eval -- DIR [--verbose] [--check] [--json] [--reuse-extraction TMPDIR]
 *
 * Every file is read through the reader pool and `parseExtracted`, exactly as `vanthu parse`
 * reads it. Scoring:
 * - reference: the number and symbol, spacing and case ignored; a null label (a blank number)
 *   must come out with a null number (the contract keeps the symbol: "/TB-UBND"). Where the number was written by hand (`number_handwritten`), a null
 *   reference with a NUMBER_HANDWRITTEN note and the right symbol also scores (the clerk types
 *   it); a wrong number never does. Dates likewise with `day_handwritten` and DAY_HANDWRITTEN.
 * - subject and signer name: case, spacing and old/new tone placement ignored, diacritics not (a
 *   text layer that lost its diacritics does not score).
 * - null labels are scored as null.
 * --check exits 1 when a field is under its category's target, a file is refused, a handwritten
 * value came out wrong, or a scan was not recognised (OCR) in full. `--only CAT,CAT` limits the field
 * targets checked to those categories (every category is still scored and printed; refusals,
 * wrong handwritten values and unrecognised scans are checked in all).
 * `--reuse-extraction TMPDIR` keeps each file's extraction there (by the file's SHA-256) and reuses
 * it on the next run: for work on the parser alone, whose runs then take a second instead of the
 * OCR's minute. Clear TMPDIR whenever the extraction code changes; CI never passes it.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { foldKey, normalizeRef, toneKey } from "@vanthu/core";
import { ReaderPool, parseExtracted, type ParsedFile, type ExtractedText } from "@vanthu/extract";

interface Label {
  file: string;
  partial?: boolean;
  reference?: string | null;
  symbol?: string | null;
  typeName?: string | null;
  date?: string | null;
  signerName?: string | null;
  signerTitle?: string | null;
  subject?: string | null;
  place?: string | null;
  authority?: string | null;
  issuerHint?: string;
  citations?: string[];
  number_handwritten?: boolean;
  day_handwritten?: boolean;
}

type Outcome = "ok" | "unreadable" | "wrong";
interface Scored {
  outcome: Outcome;
  got: unknown;
}
type Scorer = (doc: ParsedFile, label: Label) => Scored | null;

const textKey = (s: string): string =>
  toneKey(s.normalize("NFC"))
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/\s*([,;:.()"“”])\s*/g, "$1")
    .trim();
/** The subject without quotes, "V/v", the final period, or the type name a legal text repeats. */
const subjectKey = (s: string): string =>
  textKey(
    s
      .normalize("NFC")
      .toLocaleLowerCase("vi")
      .replace(/^\s*["“]|["”]\s*$/g, "")
      .replace(/^v\/v\s*/, "")
      .replace(
        /^(?:quyết định số \S+|văn bản hợp nhất số \S+ - thông tư liên tịch|quyết định|nghị định|thông tư liên tịch|thông tư|nghị quyết|kế hoạch)\s+/,
        "",
      )
      .replace(/^về việc\s+/, "")
      .replace(/[.\s]+$/, ""),
  );
const hasNote = (doc: ParsedFile, code: string): boolean => doc.notes.some((n) => n.code === code);
const ok = (cond: boolean, got: unknown): Scored => ({ outcome: cond ? "ok" : "wrong", got });

const FIELDS: Record<string, Scorer> = {
  reference: (d, l) => {
    if (l.reference === undefined) return null;
    if (l.reference === null) return ok(d.reference === null || d.number === null, d.reference);
    if (d.number && d.reference && normalizeRef(d.reference) === normalizeRef(l.reference))
      return ok(true, d.reference);
    if (l.number_handwritten && !d.number && hasNote(d, "NUMBER_HANDWRITTEN"))
      return { outcome: "unreadable", got: d.reference };
    return ok(false, d.reference);
  },
  symbol: (d, l) => {
    if (l.symbol === undefined) return null;
    // A blank number's symbol is printed and kept ("/TB-UBND" for a draft, as the contract says);
    // the labels leave it null with the reference, so there is nothing to score it against.
    if (l.symbol === null && l.reference === null) return null;
    if (l.symbol === null) return ok(d.symbol === null, d.symbol);
    // A normative reference's year is part of its symbol as labelled ("2009/CT-UBND").
    const got = [d.symbol, d.referenceYear && d.symbol ? `${d.referenceYear}/${d.symbol}` : null];
    return ok(
      got.some((g) => !!g && normalizeRef(g) === normalizeRef(l.symbol!)),
      d.symbol,
    );
  },
  typeName: (d, l) =>
    l.typeName === undefined
      ? null
      : ok(
          l.typeName === null ? !d.type : !!d.type && foldKey(d.type.name) === foldKey(l.typeName),
          d.type?.name ?? null,
        ),
  date: (d, l) => {
    if (l.date === undefined) return null;
    if (l.date === null) return ok(d.date === null, d.date);
    if (d.date === l.date) return ok(true, d.date);
    if (l.day_handwritten && !d.date && hasNote(d, "DAY_HANDWRITTEN"))
      return { outcome: "unreadable", got: d.date };
    return ok(false, d.date);
  },
  signerName: (d, l) =>
    l.signerName === undefined
      ? null
      : ok(
          l.signerName === null
            ? !d.signature.signerName
            : !!d.signature.signerName && textKey(d.signature.signerName) === textKey(l.signerName),
          d.signature.signerName,
        ),
  subject: (d, l) =>
    l.subject === undefined
      ? null
      : ok(
          l.subject === null
            ? !d.subject
            : !!d.subject && subjectKey(d.subject) === subjectKey(l.subject),
          d.subject,
        ),
  place: (d, l) =>
    l.place === undefined
      ? null
      : ok(
          l.place === null ? !d.place : !!d.place && foldKey(d.place) === foldKey(l.place),
          d.place,
        ),
  signerTitle: (d, l) =>
    l.signerTitle === undefined
      ? null
      : ok(
          l.signerTitle === null
            ? !d.signature.signerTitle
            : !!d.signature.signerTitle &&
                textKey(d.signature.signerTitle) === textKey(l.signerTitle),
          d.signature.signerTitle,
        ),
};

/** Targets per category; fields not named are reported without one. */
const TARGETS: Record<string, Record<string, number>> = {
  text: { reference: 0.97, typeName: 0.97, date: 0.97, signerName: 0.97 },
  "text-pdf": { reference: 0.95, typeName: 0.95, date: 0.95, signerName: 0.95, subject: 0.9 },
  doc: { reference: 0.95, typeName: 0.95, date: 0.95, signerName: 0.95, subject: 0.9 },
  docx: { reference: 0.95, typeName: 0.95, date: 0.95, signerName: 0.95, subject: 0.9 },
  "scan-pdf": {
    typeName: 0.9,
    subject: 0.9,
    signerName: 0.9,
    symbol: 0.9,
    reference: 0.9,
    date: 0.9,
  },
};

interface Tally {
  ok: number;
  unreadable: number;
  wrong: number;
  misses: string[];
}

function readLabels(dir: string): Label[] {
  return readFileSync(join(dir, "labels.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
}

function readCategories(dir: string): Map<string, string> {
  const path = join(dir, "manifest.tsv");
  const out = new Map<string, string>();
  if (!existsSync(path)) return out;
  const [head, ...rows] = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim());
  const cols = head!.split("\t");
  const file = cols.indexOf("file");
  const category = cols.indexOf("category");
  for (const row of rows) {
    const cells = row.split("\t");
    out.set(cells[file]!, cells[category]!);
  }
  return out;
}

function pct(n: number, d: number): string {
  return d ? `${((n / d) * 100).toFixed(1)}%` : "-";
}

async function main(argv: string[]): Promise<number> {
  const dir = argv.find(
    (a, i) => !a.startsWith("--") && !["--only", "--reuse-extraction"].includes(argv[i - 1]!),
  );
  const reuseAt = argv.indexOf("--reuse-extraction");
  const reuse = reuseAt >= 0 ? argv[reuseAt + 1] : undefined;
  if (reuse) mkdirSync(reuse, { recursive: true });
  const verbose = argv.includes("--verbose");
  const check = argv.includes("--check");
  const onlyAt = argv.indexOf("--only");
  const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? "").split(",")) : null;
  const checked = (category: string): boolean => !only || only.has(category);
  if (!dir) {
    console.error("usage: npm run eval -- DIR [--verbose] [--check]");
    return 2;
  }
  if (!existsSync(join(dir, "labels.jsonl"))) {
    console.error(`eval: ${join(dir, "labels.jsonl")} not found`);
    return 2;
  }
  const labels = readLabels(dir);
  const categories = readCategories(dir);
  const reader = new ReaderPool({ workers: 2, timeoutMs: 600_000 });
  const started = performance.now();
  const results: Array<{ label: Label; extracted: ExtractedText; ms: number }> = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < labels.length) {
      const label = labels[next++]!;
      const t0 = performance.now();
      const bytes = readFileSync(join(dir, label.file));
      const kept = reuse
        ? join(reuse, `${createHash("sha256").update(bytes).digest("hex")}.json`)
        : null;
      const extracted: ExtractedText =
        kept && existsSync(kept)
          ? (JSON.parse(readFileSync(kept, "utf8")) as ExtractedText)
          : await reader.extractText(bytes, label.file);
      if (kept && !existsSync(kept)) writeFileSync(kept, JSON.stringify(extracted));
      results.push({ label, extracted, ms: performance.now() - t0 });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  results.sort((a, b) => labels.indexOf(a.label) - labels.indexOf(b.label));
  await reader.close();
  const ms = performance.now() - started;

  const byCategory = new Map<string, Map<string, Tally>>();
  const refused: string[] = [];
  const notOcrd: string[] = [];
  let citations = 0;
  const handwritten = { read: 0, unreadable: 0, wrong: 0 };
  for (const { label, extracted } of results) {
    const category = categories.get(label.file) ?? "text";
    const tallies = byCategory.get(category) ?? new Map<string, Tally>();
    byCategory.set(category, tallies);
    const fatal = extracted.notes.find((n) => n.fatal);
    if (fatal) refused.push(`${label.file}: ${fatal.code} ${fatal.message}`);
    if (category === "scan-pdf") {
      const ocrPages = new Set(
        (extracted.sources ?? []).filter((s) => s.source === "ocr").map((s) => s.page),
      );
      if (!fatal && ocrPages.size < (extracted.pages ?? 1))
        notOcrd.push(
          `${label.file}: ${ocrPages.size} of ${extracted.pages ?? "?"} pages recognised`,
        );
    }
    const doc = parseExtracted(fatal ? { ...extracted, text: "" } : extracted);
    citations += doc.citations.length;
    for (const [name, scorer] of Object.entries(FIELDS)) {
      const r = scorer(doc, label);
      if (!r) continue;
      const t = tallies.get(name) ?? { ok: 0, unreadable: 0, wrong: 0, misses: [] };
      tallies.set(name, t);
      t[r.outcome]++;
      const expected = label[name as keyof Label];
      if (r.outcome !== "ok")
        t.misses.push(
          `${label.file}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(r.got)}${r.outcome === "unreadable" ? " (handwritten, given as unreadable)" : ""}`,
        );
      const hand =
        (name === "reference" && label.number_handwritten && label.reference) ||
        (name === "date" && label.day_handwritten && label.date);
      if (hand) {
        if (r.outcome === "ok") handwritten.read++;
        else if (r.outcome === "unreadable") handwritten.unreadable++;
        else handwritten.wrong++;
      }
    }
  }

  console.log(
    `Evaluation on ${dir}: ${labels.length} files, ${citations} citations found, ${(ms / 1000).toFixed(1)} s`,
  );
  let failed = false;
  for (const [category, tallies] of [...byCategory].sort()) {
    const targets = TARGETS[category] ?? {};
    const n = results.filter((r) => (categories.get(r.label.file) ?? "text") === category).length;
    console.log(`\n${category} (${n} files)`);
    console.log("field          correct unreadable  wrong      n  accuracy  target");
    for (const [name, t] of tallies) {
      const total = t.ok + t.unreadable + t.wrong;
      // A handwritten value given as unreadable is right (the clerk types it), never a wrong one.
      const good = t.ok + t.unreadable;
      const target = targets[name];
      const below = target !== undefined && good / total < target;
      if (below && checked(category)) failed = true;
      console.log(
        `${name.padEnd(14)} ${String(t.ok).padStart(7)} ${String(t.unreadable).padStart(10)} ${String(t.wrong).padStart(6)} ${String(total).padStart(6)}  ${pct(good, total).padStart(8)}  ${target ? `${target * 100}%${below ? "  BELOW" : ""}` : "-"}`,
      );
    }
  }
  if (handwritten.read + handwritten.unreadable + handwritten.wrong) {
    console.log(
      `\nhandwritten numbers and days: ${handwritten.read} read, ${handwritten.unreadable} given as unreadable, ${handwritten.wrong} wrong`,
    );
    if (handwritten.wrong) failed = true;
  }
  console.log(`refused: ${refused.length}`);
  for (const r of refused) console.log(`  ${r}`);
  if (refused.length) failed = true;
  if (notOcrd.length) {
    failed = true;
    console.log(`scans not recognised in full: ${notOcrd.length}`);
    for (const r of notOcrd) console.log(`  ${r}`);
  }
  for (const [category, tallies] of [...byCategory].sort()) {
    for (const [name, t] of tallies) {
      if (!t.misses.length) continue;
      const shown = verbose ? t.misses : t.misses.slice(0, 6);
      console.log(`\n${category} ${name} misses (${t.misses.length}):`);
      for (const m of shown) console.log(`  ${m}`);
    }
  }
  return check && failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
