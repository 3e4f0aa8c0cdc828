import { test, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { foldKey } from "@vanthu/core";
import { detectFormat, extractText, parseExtracted, ReaderPool } from "@vanthu/extract";
import { closeSharedOcrEngine, vieModelPath } from "../src/ocr-engine.ts";
import {
  clearStreaks,
  darkThreshold,
  findStreaks,
  inkShare,
  measureGeometry,
  printInkShare,
  rotateQuarter,
  rotateSmall,
  splitInk,
} from "../src/ocr-image.ts";
import { restoreDiacritics } from "../src/ocr-lexicon.ts";
import { checkSyllable, judgeTextLayer } from "../src/text-layer-quality.ts";
import {
  binarize,
  handwrite,
  streak,
  png,
  renderFixture,
  scanOf,
  scannedPdf,
  tiff,
  toGray,
  whiteOut,
} from "./ocr-fixtures.ts";

after(() => closeSharedOcrEngine());

// --- Vietnamese syllables and text layers (no OCR) ---

const syllables: Array<[string, boolean, boolean]> = [
  // word, valid, marked
  ["người", true, true],
  ["nghiêng", true, true],
  ["khuya", true, false],
  ["quyết", true, true],
  ["giữ", true, true],
  ["gìn", true, true],
  ["thuở", true, true],
  ["ban", true, false],
  ["thdng", false, false],
  ["chric", false, false],
  ["kan", false, false], // k only before e, ê, i, y
  ["ngi", false, false], // ngh before i
  ["mạnh", true, true],
  ["mảnh", true, true],
  ["thấp", true, true],
  ["thàp", false, true], // a stopped final takes sắc or nặng only
  ["windows", false, false],
];
for (const [word, valid, marked] of syllables)
  test(`syllable "${word}": ${valid ? "valid" : "not Vietnamese"}`, () => {
    const c = checkSyllable(word);
    assert.equal(c.valid, valid);
    if (valid) assert.equal(c.marked, marked);
  });

const PRINTED =
  "Căn cứ Quyết định số 05/2026/QĐ-UBND ngày 12/01/2026 của Ủy ban nhân dân tỉnh ban hành quy chế làm việc; thực hiện Kế hoạch số 12/KH-UBND ngày 03/3/2026 của Ủy ban nhân dân tỉnh về tổ chức các hoạt động kỷ niệm, Sở Văn hóa và Truyền thông đề nghị các đơn vị triển khai thực hiện các nội dung sau đây, báo cáo kết quả về Sở trước ngày 30 tháng 4 năm 2026.";
const layers: Array<[string, string, string]> = [
  ["text as printed", PRINTED, "good"],
  [
    "diacritics lost",
    PRINTED.normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d"),
    "garbled",
  ],
  [
    "a scanner's OCR misreading glyphs",
    "S6: 5Gi/TB-DHTD Can ThO, ngay &0 thdng 5 nam 2025 v~vi~c djch van ban sang ti~ng Anh phuc V1} cong tac ki~m djn.h chit hrQ'ng chirong trinh dito tao",
    "garbled",
  ],
  [
    "a copy stamp's words only",
    "SAO Y\nBộ Công an\nThời gian ký: 2025-10-01T17:08:18+07:00",
    "sparse",
  ],
  ["nothing", "  \n ", "empty"],
];
for (const [name, text, verdict] of layers)
  test(`text layer ${name}: ${verdict}`, () => {
    assert.equal(judgeTextLayer(text).verdict, verdict);
  });

const restored: Array<[string, string]> = [
  ["kỹ thuật đôi với thẻ", "kỹ thuật đối với thẻ"],
  ["PHÓ GIẢM ĐÓC", "PHÓ GIÁM ĐỐC"],
  ["Quyêt định số", "Quyết định số"],
  ["Nguyên Văn An", "Nguyễn Văn An"],
  ["tín dụng đô) với người", "tín dụng đối với người"],
  ["về việc kiểm soát| thủ tục", "về việc kiểm soát| thủ tục"],
  // Left alone: real words, a name's other words, a mark the phrase does not have.
  ["đôi khi", "đôi khi"],
  ["Nguyên tắc chung", "Nguyên tắc chung"],
  ["gửi Báo Cao Nguyên", "gửi Báo Cao Nguyên"],
  ["Đỉnh Thị Thu", "Đỉnh Thị Thu"],
  ["(xem đô) với", "(xem đô) với"],
  ["số (đô) với", "số (đô) với"],
];
for (const [read, want] of restored)
  test(`diacritics put back from context: "${read}"`, () => {
    assert.equal(restoreDiacritics(read.split(" ")).join(" "), want);
  });

// --- Page geometry (no OCR) ---

const page = renderFixture(150);

for (const skew of [-3, 2]) {
  test(`skew of a page turned ${skew}° is measured`, () => {
    const g = measureGeometry(rotateSmall(toGray(page.image), skew));
    assert.equal(g.quarter, 0);
    assert.ok(Math.abs(g.skew - skew) <= 0.3, `measured ${g.skew}`);
  });
}

test("a 1-bit page has a dark threshold, and its skew is measured", () => {
  const bw = binarize(rotateSmall(toGray(page.image), 2));
  assert.ok(darkThreshold(bw) > 0, "black pixels count as dark");
  assert.ok(Math.abs(measureGeometry(bw).skew - 2) <= 0.3, `measured ${measureGeometry(bw).skew}`);
});

test("scanner streaks down the page are found and painted over; a table's rule is not", () => {
  const g = toGray(page.image);
  const w = g.width;
  let marked = streak(streak(g, Math.round(w * 0.4), 3), Math.round(w * 0.7), 2, 5);
  // A rule of a table: 60% of the page's height only.
  const rule = new Uint8Array(marked.data);
  for (let y = Math.round(g.height * 0.2); y < Math.round(g.height * 0.8); y++)
    rule[y * w + Math.round(w * 0.2)] = 0;
  marked = { ...marked, data: rule };
  const found = findStreaks(marked);
  const columns = [...new Set(found.map((s) => Math.round(s.x0 / 10)))].sort((a, b) => a - b);
  assert.deepEqual(
    columns.map((c) => Math.abs(c * 10 - w * 0.4) < 15 || Math.abs(c * 10 - w * 0.7) < 20),
    columns.map(() => true),
    `streaks at ${columns.map((c) => c * 10).join(", ")} (page ${w} wide)`,
  );
  assert.ok(found.length >= (g.height / 64) * 2 * 0.85, `${found.length} strips`);
  const cleared = clearStreaks(marked, found);
  // Paper beside the streak at the top margin is paper again.
  const x = Math.round(w * 0.4) + 1;
  assert.ok(cleared.data[5 * w + x]! > 200, `cleared to ${cleared.data[5 * w + x]}`);
  assert.equal(cleared.data[Math.round(g.height / 2) * w + Math.round(w * 0.2)], 0, "rule kept");
  assert.deepEqual(findStreaks(toGray(page.image)), [], "a clean page has none");
});

test("a page turned a quarter is seen to run down the page", () => {
  assert.equal(measureGeometry(rotateQuarter(toGray(page.image), 90)).quarter, 90);
});

test("coloured ink is faded out of the print and kept as ink; red stamps are no ink", () => {
  const px = new Uint8Array([20, 20, 20, 35, 55, 170, 200, 30, 30, 250, 250, 250]);
  const { print, ink } = splitInk(px, 4, 1, 3);
  assert.ok(print.data[0]! < 60 && print.data[1]! > 200 && print.data[2]! > 200);
  assert.ok(ink.data[0]! < 60 && ink.data[1]! < 150 && ink.data[2]! === 255);
});

test("a page's share of print is the same counted straight from its pixels", () => {
  // Pixels of every kind: dark, light, coloured, around the 128 threshold; a width that is not
  // a multiple of the 7 pixels inkShare steps by.
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
  for (const channels of [3, 4, 1]) {
    const [w, h] = [37, 23];
    const px = Uint8Array.from({ length: w * h * channels }, (_, i) =>
      i % 5 === 0 ? 128 + (random() % 3) - 1 : random(),
    );
    const share = printInkShare(px, w, h, channels);
    assert.equal(share, inkShare(splitInk(px, w, h, channels).print), `${channels} channels`);
    assert.ok(share > 0 && share < 1);
  }
});

test("images are told by their first bytes", () => {
  const gray = { width: 2, height: 2, data: new Uint8Array(4).fill(255) };
  assert.equal(detectFormat(png(gray), "x.bin"), "image");
  assert.equal(detectFormat(tiff(gray), "x.bin"), "image");
  assert.equal(detectFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0])), "image");
});

