import { test } from "node:test";
import assert from "node:assert/strict";
import { extractCitations, makeTextView, normalizeText } from "@vanthu/core";

const cite = (text: string) => extractCitations(makeTextView(normalizeText(text)));

interface Want {
  reference: string;
  type?: string | null;
  typeName?: string | null;
  date?: string | null;
  issuer?: string | null;
  issuerInferred?: boolean;
}

/** Each form of citation met in real documents, written here in their styles. */
const cases: Array<[string, string, Want[]]> = [
  [
    "Party plan with numeric date and issuer",
    "Thực hiện Kế hoạch số 103-KH/TU ngày 21/3/2023 của Tỉnh ủy thực hiện chỉ thị.",
    [{ reference: "103-KH/TU", type: "KH", date: "2023-03-21", issuer: "Tỉnh ủy" }],
  ],
  [
    "comma before the date",
    "Chỉ thị số 20-CT/TW, ngày 12/12/2022 của Ban Bí thư Trung ương Đảng về tăng cường",
    [
      {
        reference: "20-CT/TW",
        type: "CT",
        date: "2022-12-12",
        issuer: "Ban Bí thư Trung ương Đảng",
      },
    ],
  ],
  [
    "state công văn",
    "Công văn số 313/UBND-KGVX ngày 21/3/2023 của UBND tỉnh về việc chủ động",
    [
      {
        reference: "313/UBND-KGVX",
        type: "CV",
        typeName: "Công văn",
        date: "2023-03-21",
        issuer: "UBND tỉnh",
      },
    ],
  ],
  [
    "công văn without date or issuer",
    "theo Công văn số 313/UBND-KGVX.",
    [
      {
        reference: "313/UBND-KGVX",
        type: "CV",
        date: null,
        issuer: "UBND tỉnh",
        issuerInferred: true,
      },
    ],
  ],
  [
    "normative decree",
    "Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ về quy định cơ chế",
    [
      {
        reference: "27/2022/NĐ-CP",
        type: "NĐ",
        typeName: "Nghị định",
        date: "2022-04-19",
        issuer: "Chính phủ",
      },
    ],
  ],
  [
    "law with its name",
    "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 ngày 22 tháng 6 năm 2015;",
    [{ reference: "80/2015/QH13", type: "L", typeName: "Luật", date: "2015-06-22" }],
  ],
  [
    "law with name and issuer inferred",
    "Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18/01/2024;",
    [
      {
        reference: "31/2024/QH15",
        typeName: "Luật",
        date: "2024-01-18",
        issuer: "Quốc hội",
        issuerInferred: true,
      },
    ],
  ],
  [
    "generic văn bản takes the symbol's type",
    "thực hiện văn bản số 87/TB-VPCP ngày 05/3/2024 của Văn phòng Chính phủ",
    [
      {
        reference: "87/TB-VPCP",
        type: "TB",
        typeName: "Thông báo",
        date: "2024-03-05",
        issuer: "Văn phòng Chính phủ",
      },
    ],
  ],
  [
    "list sharing one symbol",
    "Thực hiện các Công điện số 217, 218 và 222/CĐ-TTg của Thủ tướng Chính phủ, đề nghị",
    [
      { reference: "217/CĐ-TTg", type: "CĐ", issuer: "Thủ tướng Chính phủ" },
      { reference: "218/CĐ-TTg", type: "CĐ", issuer: "Thủ tướng Chính phủ" },
      { reference: "222/CĐ-TTg", type: "CĐ", issuer: "Thủ tướng Chính phủ" },
    ],
  ],
  [
    "list of full references with own dates and a shared issuer",
    "các văn bản số: 10894/VPCP-CN ngày 8/11/2025, 8563/VPCP-CN ngày 12/9/2025 của Văn phòng Chính phủ.",
    [
      { reference: "10894/VPCP-CN", date: "2025-11-08", issuer: "Văn phòng Chính phủ" },
      { reference: "8563/VPCP-CN", date: "2025-09-12", issuer: "Văn phòng Chính phủ" },
    ],
  ],
  [
    "written date",
    "Tại công văn số 8014/VPCP-KGVX ngày 09 tháng 10 năm 2012 của Văn phòng Chính phủ, Phó Thủ tướng",
    [
      {
        reference: "8014/VPCP-KGVX",
        type: "CV",
        date: "2012-10-09",
        issuer: "Văn phòng Chính phủ",
      },
    ],
  ],
  [
    "Party hyphen with spaces",
    "Hướng dẫn số 67 - HD/BTGTU ngày 19/01/2022 của Ban Tuyên giáo Tỉnh uỷ tuyên truyền",
    [
      {
        reference: "67-HD/BTGTU",
        type: "HD",
        date: "2022-01-19",
        issuer: "Ban Tuyên giáo Tỉnh uỷ",
      },
    ],
  ],
  [
    "Party công văn",
    "Công văn số 855-CV/BTGTU ngày 29/6/2023 của Ban Tuyên giáo Tỉnh ủy.",
    [
      {
        reference: "855-CV/BTGTU",
        type: "CV",
        date: "2023-06-29",
        issuer: "Ban Tuyên giáo Tỉnh ủy",
      },
    ],
  ],
  [
    "Party conclusion",
    "Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị về tiếp tục",
    [
      {
        reference: "57-KL/TW",
        type: "KL",
        typeName: "Kết luận",
        date: "2023-06-15",
        issuer: "Bộ Chính trị",
      },
    ],
  ],
  [
    "resolution without số",
    "Sau 10 năm thực hiện Nghị quyết 13-NQ/TƯ của Tỉnh ủy (khóa XIV), hệ thống",
    [{ reference: "13-NQ/TƯ", type: "NQ", issuer: "Tỉnh ủy" }],
  ],
  [
    "decision with TTg",
    "Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ về phê duyệt",
    [{ reference: "90/QĐ-TTg", type: "QĐ", date: "2022-01-18", issuer: "Thủ tướng Chính phủ" }],
  ],
  [
    "issuer ending at a parenthesis",
    "Chỉ thị số 05-CT/TW ngày 23/6/2021 của Ban Bí thư Trung ương Đảng (khóa XIII) về tăng cường",
    [{ reference: "05-CT/TW", issuer: "Ban Bí thư Trung ương Đảng" }],
  ],
  [
    "issuer with a number and a place word",
    "Kế hoạch số 23/KH-BCĐ ngày 26/02/2019 của Ban Chỉ đạo 138 tỉnh về triển khai",
    [{ reference: "23/KH-BCĐ", issuer: "Ban Chỉ đạo 138 tỉnh" }],
  ],
  [
    "issuer with commas",
    "Kế hoạch số 1192/KH-SVHTTDL ngày 26/6/2023 của Sở Văn hóa, Thể thao và Du lịch về Tổ chức",
    [{ reference: "1192/KH-SVHTTDL", issuer: "Sở Văn hóa, Thể thao và Du lịch" }],
  ],
  [
    "issuer with a place name",
    "Công văn số 65/UBND-NC ngày 17/01/2019 của UBND tỉnh Lạng Sơn về việc thực hiện",
    [{ reference: "65/UBND-NC", issuer: "UBND tỉnh Lạng Sơn" }],
  ],
  [
    "place name followed by a verb",
    "công văn số 77/CNG-QLDN ngày 10/02/2026 của Thuế tỉnh Cao Nguyên hỏi về hóa đơn",
    [{ reference: "77/CNG-QLDN", issuer: "Thuế tỉnh Cao Nguyên" }],
  ],
  [
    "two citations joined by và",
    "Nghị định số 123/2020/NĐ-CP ngày 19/10/2020 của Chính phủ và Thông tư số 32/2025/TT-BTC ngày 31 tháng 5 năm 2025 của Bộ Tài chính đã quy định",
    [
      { reference: "123/2020/NĐ-CP", issuer: "Chính phủ", date: "2020-10-19" },
      {
        reference: "32/2025/TT-BTC",
        type: "TT",
        typeName: "Thông tư",
        issuer: "Bộ Tài chính",
        date: "2025-05-31",
      },
    ],
  ],
  [
    "issuer with lower-case words before the clause end",
    "Công văn số 539/TTCS-TTTQ ngày 27/6/2023 của Cục Thông tin cơ sở;",
    [{ reference: "539/TTCS-TTTQ", issuer: "Cục Thông tin cơ sở" }],
  ],
  [
    "no issuer: inferred from the symbol",
    "Kế hoạch số 57-KH/UBND ngày 23/10/2023 về hoạt động thông tin đối ngoại",
    [{ reference: "57-KH/UBND", date: "2023-10-23", issuer: "UBND tỉnh", issuerInferred: true }],
  ],
  [
    "line break inside",
    "Căn cứ Nghị định số\n81/2018/NĐ-CP ngày 22/5/2018 của Chính phủ quy định chi tiết",
    [{ reference: "81/2018/NĐ-CP", date: "2018-05-22", issuer: "Chính phủ" }],
  ],
  [
    "date after the issuer",
    "Công văn số 65/UBND-NC của UBND tỉnh ngày 17/01/2019 về việc",
    [{ reference: "65/UBND-NC", date: "2019-01-17", issuer: "UBND tỉnh" }],
  ],
  [
    "Party term in the symbol",
    "theo Quy định số 66-QĐ/TW ngày 06/02/2017 của Ban Chấp hành Trung ương về thể loại",
    [
      {
        reference: "66-QĐ/TW",
        typeName: "Quy định",
        date: "2017-02-06",
        issuer: "Ban Chấp hành Trung ương",
      },
    ],
  ],
  [
    "joint circular",
    "Thông tư liên tịch số 08/2012/TTLT-BLĐTBXH-BNV-BTC ngày 16 tháng 04 năm 2012 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
    [
      {
        reference: "08/2012/TTLT-BLĐTBXH-BNV-BTC",
        type: "TTLT",
        date: "2012-04-16",
        issuer: "Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
      },
    ],
  ],
  [
    "ordinance",
    "Pháp lệnh Ưu đãi người có công với cách mạng số 26/2005/PL-UBTVQH11 ngày 29 tháng 6 năm 2005 của Ủy ban Thường vụ Quốc hội",
    [
      {
        reference: "26/2005/PL-UBTVQH11",
        typeName: "Pháp lệnh",
        date: "2005-06-29",
        issuer: "Ủy ban Thường vụ Quốc hội",
      },
    ],
  ],
  [
    "submission (tờ trình)",
    "Theo đề nghị của Sở Công Thương tại Tờ trình số 131/TTr-SCT ngày 24/11/2025; ý kiến",
    [{ reference: "131/TTr-SCT", type: "TTr", typeName: "Tờ trình", date: "2025-11-24" }],
  ],
  [
    "report",
    "Báo cáo số 308/BC-BXD ngày 13 tháng 11 năm 2025 về kết quả",
    [
      {
        reference: "308/BC-BXD",
        type: "BC",
        date: "2025-11-13",
        issuer: "Bộ Xây dựng",
        issuerInferred: true,
      },
    ],
  ],
  [
    "lower-case type name",
    "nhận được công văn số 1009/STTTT-TTBCXB ngày 04/7/2023 của Sở Thông tin và Truyền thông về việc",
    [
      {
        reference: "1009/STTTT-TTBCXB",
        type: "CV",
        date: "2023-07-04",
        issuer: "Sở Thông tin và Truyền thông",
      },
    ],
  ],
  [
    "bare reference with Số in a list",
    "các Quyết định của Bộ trưởng: Số 1025/QĐ-LĐTBXH ngày 03/8/2016 về việc công bố",
    [{ reference: "1025/QĐ-LĐTBXH", type: "QĐ", date: "2016-08-03" }],
  ],
  [
    "Party instruction with issuer in the Central Committee",
    "Chỉ thị số 18-CT/TW, ngày 05/01/2026 của Ban Bí thư Trung ương Đảng về bảo đảm",
    [{ reference: "18-CT/TW", date: "2026-01-05", issuer: "Ban Bí thư Trung ương Đảng" }],
  ],
  [
    "telegram",
    "Công điện số 225/CĐ-TTg ngày 20/11/2025 gửi kèm theo",
    [{ reference: "225/CĐ-TTg", type: "CĐ", date: "2025-11-20" }],
  ],
];

