import { test } from "node:test";
import assert from "node:assert/strict";
import { layoutDocument } from "@vanthu/core";
import { renderHtml } from "@vanthu/render";
import { example } from "./fixtures.ts";

test("HTML: one semantic, printable page with the ND30 page setup", () => {
  const html = renderHtml(layoutDocument(example("03-quyet-dinh-ubnd.txt")));
  assert.match(html, /^<!doctype html>\n<html lang="vi">/);
  assert.match(html, /<meta charset="utf-8">/);
  assert.match(html, /@page \{ size: A4; margin: 20mm 15mm 20mm 30mm; \}/);
  assert.match(html, /font-family: "Times New Roman", Tinos, "Liberation Serif", serif/);
  for (const tag of [
    '<article class="van-ban state">',
    '<header class="columns">',
    '<section class="body">',
    '<footer class="columns">',
  ])
    assert.ok(html.includes(tag), tag);
  assert.match(
    html,
    /<h1 style="font-size:14pt;text-align:center;font-weight:bold[^"]*">QUYẾT ĐỊNH<\/h1>/,
  );
  assert.match(
    html,
    /font-size:13pt;text-align:center;font-weight:bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</,
  );
  assert.match(html, /font-style:italic[^>]*>Cao Nguyên, ngày 09 tháng 02 năm 2026</);
  assert.match(html, /text-indent:12.7mm/);
  assert.match(html, /@media print \{[^}]*\}[^@]*footer \{ break-inside: avoid; \}/s);
  assert.ok(html.indexOf("Nơi nhận:") < html.indexOf("TM. ỦY BAN NHÂN DÂN"));
  assert.ok(html.includes(">Vương Đình Quý<"));
});

test("HTML: text is escaped", () => {
  const doc = example("04-cong-van-cuc-thue.txt");
  const html = renderHtml(
    layoutDocument({ ...doc, subject: 'hóa đơn <script>alert("x")</script> & "quảng cáo"' }),
  );
  assert.ok(!html.includes("<script>"));
  assert.ok(
    html.includes("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quảng cáo&quot;"),
  );
});

test("HTML: Party document with its title", () => {
  const html = renderHtml(layoutDocument(example("02-ke-hoach-tinh-uy.txt")));
  assert.ok(html.includes('<article class="van-ban party">'));
  assert.ok(html.includes(">ĐẢNG CỘNG SẢN VIỆT NAM<"));
  assert.ok(html.includes(">Số 45-KH/TU<"));
});
