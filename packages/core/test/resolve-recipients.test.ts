import { test } from "node:test";
import assert from "node:assert/strict";
import {
  applyDecisions,
  cleanRecipientLine,
  resolveRecipients,
  splitRecipientLine,
  type KnownAgency,
} from "@vanthu/core";

const A = (id: string, name: string, place: string | null = "Lạng Sơn"): KnownAgency => ({
  id,
  name,
  place,
});
const AGENCIES = [
  A("sttt", "Sở Thông tin và Truyền thông"),
  A("bao", "Báo Lạng Sơn"),
  A("dai", "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn"),
  A("vh-tp", "Phòng Văn hóa và Thông tin thành phố Lạng Sơn"),
  A("vh-cl", "Phòng Văn hóa và Thông tin huyện Cao Lộc"),
  A("vh-bg", "Phòng Văn hóa và Thông tin huyện Yên Dũng", "Bắc Giang"),
  A("ubnd", "Ủy ban nhân dân tỉnh Lạng Sơn"),
  A("dai-hd", "Đài Phát thanh và Truyền hình tỉnh Hải Dương", "Hải Dương"),
];

test("cleanRecipientLine: list marks, bold, final punctuation", () => {
  const cases: Array<[string, string]> = [
    ["- Báo Lạng Sơn;", "Báo Lạng Sơn"],
    ["- **Nhà Văn hóa Lao động tỉnh;**", "Nhà Văn hóa Lao động tỉnh"],
    ["Kính gửi: Các sở, ban, ngành tỉnh.", "Các sở, ban, ngành tỉnh"],
    ["+ UBND tỉnh (để báo cáo);", "UBND tỉnh"],
  ];
  for (const [raw, want] of cases) assert.equal(cleanRecipientLine(raw), want, raw);
});

test("resolveRecipients: one agency, the province implied, a group, copies, unknown and internal lines", () => {
  const plan = resolveRecipients({
    addressees: [
      "Báo Lạng Sơn",
      "Đài Phát thanh và Truyền hình tỉnh",
      "Phòng Văn hóa và Thông tin các huyện, thành phố",
      "Các sở, ban, ngành tỉnh",
    ],
    recipients: [
      "Như trên",
      "Ủy ban nhân dân tỉnh Lạng Sơn",
      "Lãnh đạo Sở",
      "Báo Lạng Sơn",
      "Website Sở",
    ],
    agencies: AGENCIES,
    place: "Lạng Sơn",
    issuerId: "sttt",
  });
  const byText = Object.fromEntries(plan.lines.map((l) => [`${l.kind}:${l.text}`, l]));
  assert.deepEqual(byText["action:Báo Lạng Sơn"]!.matches, ["bao"]);
  assert.deepEqual(
    byText["action:Đài Phát thanh và Truyền hình tỉnh"]!.matches,
    ["dai"],
    "the issuer's province, not Hải Dương's",
  );
  const group = byText["action:Phòng Văn hóa và Thông tin các huyện, thành phố"]!;
  assert.deepEqual(group.matches.sort(), ["vh-cl", "vh-tp"], "the province's offices only");
  assert.ok(group.group && group.needsConfirmation);
  assert.deepEqual(
    byText["action:Các sở, ban, ngành tỉnh"]!.matches,
    [],
    "no known agency: left for the clerk",
  );
  assert.equal(byText["action:Các sở, ban, ngành tỉnh"]!.outcome, "unresolved");
  assert.deepEqual(byText["copy:Ủy ban nhân dân tỉnh Lạng Sơn"]!.matches, ["ubnd"]);
  assert.deepEqual(
    ["copy:Như trên", "copy:Lãnh đạo Sở", "copy:Website Sở"].map((k) => [
      byText[k]!.outcome,
      byText[k]!.internal,
      byText[k]!.matches,
    ]),
    [
      ["internal", "as-above", []],
      ["internal", "own", []],
      ["internal", "own", []],
    ],
    "listed, delivered to no one",
  );
  assert.deepEqual(plan.unresolved, ["Các sở, ban, ngành tỉnh"]);
  assert.equal(plan.needsConfirmation, true);
  assert.deepEqual(
    plan.recipients.sort((a, b) => a.agencyId.localeCompare(b.agencyId)),
    [
      { agencyId: "bao", kind: "action" },
      { agencyId: "dai", kind: "action" },
      { agencyId: "ubnd", kind: "copy" },
      { agencyId: "vh-cl", kind: "action" },
      { agencyId: "vh-tp", kind: "action" },
    ],
    "each agency once; an addressee also in Nơi nhận stays an addressee",
  );
});