for (const [name, text, wants] of cases) {
  test(`citation: ${name}`, () => {
    const got = cite(text);
    assert.equal(
      got.length,
      wants.length,
      `count in: ${text}\n got ${JSON.stringify(got.map((c) => c.reference))}`,
    );
    wants.forEach((want, i) => {
      const c = got[i]!;
      for (const [key, value] of Object.entries(want)) {
        assert.deepEqual(
          (c as unknown as Record<string, unknown>)[key],
          value,
          `${want.reference}.${key}`,
        );
      }
      assert.equal(
        text.slice(c.start, c.end).replace(/\s+/g, " ").trim(),
        c.text,
        "span matches text",
      );
    });
  });
}

test("citations: one entry per distinct document, first mention's span, mention count", () => {
  const text =
    "Thực hiện Kế hoạch số 45-KH/TU ngày 12/3/2026 của Ban Thường vụ Tỉnh ủy. (Kế hoạch số 45-KH/TU ngày 12/3/2026 gửi kèm).";
  const got = cite(text);
  assert.equal(got.length, 1);
  assert.equal(got[0]!.start, text.indexOf("Kế hoạch"));
  assert.equal(got[0]!.mentions, 2);
});

test("citations: not citations", () => {
  const texts = [
    "từ ngày 09/7/1960 - 09/7/2023 và COVID-19",
    "báo cáo tháng 7/2023, giai đoạn 2021-2025",
    "Lưu: VT, KT15/11; Đ/c Nam; (để b/c)",
    "Nghị quyết Đại hội XIII của Đảng",
    "Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
  ];
  for (const t of texts)
    assert.deepEqual(
      cite(t).map((c) => c.reference),
      [],
      t,
    );
});

