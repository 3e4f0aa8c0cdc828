import { test } from "node:test";
import assert from "node:assert/strict";
import {
  equalsFolded,
  equalsVietnamese,
  foldKey,
  foldKeyLines,
  foldKeyText,
  foldSameLength,
  normalizeText,
  toNameCase,
  toneKey,
  toneStyleOf,
} from "@vanthu/core";

const NFD = (s: string): string => s.normalize("NFD");

test("normalizeText: NFC, line breaks, BOM and zero-width characters", () => {
  const cases: Array<[string, string, string]> = [
    ["decomposed to composed", NFD("Tuyên truyền"), "Tuyên truyền"],
    ["CRLF", "a\r\nb\rc", "a\nb\nc"],
    ["BOM", "\ufeffSố: 01", "Số: 01"],
    ["zero-width space", "Kính\u200b gửi", "Kính gửi"],
  ];
  for (const [name, input, expected] of cases) assert.equal(normalizeText(input), expected, name);
});

test("foldKey: diacritics, đ, case and spacing folded", () => {
  const cases: Array<[string, string]> = [
    ["TUYÊN TRUYỀN", "tuyen truyen"],
    ["Đảng ủy", "dang uy"],
    [NFD("Đài Phát thanh"), "dai phat thanh"],
    ["  Hà   Nội ", "ha noi"],
    ["Ưu đãi người có công", "uu dai nguoi co cong"],
  ];
  for (const [input, expected] of cases) assert.equal(foldKey(input), expected, input);
});

/** foldKey as documented, over the whole string: what its table unit by unit must give. */
const foldKeyDefinition = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\S ]\s*| \s+/g, " ")
    .trim();

/** Units where folding one at a time could go wrong, and ordinary ones. */
const TRICKY =
  "aAđĐ ÊêỦủƯươ\t\n\r\u000b\u00a0\u2003\u2028\u1680\u3000\ufeff\u0301\u0323\u0308\u0591ΣΑςİẞßǅ“”–…□xyz09.,;:";

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(next: () => number, length: number, units = TRICKY): string {
  let s = "";
  for (let i = 0; i < length; i++) s += units[Math.floor(next() * units.length)];
  return s;
}

test("foldKey, folding unit by unit, gives what its definition gives, whatever the units", () => {
  for (let code = 0; code < 0x10000; code++) {
    const ch = String.fromCharCode(code);
    for (const s of [ch, `a${ch}b`, ` ${ch} `, `Σ${ch}`, `${ch}\u0301 x`])
      if (foldKey(s) !== foldKeyDefinition(s))
        assert.fail(`U+${code.toString(16)} in ${JSON.stringify(s)}: ${foldKey(s)}`);
  }
  const next = random(1);
  for (let k = 0; k < 20000; k++) {
    const s = randomText(next, 1 + (k % 300));
    assert.equal(foldKey(s), foldKeyDefinition(s), JSON.stringify(s));
  }
});

test("foldKeyLines and foldKeyText: every line's foldKey, from one fold of the text", () => {
  const next = random(2);
  for (let k = 0; k < 5000; k++) {
    const text = randomText(next, k % 400, `${TRICKY}\n\n  `);
    const keys = text.split("\n").map(foldKeyDefinition);
    assert.deepEqual(foldKeyLines(text), keys, JSON.stringify(text));
    const folded = foldKeyText(text);
    if (folded !== null) {
      assert.equal(folded.length, text.length);
      assert.deepEqual(
        folded.split("\n").map((line) => line.trim()),
        keys,
        JSON.stringify(text),
      );
    }
  }
  // Plain text folds whole; a line with spaces to squeeze or a mark to drop does not.
  assert.equal(foldKeyText("Số:  12\n  Kính gửi  "), null);
  assert.equal(foldKeyText(`Vie${"\u0302"}t Nam`), null);
  assert.equal(foldKeyText("  CỘNG HÒA\nĐộc lập - Tự do  "), "  cong hoa\ndoc lap - tu do  ");
});

test("normalizeText of its own output is that output; other texts are normalised", () => {
  const once = normalizeText(`\ufeff${NFD("Kính gửi")}\r\n`);
  assert.equal(normalizeText(once), once);
  assert.equal(normalizeText(NFD("Tuyên truyền")), "Tuyên truyền");
  assert.equal(normalizeText(once), once);
  assert.equal(normalizeText("a\r\nb"), "a\nb");
  assert.equal(normalizeText(""), "");
});

