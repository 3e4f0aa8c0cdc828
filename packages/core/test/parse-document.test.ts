import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseDocument, type ParsedDocument } from "@vanthu/core";

const example = (name: string): ParsedDocument =>
  parseDocument(readFileSync(new URL(`../../../examples/${name}`, import.meta.url), "utf8"));

const pick = (d: ParsedDocument) => ({
  format: d.format,
  issuer: { name: d.issuer.name, parent: d.issuer.parent, code: d.issuer.code },
  type: d.type,
  number: d.number,
  symbol: d.symbol,
  reference: d.reference,
  place: d.place,
  date: d.date,
  dateParts: d.dateParts,
  subject: d.subject,
  addressees: d.addressees,
  sections: d.sections.map((s) => [s.label, s.title]),
  recipients: d.recipients,
  archive: d.archive,
  signature: {
    authority: d.signature.authority,
    authorityTitle: d.signature.authorityTitle,
    signerTitle: d.signature.signerTitle,
    signerName: d.signature.signerName,
  },
  citations: d.citations.map((c) => [c.reference, c.type, c.date, c.issuer]),
  links: d.links,
  notes: d.notes.map((n) => n.code),
});

test("state công văn, draft with blank number and day, list addressees, KT. signature", () => {
  assert.deepEqual(pick(example("01-cong-van-so-tttt-du-thao.txt")), {
    format: "state",
    issuer: { name: "Sở Văn hóa và Truyền thông", parent: "UBND tỉnh Cao Nguyên", code: "SVHTT" },
    type: { code: "CV", name: "Công văn" },
    number: null,
    symbol: "SVHTT-TTBC",
    reference: "/SVHTT-TTBC",
    place: "Cao Nguyên",
    date: null,
    dateParts: { day: null, month: 4, year: 2026 },
    subject: "tuyên truyền phòng, chống lừa đảo trực tuyến và bảo vệ dữ liệu cá nhân năm 2026",
    addressees: [
      "Báo Cao Nguyên",
      "Đài Phát thanh và Truyền hình tỉnh",
      "Phòng Văn hóa - Xã hội các xã, phường",
    ],
    sections: [
      ["1", "Tuyên truyền phòng, chống lừa đảo trực tuyến"],
      ["2", "Tuyên truyền bảo vệ dữ liệu cá nhân"],
      ["3", "Đề nghị Phòng Văn hóa - Xã hội các xã, phường"],
    ],
    recipients: ["Như trên", "Lãnh đạo Sở", "Phòng TTBC, VP"],
    archive: ["VT", "TTBC"],
    signature: {
      authority: "KT",
      authorityTitle: "GIÁM ĐỐC",
      signerTitle: "PHÓ GIÁM ĐỐC",
      signerName: "Đinh Thị Thu Hương",
    },
    citations: [
      ["45-KH/TU", "KH", "2026-03-12", "Ban Thường vụ Tỉnh ủy"],
      ["812/UBND-VX", "CV", "2026-03-20", "UBND tỉnh"],
      ["21/CT-TTg", "CT", "2025-08-14", "Thủ tướng Chính phủ"],
      ["91/2025/QH15", "L", null, "Quốc hội"],
      ["356/2025/NĐ-CP", "NĐ", "2025-12-31", "Chính phủ"],
    ],
    links: ["https://svhtt.caonguyen.gov.vn/"],
    notes: ["BLANK_NUMBER", "INCOMPLETE_DATE"],
  });
});