test("citations: the document's own reference is left out", () => {
  const view = makeTextView(
    "(Kèm theo Quyết định số 1805/QĐ-UBND ngày 18 tháng 11 năm 2025 của Chủ tịch UBND tỉnh)",
  );
  assert.equal(extractCitations(view, { ownReference: "1805/QĐ-UBND" }).length, 0);
  assert.equal(extractCitations(view).length, 1);
});

test("citations: references as e-office systems and line wraps print them", () => {
  const cases: Array<[string, string, string, string | null]> = [
    [
      "space before the slash",
      "theo Công văn số 4102 /BVHTT-TTCS ngày 06/10/2026 của Bộ Văn hóa",
      "4102/BVHTT-TTCS",
      "2026-10-06",
    ],
    [
      "space before a Party hyphen",
      "Công văn số 61 -CV/TĐTN-VP ngày 04/9/2026 của Ban Thường vụ Tỉnh đoàn",
      "61-CV/TĐTN-VP",
      "2026-09-04",
    ],
    [
      "wrapped after the symbol's hyphen",
      "Sở có Công văn số 912/SNV-\nTCBC ngày 30/8/2026 về việc",
      "912/SNV-TCBC",
      "2026-08-30",
    ],
    [
      "wrapped after a Party number's hyphen",
      "theo Hướng dẫn số 14-\nHD/BTGTU ngày 23/4/2026",
      "14-HD/BTGTU",
      "2026-04-23",
    ],
    [
      "wrapped after a normative type's hyphen",
      "thay thế Thông tư số 18/2019/TT-\nBTC ngày 11/11/2019",
      "18/2019/TT-BTC",
      "2019-11-11",
    ],
    [
      "a Party reference printed without its hyphen, after a type name",
      "theo Kết luận 96 KL/TW ngày 4/7/2026 của Bộ Chính trị",
      "96-KL/TW",
      "2026-07-04",
    ],
    [
      "a dotted symbol",
      "Hội có Văn bản số 27/HCC.TN ngày 19/8/2026 báo cáo",
      "27/HCC.TN",
      "2026-08-19",
    ],
    [
      "a footnote mark glued to a normative reference",
      "theo Nghị định số 52/2026/NĐ-CP2 ngày 08/10/2026 của Chính phủ",
      "52/2026/NĐ-CP",
      "2026-10-08",
    ],
    [
      "the National Assembly's term is no footnote mark",
      "theo Nghị quyết số 19/2026/QH16 ngày 12/6/2026 của Quốc hội",
      "19/2026/QH16",
      "2026-06-12",
    ],
  ];
  for (const [name, text, reference, date] of cases) {
    const got = cite(text);
    assert.deepEqual(
      got.map((c) => [c.reference, c.date]),
      [[reference, date]],
      name,
    );
  }
});

test("citations: shapes that only look like references", () => {
  const texts = [
    "CÔNG BÁO/Số 415 + 416/Ngày 12-03-2030",
    "Tỷ lệ hài lòng\n83,1/\nCHỈ SỐ CHUNG\n83,1% 62/63",
    "điểm 41,02/\nTHÀNH PHẦN",
    "đạt 12 CV/năm",
    "tại Điều 5 KL của Hội nghị",
  ];
  for (const t of texts)
    assert.deepEqual(
      cite(t).map((c) => c.reference),
      [],
      t,
    );
});
