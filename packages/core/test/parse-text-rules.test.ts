import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument, type ParsedDocument } from "@vanthu/core";

/**
 * Text-level rules of the parser, each on a short document written for the test in the style of
 * real ones (header read column by column: left column first, then the motto and the date).
 */
const doc = (...lines: string[]): ParsedDocument => parseDocument(lines.join("\n"));

/** A state header: issuer, number, the lines given, motto, place and date. */
const head = (number: string, ...left: string[]): string[] => [
  "UBND TỈNH CAO NGUYÊN",
  "SỞ VĂN HÓA VÀ TRUYỀN THÔNG",
  `Số: ${number}`,
  ...left,
  "",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Cao Nguyên, ngày 14 tháng 5 năm 2026",
  "",
];

const tail = [
  "Trân trọng./.",
  "Nơi nhận:",
  "- Như trên;",
  "- Lưu: VT, TTBC.",
  "",
  "KT. GIÁM ĐỐC",
  "PHÓ GIÁM ĐỐC",
  "",
  "Hà Minh Châu",
];

const body = [
  "Kính gửi: Sở Nội vụ tỉnh Cao Nguyên",
  "",
  "Sở Văn hóa và Truyền thông nhận được đề nghị của Sở Nội vụ về việc góp ý dự thảo",
  "quy chế phối hợp; sau khi nghiên cứu, Sở có ý kiến thống nhất với dự thảo.",
];

test("subjects: V/v blocks of the header column", () => {
  const cases: Array<[string, string[], string | null]> = [
    ["one line", ["V/v góp ý dự thảo quy chế phối hợp"], "góp ý dự thảo quy chế phối hợp"],
    [
      "four lines at left",
      [
        "V/v góp ý dự thảo quy chế phối",
        "hợp giữa các sở, ngành trong",
        "công tác thông tin đối ngoại",
        "trên địa bàn tỉnh",
      ],
      "góp ý dự thảo quy chế phối hợp giữa các sở, ngành trong công tác thông tin đối ngoại trên địa bàn tỉnh",
    ],
    [
      "five lines with a reference wrapped after its hyphen",
      [
        "V/v phúc đáp Công văn số 412/SNV-",
        "TCBC ngày 02/5/2026 của Sở Nội",
        "vụ về việc góp ý dự thảo quy",
        "chế phối hợp trong công tác",
        "thông tin đối ngoại",
      ],
      "phúc đáp Công văn số 412/SNV-TCBC ngày 02/5/2026 của Sở Nội vụ về việc góp ý dự thảo quy chế phối hợp trong công tác thông tin đối ngoại",
    ],
    [
      "in quotation marks, V/v inside them",
      ["“V/v cử cán bộ tham gia Tổ", "công tác liên ngành”"],
      "cử cán bộ tham gia Tổ công tác liên ngành",
    ],
    [
      "ending with a period",
      ["V/v góp ý dự thảo quy chế phối", "hợp."],
      "góp ý dự thảo quy chế phối hợp",
    ],
    ["no V/v", [], null],
  ];
  for (const [name, left, want] of cases) {
    const d = doc(...head("215/SVHTT-TTBC", ...left), ...body, ...tail);
    assert.equal(d.subject, want, name);
    assert.deepEqual(d.addressees, ["Sở Nội vụ tỉnh Cao Nguyên"], `${name}: addressees`);
  }
});

test("subjects: a V/v block runs on into neither the motto nor the body", () => {
  // No blank line between the left column and the motto, as some text layers give it.
  const d1 = doc(
    "UBND TỈNH CAO NGUYÊN",
    "SỞ VĂN HÓA VÀ TRUYỀN THÔNG",
    "Số: 215/SVHTT-TTBC",
    "V/v góp ý dự thảo quy chế",
    "phối hợp thông tin đối ngoại",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Cao Nguyên, ngày 14 tháng 5 năm 2026",
    ...body,
    ...tail,
  );
  assert.equal(d1.subject, "góp ý dự thảo quy chế phối hợp thông tin đối ngoại");
  // No Kính gửi and no blank line: the body's lines are twice as wide as the column's.
  const d2 = doc(
    "UBND TỈNH CAO NGUYÊN",
    "SỞ VĂN HÓA VÀ TRUYỀN THÔNG",
    "Số: 215/SVHTT-TTBC",
    "V/v báo cáo kết quả triển khai",
    "chuyển đổi số quý I năm 2026",
    "Sở Văn hóa và Truyền thông báo cáo kết quả triển khai chuyển đổi số quý I năm 2026 như",
    "sau: hoàn thành 12 trên 14 nhiệm vụ được giao, hai nhiệm vụ còn lại đang thực hiện.",
    ...tail,
  );
  assert.equal(d2.subject, "báo cáo kết quả triển khai chuyển đổi số quý I năm 2026");
});

