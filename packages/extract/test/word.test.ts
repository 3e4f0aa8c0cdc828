import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import JSZip from "jszip";
import { parseDocument } from "@vanthu/core";
import { extractText, parseExtracted, readZipDirectory } from "@vanthu/extract";
import {
  buildDocx,
  CHI_THI_TEXT,
  CONG_VAN_TEXT,
  chiThiTabParts,
  congVanParts,
  footnoteRef,
  numbered,
  NUMBERING,
  para,
  run,
  table,
  textBox,
  type DocxParts,
} from "./word-fixtures.ts";

const fatalCode = (r: { notes: Array<{ code: string; fatal: boolean }> }) =>
  r.notes.find((n) => n.fatal)?.code ?? null;

async function docxText(parts: DocxParts): Promise<string> {
  const r = await extractText(await buildDocx(parts), "t.docx");
  assert.equal(fatalCode(r), null, JSON.stringify(r.notes));
  return r.text;
}

const fldPage =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

const cases: Array<{ name: string; parts: DocxParts; text: string }> = [
  {
    name: "a soft line break is a new line",
    parts: { body: para(run("ĐẢNG CỘNG SẢN VIỆT NAM\nCao Nguyên, ngày 02 tháng 4 năm 2026")) },
    text: "ĐẢNG CỘNG SẢN VIỆT NAM\nCao Nguyên, ngày 02 tháng 4 năm 2026",
  },
  {
    name: "paragraphs are lines with a blank line between; empty paragraphs are one blank line",
    parts: { body: para("Điều 1.") + para("") + para("") + para("") + para("Điều 2.") },
    text: "Điều 1.\n\nĐiều 2.",
  },
  {
    name: "a tab inside a single line is kept",
    parts: { body: para("Kính gửi:\tSở Tài chính.") },
    text: "Kính gửi:\tSở Tài chính.",
  },
  {
    name: "lines whose halves are set apart by tabs: left column, blank line, right column",
    parts: {
      body:
        para("BAN CHẤP HÀNH\tĐẢNG CỘNG SẢN VIỆT NAM") +
        para("ĐẢNG BỘ XÃ HOA BAN") +
        para("Số 12-TB/ĐU\tHoa Ban, ngày 3 tháng 3 năm 2026"),
    },
    text: "BAN CHẤP HÀNH\nĐẢNG BỘ XÃ HOA BAN\nSố 12-TB/ĐU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHoa Ban, ngày 3 tháng 3 năm 2026",
  },
  {
    name: "a header in a 2x2 borderless table is read column by column, not interleaved",
    parts: {
      body: table([
        [[para("ỦY BAN NHÂN DÂN")], [para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]],
        [[para("TỈNH CAO NGUYÊN")], [para("Độc lập - Tự do - Hạnh phúc")]],
      ]),
    },
    text: "ỦY BAN NHÂN DÂN\nTỈNH CAO NGUYÊN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
  },
  {
    name: "a row split elsewhere (Kính gửi and its list) starts a new pair of columns",
    parts: {
      body: table(
        [
          [{ span: 2, content: [para("SỞ Y TẾ")] }, [para("Cao Nguyên, ngày 5 tháng 6 năm 2026")]],
          [
            [para("Kính gửi:")],
            { span: 2, content: [para("- Bệnh viện tỉnh;"), para("- Trung tâm Y tế các huyện.")] },
          ],
        ],
        false,
        [1500, 3000, 4500],
      ),
    },
    text: "SỞ Y TẾ\n\nCao Nguyên, ngày 5 tháng 6 năm 2026\n\nKính gửi:\n\n- Bệnh viện tỉnh;\n- Trung tâm Y tế các huyện.",
  },
  {
    name: "a ruled table is read row by row, cells set apart by tabs",
    parts: {
      body: table(
        [
          [[para("STT")], [para("Đơn vị")]],
          [[para("1")], [para("Phòng Tài chính"), para("và Kế hoạch")]],
        ],
        true,
      ),
    },
    text: "STT\tĐơn vị\n1\tPhòng Tài chính và Kế hoạch",
  },
  {
    name: "a borderless table of three columns holds data: read row by row",
    parts: {
      body: table([
        [[para("Ông Lê Văn An")], [para("Phó Giám đốc")], [para("Trưởng ban")]],
        [[para("Bà Vũ Thị Bình")], [para("Chánh Văn phòng")], [para("Thành viên")]],
      ]),
    },
    text: "Ông Lê Văn An\tPhó Giám đốc\tTrưởng ban\nBà Vũ Thị Bình\tChánh Văn phòng\tThành viên",
  },
  {
    name: "a text box follows its paragraph, once (its VML fallback copy is not read)",
    parts: {
      body: para([textBox([para("DỰ THẢO")]), run("Kính gửi: Sở Xây dựng.")]) + para("Nội dung."),
    },
    text: "Kính gửi: Sở Xây dựng.\n\nDỰ THẢO\n\nNội dung.",
  },
  {
    name: "footnotes come after the body, numbered, under a heading; unreferenced ones are not read",
    parts: {
      body: para(["Theo Công văn số 7/SYT-KH", footnoteRef(2), run(" của Sở Y tế.")]),
      footnotes: {
        1: para("Chú thích không được dẫn."),
        2: para("Công văn số 7/SYT-KH ngày 02/01/2026."),
      },
    },
    text: "Theo Công văn số 7/SYT-KH của Sở Y tế.\n\nChú thích:\n[1] Công văn số 7/SYT-KH ngày 02/01/2026.",
  },
  {
    name: "hidden and deleted text are left out, inserted text is read",
    parts: {
      body: para([
        run("Giao Sở Tài chính"),
        run(" (bản nháp)", "<w:vanish/>"),
        '<w:del w:id="1" w:author="A"><w:r><w:delText> và Sở Nội vụ</w:delText></w:r></w:del>',
        `<w:ins w:id="2" w:author="A">${run(" chủ trì")}</w:ins>`,
        run("."),
      ]),
    },
    text: "Giao Sở Tài chính chủ trì.",
  },
  {
    name: "a field shows its result, not its code",
    parts: {
      body:
        para(["Trang ", fldPage]) +
        para(['<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>4</w:t></w:r></w:fldSimple>']),
    },
    text: "Trang 3\n\n4",
  },
  {
    name: "list numbers Word draws are read: 1., a), a bullet; a deeper level restarts",
    parts: {
      numbering: NUMBERING,
      body:
        numbered("Mục đích") +
        numbered("Yêu cầu", 1, 1) +
        numbered("Thời hạn", 1, 1) +
        numbered("Nội dung") +
        numbered("Tuyên truyền", 1, 1) +
        numbered("Như trên;", 2),
    },
    text: "1. Mục đích\n\na) Yêu cầu\n\nb) Thời hạn\n\n2. Nội dung\n\na) Tuyên truyền\n\n- Như trên;",
  },
  {
    name: "a header with only a page number is not read; a footer with words is, after the body",
    parts: {
      body: para("Nội dung."),
      header: para([fldPage]),
      footer: para("Địa chỉ: số 1 đường Hoa Ban"),
    },
    text: "Nội dung.\n\nĐịa chỉ: số 1 đường Hoa Ban",
  },
];

