import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { extractText, type ExtractedText } from "@vanthu/extract";
import {
  annotationsMayDrawText,
  canonical,
  PdfLexer,
  type PdfName,
  PdfRef,
  type PdfString,
  pagesChangedSinceFirst,
  readStructure,
  type PdfStructure,
} from "../src/pdf-objects.ts";
import { firstRevisionRuns, runKey } from "../src/pdf-page.ts";
import { listRevisions } from "../src/pdf-revisions.ts";
import { loadPdfjs } from "../src/pdfjs.ts";
import {
  appendObjects,
  appendUpdate,
  Charset,
  writePdf,
  type Draw,
  type Written,
} from "./pdf-writer.ts";

/** Array.prototype.push before anything loaded pdfjs (nothing imported above loads it). */
const enginePush = Array.prototype.push;

const T = (text: string, x: number, y: number, size = 13): Draw => ({ x, y, size, text });
const PAGE1 = [
  T("UBND TỈNH HÀ GIANG", 70, 780),
  T("SỞ NỘI VỤ", 110, 765),
  T("Số:", 90, 740),
  T("/SNV-TCBC", 150, 740),
  T("Kính gửi: Các hội cấp tỉnh.", 200, 690),
];
const PAGE2 = [T("Nơi nhận:", 85, 600, 12), T("GIÁM ĐỐC", 400, 600), T("Lò Văn Thắng", 395, 500)];
const charset = new Charset(...[...PAGE1, ...PAGE2].map((d) => d.text), "412", "09");
const draft = (): Written => writePdf([PAGE1, PAGE2], charset);
/** Object numbers the writer gives: the font, the first page and its content stream. */
const FONT = 3;
const PAGE1_NUM = 5;

function structureOf(pdf: Written): PdfStructure {
  const revisions = listRevisions(pdf.bytes);
  const structure = readStructure(pdf.bytes, revisions.at(-1)!.xrefOffset, 1000);
  assert.ok(structure, "the file's objects are read");
  return structure;
}

function changedPages(pdf: Written): number[] | null {
  const revisions = listRevisions(pdf.bytes);
  const changed = pagesChangedSinceFirst(
    structureOf(pdf),
    revisions[0]!.xrefOffset,
    revisions[0]!.byteEnd,
    1000,
  );
  return changed && [...changed].sort();
}

const revisionText = (r: ExtractedText): Array<[string, number | undefined]> =>
  (r.sources ?? [])
    .filter((s) => s.source === "revision")
    .map((s) => [r.text.slice(s.start, s.end), s.revision]);

test("PDF objects: values read as written, a dictionary's keys in any order", () => {
  const read = (s: string) => new PdfLexer(s).value();
  const v = read(
    "<</Type /Font % a comment\n /Name#20x (a (nested) \\) string) /W [1 -2.5 .5] /R 12 0 R /H <4E6F>>>",
  );
  assert.ok(v instanceof Map);
  assert.deepEqual([...v.keys()], ["Type", "Name x", "W", "R", "H"]);
  assert.equal((v.get("Type") as PdfName).name, "Font");
  assert.equal((v.get("Name x") as PdfString).raw, "(a (nested) \\) string)");
  assert.deepEqual(v.get("W"), [1, -2.5, 0.5]);
  assert.deepEqual(v.get("R"), new PdfRef(12, 0));
  assert.equal((v.get("H") as PdfString).raw, "<4E6F>");
  // Two integers not followed by R are two numbers.
  assert.deepEqual(read("[1 0 2 0 R]"), [1, 0, new PdfRef(2, 0)]);
  assert.equal(
    canonical(read("<</B <</Y 1 /X 2>> /A 3 0 R>>")),
    canonical(read("<</A 3 0 R /B <</X 2 /Y 1>>>>")),
  );
  assert.notEqual(canonical(read("<</A 3 0 R>>")), canonical(read("<</A 4 0 R>>")));
  assert.throws(() => read("<</A 1"), /unexpected end/);
});

