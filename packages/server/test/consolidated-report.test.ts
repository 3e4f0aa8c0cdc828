/**
 * The issuer's consolidated report (Báo cáo tổng hợp) on a directive, on a real database: what
 * each recipient reported (narrative, figures under the report form's names, files), the totals,
 * the directive's signer in the ND30 signature block, Nơi nhận; a draft the leader edits, that
 * the linter accepts and that renders as a PDF which reads back the same.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { FIGURES, figuresFor, layoutDocument, type LayoutSource } from "@vanthu/core";
import { extractText } from "@vanthu/extract";
import { renderPdfSync } from "@vanthu/render";
import { testDatabaseKinds } from "@vanthu/db";
import { startTestApp, type TestApp } from "./helpers.ts";
import { issueDirective, report } from "./followup-fixture.ts";

const label = (code: string) => FIGURES.find((f) => f.code === code)!.label;

for (const kind of testDatabaseKinds()) {
  describe(`consolidated report on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, "2026-12-02T09:00:00+07:00");
    });
    after(() => t.close());

    test("bug: consolidated report keeps each recipient's narrative, under the form's figure names, and has a signature block", async () => {
      const { documentId, issuer, taskIds } = await issueDirective(t, [
        "baolangson",
        "ptth-ls",
        "vhtt-caoloc",
      ]);
      const bao = await report(
        t,
        "baolangson",
        taskIds.baolangson!["1"]!,
        { articles: 12, columns: 1 },
        "2026-Q4",
        "Mở chuyên mục “Chuyển đổi số” trên báo in và báo điện tử.\n\nĐăng loạt bài về dịch vụ công trực tuyến toàn trình.",
      );
      const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
      const c = await t.login("baolangson.chuyenvien");
      assert.equal(
        (await c.upload(`/api/reports/${bao}/files`, "chuyen-muc.pdf", pdf)).status,
        201,
      );
      await report(
        t,
        "ptth-ls",
        taskIds["ptth-ls"]!["1"]!,
        { broadcasts: 4, minutes: 60 },
        "2026-Q4",
        "Phát phóng sự về tổ công nghệ số cộng đồng trong chương trình thời sự.",
      );
      await report(
        t,
        "ptth-ls",
        taskIds["ptth-ls"]!["2"]!,
        { broadcasts: 2, minutes: 15 },
        "2026-Q4",
        "Đưa tin cảnh báo cấp dự báo cháy rừng hằng ngày.",
      );

      const bc = await issuer.post(`/api/documents/${documentId}/consolidated-report`);
      assert.equal(bc.status, 201, JSON.stringify(bc.body));
      const doc = (await issuer.get(`/api/documents/${bc.body.id}`)).body;
      assert.equal(doc.typeCode, "BC");
      assert.equal(doc.status, "draft");
      const text: string = doc.text;

      // Each narrative, under its recipient and task.
      assert.match(text, /^1\. Báo Lạng Sơn$/m);
      assert.match(text, /^Mở chuyên mục “Chuyển đổi số” trên báo in và báo điện tử\.$/m);
      assert.match(text, /^Đăng loạt bài về dịch vụ công trực tuyến toàn trình\.$/m);
      assert.match(
        text,
        /^Phát phóng sự về tổ công nghệ số cộng đồng trong chương trình thời sự\.$/m,
      );
      assert.match(text, /^Đưa tin cảnh báo cấp dự báo cháy rừng hằng ngày\.$/m);
      assert.match(text, /Tài liệu kèm theo: chuyen-muc\.pdf\./);
      assert.match(text, /CHƯA BÁO CÁO\n+- Phòng Văn hóa và Thông tin huyện Cao Lộc\./);
      // The figures under the names of the report form, per recipient and in the totals.
      assert.ok(text.includes(`Số liệu: ${label("articles")}: 12; ${label("columns")}: 1.`), text);
      assert.ok(
        text.includes(`Số liệu: ${label("broadcasts")}: 4; ${label("minutes")}: 60.`),
        text,
      );
      assert.ok(
        text.includes(
          `- Tổng cộng: ${label("articles")}: 12; ${label("columns")}: 1; ${label("broadcasts")}: 6; ${label("minutes")}: 75.`,
        ),
        text,
      );
      assert.doesNotMatch(text, /Lượt phát sóng|Phút phát sóng|Tin, bài:/);
      // Dates as ND30 writes them.
      assert.match(text, /Công văn số 01\/STTTT-TTBCXB ngày 02 tháng 12 năm 2026 của Sở/);
      assert.doesNotMatch(text, /ngày \d{1,2}\/\d{1,2}\/\d{4}/);
      // The directive's signer signs its report: authority, title, space, name; then Nơi nhận.
      assert.match(text, /\nKT\. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nHoàng Thị Lan\n$/);
      assert.match(
        text,
        /\nNơi nhận:\n- UBND tỉnh Lạng Sơn \(để báo cáo\);\n- Lãnh đạo Sở;\n- Lưu: VT, TTBCXB\.\n/,
      );
      assert.doesNotMatch(text, /Kính gửi|Như trên/);

      // The linter accepts it: no error, no warning (the blank number and date are information).
      const view = (await issuer.get(`/api/documents/${bc.body.id}/view`)).body;
      assert.deepEqual(
        view.findings
          .filter((f: { severity: string }) => f.severity !== "info")
          .map((f: { code: string; message: string }) => `${f.code}: ${f.message}`),
        [],
      );

      // A draft the leader edits like any other.
      const leader = await t.login("stttt-ls.lanhdao");
      // The assessment goes in before the closing paragraph.
      const written: string[] = doc.content.paragraphs;
      const edited = await leader.patch(`/api/documents/${bc.body.id}`, {
        paragraphs: [
          ...written.slice(0, -1),
          "IV. ĐÁNH GIÁ CHUNG",
          "Các cơ quan báo chí thực hiện tốt.",
          written.at(-1),
        ],
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const after = (await leader.get(`/api/documents/${bc.body.id}`)).body;
      assert.equal(after.status, "draft");
      assert.match(
        after.text,
        /thực hiện tốt\.\n\nTrên đây là báo cáo tổng hợp[\s\S]*Hoàng Thị Lan\n$/,
      );

      // Its PDF, drawn by the render path of issued documents, reads back as the same report.
      const row = await t.ctx.db
        .selectFrom("documents")
        .select("content")
        .where("id", "=", bc.body.id)
        .executeTakeFirstOrThrow();
      const drawn = renderPdfSync(layoutDocument(row.content as LayoutSource), {
        creationDate: t.clock.now,
        title: doc.subject,
      });
      const back = (await extractText(drawn, "bc.pdf")).text.replace(/\s+/g, " ");
      for (const phrase of [
        "BÁO CÁO",
        "Mở chuyên mục “Chuyển đổi số” trên báo in và báo điện tử.",
        `${label("broadcasts")}: 4`,
        "PHÓ GIÁM ĐỐC",
        "Hoàng Thị Lan",
        "UBND tỉnh Lạng Sơn (để báo cáo);",
      ])
        assert.ok(back.includes(phrase), `${phrase} in the PDF: ${back}`);
    });

    test("bug: report form asks a newspaper no broadcast figures", async () => {
      // The form offers the figures of the agency's kind, as the session tells it.
      const asked = async (code: string) => {
        const me = (await (await t.login(`${code}.chuyenvien`)).get("/api/auth/me")).body;
        return figuresFor(me.agency).map((f) => f.code);
      };
      const paper = await asked("baolangson");
      assert.ok(paper.includes("articles") && !paper.includes("broadcasts"), String(paper));
      const station = await asked("ptth-ls");
      assert.ok(station.includes("broadcasts") && station.includes("minutes"), String(station));
      const office = await asked("vhtt-caoloc");
      assert.ok(office.includes("events") && !office.includes("minutes"), String(office));
    });
  });
}