test("foldSameLength keeps every offset (precomposed and ASCII input)", () => {
  for (const s of [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Số: 374/STTTT-TTBCXB",
    "Đ đ Ư ư “x” – y",
  ]) {
    const f = foldSameLength(s);
    assert.equal(f.length, s.length, s);
  }
  assert.equal(foldSameLength("ĐẢNG Ủy"), "dang uy");
});

test("toneKey and equalsVietnamese: old and new tone placement compare equal", () => {
  const equal: Array<[string, string]> = [
    ["uỷ", "ủy"],
    ["hoà", "hòa"],
    ["thuý", "thúy"],
    ["Tỉnh uỷ", "TỈNH ỦY"],
    ["Khoá XIII", "khóa XIII"],
    [NFD("Hoà Bình"), "Hòa Bình"],
    ["Lê Hải Yến", "LÊ HẢI YẾN"],
  ];
  for (const [a, b] of equal) assert.ok(equalsVietnamese(a, b), `${a} = ${b}`);
  const different: Array<[string, string]> = [
    ["Lê Hải Yên", "Lê Hải Yến"],
    ["hoá", "hoa"],
    ["thư", "thu"],
  ];
  for (const [a, b] of different) assert.ok(!equalsVietnamese(a, b), `${a} != ${b}`);
  assert.equal(toneKey("hoà"), toneKey("hòa"));
});

test("equalsFolded ignores every diacritic", () => {
  assert.ok(equalsFolded("tuyen truyen", "Tuyên Truyền"));
  assert.ok(equalsFolded("Lê Hải Yên", "Lê Hải Yến"));
  assert.ok(!equalsFolded("Lê Hải", "Lê Hà"));
});

test("toneStyleOf tells old from new placement only where they differ", () => {
  const cases: Array<[string, "old" | "new" | null]> = [
    ["hòa", "old"],
    ["hoà", "new"],
    ["ủy", "old"],
    ["uỷ", "new"],
    ["thúy", "old"],
    ["thuý", "new"],
    ["khỏe", "old"],
    ["khoẻ", "new"],
    ["quý", null],
    ["hoàn", null],
    ["tuyên", null],
  ];
  for (const [word, style] of cases) assert.equal(toneStyleOf(word), style, word);
});

test("toNameCase: header capitals to the name as written in text", () => {
  const cases: Array<[string, string]> = [
    ["ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Ủy ban nhân dân tỉnh Bắc Ninh"],
    ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông"],
    ["BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"],
    ["LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC GIANG", "Liên đoàn Lao động tỉnh Bắc Giang"],
    ["VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"],
    ["BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"],
    ["TỈNH ỦY THỪA THIÊN HUẾ", "Tỉnh ủy Thừa Thiên Huế"],
    ["ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "Ủy ban MTTQ Việt Nam xã Lương Minh"],
    ["BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"],
    ["HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Hội đồng nhân dân thành phố Hà Nội"],
    ["SỞ CÔNG THƯƠNG", "Sở Công Thương"],
    ["Sở Y tế", "Sở Y tế"],
    // A place abbreviated ("TP.", "TX.") is still a place: its name in capitals of each word.
    ["UBND TP. LẠNG SƠN", "UBND TP. Lạng Sơn"],
    ["UBND TX. SƠN TÂY", "UBND TX. Sơn Tây"],
    // "Đảng ủy Khối": the bloc is named, what it groups is not a proper name.
    ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Đảng ủy Khối các cơ quan tỉnh"],
    ["ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH", "Đảng ủy Khối doanh nghiệp tỉnh"],
    ["ĐẢNG ỦY XÃ LƯƠNG MINH", "Đảng ủy xã Lương Minh"],
    ["ĐẢNG ỦY PHƯỜNG HOÀNG VĂN THỤ", "Đảng ủy phường Hoàng Văn Thụ"],
    ["ĐẢNG ỦY CÔNG AN TỈNH", "Đảng ủy Công an tỉnh"],
  ];
  for (const [input, expected] of cases) assert.equal(toNameCase(input), expected, input);
});

test("toNameCase: TƯ is Trung ương's abbreviation, but a syllable in Tư pháp, Đầu tư, Tư vấn", () => {
  const cases: Array<[string, string]> = [
    ["BỘ TƯ PHÁP", "Bộ Tư pháp"],
    ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư"],
    ["TRUNG TÂM TƯ VẤN PHÁP LUẬT", "Trung tâm Tư vấn pháp luật"],
    ["BAN TUYÊN GIÁO TƯ", "Ban Tuyên giáo TƯ"],
    ["VĂN PHÒNG TƯ ĐẢNG", "Văn phòng TƯ Đảng"],
  ];
  for (const [upper, name] of cases) assert.equal(toNameCase(upper), name, upper);
});
