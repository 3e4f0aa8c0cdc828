/**
 * The figures a recipient reports (one vocabulary: code, label, the kinds of agency asked for it)
 * and the issuer's consolidated report made from the reports: each recipient's narrative,
 * figures and files under the form's labels, the totals, the ND30 signature block and Nơi nhận.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  FIGURES,
  composeConsolidatedReport,
  composeText,
  figureLabel,
  figuresFor,
  formatFigures,
  layoutDocument,
  leaderSignature,
  lintReport,
  parseDocument,
  type AgencyKind,
  type ConsolidatedReportInput,
  type LayoutSource,
} from "@vanthu/core";

const codes = (agency: { kind: AgencyKind; name: string }): string[] =>
  figuresFor(agency).map((f) => f.code);

test("bug: report form asks a newspaper no broadcast figures", () => {
  const cases: Array<[string, AgencyKind, string, string[], string[]]> = [
    // [case, kind, name, asked, not asked]
    ["a newspaper", "press", "Báo Lạng Sơn", ["articles", "columns"], ["broadcasts", "minutes"]],
    [
      "a radio and television station",
      "broadcaster",
      "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn",
      ["articles", "broadcasts", "minutes"],
      ["events", "people"],
    ],
    [
      "a commune radio station",
      "broadcaster",
      "Đài Truyền thanh xã Mai Pha",
      ["broadcasts", "minutes"],
      ["documents"],
    ],
    [
      "a district office: its own figures",
      "state",
      "Phòng Văn hóa và Thông tin huyện Cao Lộc",
      ["articles", "documents", "events", "people", "banners"],
      ["broadcasts", "minutes", "columns"],
    ],
    ["a Party body", "party", "Ban Tuyên giáo Tỉnh ủy", ["documents", "events"], ["broadcasts"]],
    ["a union", "union", "Liên đoàn Lao động tỉnh", ["events", "people"], ["minutes"]],
    // Where the kind says little, the name tells: "Báo ...", "Đài ...", a centre that broadcasts.
    ["a newspaper entered as other", "other", "Báo Văn hóa", ["articles"], ["broadcasts"]],
    [
      "a commune radio station entered as a state body",
      "state",
      "Đài Truyền thanh xã Hoàng Đồng",
      ["broadcasts", "minutes"],
      ["documents", "events"],
    ],
    [
      "a district centre that also broadcasts",
      "state",
      "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện Chi Lăng",
      ["broadcasts", "minutes", "columns", "events", "people", "documents"],
      [],
    ],
    [
      "an agency of unknown kind: everything",
      "other",
      "Hội Nhà báo tỉnh",
      FIGURES.map((f) => f.code),
      [],
    ],
  ];
  for (const [what, kind, name, asked, notAsked] of cases) {
    const got = codes({ kind, name });
    for (const c of asked) assert.ok(got.includes(c), `${what}: ${c} is asked (${got})`);
    for (const c of notAsked) assert.ok(!got.includes(c), `${what}: ${c} is not asked (${got})`);
    // In the vocabulary's order, so that the form and the report list them alike.
    assert.deepEqual(
      got,
      FIGURES.map((f) => f.code).filter((c) => got.includes(c)),
      what,
    );
  }
});

test("figures: one label per code, written the same in the form and the report", () => {
  assert.equal(new Set(FIGURES.map((f) => f.code)).size, FIGURES.length);
  assert.equal(new Set(FIGURES.map((f) => f.label)).size, FIGURES.length);
  for (const f of FIGURES) {
    assert.equal(f.label, f.label.normalize("NFC"));
    assert.match(f.code, /^[a-z][a-z0-9_]{0,40}$/, "a key the report schema takes");
    assert.ok(f.kinds.length, f.code);
    assert.equal(figureLabel(f.code), f.label);
  }
  // An agency's own key is shown as it is; one named like Object's members is no function.
  assert.equal(figureLabel("tin_tieng_dan_toc"), "tin_tieng_dan_toc");
  assert.equal(figureLabel("constructor"), "constructor");
  assert.equal(
    formatFigures({ people: 1200, tin_tieng_dan_toc: 5, articles: 3, broadcasts: 0 }),
    "Số tin, bài: 3; Số lượt người tham dự: 1.200; tin_tieng_dan_toc: 5",
  );
  assert.equal(formatFigures({}), "");
});

test("leaderSignature: the ND30 block of a leader from the title", () => {
  const cases: Array<[string | null, string, ReturnType<typeof leaderSignature>]> = [
    [
      "Phó Giám đốc",
      "Hoàng Thị Lan",
      {
        authority: "KT",
        authorityTitle: "GIÁM ĐỐC",
        signerTitle: "PHÓ GIÁM ĐỐC",
        signerName: "Hoàng Thị Lan",
      },
    ],
    [
      "Giám đốc",
      "Nguyễn Văn Nam",
      {
        authority: null,
        authorityTitle: null,
        signerTitle: "GIÁM ĐỐC",
        signerName: "Nguyễn Văn Nam",
      },
    ],
    [
      "Phó Trưởng phòng",
      "Lý Văn Sơn",
      {
        authority: "KT",
        authorityTitle: "TRƯỞNG PHÒNG",
        signerTitle: "PHÓ TRƯỞNG PHÒNG",
        signerName: "Lý Văn Sơn",
      },
    ],
    // "Lãnh đạo" is a role, not a title one signs with: the name alone, the title to fill in.
    [
      "Lãnh đạo",
      "Trần Văn Bình",
      { authority: null, authorityTitle: null, signerTitle: null, signerName: "Trần Văn Bình" },
    ],
    [
      null,
      "Trần Văn Bình",
      { authority: null, authorityTitle: null, signerTitle: null, signerName: "Trần Văn Bình" },
    ],
  ];
  for (const [title, name, want] of cases)
    assert.deepEqual(leaderSignature(title, name), want, `${title}`);
});

const AUTHOR = "Sở Thông tin và Truyền thông";
const input = (over: Partial<ConsolidatedReportInput> = {}): ConsolidatedReportInput => ({
  author: AUTHOR,
  directive: {
    typeName: "Công văn",
    reference: "01/STTTT-TTBCXB",
    date: "2026-11-02",
    subject: "tuyên truyền các nhiệm vụ trọng tâm quý IV năm 2026",
  },
  today: "2026-12-05",
  items: [
    { label: "1", title: "Tuyên truyền chuyển đổi số và dịch vụ công trực tuyến" },
    { label: "2", title: "Tuyên truyền phòng, chống cháy rừng mùa hanh khô" },
  ],
  recipients: [
    {
      name: "Báo Lạng Sơn",
      items: ["1", "2"],
      reports: [
        {
          item: "1",
          period: "2026-Q4",
          narrative:
            "Mở chuyên mục “Chuyển đổi số” trên báo in và báo điện tử.\n\nĐăng loạt bài về dịch vụ công toàn trình.",
          figures: { articles: 12, columns: 1 },
          files: ["chuyen-muc.pdf"],
          late: false,
        },
      ],
    },
    {
      name: "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn",
      items: ["1", "2"],
      reports: [
        {
          item: "1",
          period: "2026-Q4",
          narrative: "Phát phóng sự về tổ công nghệ số cộng đồng.",
          figures: { broadcasts: 4, minutes: 60 },
          files: [],
          late: false,
        },
        {
          item: "2",
          period: "2026-Q4",
          narrative: "Đưa tin cảnh báo cháy rừng hằng ngày trong bản tin thời sự.",
          figures: { broadcasts: 2, minutes: 15 },
          files: [],
          late: true,
        },
      ],
    },
    { name: "Phòng Văn hóa và Thông tin huyện Chi Lăng", items: ["1", "2"], reports: [] },
  ],
  cascade: [],
  signature: {
    authority: "KT",
    authorityTitle: "GIÁM ĐỐC",
    signerTitle: "PHÓ GIÁM ĐỐC",
    signerName: "Hoàng Thị Lan",
  },
  reportTo: "UBND tỉnh Lạng Sơn",
  leadership: ["Lãnh đạo Sở"],
  archive: ["VT", "TTBCXB"],
  ...over,
});

/** The draft as the server stores it: the composed fields inside the issuer's header. */
function draftOf(fields: ReturnType<typeof composeConsolidatedReport>): LayoutSource {
  return {
    format: "state",
    issuer: { name: AUTHOR, parent: "UBND tỉnh Lạng Sơn", code: "STTTT", unit: null },
    type: { code: "BC", name: "Báo cáo" },
    number: null,
    symbol: "BC-STTTT",
    place: "Lạng Sơn",
    dateParts: { day: null, month: null, year: null },
    subject: fields.subject,
    addressees: fields.addressees,
    paragraphs: fields.paragraphs,
    recipients: fields.recipients,
    archive: fields.archive,
    signature: { ...fields.signature, levels: [] },
  };
}