for (const c of cases) {
  test(`.docx: ${c.name}`, async () => {
    assert.equal(await docxText(c.parts), c.text);
  });
}

test(".docx: a công văn laid out in Word reads as the page does, and parses", async () => {
  const r = await extractText(await buildDocx(congVanParts()), "cong-van.docx");
  assert.deepEqual(r.notes, []);
  assert.equal(r.text, CONG_VAN_TEXT);
  const d = parseExtracted(r);
  assert.equal(d.reference, "118/SNN-TL");
  assert.equal(d.date, "2026-03-09");
  assert.equal(d.subject, "chủ động phòng, chống hạn hán vụ Đông Xuân 2025-2026");
  assert.deepEqual(d.addressees, ["Ủy ban nhân dân các huyện, thị xã"]);
  assert.deepEqual(
    [d.signature.authority, d.signature.signerTitle, d.signature.signerName],
    ["KT", "PHÓ GIÁM ĐỐC", "Hoàng Minh Châu"],
  );
  assert.deepEqual(d.recipients, ["Như trên"]);
  assert.deepEqual(
    d.citations.map((c) => c.reference),
    ["45/KH-UBND"],
  );
});

test(".docx: a chỉ thị typed with tab stops reads column by column", async () => {
  assert.equal(await docxText(chiThiTabParts()), CHI_THI_TEXT);
});

