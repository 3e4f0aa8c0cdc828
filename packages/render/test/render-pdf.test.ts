import { test } from "node:test";
import assert from "node:assert/strict";
import { deputySignature } from "../../core/test/fixtures.ts";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { layoutDocument, parseDocument, type LayoutSource } from "@vanthu/core";
import { extractText } from "@vanthu/extract";
import { renderPdf } from "@vanthu/render";
import { example, longPlan, ROUND_TRIP_EXAMPLES } from "./fixtures.ts";

const PT = 72 / 25.4;
const A4 = { w: 210 * PT, h: 297 * PT };
const MARGIN = { top: 20 * PT, bottom: 20 * PT, left: 30 * PT, right: 15 * PT };

interface Item {
  str: string;
  x: number;
  /** Distance from the top of the page to the baseline. */
  y: number;
  size: number;
  width: number;
  font: string;
}

/** The text runs of each page, read back with pdfjs, with their positions and sizes. */
async function readBack(
  pdf: Uint8Array,
): Promise<Array<{ items: Item[]; fonts: Map<string, string> }>> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const fonts = new Map<string, string>();
    const items = (
      content.items as Array<{ str: string; transform: number[]; width: number; fontName: string }>
    )
      .filter((i) => i.str.trim())
      .map((i) => ({
        str: i.str,
        x: i.transform[4]!,
        y: A4.h - i.transform[5]!,
        size: Math.round(Math.abs(i.transform[3]!) * 10) / 10,
        width: i.width,
        font: i.fontName,
      }));
    for (const i of items)
      fonts.set(
        i.font,
        (content.styles as Record<string, { fontFamily: string }>)[i.font]?.fontFamily ?? "",
      );
    pages.push({ items, fonts });
  }
  await doc.destroy();
  return pages;
}

const find = (items: Item[], text: string): Item => {
  const found = items.find((i) => i.str.includes(text));
  assert.ok(
    found,
    `"${text}" not found among ${items
      .map((i) => i.str)
      .join(" | ")
      .slice(0, 400)}`,
  );
  return found;
};

const FIXED = { creationDate: new Date(Date.UTC(2026, 0, 1)) };