test("bug: consolidated report keeps each recipient's narrative", () => {
  const r = composeConsolidatedReport(input());
  const body = r.paragraphs.join("\n");
  // Each narrative paragraph as the recipient wrote it, under the recipient and the task.
  const bao = r.paragraphs.indexOf("1. Báo Lạng Sơn");
  const dai = r.paragraphs.indexOf("2. Đài Phát thanh và Truyền hình tỉnh Lạng Sơn");
  assert.ok(bao > 0 && dai > bao, body);
  const at = (p: string) => r.paragraphs.indexOf(p);
  assert.ok(at("Mở chuyên mục “Chuyển đổi số” trên báo in và báo điện tử.") > bao, body);
  assert.ok(at("Đăng loạt bài về dịch vụ công toàn trình.") > bao, body);
  assert.ok(at("Phát phóng sự về tổ công nghệ số cộng đồng.") > dai, body);
  assert.match(
    body,
    /Nhiệm vụ 1\. Tuyên truyền chuyển đổi số và dịch vụ công trực tuyến \(Quý IV\/2026\)/,
  );
  assert.match(
    body,
    /Nhiệm vụ 2\. Tuyên truyền phòng, chống cháy rừng mùa hanh khô \(Quý IV\/2026, báo cáo sau hạn\)/,
  );
  // The files it sent, and the task it has not reported on.
  assert.match(body, /Tài liệu kèm theo: chuyen-muc\.pdf\./);
  assert.match(
    body,
    /b\) Nhiệm vụ 2\. Tuyên truyền phòng, chống cháy rừng mùa hanh khô: chưa báo cáo\./,
  );
  // Who has not reported at all is named once, in its own section.
  assert.match(body, /CHƯA BÁO CÁO\n- Phòng Văn hóa và Thông tin huyện Chi Lăng\./);
  assert.match(body, /có 2\/3 cơ quan, đơn vị báo cáo kết quả/);
  // Dates as ND30 writes them.
  assert.match(body, /Công văn số 01\/STTTT-TTBCXB ngày 02 tháng 11 năm 2026 của Sở/);
  assert.match(body, /đến ngày 05 tháng 12 năm 2026/);
  assert.doesNotMatch(body, /\d{1,2}\/\d{1,2}\/\d{4}/);
  // A narrative's own closing mark does not close the report early.
  const closed = composeConsolidatedReport(
    input({
      recipients: [
        {
          name: "Báo Lạng Sơn",
          items: ["1"],
          reports: [
            {
              item: "1",
              period: "once",
              narrative: "Đã thực hiện./.",
              figures: {},
              files: [],
              late: false,
            },
          ],
        },
      ],
    }),
  );
  assert.equal(closed.paragraphs.filter((p) => p.endsWith("/.")).length, 1);
  assert.ok(closed.paragraphs.includes("Đã thực hiện."));
});

