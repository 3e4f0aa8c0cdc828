import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument, splitDocuments } from "@vanthu/core";

/** A letter of the Bộ Văn hóa in the left-then-right convention: issuer, Số, V/v, then the motto. */
const letter = (number: string, to: string, signer: string | null): string[] => [
  "BỘ VĂN HÓA VÀ TRUYỀN THÔNG",
  `Số: ${number}/BVHTT-TTCS`,
  `V/v phối hợp tuyên truyền`,
  "về chuyển đổi số năm 2026",
  "",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Hà Nội, ngày 12 tháng 3 năm 2026",
  "",
  `Kính gửi: ${to}`,
  "Bộ Văn hóa và Truyền thông đề nghị quý cơ quan phối hợp tuyên truyền về chuyển đổi số.",
  "Trân trọng./.",
  "Nơi nhận:",
  "- Như trên;",
  "- Lưu: VT, TTCS.",
  "",
  "KT. BỘ TRƯỞNG",
  "THỨ TRƯỞNG",
  "",
  ...(signer ? [signer] : []),
  "",
];

/** The same letter with the issuer and the motto on one flattened line, Số after them. */
const flattened = (number: string, to: string): string[] => [
  "BỘ VĂN HÓA VÀ TRUYỀN THÔNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  `Số: ${number}/BVHTT-TTCS`,
  "V/v phối hợp tuyên truyền",
  "Hà Nội, ngày 12 tháng 3 năm 2026",
  `Kính gửi: ${to}`,
  "Bộ Văn hóa và Truyền thông đề nghị quý cơ quan phối hợp tuyên truyền về chuyển đổi số.",
  "Nơi nhận:",
  "- Như trên;",
  "- Lưu: VT, TTCS.",
  "KT. BỘ TRƯỞNG",
  "THỨ TRƯỞNG",
  "Đinh Công Lý",
  "",
];

const partyLetter = (number: string): string[] => [
  "ĐẢNG BỘ TỈNH CAO NGUYÊN",
  "BAN TUYÊN GIÁO",
  "*",
  `Số ${number}-CV/BTGTU`,
  "V/v tuyên truyền kỷ niệm ngày thành lập Đảng",
  "ĐẢNG CỘNG SẢN VIỆT NAM",
  "Cao Nguyên, ngày 20 tháng 01 năm 2026",
  "Kính gửi: Các huyện ủy, thị ủy, thành ủy",
  "Ban Tuyên giáo Tỉnh ủy đề nghị các cấp ủy tổ chức tuyên truyền.",
  "Nơi nhận:",
  "- Như trên,",
  "- Lưu VT.",
  "K/T TRƯỞNG BAN",
  "PHÓ TRƯỞNG BAN",
  "Mã Thị Hồng",
  "",
];

/** A decision with an annex that holds a form with its own motto and "Số: …". */
const decisionWithForm = [
  "ỦY BAN NHÂN DÂN",
  "TỈNH CAO NGUYÊN",
  "Số: 301/QĐ-UBND",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Cao Nguyên, ngày 05 tháng 4 năm 2026",
  "QUYẾT ĐỊNH",
  "Ban hành mẫu giấy đề nghị cấp phép",
  "Điều 1. Ban hành kèm theo Quyết định này mẫu giấy đề nghị.",
  "Nơi nhận:",
  "- Như Điều 1;",
  "- Lưu: VT.",
  "TM. ỦY BAN NHÂN DÂN",
  "CHỦ TỊCH",
  "Quách Văn Đông",
  "",
  "PHỤ LỤC",
  "Mẫu số 01",
  "TÊN CƠ QUAN",
  "Số: …/…",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "……, ngày … tháng … năm …",
  "GIẤY ĐỀ NGHỊ",
  "",
];

/** A decision followed by the plan it issues, with the plan's own header and no number. */
const decisionWithPlan = [
  ...decisionWithForm.slice(0, 15),
  "",
  "ỦY BAN NHÂN DÂN",
  "TỈNH CAO NGUYÊN",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "KẾ HOẠCH",
  "Chuyển đổi số năm 2026",
  "(Ban hành kèm theo Quyết định số 301/QĐ-UBND ngày 05/4/2026 của UBND tỉnh)",
  "I. MỤC ĐÍCH",
  "",
];

/** A law, then a decree right after its signature, with no "Nơi nhận" between them. */
const gazette = [
  "QUỐC HỘI",
  "Luật số: 45/2030/QH16",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "LUẬT",
  "LƯU TRỮ ĐIỆN TỬ",
  ...Array.from({ length: 20 }, (_, i) => `Điều ${i + 1}. Quy định thứ ${i + 1} về lưu trữ.`),
  "CHỦ TỊCH QUỐC HỘI",
  "Trần Minh Khang",
  "CHÍNH PHỦ",
  "Số: 21/2030/NĐ-CP",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Hà Nội, ngày 28 tháng 02 năm 2030",
  "NGHỊ ĐỊNH",
  "Quy định chi tiết Luật Lưu trữ điện tử",
  "",
];

