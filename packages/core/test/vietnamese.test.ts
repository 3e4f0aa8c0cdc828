import { test } from "node:test";
import assert from "node:assert/strict";
import {
  equalsFolded,
  equalsVietnamese,
  foldKey,
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