test("PDF objects: signatures and stamping widgets leave every page's own text as it was", () => {
  let pdf = appendUpdate(draft(), { page: 1, signed: true });
  pdf = appendUpdate(pdf, {
    page: 1,
    widgets: [{ rect: [112, 736, 148, 756], draws: [T("412", 1, 4)] }],
    signed: true,
  });
  assert.deepEqual(
    structureOf(pdf).pages.map((p) => p.num),
    [5, 7],
  );
  assert.deepEqual(changedPages(pdf), []);
});

test("PDF objects: a content stream appended to a page changes that page only", () => {
  const pdf = appendUpdate(draft(), { page: 2, draws: [T("412", 115, 740)] });
  assert.deepEqual(changedPages(pdf), [2]);
});

test("PDF objects: a font a later revision replaces changes every page that uses it", () => {
  const font = `<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode ${FONT + 1} 0 R>>`;
  const pdf = appendObjects(draft(), new Map([[FONT, font]]));
  assert.deepEqual(changedPages(pdf), [1, 2]);
});

test("PDF objects: a page dictionary written anew is the same page unless what it reads changed", () => {
  const keys = "/Contents [6 0 R] /Resources <</Font <</F1 3 0 R>>>> /Parent 2 0 R /Type /Page";
  // The same entries in another order.
  const same = appendObjects(
    draft(),
    new Map([[PAGE1_NUM, `<<${keys} /MediaBox [0 0 595 842]>>`]]),
  );
  assert.deepEqual(changedPages(same), []);
  // A box a little narrower: text near the edge may be cut, so the page is compared.
  const box = appendObjects(draft(), new Map([[PAGE1_NUM, `<<${keys} /MediaBox [0 0 594 842]>>`]]));
  assert.deepEqual(changedPages(box), [1]);
});

test("PDF objects: a cross-reference that does not lead to the objects is not trusted", async () => {
  const signed = appendUpdate(draft(), { page: 1, signed: true });
  // The first revision's entry for the font points a few bytes off.
  const text = Buffer.from(signed.bytes).toString("latin1");
  const table = text.indexOf("xref\n");
  const entry = [...text.slice(table).matchAll(/(\d{10}) 00000 n\r\n/g)][FONT - 1]!;
  const at = table + entry.index;
  const off = String(Number(entry[1]) + 3).padStart(10, "0");
  const pdf = {
    ...signed,
    bytes: new Uint8Array(Buffer.from(text.slice(0, at) + off + text.slice(at + 10), "latin1")),
  };
  assert.equal(changedPages(pdf), null, "an object not where its entry says: every page compared");
  // The file is still read, by pdfjs's own means.
  assert.equal((await extractText(pdf.bytes, "off.pdf")).format, "pdf");
  // Garbage after the last %%EOF, with a startxref of its own: not the file pdfjs reads.
  const tail = `\n${"%".repeat(1100)}\nstartxref\n9\n%%EOF\n`;
  const trailing = new Uint8Array(Buffer.concat([signed.bytes, Buffer.from(tail, "latin1")]));
  const revisions = listRevisions(signed.bytes);
  assert.equal(readStructure(trailing, revisions.at(-1)!.xrefOffset, 1000), null);
});