test("Party plan: Số without colon, roman sections, T/M signature, Lưu without colon", () => {
  assert.deepEqual(pick(example("02-ke-hoach-tinh-uy.txt")), {
    format: "party",
    issuer: { name: "Tỉnh ủy Cao Nguyên", parent: null, code: "TU" },
    type: { code: "KH", name: "Kế hoạch" },
    number: "45",
    symbol: "KH/TU",
    reference: "45-KH/TU",
    place: "Cao Nguyên",
    date: "2026-03-12",
    dateParts: { day: 12, month: 3, year: 2026 },
    subject: "tăng cường bảo đảm an toàn thông tin trên không gian mạng giai đoạn 2026 - 2030",
    addressees: [],
    sections: [
      ["I", "MỤC ĐÍCH, YÊU CẦU"],
      ["II", "NHIỆM VỤ, GIẢI PHÁP"],
      ["III", "TỔ CHỨC THỰC HIỆN"],
    ],
    recipients: [
      "Ban Bí thư Trung ương Đảng (để b/c)",
      "Các đảng ủy trực thuộc Tỉnh ủy",
      "Các đồng chí Tỉnh ủy viên",
    ],
    archive: ["Văn phòng Tỉnh ủy"],
    signature: {
      authority: "TM",
      authorityTitle: "BAN THƯỜNG VỤ",
      signerTitle: "PHÓ BÍ THƯ THƯỜNG TRỰC",
      signerName: "Hoàng Văn Khải",
    },
    citations: [["18-CT/TW", "CT", "2026-01-05", "Ban Bí thư Trung ương Đảng"]],
    links: [],
    notes: [],
  });
});

test("decision flattened from a table: wrapped header, number and date on the next line, TM./KT. levels, annex after", () => {
  const d = example("03-quyet-dinh-ubnd.txt");
  assert.deepEqual(pick(d), {
    format: "state",
    issuer: { name: "Ủy ban nhân dân tỉnh Cao Nguyên", parent: null, code: "UBND" },
    type: { code: "QĐ", name: "Quyết định" },
    number: "0287",
    symbol: "QĐ-UBND",
    reference: "0287/QĐ-UBND",
    place: "Cao Nguyên",
    date: "2026-02-09",
    dateParts: { day: 9, month: 2, year: 2026 },
    subject:
      "VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP CUNG CẤP THÔNG TIN CHO BÁO CHÍ TRÊN ĐỊA BÀN TỈNH CAO NGUYÊN",
    addressees: [],
    sections: [
      ["Điều 1", null],
      ["Điều 2", null],
      ["Điều 3", null],
    ],
    recipients: [
      "Như Điều 3",
      "Bộ Văn hóa, Thể thao và Du lịch",
      "Chủ tịch, các PCT UBND tỉnh",
      "VP UBND tỉnh: LĐVP, KGVX",
    ],
    archive: ["VT", "KGVX"],
    signature: {
      authority: "TM",
      authorityTitle: "ỦY BAN NHÂN DÂN",
      signerTitle: "PHÓ CHỦ TỊCH",
      signerName: "Vương Đình Quý",
    },
    citations: [
      ["103/2016/QH13", "L", "2016-04-05", "Quốc hội"],
      ["09/2017/NĐ-CP", "NĐ", "2017-02-09", "Chính phủ"],
      ["55/TTr-SVHTT", "TTr", "2026-01-30", "Sở Văn hóa và Thể thao"],
    ],
    links: [],
    notes: [],
  });
  assert.deepEqual(d.signature.levels, [
    { authority: "TM", title: "ỦY BAN NHÂN DÂN" },
    { authority: "KT", title: "CHỦ TỊCH" },
  ]);
  assert.equal(d.referenceYear, null);
});

test("công văn of a department under a ministry: CT- is the issuer, inline wrapped Kính gửi, three-level TL./KT.", () => {
  const d = example("04-cong-van-cuc-thue.txt");
  const p = pick(d);
  assert.deepEqual(p.issuer, { name: "Cục Thuế", parent: "Bộ Tài chính", code: "CT" });
  assert.deepEqual(p.type, { code: "CV", name: "Công văn" });
  assert.equal(p.reference, "1208/CT-CS");
  assert.equal(p.date, "2026-03-05");
  assert.equal(p.subject, "hóa đơn điện tử khi cung cấp dịch vụ quảng cáo trên báo điện tử");
  assert.deepEqual(p.addressees, ["Thuế tỉnh Cao Nguyên"]);
  assert.deepEqual(p.archive, ["VT", "CS"]);
  assert.deepEqual(d.signature.levels, [
    { authority: "TL", title: "CỤC TRƯỞNG" },
    { authority: "KT", title: "TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ" },
  ]);
  assert.deepEqual(p.signature, {
    authority: "TL",
    authorityTitle: "CỤC TRƯỞNG",
    signerTitle: "PHÓ TRƯỞNG BAN",
    signerName: "Lương Thị Mai Anh",
  });
  assert.deepEqual(
    p.citations.map((c) => c[0]),
    ["77/CNG-QLDN", "123/2020/NĐ-CP", "32/2025/TT-BTC", "217/CĐ-TTg", "218/CĐ-TTg", "222/CĐ-TTg"],
  );
});