test("subjects: after the type name, up to the body or the authority line", () => {
  const decision = (...subject: string[]) =>
    doc(
      "ỦY BAN NHÂN DÂN",
      "TỈNH CAO NGUYÊN",
      "Số: 118/QĐ-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Cao Nguyên, ngày 03 tháng 6 năm 2026",
      "",
      "QUYẾT ĐỊNH",
      ...subject,
      "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO NGUYÊN",
      "",
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
      "QUYẾT ĐỊNH:",
      "Điều 1. Phê duyệt danh sách kèm theo Quyết định này.",
      "Nơi nhận:",
      "- Như Điều 1;",
      "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Lâm Quốc Bảo",
    );
  const cases: Array<[string, string[], string | null]> = [
    [
      "three lines",
      [
        "Về việc phê duyệt danh sách các đơn vị",
        "tham gia Hội thi tuyên truyền viên giỏi",
        "năm 2026",
      ],
      "Về việc phê duyệt danh sách các đơn vị tham gia Hội thi tuyên truyền viên giỏi năm 2026",
    ],
    [
      "in capitals",
      ["VỀ VIỆC PHÊ DUYỆT DANH SÁCH CÁC ĐƠN VỊ", "THAM GIA HỘI THI NĂM 2026"],
      "VỀ VIỆC PHÊ DUYỆT DANH SÁCH CÁC ĐƠN VỊ THAM GIA HỘI THI NĂM 2026",
    ],
    ["then a rule", ["Về việc phê duyệt danh sách", "---------"], "Về việc phê duyệt danh sách"],
    [
      "an abbreviation with its period at a line's end",
      ["Về việc giao nhiệm vụ cho UBND TP.", "Cao Nguyên năm 2026"],
      "Về việc giao nhiệm vụ cho UBND TP. Cao Nguyên năm 2026",
    ],
  ];
  for (const [name, subject, want] of cases) {
    const d = decision(...subject);
    assert.equal(d.subject, want, name);
    assert.equal(d.signature.signerName, "Lâm Quốc Bảo", `${name}: signer`);
  }
});

test("subjects: a plan's subject, not the first sentence of its body", () => {
  const plan = (...after: string[]) =>
    doc(
      "BCH ĐOÀN XÃ HƯNG PHÚ",
      "***",
      "Số: 04-KH/ĐTN",
      "ĐOÀN TNCS HỒ CHÍ MINH",
      "Hưng Phú, ngày 10 tháng 01 năm 2026",
      "KẾ HOẠCH",
      ...after,
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Mục đích",
      "Tạo sân chơi lành mạnh cho đoàn viên, thanh niên.",
      "Nơi nhận:",
      "- Lưu VP.",
      "TM. BAN THƯỜNG VỤ",
      "BÍ THƯ",
      "Đặng Thu Trang",
    );
  const cases: Array<[string, string[], string | null]> = [
    [
      "subject, then a sentence of the body without a blank line",
      [
        "Tổ chức giải bóng đá thanh niên",
        "mừng Xuân năm 2026",
        "Nhằm tạo sân chơi lành mạnh cho đoàn viên, thanh niên, Ban Thường vụ Đoàn xã",
        "xây dựng kế hoạch như sau:",
      ],
      "Tổ chức giải bóng đá thanh niên mừng Xuân năm 2026",
    ],
    [
      "a subject ended by its period, then the body's sentence",
      [
        "Tổ chức giải bóng đá thanh niên năm 2026.",
        "Ban Thường vụ Đoàn xã xây dựng kế hoạch như sau:",
      ],
      "Tổ chức giải bóng đá thanh niên năm 2026",
    ],
    [
      "a subject that opens with Thực hiện",
      ["Thực hiện Chỉ thị số 05-CT/ĐU", "về công tác thanh niên năm 2026", ""],
      "Thực hiện Chỉ thị số 05-CT/ĐU về công tác thanh niên năm 2026",
    ],
    [
      "no subject: the body's first sentence opens with Thực hiện",
      [
        "",
        "Thực hiện Chương trình công tác năm 2026 của Đoàn xã, Ban Thường vụ Đoàn xã",
        "xây dựng kế hoạch tổ chức giải bóng đá thanh niên như sau:",
      ],
      null,
    ],
  ];
  for (const [name, after, want] of cases) {
    const d = plan(...after);
    assert.equal(d.subject, want, name);
    assert.equal(d.reference, "04-KH/ĐTN", `${name}: reference`);
    assert.equal(d.signature.signerName, "Đặng Thu Trang", `${name}: signer`);
  }
});