test("the Vietnamese model is read from its npm package, never downloaded", () => {
  const dir = vieModelPath();
  assert.ok(existsSync(`${dir}/vie.traineddata.gz`), dir);
  assert.ok(!/^https?:/.test(dir));
});

// --- Recognition (OCR): one page each, our own công văn ---

const hi = renderFixture(300);

async function read(bytes: Uint8Array, name: string) {
  const extracted = await extractText(bytes, name);
  return { extracted, doc: parseExtracted(extracted) };
}

function assertHeader(doc: ReturnType<typeof parseExtracted>, reference: string | null) {
  assert.equal(doc.reference, reference ?? "/SVHTT-TTBC");
  assert.equal(doc.date, "2026-06-02");
  assert.equal(doc.type?.code, "CV");
  assert.equal(doc.subject, "hướng dẫn tuyên truyền kỷ niệm ngày Báo chí cách mạng Việt Nam");
  // The recogniser may misplace a tone in a name; the letters must be right.
  assert.equal(foldKey(doc.signature.signerName ?? ""), "dinh thi thu huong");
}

test("OCR: a scan turned 2° with noise, as PNG: header fields, typed number read", async () => {
  const { extracted, doc } = await read(
    png(scanOf(hi.image, { skew: 2, noise: 0.004 })),
    "scan.png",
  );
  assert.equal(extracted.format, "image");
  assert.deepEqual(extracted.ocr?.pages, [1]);
  assertHeader(doc, "215/SVHTT-TTBC");
  assert.equal(doc.fieldSources.reference?.source, "ocr");
  assert.ok(doc.fieldSources.reference!.confidence > 0.7);
  assert.ok(!doc.notes.some((n) => n.code === "NUMBER_HANDWRITTEN"));
});