test("flattened one-line header, inline Nơi nhận and signature, OCR-split date digits", () => {
  const p = pick(example("05-thong-bao-mot-dong.txt"));
  assert.deepEqual(p.issuer, { name: "Văn phòng Chính phủ", parent: null, code: "VPCP" });
  assert.deepEqual(p.type, { code: "TB", name: "Thông báo" });
  assert.equal(p.reference, "318/TB-VPCP");
  assert.equal(p.date, "2026-05-07");
  assert.equal(
    p.subject,
    "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI CUỘC HỌP VỀ CHUYỂN ĐỔI SỐ TRONG CÔNG TÁC VĂN THƯ, LƯU TRỮ",
  );
  assert.deepEqual(p.recipients, [
    "Thủ tướng, các Phó Thủ tướng Chính phủ",
    "Các Bộ: Nội vụ, Tài chính, Khoa học và Công nghệ",
    "UBND các tỉnh, thành phố trực thuộc Trung ương",
  ]);
  assert.deepEqual(p.archive, ["VT", "KSTT"]);
  assert.deepEqual(p.signature, {
    authority: "KT",
    authorityTitle: "BỘ TRƯỞNG, CHỦ NHIỆM",
    signerTitle: "PHÓ CHỦ NHIỆM",
    signerName: "Trịnh Quốc Bảo",
  });
  assert.deepEqual(
    p.citations.map((c) => c[0]),
    ["30/2020/NĐ-CP", "10894/VPCP-CN", "8563/VPCP-CN"],
  );
});

test("markdown text: bold markers ignored, a title without authority, offsets still in the original text", () => {
  const d = example("06-cong-van-xa-cascade.md");
  const p = pick(d);
  assert.deepEqual(p.issuer, {
    name: "Phòng Văn hóa - Xã hội",
    parent: "Ủy ban nhân dân xã Đồng Tâm",
    code: "VHXH",
  });
  assert.equal(p.reference, "27/VHXH");
  assert.deepEqual(p.addressees, ["Đài truyền thanh xã Đồng Tâm"]);
  assert.deepEqual(p.signature, {
    authority: null,
    authorityTitle: null,
    signerTitle: "TRƯỞNG PHÒNG",
    signerName: "Mạc Thị Hòa",
  });
  const c = d.citations[0]!;
  const text = readFileSync(
    new URL("../../../examples/06-cong-van-xa-cascade.md", import.meta.url),
    "utf8",
  );
  assert.equal(
    text.slice(c.start, c.end),
    "Công văn số 640/SVHTT-TTBC ngày 21/4/2026 của Sở Văn hóa và Truyền thông",
  );
});

// Small documents for the forms the examples do not show.
const doc = (header: string, signature: string): string =>
  `${header}\n\nKính gửi: Các phòng chuyên môn.\n\nĐề nghị các phòng thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n${signature}`;
const STATE_HEADER =
  "SỞ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 15/SYT-VP\nV/v thực hiện chế độ báo cáo\n\nCao Nguyên, ngày 03 tháng 6 năm 2026";

const authorities: Array<
  [
    string,
    string,
    {
      authority: string | null;
      authorityTitle: string | null;
      signerTitle: string | null;
      signerName: string;
    },
  ]
