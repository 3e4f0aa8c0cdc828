import { test } from "node:test";
import assert from "node:assert/strict";
import { distinctAgencyNames, issuerFullName, parseDocument } from "@vanthu/core";

/** A received document's header block, the motto beside it, and enough of the rest to parse. */
const received = (issuerLines: string[]) =>
  parseDocument(
    [
      ...issuerLines,
      "",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "",
      "Số: 215/VP-KGVX",
      "V/v tổ chức Ngày Chuyển đổi số năm 2026",
      "",
      "Lạng Sơn, ngày 02 tháng 10 năm 2026",
      "",
      "Kính gửi: Sở Thông tin và Truyền thông.",
      "",
      "Văn phòng đề nghị Sở chủ trì tổ chức các hoạt động hưởng ứng.",
    ].join("\n"),
  );

test('bug: the register\'s "Tác giả" said "Văn phòng" for the office of UBND tỉnh Lạng Sơn', () => {
  const doc = received(["UBND TỈNH LẠNG SƠN", "VĂN PHÒNG"]);
  assert.deepEqual([doc.issuer.parent, doc.issuer.name], ["UBND tỉnh Lạng Sơn", "Văn phòng"]);
  assert.equal(issuerFullName(doc.issuer), "Văn phòng UBND tỉnh Lạng Sơn");
});

test("issuerFullName: a sub-unit's name with its parent; a name that stands alone as it is", () => {
  const cases: Array<[parent: string | null, name: string | null, full: string | null]> = [
    // Nothing above it, or nothing at all.
    [null, "Sở Y tế", "Sở Y tế"],
    [null, null, null],
    // A unit of the body above it: the name followed by the parent's.
    ["UBND tỉnh Lạng Sơn", "Văn phòng", "Văn phòng UBND tỉnh Lạng Sơn"],
    ["Tỉnh ủy Lạng Sơn", "Ban Thường vụ", "Ban Thường vụ Tỉnh ủy Lạng Sơn"],
    ["Tỉnh ủy Lạng Sơn", "Ban Tuyên giáo", "Ban Tuyên giáo Tỉnh ủy Lạng Sơn"],
    ["LĐLĐ tỉnh Bắc Giang", "Ban Thường vụ", "Ban Thường vụ LĐLĐ tỉnh Bắc Giang"],
    ["HĐND tỉnh Lạng Sơn", "Ban Pháp chế", "Ban Pháp chế HĐND tỉnh Lạng Sơn"],
    ["Sở Công Thương", "Văn phòng", "Văn phòng Sở Công Thương"],
    ["Bộ Tài chính", "Cục Thuế", "Cục Thuế Bộ Tài chính"],
    // The agencies of a People's Committee are named by its place, its office by the committee.
    [
      "UBND tỉnh Lạng Sơn",
      "Sở Thông tin và Truyền thông",
      "Sở Thông tin và Truyền thông tỉnh Lạng Sơn",
    ],
    ["Ủy ban nhân dân tỉnh Hải Dương", "Sở Công Thương", "Sở Công Thương tỉnh Hải Dương"],
    [
      "UBND huyện Văn Lãng",
      "Phòng Văn hóa và Thông tin",
      "Phòng Văn hóa và Thông tin huyện Văn Lãng",
    ],
    ["UBND xã Mai Pha", "Đài Truyền thanh", "Đài Truyền thanh xã Mai Pha"],
    // A name that already says its place, or holds its parent, or is a national body.
    [
      "UBND tỉnh Lạng Sơn",
      "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn",
      "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn",
    ],
    ["UBND xã Mai Pha", "Đài Truyền thanh xã Mai Pha", "Đài Truyền thanh xã Mai Pha"],
    [
      "Tổng Liên đoàn Lao động Việt Nam",
      "Liên đoàn Lao động tỉnh Bắc Giang",
      "Liên đoàn Lao động tỉnh Bắc Giang",
    ],
    ["Tổng cục Thuế", "Cục Thuế tỉnh Cao Nguyên", "Cục Thuế tỉnh Cao Nguyên"],
    ["Tỉnh ủy Bắc Giang", "Ban Tuyên giáo Tỉnh ủy Bắc Giang", "Ban Tuyên giáo Tỉnh ủy Bắc Giang"],
    ["Đảng bộ huyện Cao Lộc", "Đảng ủy xã Hoàng Đồng", "Đảng ủy xã Hoàng Đồng"],
    ["Đảng bộ tỉnh Lạng Sơn", "Huyện ủy Văn Lãng", "Huyện ủy Văn Lãng"],
    ["Tỉnh ủy Lạng Sơn", "Báo Lạng Sơn", "Báo Lạng Sơn"],
    ["Ban Chấp hành Trung ương", "Văn phòng Trung ương Đảng", "Văn phòng Trung ương Đảng"],
    ["Chính phủ", "Bộ Tài chính", "Bộ Tài chính"],
    // "quản lý" is no "quận": the Ban is the committee's, named by its place.
    ["UBND tỉnh Lạng Sơn", "Ban Quản lý dự án", "Ban Quản lý dự án tỉnh Lạng Sơn"],
    // A name ending in a bare place word takes the parent's place.
    [
      "Đảng bộ tỉnh Bắc Giang",
      "Đảng ủy Khối các cơ quan tỉnh",
      "Đảng ủy Khối các cơ quan tỉnh Bắc Giang",
    ],
    // A Party organisation's committee is named by the organisation's place.
    ["Đảng bộ tỉnh Lạng Sơn", "Tỉnh ủy", "Tỉnh ủy Lạng Sơn"],
    ["Đảng bộ xã Mai Pha", "Đảng ủy", "Đảng ủy xã Mai Pha"],
    // A branch is its parent's.
    [
      "Ngân hàng Nhà nước Việt Nam",
      "Chi nhánh tỉnh Lạng Sơn",
      "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Lạng Sơn",
    ],
  ];
  for (const [parent, name, full] of cases)
    assert.equal(issuerFullName({ name, parent }), full, `${parent} / ${name}`);
});