test("OCR: a 1-bit scan with two scanner streaks through the text is read", async () => {
  const w = hi.image.width;
  const scan = streak(
    streak(binarize(scanOf(hi.image, { skew: 1 })), Math.round(w * 0.33), 4),
    Math.round(w * 0.52),
    3,
    4,
  );
  const { doc } = await read(png(scan), "streaks.png");
  assertHeader(doc, "215/SVHTT-TTBC");
});

test("OCR: a page scanned a quarter turned, as TIFF, is read the right way up", async () => {
  const { doc } = await read(tiff(scanOf(hi.image, { quarter: 270 })), "scan.tif");
  assertHeader(doc, "215/SVHTT-TTBC");
});

test("a PDF whose text layer lost its diacritics over a scan is read from the image", async () => {
  const junk = [
    "UBND TINH CAO NGUYEN CONG HOA XA HOI CHU NGHIA VIET NAM",
    "S6: 2l5/SVHTT-TTBC Cao Nguyen, ngay 02 thang 6 nam 2026",
    "V/v huong dan tuyen truyen ky niem ngay Bao chi cach mang Viet Nam",
    "Kinh gui: Bao Cao Nguyen. Thuc hien Huong dan so 88-HD/BTGDVTU ngay 20/5/2026",
    "cua Ban Tuyen giao va Dan van Tinh uy, So Van hoa va Truyen thong de nghi",
  ];
  const { extracted, doc } = await read(scannedPdf(scanOf(hi.image, { skew: -1 }), junk), "s.pdf");
  const replaced = extracted.notes.filter((n) => n.code === "TEXT_LAYER_REPLACED");
  assert.deepEqual(
    replaced.map((n) => [n.page, n.fatal]),
    [[1, false]],
  );
  assert.deepEqual(extracted.ocr?.pages, [1]);
  assert.ok(extracted.sources?.every((s) => s.source === "ocr"));
  assertHeader(doc, "215/SVHTT-TTBC");
});

test("a handwritten number is left blank with a note, never guessed; an empty blank is a draft", async () => {
  const number = hi.find("215");
  const written = { ...hi.image, data: new Uint8Array(hi.image.data) };
  whiteOut(written, number);
  handwrite(written, number);
  const hand = await read(png(written, 3), "hand.png");
  assertHeader(hand.doc, null);
  assert.equal(hand.doc.number, null);
  const note = hand.doc.notes.find((n) => n.code === "NUMBER_HANDWRITTEN");
  assert.equal(note?.field, "reference");
  assert.ok(!hand.doc.notes.some((n) => n.code === "BLANK_NUMBER"), "issued, not a draft");
  assert.ok(!hand.extracted.text.match(/Số:\s*\d/), "no digits read into the blank");

  const blank = { ...hi.image, data: new Uint8Array(hi.image.data) };
  whiteOut(blank, number);
  const draft = await read(png(blank, 3), "draft.png");
  assert.equal(draft.doc.number, null);
  assert.ok(draft.doc.notes.some((n) => n.code === "BLANK_NUMBER"));
  assert.ok(!draft.doc.notes.some((n) => n.code === "NUMBER_HANDWRITTEN"));
});

test("OCR runs in the reader pool's child process, with a heartbeat per page", async () => {
  const pool = new ReaderPool({ workers: 1, timeoutMs: 120_000 });
  try {
    const r = await pool.extractText(png(scanOf(hi.image, {})), "scan.png");
    assert.deepEqual(r.ocr?.pages, [1]);
    assert.equal(parseExtracted(r).reference, "215/SVHTT-TTBC");
  } finally {
    await pool.close();
  }
});

// --- The shared corpus (real scans), when present ---

const CORPUS = new URL("../../../../shared/corpus/files/", import.meta.url);
test("real scan with a lying text layer and handwritten number and day", async (t) => {
  if (!existsSync(CORPUS)) return t.skip("shared/corpus/files is absent");
  const file = readdirSync(CORPUS).find((f) => f.startsWith("S09"));
  if (!file) return t.skip("S09 is absent from the corpus");
  const { extracted, doc } = await read(new Uint8Array(readFileSync(new URL(file, CORPUS))), file);
  assert.ok(extracted.notes.some((n) => n.code === "TEXT_LAYER_REPLACED" && n.page === 1));
  assert.equal(doc.number, null);
  assert.equal(doc.symbol, "GM-UBND");
  assert.ok(doc.notes.some((n) => n.code === "NUMBER_HANDWRITTEN"));
  assert.ok(doc.notes.some((n) => n.code === "DAY_HANDWRITTEN"));
});