test("resolveRecipients: names match without diacritics and case; the issuer never receives", () => {
  const plan = resolveRecipients({
    addressees: ["BÁO LẠNG SƠN", "Sở Thông tin và Truyền thông"],
    recipients: [],
    agencies: AGENCIES,
    place: "Lạng Sơn",
    issuerId: "sttt",
  });
  assert.deepEqual(
    plan.lines.map((l) => l.matches),
    [["bao"], []],
  );
  assert.equal(plan.needsConfirmation, false);
});

test('bug: "UBND tỉnh (để b/c)" in Nơi nhận is delivered', () => {
  const plan = resolveRecipients({
    addressees: ["Báo Lạng Sơn"],
    recipients: ["Như trên", "UBND tỉnh (để b/c)", "Lãnh đạo Sở"],
    agencies: AGENCIES,
    place: "Lạng Sơn",
    issuerId: "sttt",
  });
  const line = plan.lines.find((l) => l.kind === "copy" && /UBND/.test(l.text));
  assert.ok(line, JSON.stringify(plan.lines));
  assert.deepEqual(line.matches, ["ubnd"], "the province's People's Committee");
  assert.deepEqual(
    plan.recipients.find((r) => r.agencyId === "ubnd"),
    { agencyId: "ubnd", kind: "copy" },
  );
});

/** A province's world, as the delivery plan of Sở TT&TT Lạng Sơn sees it. */
const WORLD: KnownAgency[] = [
  ...AGENCIES,
  { ...A("sttt", "Sở Thông tin và Truyền thông"), abbreviation: "STTTT" },
  A("tu", "Tỉnh ủy Lạng Sơn"),
  A("hdnd", "Hội đồng nhân dân tỉnh Lạng Sơn"),
  A("ubnd-tp", "Ủy ban nhân dân thành phố Lạng Sơn"),
  A("ubnd-cl", "Ủy ban nhân dân huyện Cao Lộc"),
  A("sttt-hd", "Sở Thông tin và Truyền thông", "Hải Dương"),
  A("sct-hd", "Sở Công Thương", "Hải Dương"),
  A("bo", "Bộ Thông tin và Truyền thông", null),
  A("svhttdl", "Sở Văn hóa, Thể thao và Du lịch"),
  A("snv", "Sở Nội vụ"),
  A("syt", "Sở Y tế"),
  { ...A("baodt", "Báo Lạng Sơn điện tử"), formerNames: ["Báo Lạng Sơn cũ"] },
].filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
const UNITS = [
  { name: "Phòng Thông tin - Báo chí - Xuất bản", abbreviation: "TTBCXB" },
  { name: "Văn phòng", abbreviation: "VP" },
  { name: "Trung tâm Công nghệ thông tin và Truyền thông", abbreviation: "TTCNTT" },
];

test("splitRecipientLine: the note after the name, in parentheses or after a dash", () => {
  const cases: Array<[string, string, string | null]> = [
    ["- UBND tỉnh (để b/c);", "UBND tỉnh", "để b/c"],
    ["- UBND tỉnh (b/c);", "UBND tỉnh", "b/c"],
    ["- HĐND tỉnh (để báo cáo);", "HĐND tỉnh", "để báo cáo"],
    ["- Báo Lạng Sơn (để biết);", "Báo Lạng Sơn", "để biết"],
    ["- Đài PT-TH tỉnh (để thực hiện);", "Đài PT-TH tỉnh", "để thực hiện"],
    ["- Phòng VH&TT các huyện (t/h);", "Phòng VH&TT các huyện", "t/h"],
    ["- Sở Tài chính (để phối hợp);", "Sở Tài chính", "để phối hợp"],
    ["- Tỉnh ủy - để biết;", "Tỉnh ủy", "để biết"],
    ["- Tỉnh ủy – để b/c;", "Tỉnh ủy", "để b/c"],
    ["- UBND tỉnh để báo cáo;", "UBND tỉnh", "để báo cáo"],
    ["- UBND tỉnh (để b/c) (bản điện tử);", "UBND tỉnh", "để b/c; bản điện tử"],
    // A dash inside a name is the name's.
    ["- Phòng Thông tin - Báo chí - Xuất bản;", "Phòng Thông tin - Báo chí - Xuất bản", null],
    ["- Sở Lao động - Thương binh và Xã hội;", "Sở Lao động - Thương binh và Xã hội", null],
  ];
  for (const [raw, name, note] of cases) {
    const got = splitRecipientLine(raw);
    assert.deepEqual([got.name, got.note], [name, note], raw);
    assert.equal(got.written, raw.slice(2, -1), raw);
  }
});

