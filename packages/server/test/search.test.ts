import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { approve, draftFields, startTestApp, type TestApp } from "./helpers.ts";
import { highlight, snippetWindow, windowFromPrefix } from "../src/search/search-documents.ts";

describe("snippetWindow: the part of a body a snippet is made from", () => {
  const head = "SỞ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n";
  const far = "chữ ".repeat(500);
  const cases: Array<[string, string, string, RegExp, RegExp | null]> = [
    ["after the motto", head + "Về việc tuyên truyền", "tuyen truyen", /^\s*Về việc/, /Hạnh phúc/],
    [
      "around a far word, folded",
      head + far + "TUYÊN TRUYỀN",
      "tuyen truyen",
      /TUYÊN TRUYỀN/,
      null,
    ],
    ["whole words only", head + far + "tuyênx", "tuyen", /^\s*chữ/, /tuyênx/],
    ["no motto: from the start", "Nội dung " + far, "khong co", /^Nội dung/, null],
  ];
  for (const [name, body, words, has, hasNot] of cases)
    test(name, () => {
      const w = snippetWindow(body, words);
      assert.ok(w.length <= 1000);
      assert.match(w, has);
      if (hasNot) assert.doesNotMatch(w, hasNot);
    });
});

describe("windowFromPrefix: a snippet's window from the first characters of a body", () => {
  const head = "SỞ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n";
  const far = "chữ ".repeat(2000);
  const cases: Array<[string, string, string, boolean, "window" | "null"]> = [
    ["a word near the start", head + "Về việc tuyên truyền " + far, "tuyen truyen", true, "window"],
    ["no word in them, the body longer", head + far, "tuyen", true, "null"],
    ["no word in them, nothing more", head + "Về việc", "tuyen", false, "window"],
    ["the window would run past them", head + "chữ ".repeat(1400) + "tuyên", "tuyen", true, "null"],
    ["the same, nothing more", head + "chữ ".repeat(1400) + "tuyên", "tuyen", false, "window"],
  ];
  for (const [name, prefix, words, longer, expected] of cases)
    test(name, () => {
      const w = windowFromPrefix(prefix.slice(0, 6000), words, longer);
      assert.equal(w === null ? "null" : "window", expected);
      if (w !== null && !longer) assert.equal(w, snippetWindow(prefix.slice(0, 6000), words));
    });
});

describe("highlight: a snippet's fragments and marks", () => {
  const many = (n: number, w = "chữ") => Array.from({ length: n }, () => w).join(" ");
  const cases: Array<[string, string, string, string]> = [
    [
      "folded, any case",
      "Về việc TUYÊN TRUYỀN pháp luật",
      "tuyen truyen",
      "Về việc [TUYÊN] [TRUYỀN] pháp luật",
    ],
    ["đ as d", "Phòng chống lừa đảo trực tuyến", "lua dao", "Phòng chống [lừa] [đảo] trực tuyến"],
    ["whole words only", "tuyênx tuyên", "tuyen", "tuyênx [tuyên]"],
    ["a code's parts", "Số 1184/STTTT-TTBCXB ngày", "1184/STTTT", "Số [1184]/[STTTT]-TTBCXB ngày"],
    ["nothing found: the first words", `${many(40)} cuối`, "khong", many(35)],
    [
      "from a little before the word, about 35 words",
      `${many(20)} thiên tai ${many(40)}`,
      "thien tai",
      `${many(5)} [thiên] [tai] ${many(28)}`,
    ],
    [
      "two fragments at most",
      `bão ${many(50)} bão ${many(50)} bão`,
      "bao",
      `[bão] ${many(34)} … ${many(5)} [bão] ${many(29)}`,
    ],
    [
      "a word near a fragment's end keeps a few words after it",
      `lũ ${many(32)} lũ ${many(10)}`,
      "lu",
      `[lũ] ${many(32)} [lũ] ${many(5)}`,
    ],
    [
      "punctuation kept",
      "“Lũ quét”, sạt lở; (khẩn)",
      "lu quet khan",
      "[Lũ] [quét]”, sạt lở; ([khẩn]",
    ],
    ["empty", "", "bao", ""],
  ];
  for (const [name, window, words, expected] of cases)
    test(name, () => {
      const out = highlight(window, words).replaceAll("\u0001", "[").replaceAll("\u0002", "]");
      assert.equal(out, expected);
    });
});