> = [
  [
    "KT.",
    "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn An",
    {
      authority: "KT",
      authorityTitle: "GIÁM ĐỐC",
      signerTitle: "PHÓ GIÁM ĐỐC",
      signerName: "Nguyễn Văn An",
    },
  ],
  [
    "TM.",
    "TM. BAN GIÁM ĐỐC\nGIÁM ĐỐC\n\nNguyễn Văn An",
    {
      authority: "TM",
      authorityTitle: "BAN GIÁM ĐỐC",
      signerTitle: "GIÁM ĐỐC",
      signerName: "Nguyễn Văn An",
    },
  ],
  [
    "TL.",
    "TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\n\nTrần Thị Bình",
    {
      authority: "TL",
      authorityTitle: "GIÁM ĐỐC",
      signerTitle: "CHÁNH VĂN PHÒNG",
      signerName: "Trần Thị Bình",
    },
  ],
  [
    "TUQ.",
    "TUQ. GIÁM ĐỐC\nTRƯỞNG PHÒNG NGHIỆP VỤ Y\n\nLê Văn Cường",
    {
      authority: "TUQ",
      authorityTitle: "GIÁM ĐỐC",
      signerTitle: "TRƯỞNG PHÒNG NGHIỆP VỤ Y",
      signerName: "Lê Văn Cường",
    },
  ],
  [
    "Q.",
    "Q. GIÁM ĐỐC\n\nPhạm Thu Dung",
    { authority: "Q", authorityTitle: "GIÁM ĐỐC", signerTitle: null, signerName: "Phạm Thu Dung" },
  ],
  [
    "no prefix",
    "GIÁM ĐỐC\n\n(Đã ký)\n\nVõ Minh Đức",
    { authority: null, authorityTitle: null, signerTitle: "GIÁM ĐỐC", signerName: "Võ Minh Đức" },
  ],
  [
    "Party K/T",
    "K/T BÍ THƯ\nPHÓ BÍ THƯ\n\nĐỗ Văn Giang",
    {
      authority: "KT",
      authorityTitle: "BÍ THƯ",
      signerTitle: "PHÓ BÍ THƯ",
      signerName: "Đỗ Văn Giang",
    },
  ],
  [
    "Party T/L",
    "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\n\nHồ Thị Hạnh",
    {
      authority: "TL",
      authorityTitle: "BAN THƯỜNG VỤ",
      signerTitle: "CHÁNH VĂN PHÒNG",
      signerName: "Hồ Thị Hạnh",
    },
  ],
  [
    "Party T/M without signer title",
    "T/M BAN THƯỜNG VỤ\n\nBùi Quang Khải",
    {
      authority: "TM",
      authorityTitle: "BAN THƯỜNG VỤ",
      signerTitle: null,
      signerName: "Bùi Quang Khải",
    },
  ],
];
for (const [name, block, expected] of authorities) {
  test(`signature authority: ${name}`, () => {
    const d = parseDocument(doc(STATE_HEADER, block));
    const { authority, authorityTitle, signerTitle, signerName } = d.signature;
    assert.deepEqual({ authority, authorityTitle, signerTitle, signerName }, expected);
  });
}

test("Party header: ĐẢNG CỘNG SẢN VIỆT NAM over two lines, Party công văn", () => {
  const d = parseDocument(
    "ĐẢNG BỘ TỈNH CAO NGUYÊN\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*\n\nĐẢNG CỘNG SẢN\nVIỆT NAM\n\nSố 112-CV/BTGDVTU\nV/v định hướng tuyên truyền tháng 5\n\nCao Nguyên, ngày 28 tháng 4 năm 2026\n\nKính gửi: Các cơ quan báo chí của tỉnh.\n\nNội dung định hướng như sau./.\n\nNơi nhận:\n- Như trên,\n- Lưu Văn phòng Ban.\n\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\nLý Thị Hoa",
  );
  assert.equal(d.format, "party");
  assert.deepEqual(d.issuer, {
    name: "Ban Tuyên giáo và Dân vận",
    parent: "Đảng bộ tỉnh Cao Nguyên",
    code: "BTGDVTU",
    unit: null,
    source: "header",
  });
  assert.deepEqual(d.type, { code: "CV", name: "Công văn" });
  assert.equal(d.reference, "112-CV/BTGDVTU");
  assert.equal(d.subject, "định hướng tuyên truyền tháng 5");
  assert.deepEqual(d.archive, ["Văn phòng Ban"]);
  assert.equal(d.signature.signerName, "Lý Thị Hoa");
});