/** The first line of each part, trimmed. */
const firstLines = (text: string, pageStarts?: number[]): string[] =>
  splitDocuments(text, pageStarts).map(([a, b]) => text.slice(a, b).trim().split("\n")[0]!);

test("splitDocuments: where each document of a file begins", () => {
  const cases: Array<[string, string[], string[]]> = [
    ["one document", letter("88", "Sở A", "Đinh Công Lý"), ["BỘ VĂN HÓA VÀ TRUYỀN THÔNG"]],
    [
      "three letters, left column printed before the motto",
      [
        ...letter("88", "Sở A", "Đinh Công Lý"),
        ...letter("", "Sở B", "Đinh Công Lý"),
        ...letter("", "Sở C", "Đinh Công Lý"),
      ],
      ["BỘ VĂN HÓA VÀ TRUYỀN THÔNG", "BỘ VĂN HÓA VÀ TRUYỀN THÔNG", "BỘ VĂN HÓA VÀ TRUYỀN THÔNG"],
    ],
    [
      "issuer and motto on one line",
      [...flattened("88", "Sở A"), ...flattened("", "Sở B")],
      [
        "BỘ VĂN HÓA VÀ TRUYỀN THÔNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BỘ VĂN HÓA VÀ TRUYỀN THÔNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      ],
    ],
    [
      "a draft with no signer's name: the title stays with the first letter",
      [...letter("88", "Sở A", null), ...letter("", "Sở B", null)],
      ["BỘ VĂN HÓA VÀ TRUYỀN THÔNG", "BỘ VĂN HÓA VÀ TRUYỀN THÔNG"],
    ],
    [
      "Party letters",
      [...partyLetter("12"), ...partyLetter("13")],
      ["ĐẢNG BỘ TỈNH CAO NGUYÊN", "ĐẢNG BỘ TỈNH CAO NGUYÊN"],
    ],
    ["a form in an annex is not a document", decisionWithForm, ["ỦY BAN NHÂN DÂN"]],
    ["a plan issued with the decision is not a document", decisionWithPlan, ["ỦY BAN NHÂN DÂN"]],
    ["a law and a decree without Nơi nhận", gazette, ["QUỐC HỘI", "CHÍNH PHỦ"]],
    [
      "the motto quoted before the Nơi nhận does not split",
      [
        ...letter("88", "Sở A", "Đinh Công Lý").slice(0, 11),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 89/BVHTT-TTCS",
        ...letter("88", "Sở A", "Đinh Công Lý").slice(11),
      ],
      ["BỘ VĂN HÓA VÀ TRUYỀN THÔNG"],
    ],
  ];
  for (const [name, lines, want] of cases) {
    assert.deepEqual(firstLines(lines.join("\n")), want, name);
  }
});

test("splitDocuments: the parts cover the text, in order, without overlap", () => {
  const text = [
    ...letter("88", "Sở A", "Đinh Công Lý"),
    ...letter("", "Sở B", "Đinh Công Lý"),
  ].join("\n");
  const parts = splitDocuments(text);
  assert.equal(parts[0]![0], 0);
  assert.equal(parts[parts.length - 1]![1], text.length);
  for (let i = 1; i < parts.length; i++) assert.equal(parts[i]![0], parts[i - 1]![1]);
});

test("splitDocuments: a page start in the blank lines before a header is the split", () => {
  const first = letter("88", "Sở A", "Đinh Công Lý").join("\n");
  const text = `${first}\n\n${letter("", "Sở B", "Đinh Công Lý").join("\n")}`;
  const page = first.length + 1;
  const parts = splitDocuments(text, [0, page]);
  assert.equal(parts.length, 2);
  assert.equal(parts[1]![0], page);
  // A page start inside the first letter's signature does not move the split there.
  const inside = first.indexOf("KT. BỘ TRƯỞNG");
  assert.notEqual(splitDocuments(text, [0, inside])[1]![0], inside);
});

test("splitDocuments: each part parses as its own document", () => {
  const text = [
    ...letter("88", "Sở A", "Đinh Công Lý"),
    ...letter("", "Sở B", "Đinh Công Lý"),
    ...letter("", "Sở C", "Đinh Công Lý"),
  ].join("\n");
  const docs = splitDocuments(text).map(([a, b]) => parseDocument(text.slice(a, b)));
  assert.deepEqual(
    docs.map((d) => [d.reference, d.addressees, d.signature.signerName, d.subject]),
    [
      [
        "88/BVHTT-TTCS",
        ["Sở A"],
        "Đinh Công Lý",
        "phối hợp tuyên truyền về chuyển đổi số năm 2026",
      ],
      ["/BVHTT-TTCS", ["Sở B"], "Đinh Công Lý", "phối hợp tuyên truyền về chuyển đổi số năm 2026"],
      ["/BVHTT-TTCS", ["Sở C"], "Đinh Công Lý", "phối hợp tuyên truyền về chuyển đổi số năm 2026"],
    ],
  );
});
