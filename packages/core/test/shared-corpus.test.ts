import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { lintDocument, normalizeText, parseDocument } from "@vanthu/core";

// The real documents live in ../shared beside the repository (developer and CI machines only).
const SHARED = new URL("../../../../shared/corpus/", import.meta.url);
const present = existsSync(SHARED);
const skip = present ? false : "../shared/corpus is absent: real-document tests skipped";
if (!present) console.log(`# SKIP ${skip}`);

const seed = (prefix: string) => {
  const dir = new URL("seeds/", SHARED);
  const name = readdirSync(dir).find((n) => n.startsWith(prefix))!;
  return parseDocument(readFileSync(new URL(name, dir), "utf8"));
};

test("seeds: every cited document found, with its date and issuer (29 in all)", { skip }, () => {
  let total = 0;
  for (const prefix of ["000", "001", "002", "003", "004"]) {
    const d = seed(prefix);
    for (const c of d.citations) {
      assert.ok(c.date, `${prefix} ${c.reference}: date`);
      assert.ok(c.issuer, `${prefix} ${c.reference}: issuer`);
    }
    total += d.citations.length;
  }
  assert.equal(total, 29);
});

test("seeds: the header fields", { skip }, () => {
  const expected: Record<string, [string | null, string | null, string, string | null]> = {
    "000": ["/STTTT-TTBCXB", null, "CV", "Lê Hải Yến"],
    "001": ["/STTTT-TTBCXB", null, "CV", "Lê Hải Yến"],
    "002": ["374/STTTT-TTBCXB", "2018-03-26", "CV", "Lê Hải Yên"],
    "003": ["/LĐLĐ-TG&NC", null, "CV", "Nguyễn Mạnh Hùng"],
    "004": ["/SCT-VP", null, "CV", "Trần Văn Hảo"],
  };
  for (const [prefix, [reference, date, type, signer]] of Object.entries(expected)) {
    const d = seed(prefix);
    assert.equal(d.reference, reference, `${prefix} reference`);
    assert.equal(d.date, date, `${prefix} date`);
    assert.equal(d.type?.code, type, `${prefix} type`);
    assert.equal(d.signature.signerName, signer, `${prefix} signer`);
  }
  const d2 = seed("002");
  assert.deepEqual(d2.issuer, {
    name: "Sở Thông tin và Truyền thông",
    parent: "UBND tỉnh Lạng Sơn",
    code: "STTTT",
    unit: "TTBCXB",
    source: "inferred",
  });
  assert.equal(d2.subject, "Tuyên truyền phòng, chống mua bán người năm 2019");
  assert.deepEqual(d2.recipients, ["Như trên", "Lãnh đạo Sở"]);
  assert.deepEqual(d2.archive, ["VT", "TTBCXB"]);
  assert.deepEqual(d2.sections[0]?.title, "Các cơ quan báo chí trên địa bàn tỉnh");
  const d3 = seed("003");
  assert.deepEqual(d3.addressees, [
    "Liên đoàn lao động các huyện, thị xã, thành phố",
    "Các công đoàn ngành, Công đoàn Viên chức, Công đoàn Các khu công nghiệp tỉnh",
    "Nhà Văn hóa Lao động tỉnh",
    "Các công đoàn cơ sở trực thuộc LĐLĐ tỉnh",
  ]);
  assert.equal(d3.signature.authority, "TM");
  assert.deepEqual(seed("000").links, ["http://sttt.langson.gov.vn/"]);
});

test("dev corpus: every document parses without an internal error", { skip }, () => {
  const dir = new URL("dev/", SHARED);
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt"))) {
    const d = parseDocument(readFileSync(new URL(name, dir), "utf8"));
    assert.ok(!d.warnings.some((w) => w.startsWith("Internal parser error")), name);
  }
});

test("seeds: the linter reports what the seeds are known to get wrong", { skip }, () => {
  const dir = new URL("seeds/", SHARED);
  const found = new Map<string, Set<string>>();
  for (const name of readdirSync(dir)) {
    const text = normalizeText(readFileSync(new URL(name, dir), "utf8"));
    found.set(
      name.slice(0, 3),
      new Set(lintDocument(parseDocument(text), { text }).map((d) => d.code)),
    );
  }
  const expected: Array<[string, string]> = [
    ["002", "date-before-citation"],
    ["001", "repeated-word"],
    ["001", "symbol-format"],
    ["003", "symbol-format"],
    ["000", "blank-number"],
    ["001", "blank-number"],
    ["003", "blank-number"],
    ["004", "blank-number"],
  ];
  for (const [seed, code] of expected) assert.ok(found.get(seed)?.has(code), `${code} on ${seed}`);
});

test("dev corpus: real, issued documents raise few errors", { skip }, () => {
  const dir = new URL("dev/", SHARED);
  let errors = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt"))) {
    const text = normalizeText(readFileSync(new URL(name, dir), "utf8"));
    errors += lintDocument(parseDocument(text), { text, status: "issued" }).filter(
      (d) => d.severity === "error",
    ).length;
  }
  // Two today, both true (one document was published with its number and day left blank).
  assert.ok(errors <= 5, `${errors} errors`);
});