for (const kind of testDatabaseKinds()) {
  describe(`search on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    const refs = (body: { items: Array<{ reference: string | null }> }) =>
      body.items.map((i) => i.reference);

    test("words without diacritics; quoted phrases as written; public documents for everyone", async () => {
      const anon = t.anonymous();
      const folded = (await anon.get("/api/search?q=lua%20dao")).body;
      assert.deepEqual(refs(folded), ["1184/STTTT-TTBCXB"]);
      assert.match(folded.items[0].snippet, /<mark>lừa<\/mark> <mark>đảo<\/mark>/);
      const exact = (await anon.get(`/api/search?q=${encodeURIComponent('"lừa đảo"')}`)).body;
      assert.deepEqual(refs(exact), ["1184/STTTT-TTBCXB"]);
      const mixed = (await anon.get(`/api/search?q=${encodeURIComponent('"lừa dao"')}`)).body;
      assert.equal(mixed.total, 0, "quoted with diacritics: as written");
      const all = (await anon.get("/api/search?q=tuyen%20truyen")).body;
      assert.ok(all.total >= 3);
      assert.ok(
        !all.items.some((i: { status: string }) => i.status === "draft"),
        "no drafts for the public",
      );
    });

    test("bug: search by number alone (1184, 1184/STTTT, 112-HD) found nothing: a number, a number and a part of the symbol, a Party code", async () => {
      const clerk = await t.login("ldld-bg.vanthu");
      const cases: Array<[string, string]> = [
        ["1184", "1184/STTTT-TTBCXB"],
        ["1184/STTTT", "1184/STTTT-TTBCXB"],
        ["so 1184 STTTT", "1184/STTTT-TTBCXB"],
        ["86/LĐLĐ", "86/LĐLĐ-TG&NC"],
        ["86/LDLD", "86/LĐLĐ-TG&NC"],
        ["112-HD", "86/LĐLĐ-TG&NC"],
        ["112-HD/BTGTU", "86/LĐLĐ-TG&NC"],
      ];
      for (const [q, ref] of cases) {
        const r = (await clerk.get(`/api/search?q=${encodeURIComponent(q)}`)).body;
        assert.ok(refs(r).includes(ref), `${q}: ${JSON.stringify(refs(r))}`);
      }
      // A bare number or part of a reference: the document holding it in its reference first.
      for (const q of ["1184", "1184/STTTT", "STTTT-TTBCXB"]) {
        const r = (await clerk.get(`/api/search?q=${encodeURIComponent(q)}`)).body;
        assert.equal(refs(r)[0], "1184/STTTT-TTBCXB", q);
      }
      // The parts must stand together: "1184" and "TTBCXB" apart is not "1184-TTBCXB".
      const apart = (await clerk.get(`/api/search?q=${encodeURIComponent("1184-TG")}`)).body;
      assert.equal(apart.total, 0, JSON.stringify(refs(apart)));
    });

    test("a code typed finds the body that cites it, its parts together, one code at a time", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const draft = await clerk.post(
        "/api/documents",
        draftFields({
          subject: "Triển khai kế hoạch kiểm tra an toàn thực phẩm",
          paragraphs: [
            "Căn cứ Kế hoạch số 45/KH-UBND ngày 2 tháng 3 năm 2026 và Công văn số 310/SYT-NVY của Sở Y tế;",
            "Báo cáo theo mẫu BC-07 đính kèm, định mức 50.000 đồng/người.",
          ],
        }),
      );
      assert.equal(draft.status, 201);
      const find = async (q: string) =>
        (await clerk.get(`/api/search?q=${encodeURIComponent(q)}`)).body.items.some(
          (i: { id: string }) => i.id === draft.body.id,
        );
      for (const q of [
        "45/KH",
        "KH-UBND",
        "45/kh-ubnd",
        "310/SYT",
        "SYT-NVY",
        "BC-07",
        "đồng/người",
      ])
        assert.equal(await find(q), true, q);
      assert.equal(await find("dong/nguoi"), true, "typed without diacritics: folded");
      assert.equal(await find("đông/người"), false, "typed with a diacritic: as written");
      assert.equal(await find("45/UBND"), false, "its parts together");
      assert.equal(await find("UBND/310"), false, "the end of one code and the next one's start");
      assert.equal(await find("45/KH kiem tra"), true, "a code and words");
      assert.equal(await find("45/KH lua dao"), false);
    });

    test('bug: a quoted phrase typed without diacritics ("lua dao") found nothing: it matches folded, as the hint says', async () => {
      const anon = t.anonymous();
      const r = (await anon.get(`/api/search?q=${encodeURIComponent('"lua dao"')}`)).body;
      assert.deepEqual(refs(r), ["1184/STTTT-TTBCXB"]);
      const order = (await anon.get(`/api/search?q=${encodeURIComponent('"dao lua"')}`)).body;
      assert.equal(order.total, 0, "the words in their order");
    });

    test("quoted phrases: case and punctuation free, diacritics and word order exact", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const draft = await clerk.post(
        "/api/documents",
        draftFields({
          subject: "PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN năm 2027",
          paragraphs: ["Đề nghị các cơ quan chuẩn bị phương án ứng phó bão số 3."],
        }),
      );
      assert.equal(draft.status, 201);
      const ids = async (q: string) =>
        (await clerk.get(`/api/search?q=${encodeURIComponent(q)}&year=2027`)).body.items.map(
          (i: { id: string }) => i.id,
        );
      // Drafts have no date; search them by their words without the year filter.
      const find = async (q: string) =>
        (await clerk.get(`/api/search?q=${encodeURIComponent(q)}`)).body.items.some(
          (i: { id: string }) => i.id === draft.body.id,
        );
      assert.deepEqual(await ids('"thiên tai"'), []);
      assert.equal(await find('"thiên tai và tìm kiếm"'), true, "upper case in the text");
      assert.equal(await find('"Phòng chống thiên tai"'), true, "the comma is not a word");
      assert.equal(await find('"phương án ứng phó bão"'), true);
      assert.equal(await find('"thien tai va tim kiem"'), true, "typed without any: folded");
      assert.equal(await find('"thiên tai va tim kiem"'), false, "quoted: diacritics as written");
      assert.equal(await find('"tai thiên"'), false, "quoted: word order as written");
      assert.equal(await find('"ứng phó" cuu nan'), true, "a phrase and folded words together");
      assert.equal(await find('"ứng phó" lua dao'), false);
    });

    test("a code typed with a diacritic matches as written in the head; without, folded", async () => {
      const anon = t.anonymous();
      const refsOf = async (q: string) =>
        refs((await anon.get(`/api/search?q=${encodeURIComponent(q)}`)).body);
      assert.ok((await refsOf("LĐLĐ-TG")).includes("86/LĐLĐ-TG&NC"), "as written");
      assert.ok((await refsOf("LDLD-TG")).includes("86/LĐLĐ-TG&NC"), "typed without any: folded");
      assert.deepEqual(await refsOf("LĐLD-TG"), [], "one of its Đ typed as D");
      assert.deepEqual(await refsOf("TG-LĐLĐ"), [], "the parts in another order");
    });

    test("a reference typed loosely goes straight to its document", async () => {
      for (const q of [
        "1184/STTTT-TTBCXB",
        "1184 STTTT TTBCXB",
        "1184/stttt-ttbcxb",
        "Số 1184 STTTT-TTBCXB",
        "918 SCT VP",
      ]) {
        const r = (await t.anonymous().get(`/api/search?q=${encodeURIComponent(q)}`)).body;
        assert.ok(r.match, q);
        assert.match(r.match.reference, /^(1184\/STTTT-TTBCXB|918\/SCT-VP)$/, q);
      }
      const none = (await t.anonymous().get("/api/search?q=9999%20ABC%20XYZ")).body;
      assert.equal(none.match, undefined);
    });

    test("filters: issuer, year, type; drafts only for their agency; snippets escape the text", async () => {
      const anon = t.anonymous();
      assert.deepEqual(
        refs(
          (
            await anon.get(
              `/api/search?q=tuyen%20truyen&issuer=${encodeURIComponent("Sở Công Thương")}`,
            )
          ).body,
        ),
        ["918/SCT-VP"],
      );
      assert.deepEqual(refs((await anon.get("/api/search?q=thong%20tin&year=2026")).body), [
        "86/LĐLĐ-TG&NC",
      ]);
      assert.equal((await anon.get("/api/search?q=tuyen%20truyen&type=QĐ")).body.total, 0);
      const clerk = await t.login("stttt-ls.vanthu");
      await clerk.post(
        "/api/documents",
        draftFields({
          subject: "kiểm tra an toàn hồ chứa",
          paragraphs: ["Không chạy <script>alert(1)</script> trên cổng hồ chứa A & B nước./."],
        }),
      );
      const own = (await clerk.get("/api/search?q=ho%20chua")).body;
      assert.equal(own.total, 1);
      assert.ok(!own.items[0].snippet.includes("<script>"));
      assert.match(own.items[0].snippet, /A &amp; B/, "the text is escaped");
      const other = await t.login("sct-hd.vanthu");
      assert.equal(
        (await other.get("/api/search?q=ho%20chua")).body.total,
        0,
        "another agency's draft",
      );
      const bad = await anon.get("/api/search?q=");
      assert.equal(bad.status, 400);
    });

    test("equal ranks: the newest first", async () => {
      const ids: string[] = [];
      for (const day of ["2026-11-02", "2026-11-09", "2026-11-05"]) {
        t.clock.set(`${day}T09:00:00+07:00`);
        const c = await t.login("sct-hd.vanthu");
        const d = await c.post(
          "/api/documents",
          draftFields({ subject: "kiểm tra chợ đêm", addressees: [] }),
        );
        await approve(t, c, d.body.id);
        await c.post(`/api/documents/${d.body.id}/issue`);
        ids.push(d.body.id);
      }
      t.clock.set("2026-11-20T09:00:00+07:00");
      const r = (await (await t.login("sct-hd.vanthu")).get("/api/search?q=cho%20dem")).body;
      assert.deepEqual(
        r.items.map((i: { id: string }) => i.id),
        [ids[1], ids[2], ids[0]],
      );
    });

    test("the count: every match when they end on the page; else the page's, with more to come, and the body not read while the head's matches fill the page", async () => {
      const clerk = await t.login("ldld-bg.vanthu");
      const made: string[] = [];
      for (const [subject, paragraph] of [
        ["mô hình sân chơi thiếu nhi thứ nhất", "Nội dung khác./."],
        ["mô hình sân chơi thiếu nhi thứ hai", "Nội dung khác./."],
        ["mô hình sân chơi thiếu nhi thứ ba", "Nội dung khác./."],
        ["hội nghị công đoàn cơ sở", "Nội dung có nhắc đến sân chơi thiếu nhi./."],
      ] as const) {
        const d = await clerk.post(
          "/api/documents",
          draftFields({ subject, paragraphs: [paragraph] }),
        );
        made.push(d.body.id);
      }
      const ids = (r: { items: Array<{ id: string }> }) => r.items.map((i) => i.id).sort();
      const q = "san%20choi%20thieu%20nhi";
      const every = (await clerk.get(`/api/search?q=${q}&pageSize=20`)).body;
      assert.deepEqual(ids(every), [...made].sort());
      assert.equal(every.total, 4);
      assert.equal(every.capped, false);
      // Three matches in the subject fill a page of two: the body is not read for it.
      const first = (await clerk.get(`/api/search?q=${q}&pageSize=2`)).body;
      assert.equal(first.items.length, 2);
      assert.ok(first.items.every((i: { id: string }) => made.slice(0, 3).includes(i.id)));
      assert.equal(first.total, 2);
      assert.equal(first.capped, true, "more than 2");
      // The next page reads the body: its match comes after those in the subject, and the last.
      const second = (await clerk.get(`/api/search?q=${q}&pageSize=2&page=2`)).body;
      assert.equal(second.items.length, 2);
      assert.equal(second.items[1].id, made[3]);
      assert.equal(second.total, 4);
      assert.equal(second.capped, false);
      // No page repeats or skips a match.
      assert.deepEqual([...ids(first), ...ids(second)].sort(), [...made].sort());
    });

    test("ranking: the subject weighs more than the body", async () => {
      const clerk = await t.login("ldld-bg.vanthu");
      const inBody = await clerk.post(
        "/api/documents",
        draftFields({
          subject: "hội nghị công đoàn",
          paragraphs: ["Nội dung có nhắc đến an sinh xã hội một lần./."],
        }),
      );
      const inSubject = await clerk.post(
        "/api/documents",
        draftFields({ subject: "an sinh xã hội cho đoàn viên", paragraphs: ["Nội dung khác./."] }),
      );
      const r = (await clerk.get("/api/search?q=an%20sinh%20xa%20hoi")).body;
      assert.deepEqual(
        r.items.map((i: { id: string }) => i.id),
        [inSubject.body.id, inBody.body.id],
      );
    });
  });
}
