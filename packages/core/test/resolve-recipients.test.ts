import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanRecipientLine, resolveRecipients, type KnownAgency } from "@vanthu/core";

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
  assert.deepEqual(byText["copy:Ủy ban nhân dân tỉnh Lạng Sơn"]!.matches, ["ubnd"]);
  assert.ok(
    !("copy:Như trên" in byText) &&
      !("copy:Lãnh đạo Sở" in byText) &&
      !("copy:Website Sở" in byText),
  );
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