test("resolveRecipients: every line's outcome, by table", () => {
  type Row = [
    kind: "action" | "copy",
    line: string,
    outcome: "resolved" | "internal" | "unresolved",
    matches: string[],
    extra?: { internal?: string; unmatched?: string[]; confirm?: boolean },
  ];
  const rows: Row[] = [
    // The province's own bodies, abbreviated, the province left out, with a note after.
    ["copy", "UBND tỉnh (để b/c)", "resolved", ["ubnd"]],
    ["copy", "UBND tỉnh (b/c)", "resolved", ["ubnd"]],
    ["copy", "Ủy ban nhân dân tỉnh (để báo cáo)", "resolved", ["ubnd"]],
    ["copy", "UBND tỉnh - để biết", "resolved", ["ubnd"]],
    ["copy", "UBND TỈNH (ĐỂ B/C)", "resolved", ["ubnd"]],
    ["copy", "ubnd tinh (de b/c)", "resolved", ["ubnd"]],
    ["copy", "HĐND tỉnh (để biết)", "resolved", ["hdnd"]],
    ["copy", "TU (b/c)", "resolved", ["tu"]],
    ["copy", "Tỉnh ủy (để b/c)", "resolved", ["tu"]],
    ["copy", "Thường trực Tỉnh ủy (để b/c)", "resolved", ["tu"]],
    ["action", "Chủ tịch UBND tỉnh", "resolved", ["ubnd"]],
    ["copy", "Đài PT-TH tỉnh (để thực hiện)", "resolved", ["dai"]],
    ["copy", "Đài PTTH tỉnh (t/h)", "resolved", ["dai"]],
    ["copy", "UBND thành phố (để phối hợp)", "resolved", ["ubnd-tp"]],
    ["copy", "UBND TP Lạng Sơn", "resolved", ["ubnd-tp"]],
    ["copy", "Sở VH, TT&DL", "resolved", ["svhttdl"]],
    ["copy", "Sở VHTTDL", "resolved", ["svhttdl"]],
    // Another province's agencies are named with their province; the ministry anywhere.
    ["action", "Sở TT&TT tỉnh Hải Dương", "resolved", ["sttt-hd"]],
    ["action", "Sở Công Thương tỉnh Hải Dương", "resolved", ["sct-hd"]],
    ["action", "Sở Công Thương", "unresolved", [], { unmatched: ["Sở Công Thương"] }],
    ["copy", "Bộ TT&TT (để b/c)", "resolved", ["bo"]],
    // Several agencies in one line; a group to confirm.
    ["copy", "Báo Lạng Sơn, Đài PT-TH tỉnh (để phối hợp)", "resolved", ["bao", "dai"]],
    ["copy", "Báo Lạng Sơn và Đài Phát thanh và Truyền hình tỉnh", "resolved", ["bao", "dai"]],
    ["action", "UBND các huyện, thành phố", "resolved", ["ubnd-cl", "ubnd-tp"], { confirm: true }],
    ["action", "UBND các huyện", "resolved", ["ubnd-cl"], { confirm: true }],
    ["action", "UBND cấp huyện (để t/h)", "resolved", ["ubnd-cl"], { confirm: true }],
    [
      "action",
      "Các Phòng VH&TT huyện, thành phố",
      "resolved",
      ["vh-cl", "vh-tp"],
      { confirm: true },
    ],
    ["action", "Các Phòng VH&TT các huyện", "resolved", ["vh-cl"], { confirm: true }],
    // "và" left out, as clerks type it.
    ["copy", "Đài Phát thanh Truyền hình tỉnh", "resolved", ["dai"]],
    ["copy", "Sở Văn hóa Thể thao Du lịch", "resolved", ["svhttdl"]],
    // "X: a, b": X's own people, or X for each.
    ["copy", "UBND tỉnh: CT, các PCT", "resolved", ["ubnd"]],
    ["copy", "Sở: Nội vụ, Y tế (để phối hợp)", "resolved", ["snv", "syt"]],
    ["copy", "Thường trực: Tỉnh ủy, HĐND tỉnh", "resolved", ["hdnd", "tu"]],
    ["copy", "TT Tỉnh ủy, TT HĐND tỉnh", "resolved", ["hdnd", "tu"]],
    ["copy", "Văn phòng Sở: TH, KT", "internal", [], { internal: "own" }],
    [
      "copy",
      "Thường trực: Thành ủy, HĐND thành phố",
      "unresolved",
      [],
      { unmatched: ["Thường trực: Thành ủy, HĐND thành phố"] },
    ],
    // A former name, when no agency has it now.
    ["copy", "Báo Lạng Sơn cũ", "resolved", ["baodt"]],
    // Nobody known: left to the clerk, in whole or in part.
    [
      "action",
      "Các sở, ban, ngành tỉnh",
      "unresolved",
      [],
      { unmatched: ["Các sở, ban, ngành tỉnh"] },
    ],
    [
      "copy",
      "Hội Nhà báo tỉnh (để phối hợp)",
      "unresolved",
      [],
      { unmatched: ["Hội Nhà báo tỉnh"] },
    ],
    [
      "copy",
      "Báo Lạng Sơn, Hội Nhà báo tỉnh",
      "unresolved",
      ["bao"],
      { unmatched: ["Hội Nhà báo tỉnh"] },
    ],
    ["copy", "Văn phòng UBND tỉnh", "unresolved", [], { unmatched: ["Văn phòng UBND tỉnh"] }],
    ["copy", "Cổng TTĐT tỉnh", "unresolved", [], { unmatched: ["Cổng TTĐT tỉnh"] }],
    // The executors named in a decision's article: the clerk picks them.
    ["copy", "Như Điều 4", "unresolved", [], { unmatched: ["Như Điều 4"] }],
    // Internal, by design: the addressees, the archive, the issuer's leaders and units.
    ["copy", "Như trên", "internal", [], { internal: "as-above" }],
    ["copy", "Lưu: VT, TTCNTT", "internal", [], { internal: "archive" }],
    ["copy", "Ban Giám đốc Sở", "internal", [], { internal: "own" }],
    ["copy", "Giám đốc, các PGĐ Sở", "internal", [], { internal: "own" }],
    ["copy", "Lãnh đạo Sở (để chỉ đạo)", "internal", [], { internal: "own" }],
    ["copy", "Website Sở", "internal", [], { internal: "own" }],
    ["copy", "Các phòng, đơn vị thuộc Sở", "internal", [], { internal: "own" }],
    ["copy", "Phòng TTBCXB", "internal", [], { internal: "own" }],
    ["copy", "TTBCXB", "internal", [], { internal: "own" }],
    ["copy", "VP Sở", "internal", [], { internal: "own" }],
    ["copy", "Văn phòng Sở", "internal", [], { internal: "own" }],
    ["copy", "Trung tâm CNTT&TT (để đăng tải)", "internal", [], { internal: "own" }],
    ["action", "Sở Thông tin và Truyền thông", "internal", [], { internal: "own" }],
  ];
  for (const [kind, line, outcome, matches, extra = {}] of rows) {
    const plan = resolveRecipients({
      addressees: kind === "action" ? [line] : [],
      recipients: kind === "copy" ? [line] : [],
      agencies: WORLD,
      place: "Lạng Sơn",
      issuerId: "sttt",
      units: UNITS,
    });
    const [l] = plan.lines;
    assert.ok(l, line);
    assert.deepEqual(
      {
        outcome: l.outcome,
        matches: [...l.matches].sort(),
        internal: l.internal,
        unmatched: l.unmatched,
        confirm: l.needsConfirmation,
      },
      {
        outcome,
        matches,
        internal: extra.internal ?? null,
        unmatched: extra.unmatched ?? [],
        confirm: extra.confirm ?? false,
      },
      line,
    );
    assert.deepEqual(plan.unresolved, outcome === "unresolved" ? [l.written] : [], line);
  }
});