test("bug: consolidated report uses the report form's figure names", () => {
  const body = composeConsolidatedReport(input()).paragraphs.join("\n");
  const label = (code: string) => FIGURES.find((f) => f.code === code)!.label;
  // Per recipient, with the labels of the form it reported on...
  assert.match(
    body,
    new RegExp(`Số liệu: ${label("articles")}: 12; ${escape(label("columns"))}: 1\\.`),
  );
  assert.ok(body.includes(`Số liệu: ${label("broadcasts")}: 4; ${label("minutes")}: 60.`), body);
  // ...then the totals, per task and over everything, with the same labels.
  assert.ok(
    body.includes(
      `- Nhiệm vụ 1. Tuyên truyền chuyển đổi số và dịch vụ công trực tuyến: ${label("articles")}: 12; ${label("columns")}: 1; ${label("broadcasts")}: 4; ${label("minutes")}: 60.`,
    ),
    body,
  );
  assert.ok(body.includes(`- Cộng: ${label("broadcasts")}: 6; ${label("minutes")}: 75.`), body);
  assert.ok(
    body.includes(
      `- Tổng cộng: ${label("articles")}: 12; ${label("columns")}: 1; ${label("broadcasts")}: 6; ${label("minutes")}: 75.`,
    ),
    body,
  );
  // The names the old report used, different from the form's, are gone.
  assert.doesNotMatch(body, /Lượt phát sóng|Phút phát sóng|Lượt người được tuyên truyền|Tin, bài:/);
});

const escape = (s: string) => s.replace(/[()]/g, "\\$&");