test("PDF objects: objects inside an object stream, listed by a cross-reference stream", () => {
  // A file as compressing writers write it: catalog, page tree and page in an object stream.
  const inside = [
    "<</Type /Catalog /Pages 2 0 R>>",
    "<</Type /Pages /Kids [3 0 R] /Count 1>>",
    "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources <<>>>>",
  ];
  let header = "";
  let body = "";
  inside.forEach((obj, k) => {
    header += `${k + 1} ${body.length} `;
    body += `${obj}\n`;
  });
  const objstm = deflateSync(Buffer.from(header + body, "latin1"));
  let out = "%PDF-1.7\n";
  const at: number[] = [];
  at[4] = out.length;
  out += "4 0 obj\n<</Length 0>>\nstream\n\nendstream\nendobj\n";
  at[6] = out.length;
  const head = `6 0 obj\n<</Type /ObjStm /N 3 /First ${header.length} /Filter /FlateDecode /Length ${objstm.length}>>\nstream\n`;
  const parts: Buffer[] = [Buffer.from(out + head, "latin1"), objstm];
  let length = out.length + head.length + objstm.length;
  const middle = "\nendstream\nendobj\n";
  parts.push(Buffer.from(middle, "latin1"));
  length += middle.length;
  at[7] = length;
  // type, 4-byte field 2, 2-byte field 3: 0 free, 1 in the clear at an offset, 2 in a stream.
  const rows = [
    [0, 0, 65535],
    [2, 6, 0],
    [2, 6, 1],
    [2, 6, 2],
    [1, at[4]!, 0],
    [0, 0, 0],
    [1, at[6]!, 0],
    [1, at[7]!, 0],
  ];
  const raw = Buffer.alloc(rows.length * 7);
  rows.forEach(([t, a, b], k) => {
    raw.writeUInt8(t!, k * 7);
    raw.writeUInt32BE(a!, k * 7 + 1);
    raw.writeUInt16BE(b!, k * 7 + 5);
  });
  const xref = deflateSync(raw);
  const xrefHead = `7 0 obj\n<</Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length ${xref.length}>>\nstream\n`;
  parts.push(Buffer.from(xrefHead, "latin1"), xref);
  parts.push(Buffer.from(`\nendstream\nendobj\nstartxref\n${at[7]}\n%%EOF\n`, "latin1"));
  const bytes = new Uint8Array(Buffer.concat(parts));
  const structure = readStructure(bytes, at[7]!, 1000);
  assert.ok(structure);
  assert.deepEqual(
    structure.pages.map((p) => p.num),
    [3],
  );
  assert.ok(structure.pages[0]!.dict.has("Contents"));
});