test("resolveRecipients: 'thành phố' is the issuer's own city-province; another issuer's own is internal", () => {
  const hanoi = resolveRecipients({
    addressees: [],
    recipients: ["UBND thành phố (để b/c)", "UBND tỉnh (để b/c)"],
    agencies: [
      A("so-hn", "Sở Thông tin và Truyền thông", "Hà Nội"),
      A("ubnd-hn", "Ủy ban nhân dân thành phố Hà Nội", "Hà Nội"),
      ...AGENCIES,
    ],
    place: "Hà Nội",
    issuerId: "so-hn",
  });
  assert.deepEqual(
    hanoi.lines.map((l) => [l.outcome, l.matches]),
    [
      ["resolved", ["ubnd-hn"]],
      ["unresolved", []],
    ],
    "Hà Nội has no 'UBND tỉnh': Lạng Sơn's is not it",
  );
  const union = resolveRecipients({
    addressees: [],
    recipients: ["Thường trực LĐLĐ tỉnh", "Ban Tuyên giáo Tỉnh ủy (để b/c)"],
    archive: ["VT", "TG&NC"],
    agencies: [
      { ...A("ldld", "Liên đoàn Lao động tỉnh Bắc Giang", "Bắc Giang"), abbreviation: "LĐLĐ" },
      A("btg", "Ban Tuyên giáo Tỉnh ủy Bắc Giang", "Bắc Giang"),
      A("btg-ls", "Ban Tuyên giáo Tỉnh ủy Lạng Sơn"),
    ],
    place: "Bắc Giang",
    issuerId: "ldld",
  });
  assert.deepEqual(
    union.lines.map((l) => [l.written, l.outcome, l.internal, l.matches]),
    [
      ["Thường trực LĐLĐ tỉnh", "internal", "own", []],
      ["Ban Tuyên giáo Tỉnh ủy (để b/c)", "resolved", null, ["btg"]],
      ["Lưu: VT, TG&NC", "internal", "archive", []],
    ],
  );
});