test("bug: consolidated report has a signature block", () => {
  const r = composeConsolidatedReport(input());
  assert.deepEqual(r.signature, input().signature);
  // No Kính gửi: the report goes up in Nơi nhận, the leaders are told, the drafting unit keeps it.
  assert.deepEqual(r.addressees, []);
  assert.deepEqual(r.recipients, ["UBND tỉnh Lạng Sơn (để báo cáo)", "Lãnh đạo Sở"]);
  assert.deepEqual(r.archive, ["VT", "TTBCXB"]);
  const draft = draftOf(r);
  const text = composeText(draft);
  // Authority and title, the space for the signature, the name.
  assert.match(text, /\nKT\. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nHoàng Thị Lan\n$/);
  assert.match(
    text,
    /\nNơi nhận:\n- UBND tỉnh Lạng Sơn \(để báo cáo\);\n- Lãnh đạo Sở;\n- Lưu: VT, TTBCXB\.\n/,
  );
  const layout = layoutDocument(draft);
  assert.deepEqual(
    layout.footer.right.lines.map((l) => l.text),
    ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
  );
  assert.equal(layout.footer.signerName?.text, "Hoàng Thị Lan");
  // Its parts' headings bold in the flow of the text, not centred like a title.
  const part = layout.body.find((p) => p.text.startsWith("I. KẾT QUẢ"))!;
  assert.deepEqual(
    [part.style.align, part.style.bold, part.firstLineIndent > 0],
    ["justify", true, true],
  );
  assert.ok(layout.footer.signatureSpace > 0);
  // The parser reads the draft back as it was written: a draft a leader can edit.
  const parsed = parseDocument(text);
  assert.equal(parsed.type?.code, "BC");
  assert.equal(parsed.signature.signerName, "Hoàng Thị Lan");
  assert.equal(parsed.signature.signerTitle, "PHÓ GIÁM ĐỐC");
  assert.deepEqual(parsed.recipients, ["UBND tỉnh Lạng Sơn (để báo cáo)", "Lãnh đạo Sở"]);
  // The linter finds nothing wrong in it (the blank number and date of a draft are information).
  const findings = lintReport(parsed, {
    text,
    status: "draft",
    today: "2026-12-05",
    agency: { names: [AUTHOR], signers: [{ name: "Hoàng Thị Lan", title: "Phó Giám đốc" }] },
  }).diagnostics;
  assert.deepEqual(
    findings.filter((f) => f.severity !== "info").map((f) => `${f.code}: ${f.message}`),
    [],
  );
  // Without a known signer, the block keeps its place: the leader's title and name to fill in.
  const unsigned = composeConsolidatedReport(
    input({
      signature: { authority: null, authorityTitle: null, signerTitle: null, signerName: null },
    }),
  );
  assert.deepEqual(unsigned.signature, {
    authority: null,
    authorityTitle: null,
    signerTitle: null,
    signerName: null,
  });
  // Without a body above, Nơi nhận still tells the leaders; "Như trên" needs a Kính gửi.
  const top = composeConsolidatedReport(input({ reportTo: null, leadership: [] }));
  assert.deepEqual(top.recipients, ["Lãnh đạo cơ quan"]);
  assert.ok(!top.recipients.includes("Như trên"));
});

test("consolidated report: the cascade's figures and a report on request", () => {
  const r = composeConsolidatedReport(
    input({
      cascade: [
        {
          agency: "Phòng Văn hóa và Thông tin thành phố Lạng Sơn",
          typeName: "Công văn",
          reference: "05/VHTT",
          date: "2026-11-25",
          totals: { broadcasts: 24, people: 2000 },
        },
      ],
    }),
  );
  const body = r.paragraphs.join("\n");
  assert.match(
    body,
    /- Công văn số 05\/VHTT ngày 25 tháng 11 năm 2026 của Phòng Văn hóa và Thông tin thành phố Lạng Sơn: Số chương trình phát sóng: 24; Số lượt người tham dự: 2\.000\./,
  );
  assert.match(body, /- Tính cả các văn bản triển khai: .*Số chương trình phát sóng: 30;/);
  // Nobody reported: the report says so rather than listing empty sections.
  const none = composeConsolidatedReport(
    input({ recipients: input().recipients.map((x) => ({ ...x, reports: [] })) }),
  ).paragraphs.join("\n");
  assert.match(none, /có 0\/3 cơ quan, đơn vị báo cáo kết quả/);
  assert.match(none, /Chưa có cơ quan, đơn vị nào báo cáo\./);
  assert.match(none, /Chưa có số liệu\./);
});
