import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { layoutDocument, type LayoutSource } from "@vanthu/core";
import { findSerifFonts, npmSerifFonts, renderPdf } from "@vanthu/render";
import { FaceMetrics } from "../src/pdf/pdf-font.ts";
import { wrapText } from "../src/pdf/pdf-canvas.ts";
import { parseTrueType, subsetTrueType } from "../src/pdf/truetype.ts";

const fonts = findSerifFonts();
const regular = new FaceMetrics(readFileSync(fonts.regular));

test("wrapText: breaks at spaces, indents the first line, keeps hard breaks", () => {
  const size = 12;
  const w = (s: string) => regular.width(s, size);
  const cases: Array<{ text: string; width: number; indent?: number; lines: string[] }> = [
    { text: "", width: 100, lines: [""] },
    { text: "một", width: 100, lines: ["một"] },
    {
      text: "tuyên truyền pháp luật",
      width: w("tuyên truyền") + 1,
      lines: ["tuyên truyền", "pháp luật"],
    },
    // Exactly the width of two words fits.
    { text: "tuyên truyền pháp", width: w("tuyên truyền"), lines: ["tuyên truyền", "pháp"] },
    // The indent narrows only the first line.
    {
      text: "aa bb cc dd",
      width: w("aa bb cc"),
      indent: w("aa "),
      lines: ["aa bb", "cc dd"],
    },
    { text: "dòng một\ndòng hai", width: 500, lines: ["dòng một", "dòng hai"] },
  ];
  for (const c of cases) {
    const lines = wrapText(regular, size, c.text, c.width, c.indent ?? 0);
    assert.deepEqual(
      lines.map((l) => l.text),
      c.lines,
      JSON.stringify(c.text),
    );
    for (const [i, l] of lines.entries()) {
      assert.ok(
        l.width <= c.width - (i === 0 ? (c.indent ?? 0) : 0) + 1e-3,
        `${c.text}: line ${i} too wide`,
      );
      assert.equal(
        l.last,
        i === lines.length - 1 || (c.text.split("\n").length > 1 && l.text.startsWith("dòng một")),
      );
      assert.equal(l.spaces, (l.text.match(/ /g) ?? []).length);
    }
  }
});

test("wrapText: a word wider than the line is cut between characters, each piece full", () => {
  const size = 13;
  const word = "https://stttt.langson.gov.vn/tin-tuc/chi-tiet?id=2026";
  const width = regular.width("https://stttt", size);
  const lines = wrapText(regular, size, word, width);
  assert.ok(lines.length > 2);
  assert.equal(lines.map((l) => l.text).join(""), word);
  for (const [i, l] of lines.entries()) {
    assert.ok(l.width <= width + 1e-3);
    const next = lines[i + 1];
    if (next)
      assert.ok(l.width + regular.width(next.text[0]!, size) > width, `piece ${i} could hold more`);
  }
});

test("TrueType subset: renumbered glyphs, composites remapped, the source bytes untouched", () => {
  const bytes = readFileSync(fonts.regular);
  const before = Buffer.from(bytes);
  const font = parseTrueType(bytes);
  // "ở" is a composite (o + horn + hook) in Tinos and Liberation Serif.
  const glyphs = [0, font.glyphOf(0x41), font.glyphOf("ở".codePointAt(0)!), -1];
  const requested = glyphs.length;
  const subset = parseTrueType(subsetTrueType(font, glyphs));
  assert.ok(glyphs.length >= requested, "components appended");
  assert.equal(subset.numGlyphs, glyphs.length);
  for (const [i, g] of glyphs.entries())
    assert.equal(subset.advances[i], g < 0 ? 0 : font.advances[g], `advance of ${i}`);
  assert.ok(subset.glyphData(1).bytes.length > 0, "A has an outline");
  assert.equal(subset.glyphData(3).bytes.length, 0, "an empty slot stays empty");
  const composite = subset.glyphData(2);
  for (const c of composite.components)
    assert.ok(c > 0 && c < glyphs.length, `component ${c} in range`);
  assert.ok(composite.components.length > 0 || composite.bytes.length > 0);
  assert.ok(before.equals(bytes), "the font file in memory is unchanged");
  assert.throws(() => parseTrueType(new Uint8Array([1, 2, 3])), { code: "FONT_FORMAT" });
  assert.throws(() => parseTrueType(new Uint8Array(64)), { code: "FONT_FORMAT" });
});

function letter(paragraphs: string[]): LayoutSource {
  return {
    format: "state",
    issuer: { name: "Sở Y tế", parent: "UBND tỉnh Cao Nguyên", code: "SYT" },
    type: { code: "CV", name: "Công văn" },
    number: "12",
    symbol: "SYT-VP",
    place: "Cao Nguyên",
    dateParts: { day: 3, month: 2, year: 2026 },
    subject: "thử chữ",
    addressees: ["Các đơn vị"],
    paragraphs,
    recipients: ["Như trên"],
    archive: ["VT"],
    signature: {
      authority: null,
      authorityTitle: null,
      signerTitle: "GIÁM ĐỐC",
      signerName: "Trần Thị Bình",
      levels: [],
    },
  };
}

async function pageText(pdf: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  let text = "";
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    text += (content.items as Array<{ str: string; hasEOL: boolean }>)
      .map((i) => i.str + (i.hasEOL ? "\n" : ""))
      .join("");
  }
  await doc.destroy();
  return text;
}

test("characters beyond the Vietnamese core, and ones the font lacks, extract as themselves", async () => {
  // Greek and Cyrillic take two-byte codes; the CJK character and the emoji are not in the font
  // and are drawn as .notdef under codes of their own.
  const greek = "αβγδεζηθικλμνξοπρστυφχψω ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ";
  const cyrillic = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
  const rare = "Ký hiệu № 5, nhiệt độ 30 °C ± 2, giá 10.000 ₫ → xong; chữ 漢 và 😀.";
  const text = await pageText(
    await renderPdf(layoutDocument(letter([greek, cyrillic, rare])), {
      creationDate: new Date(0),
    }),
  );
  const flat = text.replace(/\s+/g, " ");
  for (const s of [greek, cyrillic, rare])
    assert.ok(flat.includes(s), `missing: ${s}\nin: ${flat}`);
});

test("the same input gives the same bytes", async () => {
  const model = layoutDocument(letter(["Nội dung một.", "Nội dung hai."]));
  const a = await renderPdf(model, { creationDate: new Date(0) });
  const b = await renderPdf(model, { creationDate: new Date(0) });
  assert.deepEqual(a, b);
  assert.equal(new TextDecoder("latin1").decode(a.subarray(0, 8)), "%PDF-1.7");
});

test("the npm font (a fresh machine's) draws Vietnamese as well as the system's", async () => {
  const text = "Thực hiện Kế hoạch, đề nghị các đơn vị báo cáo kết quả về Sở trước ngày 15/12.";
  for (const source of [npmSerifFonts(), fonts]) {
    const pdf = await renderPdf(layoutDocument(letter([text])), {
      fonts: source,
      creationDate: new Date(0),
    });
    assert.ok((await pageText(pdf)).replace(/\s+/g, " ").includes(text), source.source);
  }
});
