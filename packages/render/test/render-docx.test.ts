import { test } from "node:test";
import assert from "node:assert/strict";
import JSZip from "jszip";
import { layoutDocument, parseDocument, type LayoutSource } from "@vanthu/core";
import { extractText } from "@vanthu/extract";
import { renderDocx } from "@vanthu/render";
import { example, longPlan, ROUND_TRIP_EXAMPLES } from "./fixtures.ts";

async function parts(docx: Uint8Array): Promise<{ document: string; headers: string[] }> {
  const zip = await JSZip.loadAsync(docx);
  const document = await zip.file("word/document.xml")!.async("string");
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/header\d*\.xml$/.test(n))
      .map((n) => zip.file(n)!.async("string")),
  );
  return { document, headers };
}

/** The run (w:r) that holds a text, with its properties. */
function runOf(xml: string, text: string): string {
  const at = xml.indexOf(`>${text}<`);
  assert.ok(at > 0, `"${text}" not in the document`);
  const start = xml.lastIndexOf("<w:r>", at);
  return xml.slice(start, at);
}

/** The paragraph (w:p) that holds a text. */
function paragraphOf(xml: string, text: string): string {
  const at = xml.indexOf(`>${text}<`);
  const start = xml.lastIndexOf("<w:p>", at);
  return xml.slice(start, xml.indexOf("</w:p>", at));
}

test(".docx section: A4 and the ND30 margins in twips, title page without a number, page numbers centred", async () => {
  const { document, headers } = await parts(
    await renderDocx(layoutDocument(example("03-quyet-dinh-ubnd.txt"))),
  );
  assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
  const margin = /<w:pgMar ([^>]*)\/>/.exec(document)![1]!;
  assert.match(margin, /w:top="1134"/);
  assert.match(margin, /w:bottom="1134"/);
  assert.match(margin, /w:left="1701"/);
  assert.match(margin, /w:right="850"/);
  assert.match(document, /<w:titlePg\/>/);
  assert.ok(
    headers.some((h) => /PAGE/.test(h) && /<w:jc w:val="center"\/>/.test(h)),
    "page number field, centred",
  );
});

test(".docx runs: Times New Roman; sizes, bold and italic as ND30 asks", async () => {
  const { document } = await parts(
    await renderDocx(layoutDocument(example("03-quyet-dinh-ubnd.txt"))),
  );
  const expect: Array<[string, number, boolean, boolean]> = [
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, true, false],
    ["Độc lập - Tự do - Hạnh phúc", 14, true, false],
    // The header binds the two-syllable words of a name (no-break spaces): lines break between words.
    ["ỦY\u00a0BAN NHÂN\u00a0DÂN TỈNH CAO NGUYÊN", 13, true, false],
    ["Số: 0287/QĐ-UBND", 13, false, false],
    ["Cao Nguyên, ngày 09 tháng 02 năm 2026", 14, false, true],
    ["QUYẾT ĐỊNH", 14, true, false],
    ["Nơi nhận:", 12, true, true],
    ["- Như Điều 3;", 11, false, false],
    ["TM. ỦY BAN NHÂN DÂN", 14, true, false],
    ["Vương Đình Quý", 14, true, false],
  ];
  for (const [text, size, bold, italic] of expect) {
    const r = runOf(document, text);
    assert.match(r, /w:ascii="Times New Roman"/, text);
    assert.match(r, new RegExp(`<w:sz w:val="${size * 2}"/>`), `${text}: size`);
    assert.equal(/<w:b\/>/.test(r), bold, `${text}: bold`);
    assert.equal(/<w:i\/>/.test(r), italic, `${text}: italic`);
  }
  // Body: justified, first-line indent 12.7 mm (720 twips), 6 pt after.
  const body = paragraphOf(document, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;");
  assert.match(body, /<w:jc w:val="both"\/>/);
  assert.match(body, /w:firstLine="720"/);
  assert.match(body, /w:after="120"/);
  // Rules under the issuer, the motto subtitle and the subject: bottom borders of short, empty
  // paragraphs right after them (the text keeps its whole width).
  for (const text of ["Độc lập - Tự do - Hạnh phúc", "ỦY\u00a0BAN NHÂN\u00a0DÂN TỈNH CAO NGUYÊN"]) {
    const after = document.slice(document.indexOf(`>${text}<`));
    const next = after.slice(
      after.indexOf("</w:p>") + 6,
      after.indexOf("</w:p>", after.indexOf("</w:p>") + 6),
    );
    assert.match(next, /<w:bottom w:val="single"/, `rule under ${text}`);
    assert.match(next, /<w:ind w:left="\d+" w:right="\d+"\/>/, `short rule under ${text}`);
    assert.doesNotMatch(paragraphOf(document, text), /<w:ind /, `${text} keeps its whole width`);
  }
});

function long(format: "state" | "party"): LayoutSource {
  return {
    ...longPlan(
      format,
      (n) => `${n}. Nội dung thứ ${n}: tăng cường tuyên truyền, phổ biến, giáo dục pháp luật.`,
    ),
    issuer: {
      name: format === "party" ? "Tỉnh ủy Cao Nguyên" : "Sở Y tế",
      parent: null,
      code: null,
    },
    recipients: ["Như trên"],
    archive: ["VT"],
    signature: {
      authority: "TM",
      authorityTitle: "BAN THƯỜNG VỤ",
      signerTitle: "PHÓ BÍ THƯ",
      signerName: "Nguyễn Văn An",
    },
  };
}

for (const format of ["state", "party"] as const) {
  test(`.docx of a long ${format} document: the last paragraph keeps with the signature, Party title`, async () => {
    const { document } = await parts(await renderDocx(layoutDocument(long(format))));
    assert.match(
      paragraphOf(
        document,
        "26. Nội dung thứ 26: tăng cường tuyên truyền, phổ biến, giáo dục pháp luật.",
      ),
      /<w:keepNext\/>/,
    );
    assert.match(document, /<w:cantSplit\/>/);
    if (format === "party") {
      assert.ok(document.includes(">ĐẢNG CỘNG SẢN VIỆT NAM<"));
      assert.ok(document.includes(">Số 07-KH/TU<"));
      assert.ok(document.includes(">T/M BAN THƯỜNG VỤ<"));
    } else {
      assert.ok(document.includes(">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<"));
      assert.ok(document.includes(">Số: 07/KH-SYT<"));
    }
  });
}

test(".docx round trip: read back with mammoth and parsed, the same fields", async () => {
  for (const name of ROUND_TRIP_EXAMPLES) {
    const original = example(name);
    const back = parseDocument(
      (await extractText(await renderDocx(layoutDocument(original)), "x.docx")).text,
    );
    const pick = (d: typeof original) => [
      d.reference,
      d.date,
      d.subject,
      d.addressees,
      d.recipients,
      d.archive,
      d.signature.signerName,
      d.citations.map((c) => c.reference),
    ];
    assert.deepEqual(pick(back), pick(original), name);
  }
});