test(".docx typed in a TCVN3 font (.VnTime) is converted to Unicode, with a note", async () => {
  // How "Cộng hoà xã hội chủ nghĩa Việt Nam..." is stored when typed with a TCVN3 font.
  const tcvn3 =
    "Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. Sè: 12/UBND-VP. KÝnh göi: Së Y tÕ.";
  const r = await extractText(
    await buildDocx({ body: para(run(tcvn3, '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>')) }),
    "tcvn3.docx",
  );
  assert.equal(
    r.text,
    "Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Số: 12/UBND-VP. Kính gửi: Sở Y tế.",
  );
  assert.deepEqual(
    r.notes.map((n) => [n.code, n.fatal]),
    [["LEGACY_ENCODING_TCVN3", false]],
  );
});

// Word 97-2003 files: the same documents saved by LibreOffice (scripts/make-doc-fixture.ts).
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

test(".doc: tables, text box, list numbers, hidden text and footnote read as in the .docx", async () => {
  const r = await extractText(fixture("cong-van.doc"), "cong-van.doc");
  assert.equal(r.format, "doc");
  assert.deepEqual(r.notes, []);
  assert.equal(r.text, CONG_VAN_TEXT);
  const d = parseDocument(r.text);
  assert.deepEqual(
    [d.reference, d.date, d.type?.code, d.signature.signerName],
    ["118/SNN-TL", "2026-03-09", "CV", "Hoàng Minh Châu"],
  );
});

test(".doc: columns set apart by tabs are read column by column", async () => {
  const r = await extractText(fixture("chi-thi-tab.doc"), "chi-thi.doc");
  assert.deepEqual(r.notes, []);
  assert.equal(r.text, CHI_THI_TEXT);
  const d = parseDocument(r.text);
  assert.deepEqual(
    [d.reference, d.date, d.type?.code, d.signature.authority, d.signature.signerName],
    ["04/2026/CT-UBND", "2026-05-12", "CT", "TM", "Lò Văn Thắng"],
  );
});

/** The fixture with its bytes changed by `edit`. */
function edited(name: string, edit: (bytes: Uint8Array, view: DataView) => void): Uint8Array {
  const bytes = fixture(name);
  edit(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return bytes;
}

/** Offset of the WordDocument stream's first sector (the FIB starts with 0xA5EC). */
function fibOffset(bytes: Uint8Array): number {
  for (let at = 512; at + 2 <= bytes.length; at += 512)
    if (bytes[at] === 0xec && bytes[at + 1] === 0xa5) return at;
  throw new Error("no FIB");
}

function utf16(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "utf16le"));
}

function indexOf(bytes: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from(needle));
}

/** Each bad file (a name, how to make it, its code) is refused with no text, never an exception. */
function badInput(
  ext: "doc" | "docx",
  cases: Array<[string, () => Uint8Array | Promise<Uint8Array>, string]>,
) {
  for (const [name, make, code] of cases) {
    test(`.${ext} bad input gives a stable code, never an exception: ${name}`, async () => {
      const r = await extractText(await make(), `a.${ext}`);
      assert.equal(r.text, "");
      assert.equal(fatalCode(r), code, JSON.stringify(r.notes));
    });
  }
}

badInput("doc", [
  [
    "only the compound file signature",
    () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    "UNREADABLE_DOC",
  ],
  ["a truncated .doc", () => fixture("cong-van.doc").subarray(0, 6000), "UNREADABLE_DOC"],
  [
    "an encrypted .doc (the FIB's fEncrypted flag)",
    () =>
      edited("cong-van.doc", (b, v) =>
        v.setUint16(fibOffset(b) + 0x0a, v.getUint16(fibOffset(b) + 0x0a, true) | 0x0100, true),
      ),
    "DOC_ENCRYPTED",
  ],
  [
    "an OLE file that is not a Word document",
    () =>
      edited("cong-van.doc", (b) =>
        b.set(utf16("WordDocumenX"), indexOf(b, utf16("WordDocument"))),
      ),
    "UNSUPPORTED_FORMAT",
  ],
  [
    "a sector chain that loops",
    () =>
      edited("cong-van.doc", (_b, v) => {
        // The directory's first sector points to itself through another: a two-sector cycle.
        const fat = (v.getUint32(76, true) + 1) * 512;
        const dir = v.getUint32(48, true);
        v.setInt32(fat + dir * 4, 0, true);
        v.setInt32(fat + 0, dir, true);
      }),
    "UNREADABLE_DOC",
  ],
  [
    "a header with an impossible sector size",
    () => edited("cong-van.doc", (_b, v) => v.setUint16(30, 40, true)),
    "UNREADABLE_DOC",
  ],
  [
    "a Word 6.0/95 file",
    () => edited("cong-van.doc", (b, v) => v.setUint16(fibOffset(b), 0xa5dc, true)),
    "UNREADABLE_DOC",
  ],
]);

