import { test } from "node:test";
import assert from "node:assert/strict";
import { layoutDocument, type LayoutSource } from "@vanthu/core";
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

test("bug: in the Party preview the rule under the subject crossed the first heading", () => {
  const doc = example("02-ke-hoach-tinh-uy.txt");
  const party: LayoutSource = {
    ...doc,
    paragraphs: ["I- MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao nhận thức của cán bộ, đảng viên."],
  };
  const model = layoutDocument(party);
  const space = model.title.at(-1)!.spaceAfter ?? 0;
  assert.ok(space >= 6, `the model's space after the subject's rule: ${space}`);
  for (const fragment of [false, true]) {
    const html = renderHtml(model, { fragment });
    // The subject's paragraph keeps that space below its rule, so the body starts under it.
    const subject = /<p class="subject" style="([^"]*)"><span class="ruled">/.exec(html);
    assert.ok(subject, "the subject with its rule");
    assert.match(subject[1]!, new RegExp(`margin-bottom:${space}pt`), subject[1]);
    // The rule is a block under the text, the text's width at most, and it takes room.
    assert.match(html, /\.van-ban \.rule \{ display: block; margin: \d+(?:\.\d+)?pt auto 0;/);
  }
});