test("normative reference in the header keeps its year", () => {
  const d = parseDocument(
    "CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 45/2026/NĐ-CP\n\nHà Nội, ngày 10 tháng 3 năm 2026\n\nNGHỊ ĐỊNH\nQuy định về quản lý văn bản điện tử\n\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n\nĐiều 1. Phạm vi điều chỉnh\n\nNghị định này quy định...\n\nTM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nNguyễn Văn Bình",
  );
  assert.equal(d.reference, "45/2026/NĐ-CP");
  assert.equal(d.referenceYear, "2026");
  assert.equal(d.number, "45");
  assert.equal(d.symbol, "NĐ-CP");
  assert.deepEqual(d.type, { code: "NĐ", name: "Nghị định" });
  assert.equal(d.subject, "Quy định về quản lý văn bản điện tử");
  assert.deepEqual(
    d.sections.map((s) => [s.label, s.title]),
    [["Điều 1", "Phạm vi điều chỉnh"]],
  );
  assert.deepEqual(
    d.signature.levels?.map((l) => l.authority),
    ["TM", "KT"],
  );
});

test("an impossible date is kept in parts, not as an ISO date, with a note", () => {
  const d = parseDocument(
    "Số: 01/KH-UBND\n\nCao Nguyên, ngày 31 tháng 4 năm 2026\n\nKẾ HOẠCH\nKiểm tra",
  );
  assert.equal(d.date, null);
  assert.deepEqual(d.dateParts, { day: 31, month: 4, year: 2026 });
  assert.ok(d.notes.some((n) => n.code === "INVALID_DATE"));
});

test("text that is not a document: every field empty, notes say why, nothing thrown", () => {
  const d = parseDocument("Hôm nay trời đẹp. Chúng tôi đi chơi công viên.");
  assert.equal(d.reference, null);
  assert.equal(d.date, null);
  assert.deepEqual(d.citations, []);
  assert.ok(d.notes.some((n) => n.code === "NO_REFERENCE"));
  assert.equal(d.warnings.length, d.notes.length);
});

test("the contract's field names are all present", () => {
  const d = example("01-cong-van-so-tttt-du-thao.txt");
  const keys = [
    "format",
    "issuer",
    "type",
    "number",
    "symbol",
    "reference",
    "place",
    "date",
    "dateParts",
    "subject",
    "addressees",
    "sections",
    "recipients",
    "archive",
    "signature",
    "citations",
    "links",
    "warnings",
  ];
  for (const k of keys) assert.ok(k in d, k);
  for (const k of ["name", "parent", "code"]) assert.ok(k in d.issuer, `issuer.${k}`);
  for (const k of ["authority", "authorityTitle", "signerTitle", "signerName"])
    assert.ok(k in d.signature, `signature.${k}`);
  for (const k of ["label", "title", "text"]) assert.ok(k in d.sections[0]!, `sections.${k}`);
  for (const k of [
    "text",
    "type",
    "typeName",
    "number",
    "symbol",
    "reference",
    "date",
    "issuer",
    "start",
    "end",
  ])
    assert.ok(k in d.citations[0]!, `citations.${k}`);
  assert.deepEqual(JSON.parse(JSON.stringify(d)).dateParts, { day: null, month: 4, year: 2026 });
});

// Forms the real corpus shows rarely or not at all, so that the parser keeps the general rule.
const variants: Array<
  [
    string,
    string,
    Partial<{
      reference: string | null;
      number: string | null;
      date: string | null;
      year: number | null;
      place: string | null;
      signerName: string | null;
    }>,
  ]