test("short state document: header, title, body and footer where ND30 puts them", async () => {
  const pages = await readBack(
    await renderPdf(layoutDocument(example("03-quyet-dinh-ubnd.txt")), FIXED),
  );
  assert.equal(pages.length, 1);
  const items = pages[0]!.items;
  for (const i of items) {
    assert.ok(i.x >= MARGIN.left - 0.5, `"${i.str}" left of the margin at ${i.x}`);
    assert.ok(i.x + i.width <= A4.w - MARGIN.right + 0.5, `"${i.str}" right of the margin`);
    assert.ok(i.y >= MARGIN.top, `"${i.str}" above the top margin`);
    assert.ok(i.y <= A4.h - MARGIN.bottom + 2, `"${i.str}" below the bottom margin`);
  }
  const motto = find(items, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  const subtitle = find(items, "Độc lập - Tự do - Hạnh phúc");
  const issuer = find(items, "ỦY BAN NHÂN DÂN TỈNH");
  const number = find(items, "Số: 0287/QĐ-UBND");
  const date = find(items, "Cao Nguyên, ngày 09 tháng 02 năm 2026");
  const type = find(items, "QUYẾT ĐỊNH");
  assert.equal(motto.size, 13);
  assert.equal(subtitle.size, 14);
  assert.equal(issuer.size, 13);
  assert.equal(number.size, 13);
  assert.equal(date.size, 14);
  assert.equal(type.size, 14);
  const middle = MARGIN.left + (A4.w - MARGIN.left - MARGIN.right) * 0.4;
  assert.ok(issuer.x + issuer.width <= middle + 1, "issuer in the left column");
  assert.ok(motto.x >= middle - 1, "motto in the right column");
  assert.ok(
    subtitle.y > motto.y && date.y > subtitle.y,
    "motto, subtitle, date from top to bottom",
  );
  assert.ok(Math.abs(number.y - date.y) < 40, "number and date side by side");
  assert.ok(type.y > date.y, "type under the header");
  const center = (i: Item) => i.x + i.width / 2;
  const textCenter = MARGIN.left + (A4.w - MARGIN.left - MARGIN.right) / 2;
  assert.ok(Math.abs(center(type) - textCenter) < 2, "type name centred");
  // Faces: bold motto and issuer, italic date.
  assert.notEqual(motto.font, date.font, "bold motto, italic date: two faces");
  assert.equal(motto.font, issuer.font, "motto and issuer in the same bold face");
  // Footer: Nơi nhận bottom-left, signer top-right of the same band.
  const noiNhan = find(items, "Nơi nhận:");
  const authority = find(items, "TM. ỦY BAN NHÂN DÂN");
  const signer = find(items, "Vương Đình Quý");
  assert.equal(noiNhan.size, 12);
  assert.equal(find(items, "- Như Điều 3;").size, 11);
  assert.ok(Math.abs(noiNhan.y - authority.y) < 3, "Nơi nhận and the authority start on one line");
  assert.ok(authority.x > noiNhan.x + 150, "signature on the right");
  assert.ok(signer.y - authority.y > 60, "room for the signature and the seal");
  assert.ok(
    !items.some((i) => /^\d+$/.test(i.str.trim()) && i.y < MARGIN.top),
    "no page number on page 1",
  );
});

test("Party document: title and number in the Party style", async () => {
  const pages = await readBack(
    await renderPdf(layoutDocument(example("02-ke-hoach-tinh-uy.txt")), FIXED),
  );
  const items = pages.flatMap((p) => p.items);
  assert.equal(find(items, "ĐẢNG CỘNG SẢN VIỆT NAM").size, 15);
  find(items, "Số 45-KH/TU");
  find(items, "T/M BAN THƯỜNG VỤ");
  assert.ok(!items.some((i) => i.str.includes("CỘNG HÒA XÃ HỘI")));
});

/** The horizontal rules drawn on the pages: from x1 to x2 at y (from the top), in points. */
function rulesOf(pdf: Uint8Array): Array<{ x1: number; x2: number; y: number }> {
  const bytes = Buffer.from(pdf);
  const rules: Array<{ x1: number; x2: number; y: number }> = [];
  for (const m of bytes
    .toString("latin1")
    .matchAll(/\/Length (\d+) \/Filter \/FlateDecode[^>]*>>\nstream\n/g)) {
    const start = m.index + m[0].length;
    const content = inflateSync(bytes.subarray(start, start + Number(m[1]))).toString("latin1");
    for (const r of content.matchAll(/[\d.]+ w ([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S/g))
      rules.push({ x1: Number(r[1]), x2: Number(r[3]), y: A4.h - Number(r[2]) });
  }
  return rules;
}

/** A Party plan whose body opens with a heading, as the compose page's template writes it. */
const PARTY_PLAN: LayoutSource = {
  format: "party",
  issuer: { name: "Ban Tuyên giáo", parent: "Tỉnh ủy Cao Nguyên", code: "BTGTU" },
  type: { code: "KH", name: "Kế hoạch" },
  number: "12",
  symbol: "KH/BTGTU",
  place: "Cao Nguyên",
  dateParts: { day: 3, month: 12, year: 2026 },
  subject: "tổ chức các hoạt động tuyên truyền kỷ niệm ngày thành lập Đảng năm 2027",
  addressees: [],
  paragraphs: [
    "I- MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về truyền thống của Đảng.",
  ],
  recipients: ["Các đảng ủy trực thuộc"],
  archive: ["VT"],
  signature: {
    authority: "TM",
    authorityTitle: "BAN THƯỜNG VỤ",
    signerTitle: "PHÓ TRƯỞNG BAN",
    signerName: "Nguyễn Văn An",
    levels: [{ authority: "TM", title: "BAN THƯỜNG VỤ" }],
  },
};

test("bug: in the Party layout the rule under the subject crossed the first heading", async () => {
  const model = layoutDocument(PARTY_PLAN);
  // The model: the rule hangs under the subject, and a space follows it before the body.
  const subjectLine = model.title.at(-1)!;
  assert.equal(subjectLine.text, PARTY_PLAN.subject);
  assert.ok(subjectLine.ruleBelow, "a short rule under the subject");
  assert.ok((subjectLine.spaceAfter ?? 0) >= 6, `space after the rule: ${subjectLine.spaceAfter}`);
  const pdf = await renderPdf(model, FIXED);
  const items = (await readBack(pdf))[0]!.items;
  // The subject's last line (it takes two), the one the rule hangs under.
  const subject = find(items, "năm 2027");
  const heading = find(items, "I- MỤC ĐÍCH, YÊU CẦU");
  const rules = rulesOf(pdf).filter((r) => r.y > subject.y - subject.size && r.y < heading.y);
  assert.equal(
    rules.length,
    1,
    `one rule between the subject and the heading: ${JSON.stringify(rulesOf(pdf))}`,
  );
  const rule = rules[0]!;
  // Under the subject's descenders (the dot of "ạ"), above the heading's stacked marks ("Ầ"),
  // with the model's space between the rule and the heading.
  assert.ok(
    rule.y - subject.y >= 0.25 * subject.size,
    `rule ${rule.y}, subject baseline ${subject.y}`,
  );
  const headingTop = heading.y - 1.05 * heading.size;
  assert.ok(
    headingTop - rule.y >= subjectLine.spaceAfter!,
    `rule ${rule.y}, heading's marks from ${headingTop}`,
  );
  // Centred under the subject, a third to a half of its line (ND30 / 36-HD).
  const center = MARGIN.left + (A4.w - MARGIN.left - MARGIN.right) / 2;
  assert.ok(Math.abs((rule.x1 + rule.x2) / 2 - center) < 2, "the rule is centred");
  assert.ok(rule.x2 - rule.x1 <= 0.5 * (A4.w - MARGIN.left - MARGIN.right), "a short rule");
});

/** A document of three pages: many numbered items. */
function long(format: "state" | "party"): LayoutSource {
  return {
    ...longPlan(
      format,
      (n) =>
        `${n}. Nội dung thứ ${n}: tăng cường tuyên truyền, phổ biến, giáo dục pháp luật cho cán bộ, công chức và Nhân dân trên địa bàn, bảo đảm thiết thực, hiệu quả, đúng quy định.`,
    ),
    issuer: {
      name: format === "party" ? "Tỉnh ủy Cao Nguyên" : "Sở Y tế",
      parent: format === "party" ? null : "UBND tỉnh Cao Nguyên",
      code: format === "party" ? "TU" : "SYT",
    },
    recipients: ["Như trên", "Lãnh đạo Sở"],
    archive: ["VT"],
    signature: deputySignature("Nguyễn Văn An"),
  };
}

for (const format of ["state", "party"] as const) {
  test(`three-page ${format} document: page numbers from page 2, signature not alone, leading zeros`, async () => {
    const pages = await readBack(await renderPdf(layoutDocument(long(format)), FIXED));
    assert.equal(pages.length, 3);
    for (const [i, page] of pages.entries()) {
      const numbers = page.items.filter((it) => /^\d+$/.test(it.str.trim()) && it.y < MARGIN.top);
      if (i === 0) assert.equal(numbers.length, 0);
      else {
        assert.equal(numbers.length, 1, `page ${i + 1} number`);
        assert.equal(numbers[0]!.str.trim(), String(i + 1));
        const center = numbers[0]!.x + numbers[0]!.width / 2;
        assert.ok(
          Math.abs(center - (MARGIN.left + (A4.w - MARGIN.left - MARGIN.right) / 2)) < 2,
          "centred",
        );
      }
    }
    const last = pages[2]!.items;
    const noiNhan = find(last, "Nơi nhận:");
    assert.ok(
      last.some((it) => /^\d+\. Nội dung/.test(it.str) && it.y < noiNhan.y),
      "a paragraph of the body on the signature's page",
    );
    const first = pages[0]!.items;
    find(first, format === "party" ? "Số 07-KH/TU" : "Số: 07/KH-SYT");
    find(first, "ngày 05 tháng 01 năm 2026");
  });
}

test("round trip: our examples rendered to PDF and read back parse to the same fields", async () => {
  for (const name of ROUND_TRIP_EXAMPLES) await roundTrip(example(name), name);
});

const SEEDS = new URL("../../../../shared/corpus/seeds/", import.meta.url);
test(
  "round trip on the seeds",
  { skip: existsSync(SEEDS) ? false : "../shared/corpus is absent: seed round trip skipped" },
  async () => {
    for (const name of readdirSync(SEEDS))
      await roundTrip(parseDocument(readFileSync(new URL(name, SEEDS), "utf8")), name);
  },
);

async function roundTrip(original: ReturnType<typeof parseDocument>, name: string): Promise<void> {
  const pdf = await renderPdf(layoutDocument(original), FIXED);
  const back = parseDocument((await extractText(pdf, "x.pdf")).text);
  const pick = (d: typeof original) => ({
    reference: d.reference,
    date: d.date,
    dateParts: d.dateParts,
    subject: d.subject,
    addressees: d.addressees,
    recipients: d.recipients,
    archive: d.archive,
    signature: [
      d.signature.authority,
      d.signature.authorityTitle,
      d.signature.signerTitle,
      d.signature.signerName,
    ],
    citations: d.citations.map((c) => [c.reference, c.date, c.issuer]),
  });
  assert.deepEqual(pick(back), pick(original), name);
}
