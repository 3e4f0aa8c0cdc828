/**
 * Scores the parser against a labelled folder (labels.jsonl beside the documents, as in
 * ../shared/corpus/dev) and prints per-field accuracy.
 *
 *   npm run eval -- ../shared/corpus/dev [--verbose] [--check]
 *
 * --check exits 1 when a target field is under its target (reference, type, date and signer
 * name: 97%). Only labelled fields are scored; "partial" documents count like the others.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { foldKey, normalizeRef, parseDocument, toneKey, type ParsedDocument } from "@vanthu/core";
import { decodeText } from "@vanthu/extract";

interface Label {
  file: string;
  partial?: boolean;
  reference?: string;
  typeName?: string;
  date?: string;
  signerName?: string;
  subject?: string;
  issuerHint?: string;
}

type Scorer = (doc: ParsedDocument, expected: string) => { ok: boolean; got: string | null };

const stripType = (s: string): string =>
  foldKey(s)
    .replace(/^v\/v\s*/, "")
    .replace(
      /^(?:quyet dinh|nghi dinh|thong tu lien tich|thong tu|nghi quyet|ke hoach|van ban hop nhat so \S+ - thong tu lien tich|quyet dinh so \S+)\s+/,
      "",
    )
    .replace(/[.\s]+$/, "");

const FIELDS: Record<string, { target?: number; score: Scorer }> = {
  reference: {
    target: 0.97,
    score: (d, e) => ({
      ok: !!d.reference && normalizeRef(d.reference) === normalizeRef(e),
      got: d.reference,
    }),
  },
  typeName: {
    target: 0.97,
    score: (d, e) => ({
      ok: !!d.type && foldKey(d.type.name) === foldKey(e),
      got: d.type?.name ?? null,
    }),
  },
  date: { target: 0.97, score: (d, e) => ({ ok: d.date === e, got: d.date }) },
  signerName: {
    target: 0.97,
    score: (d, e) => ({
      ok: !!d.signature.signerName && toneKey(d.signature.signerName) === toneKey(e),
      got: d.signature.signerName,
    }),
  },
  subject: {
    score: (d, e) => ({ ok: !!d.subject && stripType(d.subject) === stripType(e), got: d.subject }),
  },
  issuerHint: {
    score: (d, e) => {
      const got = [d.issuer.parent, d.issuer.name].filter(Boolean).join(" / ");
      const key = foldKey(e).replace(/^(?:tinh|thanh pho|bo truong)\s+/, "");
      return {
        ok: foldKey(got).includes(key) || foldKey(d.signature.authorityTitle ?? "").includes(key),
        got,
      };
    },
  },
};

function main(argv: string[]): number {
  const dir = argv.find((a) => !a.startsWith("--"));
  const verbose = argv.includes("--verbose");
  const check = argv.includes("--check");
  if (!dir) {
    console.error("usage: npm run eval -- DIR [--verbose] [--check]");
    return 2;
  }
  const labelsPath = join(dir, "labels.jsonl");
  if (!existsSync(labelsPath)) {
    console.error(`eval: ${labelsPath} not found`);
    return 2;
  }
  const labels = readFileSync(labelsPath, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
  const totals: Record<string, { ok: number; n: number; misses: string[] }> = {};
  for (const name of Object.keys(FIELDS)) totals[name] = { ok: 0, n: 0, misses: [] };
  let citations = 0;
  const started = performance.now();
  for (const label of labels) {
    const decoded = decodeText(readFileSync(join(dir, label.file)));
    const doc = parseDocument(decoded.text);
    citations += doc.citations.length;
    for (const [name, field] of Object.entries(FIELDS)) {
      const expected = label[name as keyof Label];
      if (typeof expected !== "string") continue;
      const t = totals[name]!;
      t.n++;
      const r = field.score(doc, expected);
      if (r.ok) t.ok++;
      else
        t.misses.push(
          `${label.file}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(r.got)}`,
        );
    }
  }
  const ms = performance.now() - started;
  console.log(
    `Parser evaluation on ${dir}: ${labels.length} documents, ${citations} citations found, ${ms.toFixed(0)} ms`,
  );
  console.log("field        correct   total   accuracy  target");
  let failed = false;
  for (const [name, field] of Object.entries(FIELDS)) {
    const t = totals[name]!;
    const acc = t.n ? t.ok / t.n : 1;
    const below = field.target !== undefined && acc < field.target;
    if (below) failed = true;
    console.log(
      `${name.padEnd(12)} ${String(t.ok).padStart(7)} ${String(t.n).padStart(7)}   ${(acc * 100).toFixed(1).padStart(6)}%  ${field.target ? `${field.target * 100}%${below ? "  BELOW" : ""}` : "-"}`,
    );
  }
  for (const [name, t] of Object.entries(totals)) {
    if (!t.misses.length) continue;
    const shown = verbose ? t.misses : t.misses.slice(0, FIELDS[name]!.target ? 10 : 3);
    console.log(`\n${name} misses (${t.misses.length}):`);
    for (const m of shown) console.log(`  ${m}`);
  }
  return check && failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
