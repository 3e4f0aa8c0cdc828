import { test } from "node:test";
import assert from "node:assert/strict";
import JSZip from "jszip";
import { DEFAULT_LIMITS, extractText, readZipDirectory, type ExtractLimits } from "@vanthu/extract";
import { longText, manyPagePdf, zipBombDocx } from "./bomb-files.ts";

const fatalCode = (r: { notes: Array<{ code: string; fatal: boolean }> }) =>
  r.notes.find((n) => n.fatal)?.code ?? null;

async function manyEntries(n: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await zipBombDocx(0));
  for (let i = 0; i < n; i++) zip.file(`word/part${i}.xml`, "<x/>");
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const cases: Array<{
  name: string;
  file: () => Promise<Uint8Array> | Uint8Array;
  fileName: string;
  limits?: Partial<ExtractLimits>;
  code: string | null;
}> = [
  { name: "a small .docx is read", file: () => zipBombDocx(0), fileName: "a.docx", code: null },
  {
    name: "a zip bomb .docx is refused from its directory",
    file: () => zipBombDocx(30),
    fileName: "bomb.docx",
    code: "FILE_TOO_COMPLEX",
  },
  {
    name: "a .docx over the unpacked-size limit",
    file: () => zipBombDocx(2),
    fileName: "big.docx",
    limits: { maxDocxRatio: Infinity, maxDocxXmlBytes: 1024 * 1024 },
    code: "FILE_TOO_COMPLEX",
  },
  {
    name: "a .docx with too many parts",
    file: () => manyEntries(20),
    fileName: "parts.docx",
    limits: { maxDocxEntries: 10 },
    code: "FILE_TOO_COMPLEX",
  },
  {
    name: "a PDF within the page limit",
    file: () => manyPagePdf(5),
    fileName: "a.pdf",
    code: null,
  },
  {
    name: "a PDF over the page limit",
    file: () => manyPagePdf(50),
    fileName: "long.pdf",
    limits: { maxPdfPages: 10 },
    code: "PDF_TOO_MANY_PAGES",
  },
  {
    name: "a PDF over the page limit whose pages a byte scan cannot see",
    file: () => manyPagePdf(50, 50, false),
    fileName: "hidden.pdf",
    limits: { maxPdfPages: 10 },
    code: "PDF_TOO_MANY_PAGES",
  },
  {
    name: "untyped pages within the limit are read",
    file: () => manyPagePdf(3, 3, false),
    fileName: "untyped.pdf",
    code: null,
  },
  {
    // pdfjs counts the pages it finds, not the count the tree claims.
    name: "a PDF whose page tree claims 100,000 pages and holds 3",
    file: () => manyPagePdf(3, 100_000),
    fileName: "liar.pdf",
    code: null,
  },
  {
    name: "a PDF whose text is too long",
    file: () => manyPagePdf(20),
    fileName: "text.pdf",
    limits: { maxTextChars: 100 },
    code: "TEXT_TOO_LONG",
  },
  {
    name: "a text over the length limit",
    file: () => longText(0.1),
    fileName: "a.txt",
    limits: { maxTextChars: 50_000 },
    code: "TEXT_TOO_LONG",
  },
  {
    name: "a 19 MB text under the default limits",
    file: () => longText(19),
    fileName: "huge.txt",
    code: "TEXT_TOO_LONG",
  },
  {
    name: "a .docx whose text is too long",
    file: () => zipBombDocx(0),
    fileName: "a.docx",
    limits: { maxTextChars: 3 },
    code: "TEXT_TOO_LONG",
  },
];

for (const c of cases) {
  test(`limits: ${c.name}`, async () => {
    const result = await extractText(await c.file(), c.fileName, c.limits);
    assert.equal(fatalCode(result), c.code, JSON.stringify(result.notes));
    if (c.code) assert.equal(result.text, "");
  });
}

test("limits: the defaults fit official documents", () => {
  assert.ok(DEFAULT_LIMITS.maxPdfPages >= 300);
  assert.ok(DEFAULT_LIMITS.maxTextChars >= 1_000_000);
});

test("zip directory: declared sizes without decompressing; damage is reported", async () => {
  const dir = readZipDirectory(await zipBombDocx(3));
  assert.ok(dir.ok);
  const doc = dir.entries.find((e) => e.name === "word/document.xml")!;
  assert.ok(doc.uncompressedSize > 3 * 1024 * 1024);
  assert.ok(doc.compressedSize < doc.uncompressedSize / 100);
  const cut = (await zipBombDocx(0)).subarray(0, 200);
  assert.equal(readZipDirectory(cut).ok, false);
  const damaged = await extractText(new Uint8Array([...cut]), "cut.docx");
  assert.equal(fatalCode(damaged), "UNREADABLE_DOCX");
});