test("Giấy mời: no subject, no addressees, invitees are not the subject", () => {
  const invitation = (...after: string[]) =>
    doc(
      "ỦY BAN NHÂN DÂN",
      "TỈNH CAO NGUYÊN",
      "",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "",
      "Số: /GM-UBND",
      "Cao Nguyên, ngày tháng 02 năm 2026",
      "",
      "GIẤY MỜI",
      "",
      ...after,
      "1. Chủ trì: Đồng chí Phó Chủ tịch UBND tỉnh.",
      "2. Thành phần mời:",
      "- Lãnh đạo các sở, ban, ngành thuộc tỉnh;",
      "- Lãnh đạo Trung tâm Phục vụ hành chính công tỉnh.",
      "3. Thời gian: 08 giờ 00, ngày 24/02/2026.",
      "Nơi nhận:",
      "- Như thành phần mời;",
      "- Lưu: VT, NC.",
      "TL. CHỦ TỊCH",
      "KT. CHÁNH VĂN PHÒNG",
      "PHÓ CHÁNH VĂN PHÒNG",
      "",
      "Tạ Quang Vinh",
    );
  const cases: Array<[string, string[], string | null]> = [
    [
      "a first paragraph that opens with Thực hiện",
      [
        "Thực hiện Chương trình công tác tháng 02/2026, Ủy ban nhân dân tỉnh tổ chức họp",
        "đánh giá công tác chuyển đổi số năm 2025.",
      ],
      null,
    ],
    [
      "a first paragraph that invites",
      ["Ủy ban nhân dân tỉnh trân trọng kính mời đại diện lãnh đạo các cơ quan, đơn vị dự họp."],
      null,
    ],
    ["nothing before the numbered items", [], null],
    [
      "a printed subject",
      ["Họp đánh giá công tác chuyển đổi số năm 2025", "-----------"],
      "Họp đánh giá công tác chuyển đổi số năm 2025",
    ],
  ];
  for (const [name, after, want] of cases) {
    const d = invitation(...after);
    assert.equal(d.subject, want, name);
    assert.deepEqual(d.addressees, [], `${name}: addressees`);
    assert.equal(d.type?.name, "Giấy mời", `${name}: type`);
    assert.deepEqual(
      d.signature.levels?.map((l) => `${l.authority} ${l.title}`),
      ["TL CHỦ TỊCH", "KT CHÁNH VĂN PHÒNG"],
      `${name}: levels`,
    );
    assert.equal(d.signature.signerTitle, "PHÓ CHÁNH VĂN PHÒNG", `${name}: title`);
    assert.equal(d.signature.signerName, "Tạ Quang Vinh", `${name}: name`);
  }
});

test("addressees: every form of Kính gửi and a Công điện's list", () => {
  const letter = (...lines: string[]) =>
    doc(...head("215/SVHTT-TTBC", "V/v góp ý dự thảo quy chế"), ...lines, ...tail);
  const cases: Array<[string, string[], string[]]> = [
    ["one line", ["Kính gửi: Sở Nội vụ tỉnh Cao Nguyên."], ["Sở Nội vụ tỉnh Cao Nguyên"]],
    [
      "one line, two addressees separated by a semicolon",
      ["Kính gửi: Sở Nội vụ; Sở Tài chính."],
      ["Sở Nội vụ", "Sở Tài chính"],
    ],
    [
      "a dash list with a wrapped item",
      [
        "Kính gửi:",
        "- Các sở, ban, ngành thuộc tỉnh;",
        "- Ủy ban nhân dân các xã, phường trên địa bàn",
        "tỉnh Cao Nguyên.",
      ],
      [
        "Các sở, ban, ngành thuộc tỉnh",
        "Ủy ban nhân dân các xã, phường trên địa bàn tỉnh Cao Nguyên",
      ],
    ],
    [
      "the first item on the Kính gửi line",
      ["Kính gửi: - Báo Cao Nguyên;", "- Đài Phát thanh và Truyền hình tỉnh."],
      ["Báo Cao Nguyên", "Đài Phát thanh và Truyền hình tỉnh"],
    ],
    [
      "several Kính gửi lines",
      ["Kính gửi: Sở Nội vụ tỉnh Cao Nguyên;", "Kính gửi: Sở Tài chính tỉnh Cao Nguyên."],
      ["Sở Nội vụ tỉnh Cao Nguyên", "Sở Tài chính tỉnh Cao Nguyên"],
    ],
    [
      "the addressee alone on the next line",
      ["Kính gửi:", "Sở Nội vụ tỉnh Cao Nguyên"],
      ["Sở Nội vụ tỉnh Cao Nguyên"],
    ],
  ];
  for (const [name, lines, want] of cases) {
    assert.deepEqual(
      letter(...lines, "", "Sở Văn hóa và Truyền thông có ý kiến như sau: thống nhất.").addressees,
      want,
      name,
    );
  }
});

test("addressees: a Công điện's 'VĂN PHÒNG ... điện:' list, no Kính gửi", () => {
  const d = doc(
    "VĂN PHÒNG CHÍNH PHỦ",
    "_______________",
    "Số: 17/CĐ-VPCP",
    "",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Hà Nội, ngày 09 tháng 3 năm 2026",
    "",
    "CÔNG ĐIỆN",
    "Họp trực tuyến về phòng, chống thiên tai năm 2026.",
    "_________________",
    "VĂN PHÒNG CHÍNH PHỦ điện:",
    "- Các đồng chí thành viên Ban Chỉ đạo (theo Quyết định số 88/QĐ-TTg ngày 05/01/2026",
    "của Thủ tướng Chính phủ);",
    "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.",
    "",
    "Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ, Văn phòng Chính phủ trân trọng kính",
    "mời các đồng chí dự họp.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, TH.",
    "KT. BỘ TRƯỞNG, CHỦ NHIỆM",
    "PHÓ CHỦ NHIỆM",
    "",
    "Đoàn Văn Thịnh",
  );
  assert.equal(d.type?.name, "Công điện");
  assert.equal(d.subject, "Họp trực tuyến về phòng, chống thiên tai năm 2026");
  assert.deepEqual(d.addressees, [
    "Các đồng chí thành viên Ban Chỉ đạo (theo Quyết định số 88/QĐ-TTg ngày 05/01/2026 của Thủ tướng Chính phủ)",
    "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
  ]);
  assert.equal(d.signature.authorityTitle, "BỘ TRƯỞNG, CHỦ NHIỆM");
  assert.equal(d.signature.signerTitle, "PHÓ CHỦ NHIỆM");
  assert.equal(d.signature.signerName, "Đoàn Văn Thịnh");
  assert.deepEqual(
    d.citations.map((c) => c.reference),
    ["88/QĐ-TTg"],
  );
});