test("resolveRecipients: the issuer's abbreviation names it as written, not by its initials", () => {
  const plan = resolveRecipients({
    addressees: [],
    recipients: ["Báo Xây dựng", "BXD", "Cổng TTĐT Bộ Xây dựng, Báo Xây dựng"],
    agencies: [{ ...A("bxd", "Bộ Xây dựng", null), abbreviation: "BXD" }],
    place: null,
    issuerId: "bxd",
  });
  assert.deepEqual(
    plan.lines.map((l) => [l.outcome, l.unmatched]),
    [
      ["unresolved", ["Báo Xây dựng"]],
      ["internal", []],
      ["unresolved", ["Báo Xây dựng"]],
    ],
  );
});

test("applyDecisions: agencies picked by hand for a line, or none; the rest stays unresolved", () => {
  const plan = resolveRecipients({
    addressees: ["Báo Lạng Sơn", "Các sở, ban, ngành tỉnh"],
    recipients: ["Như trên", "Hội Nhà báo tỉnh (để phối hợp)", "Cổng TTĐT tỉnh"],
    agencies: WORLD,
    place: "Lạng Sơn",
    issuerId: "sttt",
    units: UNITS,
  });
  assert.deepEqual(plan.unresolved, [
    "Các sở, ban, ngành tỉnh",
    "Hội Nhà báo tỉnh (để phối hợp)",
    "Cổng TTĐT tỉnh",
  ]);
  const decided = applyDecisions(
    plan,
    [
      { kind: "action", line: "Các sở, ban, ngành tỉnh", agencyIds: ["svhttdl", "sttt", "bao"] },
      { kind: "copy", line: "hoi nha bao tinh (de phoi hop)", agencyIds: [] },
      { kind: "copy", line: "Sở Nội vụ", agencyIds: ["ubnd"] },
    ],
    "sttt",
  );
  assert.deepEqual(
    decided.unknown.map((d) => d.line),
    ["Sở Nội vụ"],
  );
  assert.deepEqual(
    decided.declined.map((l) => l.written),
    ["Hội Nhà báo tỉnh (để phối hợp)"],
  );
  assert.deepEqual(
    decided.undecided.map((l) => l.written),
    ["Cổng TTĐT tỉnh"],
  );
  assert.deepEqual(decided.plan.unresolved, ["Cổng TTĐT tỉnh"]);
  const sở = decided.plan.lines[1]!;
  assert.deepEqual(
    [sở.outcome, sở.matches],
    ["resolved", ["svhttdl", "bao"]],
    "the issuer left out",
  );
  assert.deepEqual(
    decided.plan.recipients.sort((a, b) => a.agencyId.localeCompare(b.agencyId)),
    [
      { agencyId: "bao", kind: "action" },
      { agencyId: "svhttdl", kind: "action" },
    ],
  );
});