> = [
  [
    "draft with dots for the number and the day",
    "SỞ TÀI CHÍNH\n\nSố: ....../STC-QLNS\nV/v góp ý dự thảo\n\nCao Nguyên, ngày ..... tháng ..... năm 2026\n",
    { reference: "/STC-QLNS", number: null, date: null, year: 2026, place: "Cao Nguyên" },
  ],
  [
    "draft with underscores, normative",
    "Số: ___/2026/QĐ-UBND\n\nCao Nguyên, ngày ___ tháng ___ năm 2026\n\nQUYẾT ĐỊNH\nBan hành quy định\n",
    { reference: "/2026/QĐ-UBND", number: null, year: 2026 },
  ],
  [
    "date line without the comma",
    "SỞ Y TẾ\n\nSố: 88/SYT-KHTC\n\nCao Nguyên ngày 12 tháng 5 năm 2026\n\nV/v báo cáo\n",
    { date: "2026-05-12", place: "Cao Nguyên" },
  ],
  [
    "date line without a place",
    "BAN CHỈ ĐẠO\n\nSố: 07/BC-BCĐ\n\nNgày 03 tháng 8 năm 2026\n\nBÁO CÁO\nKết quả thực hiện\n",
    { date: "2026-08-03", place: null },
  ],
  [
    "right column first: motto and date before the issuer",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nCao Nguyên, ngày 03 tháng 6 năm 2026\n\nUBND TỈNH CAO NGUYÊN\nSỞ Y TẾ\nSố: 15/SYT-VP\nV/v báo cáo tháng 6\n",
    { reference: "15/SYT-VP", date: "2026-06-03" },
  ],
  [
    "signature before Nơi nhận",
    "Số: 15/SYT-VP\nV/v báo cáo\n\nCao Nguyên, ngày 03 tháng 6 năm 2026\n\nKính gửi: Các phòng.\n\nNội dung./.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn An\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.",
    { signerName: "Nguyễn Văn An" },
  ],
  [
    "signer name in capitals",
    "Số: 15/SYT-VP\n\nCao Nguyên, ngày 03 tháng 6 năm 2026\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\n\n\nNGUYỄN VĂN AN",
    { signerName: "Nguyễn Văn An" },
  ],
  [
    "a body date is not the document's date",
    "Số: 15/SYT-VP\n\nKính gửi: Các phòng.\n\nNgày 28 tháng 4 năm 2026, Sở đã họp.",
    { date: null },
  ],
];
for (const [name, text, want] of variants) {
  test(`variant: ${name}`, () => {
    const d = parseDocument(text);
    const got = {
      reference: d.reference,
      number: d.number,
      date: d.date,
      year: d.dateParts.year,
      place: d.place,
      signerName: d.signature.signerName,
    };
    for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k as keyof typeof got], v, k);
  });
}

test("variant: spaces around the hyphen of a state symbol, numeric header date, minority name", () => {
  const d = parseDocument(
    "UBND TỈNH CAO NGUYÊN\n\nSố: 12/QĐ - UBND\n\nCao Nguyên, ngày 05/3/2026\n\nQUYẾT ĐỊNH\nVề việc khen thưởng\n\nĐiều 1. Khen thưởng.\n\nNơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nH'Yim Kđoh",
  );
  assert.equal(d.reference, "12/QĐ-UBND");
  assert.equal(d.date, "2026-03-05");
  assert.equal(d.signature.signerName, "H'Yim Kđoh");
});

test("paragraphs and section texts: own enumerable fields, kept once read, settable, each document its own", () => {
  const d = example("04-cong-van-cuc-thue.txt");
  const keys = Object.keys(d);
  assert.ok(keys.includes("paragraphs"), "paragraphs is an own enumerable field");
  assert.ok(d.paragraphs!.length > 0);
  assert.equal(d.paragraphs, d.paragraphs, "read once, then the same array");
  const json = JSON.parse(JSON.stringify(d)) as ParsedDocument;
  assert.deepEqual(json.paragraphs, d.paragraphs);
  assert.deepEqual({ ...d }.paragraphs, d.paragraphs, "a spread copies the value");
  const other = example("04-cong-van-cuc-thue.txt");
  other.paragraphs = ["Một đoạn."];
  assert.deepEqual(other.paragraphs, ["Một đoạn."], "set, then read as set");
  assert.ok(d.paragraphs!.length > 1, "one document's field is its own");
  const plan = example("02-ke-hoach-tinh-uy.txt");
  assert.ok(plan.sections.length > 1);
  for (const s of plan.sections) {
    assert.deepEqual(Object.keys(s), ["label", "title", "text", "start", "end"]);
    assert.equal(JSON.parse(JSON.stringify(s)).text, s.text);
    assert.ok(!/\s\s|\n/.test(s.text), s.text);
  }
  plan.sections[0]!.text = "khác";
  assert.equal(plan.sections[0]!.text, "khác");
  assert.notEqual(plan.sections[1]!.text, "khác");
});