test("bug: two agencies of one name were alike in the portal's issuer filter: told apart by parent or place", () => {
  const agencies = [
    { id: "a", name: "Văn phòng", parentLine: "UBND tỉnh Lạng Sơn", place: "Lạng Sơn" },
    { id: "b", name: "Văn phòng", parentLine: "UBND tỉnh Hải Dương", place: "Hải Dương" },
    { id: "c", name: "Sở Y tế", parentLine: "UBND tỉnh Lạng Sơn", place: "Lạng Sơn" },
    // No parent line: the place tells them apart.
    { id: "d", name: "Sở Thông tin và Truyền thông", parentLine: null, place: "Lạng Sơn" },
    { id: "e", name: "Sở Thông tin và Truyền thông", parentLine: null, place: "Hải Dương" },
    // Same name and same parent line: the place tells them apart.
    { id: "f", name: "Đài Truyền thanh", parentLine: "UBND huyện", place: "Cao Lộc" },
    { id: "g", name: "Đài Truyền thanh", parentLine: "UBND huyện", place: "Chi Lăng" },
    // Nothing tells them apart but their codes.
    { id: "h", name: "Ban Quản lý", parentLine: null, place: null, code: "bql-1" },
    { id: "i", name: "Ban Quản lý", parentLine: null, place: null, code: "bql-2" },
  ];
  const labels = distinctAgencyNames(agencies);
  assert.deepEqual(Object.fromEntries(labels), {
    a: "Văn phòng (UBND tỉnh Lạng Sơn)",
    b: "Văn phòng (UBND tỉnh Hải Dương)",
    c: "Sở Y tế",
    d: "Sở Thông tin và Truyền thông (Lạng Sơn)",
    e: "Sở Thông tin và Truyền thông (Hải Dương)",
    f: "Đài Truyền thanh (Cao Lộc)",
    g: "Đài Truyền thanh (Chi Lăng)",
    h: "Ban Quản lý (bql-1)",
    i: "Ban Quản lý (bql-2)",
  });
  // One name compared as the directory compares them (folded): "Uỷ" and "Ủy" are one name.
  const tones = distinctAgencyNames([
    { id: "x", name: "Ủy ban nhân dân xã", parentLine: "Huyện A", place: null },
    { id: "y", name: "Uỷ ban nhân dân xã", parentLine: "Huyện B", place: null },
  ]);
  assert.equal(tones.get("x"), "Ủy ban nhân dân xã (Huyện A)");
  assert.equal(tones.get("y"), "Uỷ ban nhân dân xã (Huyện B)");
});