test("signatures: wrapped names and titles, ranks, blanks, drafters", () => {
  const signed = (...block: string[]) =>
    doc(
      ...head("215/SVHTT-TTBC", "V/v góp ý dự thảo quy chế"),
      ...body,
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT, TTBC.",
      "",
      ...block,
    );
  type Want = [string | null, string | null, string | null, string | null];
  const cases: Array<[string, string[], Want]> = [
    [
      "KT. on two lines",
      ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Hà Minh Châu"],
      ["KT", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hà Minh Châu"],
    ],
    [
      "a name wrapped over two lines",
      ["GIÁM ĐỐC", "", "Lê Tấn", "Cận"],
      [null, null, "GIÁM ĐỐC", "Lê Tấn Cận"],
    ],
    [
      "Party K/T with the title wrapped",
      ["K/T CHÁNH", "VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "", "Ông Thị Lụa"],
      ["KT", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Ông Thị Lụa"],
    ],
    [
      "a signer's title split by the signature image",
      ["TL. BỘ TRƯỞNG", "VỤ TRƯỞNG", "", "VỤ HỢP TÁC QUỐC TẾ", "", "", "Quan Thị Hoài"],
      ["TL", "BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ HỢP TÁC QUỐC TẾ", "Quan Thị Hoài"],
    ],
    [
      "a military rank before the name",
      ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "", "Thiếu tướng Võ Đình Hải"],
      ["KT", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "Võ Đình Hải"],
    ],
    [
      "a degree before the name",
      ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "", "PGS.TS. Lưu Thị Mến"],
      ["KT", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Lưu Thị Mến"],
    ],
    [
      "(Đã ký) in place of the signature",
      ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Bế Văn Toàn"],
      ["TM", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Bế Văn Toàn"],
    ],
    [
      "no space after the authority's dot",
      ["TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Bế Văn Toàn"],
      ["TM", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Bế Văn Toàn"],
    ],
    [
      "nested TL. / KT. levels",
      ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "", "Tạ Quang Vinh"],
      ["TL", "CHỦ TỊCH", "PHÓ CHÁNH VĂN PHÒNG", "Tạ Quang Vinh"],
    ],
    [
      "the space left for the signature as many empty paragraphs",
      ["KT. GIÁM ĐỐC", "", "PHÓ GIÁM ĐỐC", "", "", "", "", "", "", "", "", "", "", "Hà Minh Châu"],
      ["KT", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hà Minh Châu"],
    ],
    [
      "a footnote mark between the title and the name",
      ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "1", "", "Hà Minh Châu"],
      ["KT", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hà Minh Châu"],
    ],
    [
      "the drafter signs",
      ["Người lập kế hoạch", "", "", "", "Nông Văn Phúc"],
      [null, null, "Người lập kế hoạch", "Nông Văn Phúc"],
    ],
    [
      "marks of a scan and a QR code's caption between the title and the name",
      [
        "KT. BỘ TRƯỞNG",
        "THỨ TRƯỞNG",
        "-",
        "2",
        "[a]",
        "Mã QR đính kèm tài liệu",
        "",
        "Đỗ Minh Tâm",
      ],
      ["KT", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "Đỗ Minh Tâm"],
    ],
    [
      "a rank whose second word a scan lost",
      ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "", "Thượng Trần Quốc Vinh"],
      ["KT", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "Trần Quốc Vinh"],
    ],
    [
      "a given name Trung is no rank",
      ["GIÁM ĐỐC", "", "Trung Kiên Lê"],
      [null, null, "GIÁM ĐỐC", "Trung Kiên Lê"],
    ],
    [
      "a seal read as letters under the title",
      ["GIÁM ĐỐC", "2 Ầ", "9 24 á", "", "Lục Văn Hòa"],
      [null, null, "GIÁM ĐỐC", "Lục Văn Hòa"],
    ],
    [
      "a rank misread by OCR before the name",
      ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "", "Trung fướng Hoàng Văn Sơn"],
      ["KT", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "Hoàng Văn Sơn"],
    ],
    [
      "prose after the title is no name",
      [
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "",
        "ghi chú thêm",
        "",
        "Nội dung tiếp theo của văn bản dài",
      ],
      ["KT", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", null],
    ],
    [
      "a name in capitals",
      ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "VŨ THỊ HẰNG"],
      ["KT", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Vũ Thị Hằng"],
    ],
  ];
  for (const [name, block, [authority, authorityTitle, signerTitle, signerName]] of cases) {
    const s = signed(...block).signature;
    assert.deepEqual(
      [s.authority, s.authorityTitle, s.signerTitle, s.signerName],
      [authority, authorityTitle, signerTitle, signerName],
      name,
    );
  }
});

test("header: number and place printed on one line, stamped numbers, a split Số", () => {
  const header = (...lines: string[]) =>
    doc(
      "UBND TỈNH CAO NGUYÊN",
      "SỞ VĂN HÓA VÀ TRUYỀN THÔNG",
      "",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "",
      ...lines,
      "V/v góp ý dự thảo quy chế",
      "",
      ...body,
      ...tail,
    );
  const cases: Array<[string, string[], string | null, string | null, string | null]> = [
    [
      "number and date on one line",
      ["Số: 215/SVHTT-TTBC Cao Nguyên, ngày 14 tháng 5 năm 2026"],
      "215/SVHTT-TTBC",
      "Cao Nguyên",
      "2026-05-14",
    ],
    [
      "blank number and date on one line",
      ["Số: /SVHTT-TTBC Cao Nguyên, ngày tháng 5 năm 2026"],
      "/SVHTT-TTBC",
      "Cao Nguyên",
      null,
    ],
    [
      "a number inserted with a space before the slash",
      ["Số: 215 /SVHTT-TTBC", "Cao Nguyên, ngày 14 tháng 5 năm 2026"],
      "215/SVHTT-TTBC",
      "Cao Nguyên",
      "2026-05-14",
    ],
    [
      "a number stamped with several spaces",
      ["Số: 215    /SVHTT-TTBC", "Cao Nguyên, ngày 14 tháng 5 năm 2026"],
      "215/SVHTT-TTBC",
      "Cao Nguyên",
      "2026-05-14",
    ],
    [
      "Số split after its first letter",
      ["S", "ố : 215/SVHTT-TTBC", "Cao Nguyên, ngày 14 tháng 5 năm 2026"],
      "215/SVHTT-TTBC",
      "Cao Nguyên",
      "2026-05-14",
    ],
  ];
  for (const [name, lines, reference, place, date] of cases) {
    const d = header(...lines);
    assert.deepEqual([d.reference, d.place, d.date], [reference, place, date], name);
    assert.equal(d.subject, "góp ý dự thảo quy chế", `${name}: subject`);
  }
});

test("header: a Party-style number with a space before the hyphen", () => {
  const d = doc(
    "BCH ĐOÀN TỈNH CAO NGUYÊN ĐOÀN TNCS HỒ CHÍ MINH",
    "***",
    "Số: 77 -CV/TĐTN-VP",
    "“V/v cử đoàn viên tham gia",
    "Tổ tình nguyện”",
    "",
    "Cao Nguyên, ngày 02 tháng 4 năm 2026",
    "",
    "Kính gửi: Sở Nội vụ tỉnh Cao Nguyên",
    "Ban Thường vụ Tỉnh đoàn cử đoàn viên tham gia Tổ tình nguyện.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu VT.",
    "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
    "BÍ THƯ",
    "",
    "Lò Văn Sáng",
  );
  assert.equal(d.reference, "77-CV/TĐTN-VP");
  assert.equal(d.subject, "cử đoàn viên tham gia Tổ tình nguyện");
  assert.equal(d.date, "2026-04-02");
  assert.equal(d.signature.signerName, "Lò Văn Sáng");
});

test("legal texts: a law's number, its own number is no citation, Công báo headers", () => {
  const law = doc(
    "QUỐC HỘI",
    "-------",
    "Luật số: 45/2030/QH16",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "---------------",
    "",
    "LUẬT",
    "LƯU TRỮ ĐIỆN TỬ",
    "",
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
    "Quốc hội ban hành Luật Lưu trữ điện tử.",
    "Chương I",
    "NHỮNG QUY ĐỊNH CHUNG",
    "Điều 1. Phạm vi điều chỉnh",
    "Luật này quy định về tài liệu lưu trữ điện tử và thay thế các quy định tương ứng của",
    "Luật Lưu trữ số 33/2024/QH15.",
    "Điều 2. Hiệu lực thi hành",
    "Luật số 45/2030/QH16 có hiệu lực thi hành từ ngày 01 tháng 01 năm 2031.",
    "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XVI, kỳ họp thứ 3",
    "thông qua ngày 20 tháng 6 năm 2030.",
    "",
    "CHỦ TỊCH QUỐC HỘI",
    "",
    "Trần Minh Khang",
  );
  assert.equal(law.reference, "45/2030/QH16");
  assert.equal(law.type?.name, "Luật");
  assert.equal(law.subject, "LƯU TRỮ ĐIỆN TỬ");
  assert.deepEqual(
    law.citations.map((c) => c.reference),
    ["33/2024/QH15"],
  );
  assert.equal(law.signature.signerTitle, "CHỦ TỊCH QUỐC HỘI");
  assert.equal(law.signature.signerName, "Trần Minh Khang");

  const gazette = doc(
    "CÔNG BÁO/Số 415 + 416/Ngày 12-03-2030                                   17",
    "CHÍNH PHỦ",
    "--------",
    "Số: 21/2030/NĐ-CP",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Hà Nội, ngày 28 tháng 02 năm 2030",
    "",
    "NGHỊ ĐỊNH",
    "Quy định chi tiết một số điều của Luật Lưu trữ điện tử",
    "",
    "Căn cứ Luật Lưu trữ điện tử số 45/2030/QH16;",
    "Theo đề nghị của Bộ trưởng Bộ Nội vụ;",
    "Chính phủ ban hành Nghị định quy định chi tiết một số điều của Luật Lưu trữ điện tử.",
    "Điều 1. Phạm vi điều chỉnh",
    "Nghị định này quy định chi tiết về tài liệu lưu trữ điện tử.",
    "18                                  CÔNG BÁO/Số 415 + 416/Ngày 12-03-2030",
    "Điều 2. Hiệu lực thi hành",
    "Nghị định số 21/2030/NĐ-CP có hiệu lực từ ngày ký.",
    "Nơi nhận:",
    "- Các bộ, cơ quan ngang bộ;",
    "- Lưu: VT, TCCV.",
    "TM. CHÍNH PHỦ",
    "KT. THỦ TƯỚNG",
    "PHÓ THỦ TƯỚNG",
    "",
    "Lê Văn Bình",
  );
  assert.equal(gazette.reference, "21/2030/NĐ-CP");
  assert.equal(gazette.date, "2030-02-28");
  assert.equal(gazette.subject, "Quy định chi tiết một số điều của Luật Lưu trữ điện tử");
  assert.deepEqual(
    gazette.citations.map((c) => c.reference),
    ["45/2030/QH16"],
  );
  assert.equal(gazette.signature.signerName, "Lê Văn Bình");
});

test("legal texts: a consolidated text cites through its footnotes, not itself", () => {
  const d = doc(
    "BỘ NỘI VỤ",
    "-------",
    "Số: 07/VBHN-BNV",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Hà Nội, ngày 15 tháng 5 năm 2030",
    "",
    "THÔNG TƯ",
    "Hướng dẫn quản lý tài liệu lưu trữ điện tử",
    "",
    "Thông tư số 12/2028/TT-BNV ngày 03 tháng 4 năm 2028 của Bộ trưởng Bộ Nội vụ hướng dẫn",
    "quản lý tài liệu lưu trữ điện tử, có hiệu lực kể từ ngày 20 tháng 5 năm 2028, được sửa",
    "đổi, bổ sung bởi:",
    "Thông tư số 05/2030/TT-BNV ngày 10 tháng 3 năm 2030 của Bộ trưởng Bộ Nội vụ, có hiệu lực",
    "kể từ ngày 25 tháng 4 năm 2030.",
    "Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21 tháng 02 năm 2025 của Chính phủ;",
    "Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn quản lý tài liệu lưu trữ điện tử.[1]",
    "Điều 1. Phạm vi điều chỉnh",
    "Thông tư này hướng dẫn quản lý tài liệu lưu trữ điện tử.",
    "",
    "XÁC THỰC VĂN BẢN HỢP NHẤT",
    "BỘ TRƯỞNG",
    "",
    "Phạm Thu Hương",
    "",
    "[1] Thông tư số 05/2030/TT-BNV có căn cứ ban hành như sau: căn cứ Nghị định số",
    "63/2029/NĐ-CP ngày 02 tháng 8 năm 2029 của Chính phủ; Văn bản hợp nhất số 07/VBHN-BNV",
    "thay thế các bản hợp nhất trước.",
  );
  assert.equal(d.reference, "07/VBHN-BNV");
  assert.equal(d.signature.signerName, "Phạm Thu Hương");
  assert.deepEqual(d.citations.map((c) => c.reference).sort(), [
    "05/2030/TT-BNV",
    "12/2028/TT-BNV",
    "25/2025/NĐ-CP",
    "63/2029/NĐ-CP",
  ]);
});

test("citations: a text whose number was left blank does not cite itself", () => {
  const d = doc(
    ...head("/SVHTT-TTBC", "V/v bổ sung danh sách đơn vị"),
    ...body,
    "Danh sách đơn vị theo công văn số 215/SVHTT-TTBC ngày 14/5/2026 gồm 12 đơn vị; Công văn",
    "số 198/SVHTT-TTBC ngày 02/5/2026 của Sở được thay thế.",
    ...tail,
  );
  assert.deepEqual(
    d.citations.map((c) => c.reference),
    ["198/SVHTT-TTBC"],
  );
});

test("text laid out in columns: the signature beside or among the Nơi nhận list", () => {
  const letter = (...end: string[]) =>
    [...head("215/SVHTT-TTBC", "V/v góp ý dự thảo quy chế"), ...body, "Trân trọng./.", ...end].join(
      "\n",
    );
  type Want = [string | null, string | null, string | null, string[]];
  const cases: Array<[string, string[], Want]> = [
    [
      "side by side, the name alone and indented",
      [
        "Nơi nhận:                                          KT. GIÁM ĐỐC",
        "- Như trên;                                        PHÓ GIÁM ĐỐC",
        "- Lãnh đạo Sở;",
        "- Lưu: VT, TTBC.",
        "",
        "",
        "                                                   Hà Minh Châu",
      ],
      ["KT", "PHÓ GIÁM ĐỐC", "Hà Minh Châu", ["Như trên", "Lãnh đạo Sở"]],
    ],
    [
      "side by side, a note of the list between the columns",
      [
        "Nơi nhận:                                          TM. BAN THƯỜNG VỤ",
        "- Tỉnh đoàn;                   (để b/cáo)          BÍ THƯ",
        "- Các chi đoàn trực thuộc      (để t/h)",
        "- Lưu VP.",
        "",
        "                                                   Lò Văn Sáng",
      ],
      [
        "TM",
        "BÍ THƯ",
        "Lò Văn Sáng",
        ["Tỉnh đoàn; (để b/cáo)", "Các chi đoàn trực thuộc (để t/h)"],
      ],
    ],
    [
      "the title's lines interleaved with the list",
      [
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
        "- Như trên;",
        "PHÓ GIÁM ĐỐC",
        "- Lãnh đạo Sở;",
        "- Lưu: VT, TTBC.",
        "",
        "Hà Minh Châu",
      ],
      ["KT", "PHÓ GIÁM ĐỐC", "Hà Minh Châu", ["Như trên", "Lãnh đạo Sở"]],
    ],
    [
      "a list item in capitals is no title",
      [
        "Nơi nhận:",
        "- Các sở: NV, TC, XD,",
        "KHCN;",
        "- Lưu: VT, TTBC.",
        "",
        "GIÁM ĐỐC",
        "",
        "Hà Minh Châu",
      ],
      [null, "GIÁM ĐỐC", "Hà Minh Châu", ["Các sở: NV, TC, XD, KHCN"]],
    ],
  ];
  for (const [name, end, [authority, signerTitle, signerName, recipients]] of cases) {
    const text = letter(...end);
    const d = parseDocument(text);
    const s = d.signature;
    assert.deepEqual(
      [s.authority, s.signerTitle, s.signerName],
      [authority, signerTitle, signerName],
      name,
    );
    assert.deepEqual(d.recipients, recipients, `${name}: recipients`);
    // The name's span points at the name in the text, wherever the column put it.
    const [a, b] = d.spans?.signerName ?? [0, 0];
    assert.equal(text.slice(a, b), signerName, `${name}: span`);
  }
});

test("text laid out in columns: the header side by side or interleaved", () => {
  const letter = (...header: string[]) => doc(...header, "", ...body, ...tail);
  type Want = [string | null, string | null, string | null, string | null];
  const cases: Array<[string, string[], Want]> = [
    [
      "side by side",
      [
        "      UBND TỈNH CAO NGUYÊN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "  SỞ VĂN HÓA VÀ TRUYỀN THÔNG                Độc lập - Tự do - Hạnh phúc",
        "   Số: 215 /SVHTT-TTBC",
        "     V/v góp ý dự thảo quy chế        Cao Nguyên, ngày 14 tháng 5 năm 2026",
        "    phối hợp thông tin đối ngoại",
      ],
      [
        "215/SVHTT-TTBC",
        "Cao Nguyên",
        "2026-05-14",
        "góp ý dự thảo quy chế phối hợp thông tin đối ngoại",
      ],
    ],
    [
      "the number, then the motto, then the symbol",
      [
        "UBND TỈNH CAO NGUYÊN",
        "SỞ VĂN HÓA VÀ TRUYỀN THÔNG",
        "Số: 215",
        "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "",
        "/SVHTT-TTBC",
        "Độc lập - Tự do - Hạnh phúc",
        "Cao Nguyên, ngày 14 tháng 5 năm 2026",
        "V/v góp ý dự thảo quy chế",
      ],
      ["215/SVHTT-TTBC", "Cao Nguyên", "2026-05-14", "góp ý dự thảo quy chế"],
    ],
    [
      "a blank number, then the motto, then the symbol",
      [
        "UBND TỈNH CAO NGUYÊN",
        "SỞ VĂN HÓA VÀ TRUYỀN THÔNG",
        "Số:",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/SVHTT-TTBC",
        "Cao Nguyên, ngày",
        "tháng 5 năm 2026",
        "V/v góp ý dự thảo quy chế",
      ],
      ["/SVHTT-TTBC", "Cao Nguyên", null, "góp ý dự thảo quy chế"],
    ],
    [
      "a quoted subject broken by a blank line",
      [
        "BCH ĐOÀN TỈNH CAO NGUYÊN",
        "***",
        "Số: 77-CV/TĐTN-VP",
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "Cao Nguyên, ngày 02 tháng 4 năm 2026",
        "",
        "“V/v cử đoàn viên tham gia",
        "",
        "Tổ tình nguyện hè",
        "năm 2026”",
      ],
      [
        "77-CV/TĐTN-VP",
        "Cao Nguyên",
        "2026-04-02",
        "cử đoàn viên tham gia Tổ tình nguyện hè năm 2026",
      ],
    ],
  ];
  for (const [name, header, want] of cases) {
    const d = letter(...header);
    assert.deepEqual([d.reference, d.place, d.date, d.subject], want, name);
    assert.deepEqual(d.addressees, ["Sở Nội vụ tỉnh Cao Nguyên"], `${name}: addressees`);
    assert.equal(d.signature.signerName, "Hà Minh Châu", `${name}: signer`);
  }
});

test("subjects: a rule glued to the body's first line ends the subject", () => {
  const d = doc(
    "BCH ĐOÀN XÃ HƯNG PHÚ",
    "***",
    "Số: 04-KH/ĐTN",
    "ĐOÀN TNCS HỒ CHÍ MINH",
    "Hưng Phú, ngày 10 tháng 01 năm 2026",
    "KẾ HOẠCH",
    "Tổ chức giải bóng đá thanh niên mừng Xuân năm 2026",
    "----------------Thực hiện Chương trình công tác năm 2026 của Đoàn xã, Ban Thường vụ",
    "Đoàn xã xây dựng kế hoạch như sau:",
    "Nơi nhận:",
    "- Lưu VP.",
    "TM. BAN THƯỜNG VỤ",
    "BÍ THƯ",
    "Đặng Thu Trang",
  );
  assert.equal(d.subject, "Tổ chức giải bóng đá thanh niên mừng Xuân năm 2026");
});

test("signatures: every level of a nested authority, also without a space after the dot", () => {
  const cases: Array<[string[], string[]]> = [
    [
      ["TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
      ["TM ỦY BAN NHÂN DÂN", "KT CHỦ TỊCH"],
    ],
    [
      ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"],
      ["TL CHỦ TỊCH", "KT CHÁNH VĂN PHÒNG"],
    ],
    [
      ["T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "PHÓ BÍ THƯ"],
      ["TM BAN THƯỜNG VỤ", "KT BÍ THƯ"],
    ],
  ];
  for (const [block, levels] of cases) {
    const d = doc(
      ...head("215/SVHTT-TTBC", "V/v góp ý"),
      ...body,
      "Nơi nhận:",
      "- Lưu: VT.",
      ...block,
      "",
      "Bế Văn Toàn",
    );
    assert.deepEqual(
      d.signature.levels?.map((l) => `${l.authority} ${l.title}`),
      levels,
      block.join(" / "),
    );
    assert.equal(d.signature.signerName, "Bế Văn Toàn");
  }
});

test("Word paragraphs on one line: a long paragraph after a blank is the body, not the subject", () => {
  const paragraph =
    "Trong những năm qua, công tác chuyển đổi số của các sở, ban, ngành và các xã, phường đã có nhiều chuyển biến, nhiều thủ tục hành chính được giải quyết trực tuyến toàn trình, giảm thời gian đi lại của người dân.";
  const cases: Array<{ name: string; lines: string[]; subject: string | null }> = [
    {
      name: "a Chỉ thị: its subject, then the body after a blank line",
      lines: [
        ...head("07/CT-UBND"),
        "CHỈ THỊ",
        "",
        "Về việc đẩy mạnh chuyển đổi số cấp xã",
        "",
        paragraph,
      ],
      subject: "Về việc đẩy mạnh chuyển đổi số cấp xã",
    },
    {
      name: "a Giấy mời with no subject: its body opens at once with one long sentence",
      lines: [
        ...head("/GM-UBND"),
        "GIẤY MỜI",
        "",
        "Ủy ban nhân dân tỉnh tổ chức buổi làm việc để nghe các sở, ngành báo cáo kết quả thực hiện chuyển đổi số và giải pháp nâng cao chỉ số cải cách hành chính của tỉnh trong năm 2026.",
        "",
        "1. Chủ trì: Đồng chí Phó Chủ tịch UBND tỉnh.",
      ],
      subject: null,
    },
    {
      name: "the same body sentence wrapped over lines, as a scan reads it",
      lines: [
        ...head("/GM-UBND"),
        "GIẤY MỜI",
        "Ủy ban nhân dân tỉnh tổ chức buổi làm việc để nghe các sở, ngành báo cáo",
        "kết quả thực hiện chuyển đổi số và giải pháp nâng cao chỉ số cải cách hành",
        "chính của tỉnh trong năm 2026.",
        "1. Chủ trì: Đồng chí Phó Chủ tịch UBND tỉnh.",
      ],
      subject: null,
    },
    {
      name: "a subject over two short lines is still joined",
      lines: [
        ...head("08/KH-UBND"),
        "KẾ HOẠCH",
        "Triển khai chuyển đổi số",
        "trên địa bàn tỉnh năm 2026",
        "",
        paragraph,
      ],
      subject: "Triển khai chuyển đổi số trên địa bàn tỉnh năm 2026",
    },
  ];
  for (const c of cases) assert.equal(doc(...c.lines, "", ...tail).subject, c.subject, c.name);
});