test("PDF objects: a bomb of a cross-reference stream, a page tree that loops: not read", () => {
  // A file whose cross-reference stream is sound, then 20 MB of zeros (deflated to some 20 KB):
  // past what one stream may inflate to.
  const objects = [
    "<</Type /Catalog /Pages 2 0 R>>",
    "<</Type /Pages /Kids [3 0 R] /Count 1>>",
    "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>",
  ];
  let head = "%PDF-1.7\n";
  const offsets = objects.map((o, k) => {
    const at = head.length;
    head += `${k + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const rows = [[0, 0], ...offsets.map((o) => [1, o]), [1, head.length]];
  const raw = Buffer.alloc(rows.length * 7 + 20 * 1024 * 1024);
  rows.forEach(([t, o], k) => {
    raw.writeUInt8(t!, k * 7);
    raw.writeUInt32BE(o!, k * 7 + 1);
  });
  const xrefStream = (data: Buffer): Uint8Array => {
    const dict = `4 0 obj\n<</Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length ${data.length}>>\nstream\n`;
    const tail = `\nendstream\nendobj\nstartxref\n${head.length}\n%%EOF\n`;
    return new Uint8Array(
      Buffer.concat([Buffer.from(head + dict, "latin1"), data, Buffer.from(tail, "latin1")]),
    );
  };
  const sound = xrefStream(deflateSync(raw.subarray(0, rows.length * 7)));
  assert.deepEqual(
    readStructure(sound, head.length, 1000)?.pages.map((p) => p.num),
    [3],
  );
  assert.equal(readStructure(xrefStream(deflateSync(raw)), head.length, 1000), null);
  // A page tree node that is its own kid.
  const loop = appendObjects(draft(), new Map([[2, "<</Type /Pages /Kids [2 0 R] /Count 1>>"]]));
  const revisions = listRevisions(loop.bytes);
  assert.equal(readStructure(loop.bytes, revisions.at(-1)!.xrefOffset, 1000), null);
});

/** Appends a page 1 carrying `annots` (object number to dictionary) and the objects they use. */
function withAnnotations(objects: Array<[number, string]>, annots: number[]): Written {
  const pdf = draft();
  const page = `<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 ${FONT} 0 R>>>> /Contents [6 0 R] /Annots [${annots.map((a) => `${a} 0 R`).join(" ")}]>>`;
  const size = Math.max(pdf.size, ...objects.map(([n]) => n + 1));
  return appendObjects(pdf, new Map([...objects, [PAGE1_NUM, page]]), size);
}

const form = (content: string, resources = "<<>>"): string =>
  `<</Type /XObject /Subtype /Form /BBox [0 0 40 20] /Resources ${resources} /Length ${content.length}>>\nstream\n${content}\nendstream`;
const widget = (ap: number, type = "Sig"): string =>
  `<</Type /Annot /Subtype /Widget /FT /${type} /T (s) /Rect [100 700 140 720] /P ${PAGE1_NUM} 0 R /AP <</N ${ap} 0 R>>>>`;
const IMAGE =
  "<</Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1>>\nstream\n\x80\nendstream";

test("PDF objects: annotations that cannot draw text are told apart", () => {
  const may = (pdf: Written, ids: string[]): boolean =>
    annotationsMayDrawText(structureOf(pdf), 0, PAGE1_NUM, ids);
  const text = `BT /F1 10 Tf 1 0 0 1 2 4 Tm <21> Tj ET`;
  const fonts = `<</Font <</F1 ${FONT} 0 R>>>>`;
  // A signature whose appearance shows text: drawn.
  const stamped = withAnnotations(
    [
      [20, form(text, fonts)],
      [21, widget(20)],
    ],
    [21],
  );
  assert.equal(may(stamped, ["21R"]), true);
  // A signature whose appearance paints a form that paints an image: nothing to read.
  const picture = withAnnotations(
    [
      [20, form("q /FRM Do Q", "<</XObject <</FRM 22 0 R>>>>")],
      [21, widget(20)],
      [22, form("q 40 0 0 20 0 0 cm /Im0 Do Q", "<</XObject <</Im0 23 0 R>>>>")],
      [23, IMAGE],
    ],
    [21],
  );
  assert.equal(may(picture, ["21R"]), false);
  // The same picture, but the inner form also shows text.
  const both = withAnnotations(
    [
      [20, form("q /FRM Do Q", "<</XObject <</FRM 22 0 R>>>>")],
      [21, widget(20)],
      [22, form(`/Im0 Do ${text}`, `<</XObject <</Im0 23 0 R>>${fonts.slice(2, -2)}>>`)],
      [23, IMAGE],
    ],
    [21],
  );
  assert.equal(may(both, ["21R"]), true);
  // A text field: pdfjs may write its appearance itself, from the field's value.
  const field = withAnnotations(
    [
      [20, form("")],
      [21, widget(20, "Tx")],
    ],
    [21],
  );
  assert.equal(may(field, ["21R"]), true);
  // An annotation pdfjs found that the page does not list: nothing is assumed.
  assert.equal(may(picture, ["21R", "30R"]), true);
  // Another page than the one read.
  assert.equal(annotationsMayDrawText(structureOf(picture), 0, 99, ["21R"]), true);
});

test("PDF objects: a signature that paints only a picture is not drawn, its text still is", async () => {
  // One widget stamps the number, another only carries the signer's picture (no text).
  let pdf = appendUpdate(draft(), { page: 1, signed: true });
  pdf = appendUpdate(pdf, {
    page: 1,
    widgets: [
      { rect: [112, 736, 148, 756], draws: [T("412", 1, 4)] },
      { rect: [390, 480, 470, 520], draws: [] },
    ],
    signed: true,
  });
  const r = await extractText(pdf.bytes, "issued.pdf");
  assert.ok(r.text.split("\n").includes("Số: 412 /SNV-TCBC"), r.text);
  assert.deepEqual(revisionText(r), [["412", 3]]);
  const pictureOnly = appendUpdate(appendUpdate(draft(), { page: 1, signed: true }), {
    page: 1,
    widgets: [{ rect: [390, 480, 470, 520], draws: [] }],
    signed: true,
  });
  const signed = await extractText(pictureOnly.bytes, "signed.pdf");
  assert.equal(signed.text, (await extractText(draft().bytes, "draft.pdf")).text);
  assert.deepEqual(revisionText(signed), []);
});

test("PDF objects: reading a page as the first revision read it, the pages asked for only", async () => {
  const pdfjs = await loadPdfjs();
  const pdf = appendUpdate(draft(), { page: 2, draws: [T("09", 393, 740)] });
  const open = (data: Uint8Array) => pdfjs.getDocument({ data, verbosity: 0 }).promise;
  const first = listRevisions(pdf.bytes)[0]!;
  const runs = await firstRevisionRuns(
    open,
    pdf.bytes,
    first,
    1000,
    Date.now() + 60_000,
    new Set([2]),
  );
  assert.deepEqual([...(runs?.keys() ?? [])], [2]);
  assert.ok(
    runs
      ?.get(2)
      ?.has(runKey({ str: "GIÁM ĐỐC", transform: [13, 0, 0, 13, 400, 600], width: 0, height: 13 })),
  );
  // A Buffer is read as its bytes (pdfjs refuses one).
  const fromBuffer = await firstRevisionRuns(
    open,
    Buffer.from(pdf.bytes),
    first,
    1000,
    Date.now() + 60_000,
  );
  assert.deepEqual([...(fromBuffer?.keys() ?? [])], [1, 2]);
});

test("PDF objects: pdfjs loaded, Array.prototype.push is the engine's again", async () => {
  await loadPdfjs();
  assert.equal(Array.prototype.push, enginePush);
});

// Real documents (../shared, developer and CI machines only).
const FILES = new URL("../../../../shared/corpus/files/", import.meta.url);
const present = existsSync(new URL("manifest.tsv", FILES));
const skip = present ? false : "../shared/corpus/files is absent: real-file test skipped";

test(
  "real text PDFs: a page said unchanged reads the same in the first revision",
  { skip },
  async () => {
    const pdfjs = await loadPdfjs();
    const open = (data: Uint8Array) => pdfjs.getDocument({ data, verbosity: 0 }).promise;
    const files = readFileSync(new URL("manifest.tsv", FILES), "utf8")
      .split("\n")
      .map((l) => l.split("\t"))
      .filter((c) => c[2] === "text-pdf")
      .map((c) => c[1]!);
    let unchanged = 0;
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(new URL(file, FILES)));
      const revisions = listRevisions(bytes);
      if (revisions.length < 2) continue;
      const structure = readStructure(bytes, revisions.at(-1)!.xrefOffset, 1000);
      assert.ok(structure, file);
      const changed = pagesChangedSinceFirst(
        structure,
        revisions[0]!.xrefOffset,
        revisions[0]!.byteEnd,
        1000,
      );
      assert.ok(changed, file);
      const before = await firstRevisionRuns(
        open,
        bytes,
        revisions[0]!,
        1000,
        Date.now() + 600_000,
      );
      const doc = await open(new Uint8Array(bytes));
      try {
        for (let p = 1; p <= doc.numPages; p++) {
          if (changed.has(p)) continue;
          const page = await doc.getPage(p);
          const items = (await page.getTextContent()).items as Array<{ str?: string }>;
          const keys = items
            .filter((i): i is Parameters<typeof runKey>[0] => /\S/.test(i.str ?? ""))
            .map(runKey);
          assert.deepEqual(new Set(keys), before?.get(p), `${file} page ${p}`);
          unchanged++;
        }
      } finally {
        await doc.destroy();
      }
    }
    assert.ok(unchanged > 0, "some pages of signed files were found unchanged");
  },
);