/** A .docx whose document.xml declares `declared` bytes in both its headers. */
async function lyingDocx(declared: number): Promise<Uint8Array> {
  const bytes = await buildDocx({ body: para("Nội dung ".repeat(2000)) });
  const dir = readZipDirectory(bytes);
  assert.ok(dir.ok);
  const entry = dir.entries.find((e) => e.name === "word/document.xml")!;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  v.setUint32(entry.localOffset + 22, declared, true);
  const central = Buffer.from(bytes).indexOf(
    Buffer.from("word/document.xml"),
    entry.localOffset + 31,
  );
  v.setUint32(central - 46 + 24, declared, true);
  return bytes;
}

badInput("docx", [
  [
    "a zip named .docx without a Word document in it",
    async () => {
      const zip = new JSZip();
      zip.file("notes.txt", "Ghi chép");
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    },
    "UNREADABLE_DOCX",
  ],
  ["a part that unpacks to more than it declares", () => lyingDocx(1000), "UNREADABLE_DOCX"],
  [
    "a part with a DTD",
    async () => {
      const bytes = await buildDocx({ body: para("x") });
      const zip = await JSZip.loadAsync(bytes);
      const xml = await zip.file("word/document.xml")!.async("string");
      zip.file("word/document.xml", xml.replace("?>", '?><!DOCTYPE w:document [<!ENTITY e "x">]>'));
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    },
    "UNREADABLE_DOCX",
  ],
  [
    "malformed XML",
    async () => {
      const zip = await JSZip.loadAsync(await buildDocx({ body: para("x") }));
      zip.file("word/document.xml", "<w:document><w:body><w:p></w:body>");
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    },
    "UNREADABLE_DOCX",
  ],
]);

test(".docx and .doc text over maxTextChars is refused", async () => {
  const docx = await extractText(await buildDocx(congVanParts()), "a.docx", { maxTextChars: 100 });
  assert.equal(fatalCode(docx), "TEXT_TOO_LONG");
  const doc = await extractText(fixture("cong-van.doc"), "a.doc", { maxTextChars: 100 });
  assert.equal(fatalCode(doc), "TEXT_TOO_LONG");
});

// The real Word files of the shared corpus (developer and CI machines only).
const FILES = new URL("../../../../shared/corpus/files/", import.meta.url);
const present = existsSync(FILES);
const skip = present ? false : "../shared/corpus/files is absent: real Word files skipped";
if (!present) console.log(`# SKIP ${skip}`);

test(
  "real .doc and .docx: the header columns are not interleaved; a signer is found",
  { skip },
  async () => {
    const names = [
      "D01-ubnd-binhduong-ct09.doc",
      "D02-stttt-phutho-kh-draft.doc",
      "D03-ubnd-thainguyen-qd07.doc",
      "D04-doanxa-phucthinh-kh-diemnghen.doc",
      "D05-ubnd-lamdong-gm-draft.doc",
      "X02-ubnd-lamdong-tb-sonhai-draft.docx",
      "X03-btc-cv-duthao-tt244.docx",
      "X04-ubnd-lamdong-qd-dls-draft.docx",
      "X05-ubnd-lamdong-kh-cchc-draft.docx",
    ];
    for (const name of names) {
      const r = await extractText(new Uint8Array(readFileSync(new URL(name, FILES))), name);
      assert.equal(fatalCode(r), null, name);
      const lines = r.text.split("\n");
      const motto = lines.findIndex((l) => /^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI|ĐOÀN TNCS)/u.test(l));
      const number = lines.findIndex((l) => /^Số:/u.test(l));
      // The issuer's column (with "Số:") comes whole before the motto's.
      assert.ok(number >= 0 && motto > number, `${name}: Số line ${number}, motto ${motto}`);
      assert.ok(parseExtracted(r).signature.signerName, `${name}: signer`);
    }
  },
);
