/**
 * The work inside an agency in a real browser (issue 15), each step by the person who does it, on
 * the demo world's Báo Lạng Sơn (units Ban Thời sự and Ban Thư ký tòa soạn):
 * - the clerk registers Sở TT&TT's directive that arrived in the system, and is warned when she
 *   registers the copy that came by another route, which she attaches instead;
 * - she presents it to the leader, who writes the bút phê: Ban Thời sự leads, Ban Thư ký tòa
 *   soạn cooperates, with a deadline; the head of Ban Thời sự assigns it to a specialist;
 * - the specialist drafts the reply and sends it up; the leader sends it back with a comment; the
 *   specialist edits and sends it again; the leader approves; the clerk issues it; the specialist
 *   marks the directive done;
 * - Sở TT&TT sees statuses 03 to 06 with their times and the reply linked;
 * - the overdue work is in the follow-up list and in the handling report; the Phiếu giải quyết
 *   and the Sổ theo dõi print.
 * Each person's Việc của tôi and bell are checked on the way.
 */
import { existsSync, mkdirSync } from "node:fs";
import { test, expect, type Browser, type Page } from "@playwright/test";
import { CHROMIUM } from "../playwright.config.ts";

test.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);

test.describe.configure({ mode: "serial" });

const SUBJECT = /an toàn thông tin/;
let reference = "";
let directive = "";
let reply = "";

async function shot(page: Page, name: string) {
  const dir = `test-results/workflow/${test.info().project.name}`;
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function signIn(
  browser: Browser,
  username: string,
  viewport?: { width: number; height: number },
) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await page.goto("/app/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: /Xin chào/ })).toBeVisible();
  return page;
}

/** The person's bell holds a notice with this text (opened, read, closed again). */
async function bellHas(page: Page, text: RegExp) {
  const bell = page.getByRole("button", { name: /^Thông báo/ });
  await bell.click();
  await expect(page.getByRole("dialog").getByText(text).first()).toBeVisible();
  await bell.click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

/** Opens a card of Việc của tôi by the text it holds. */
async function openWork(page: Page, section: string, text: RegExp | string) {
  const list = page.getByRole("region", { name: new RegExp(`^${section}`) });
  await list.getByRole("listitem").filter({ hasText: text }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/app\/van-ban\/[0-9a-f-]+$/);
}

test("the clerk registers the directive and attaches the copy that came by another route", async ({
  browser,
}) => {
  const page = await signIn(browser, "baolangson.vanthu");
  await shot(page, "01-clerk-my-work");
  // Her bell: the arrival, and the late 1650/UBND-KGVX with its deadline as people write it.
  await bellHas(page, /Văn bản đến số \d+\/STTTT-TTBCXB của Sở Thông tin và Truyền thông/);
  await bellHas(page, /Quá hạn xử lý văn bản số 1650\/UBND-KGVX \(hạn 20\/11\/2026\)/);
  // The copy that came through the system (12/11), then the one imported by hand (13/11).
  const cards = page.getByRole("region", { name: /^Văn bản đến chờ vào sổ/ });
  await expect(cards.getByRole("link", { name: /STTTT-TTBCXB/ })).toHaveCount(2);
  const first = cards.getByRole("listitem").filter({ hasText: "12/11/2026" }).getByRole("link");
  reference = (await first.textContent()) ?? "";
  expect(reference).toMatch(/^\d+\/STTTT-TTBCXB$/);
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  directive = page.url();
  await page.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  const dialog = page.getByRole("dialog", { name: "Vào sổ văn bản đến" });
  await expect(dialog.getByTestId("duplicate-warning")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  await expect(page.getByText(/Đã vào sổ đến, số \d+/)).toBeVisible();

  await page.getByRole("link", { name: "Việc của tôi" }).click();
  // The one registered has left the list; the copy imported by hand waits.
  const waiting = page
    .getByRole("region", { name: /^Văn bản đến chờ vào sổ/ })
    .getByRole("link", { name: /STTTT-TTBCXB/ });
  await expect(waiting).toHaveCount(1);
  await waiting.click();
  await page.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  const second = page.getByRole("dialog", { name: "Vào sổ văn bản đến" });
  const warning = second.getByTestId("duplicate-warning");
  await expect(warning).toContainText("Văn bản này có thể đã được vào sổ");
  await expect(warning).toContainText("cùng số, ký hiệu, cơ quan và ngày");
  await shot(page, "02-duplicate-warning");
  await warning.getByRole("button", { name: "Đính kèm vào văn bản đã có" }).click();
  await expect(page.getByText("Đã đính kèm vào văn bản đã có")).toBeVisible();
  await expect(page).toHaveURL(directive);
  await page.getByRole("tab", { name: "Xử lý" }).click();
  await expect(page.getByText("Các bản nhận thêm đã đính kèm")).toBeVisible();

  // Presented to the leader, with a note.
  await page.getByRole("button", { name: "Trình lãnh đạo" }).click();
  const present = page.getByRole("dialog", { name: "Trình lãnh đạo" });
  await present.getByLabel("Lãnh đạo").click();
  await page.getByRole("option", { name: /^Lãnh đạo Báo Lạng Sơn/ }).click();
  await present.getByLabel("Ghi chú").fill("Kính trình Tổng Biên tập cho ý kiến chỉ đạo.");
  await present.getByRole("button", { name: "Trình lãnh đạo" }).click();
  await expect(page.getByText("Đã trình lãnh đạo").first()).toBeVisible();
  await shot(page, "03-presented");
  await page.context().close();
});

test("the leader writes the bút phê: Ban Thời sự leads, Ban Thư ký tòa soạn cooperates", async ({
  browser,
}) => {
  const page = await signIn(browser, "baolangson.lanhdao");
  // The bell says the clerk presented it; Việc của tôi lists it.
  await bellHas(page, new RegExp(`Văn thư Báo Lạng Sơn trình văn bản số ${reference}`));
  await openWork(page, "Văn bản chờ bút phê", SUBJECT);
  await page.getByRole("tab", { name: "Xử lý" }).click();
  await page.getByRole("button", { name: "Bút phê" }).click();
  const dialog = page.getByRole("dialog", { name: "Bút phê" });
  await dialog
    .getByLabel("Ý kiến chỉ đạo")
    .fill(
      "Giao Ban Thời sự chủ trì, phối hợp Ban Thư ký tòa soạn mở chuyên mục; trả lời Sở trước hạn.",
    );
  await dialog.getByLabel("Đơn vị chủ trì").click();
  await page.getByRole("option", { name: "Ban Thời sự" }).click();
  await dialog.getByLabel("Đơn vị phối hợp").click();
  await page.getByRole("option", { name: "Ban Thư ký tòa soạn" }).click();
  await expect(dialog.getByText(/^Mặc định \d\d\/\d\d\/\d{4}/)).toBeVisible();
  await shot(page, "04-instruct");
  await dialog.getByRole("button", { name: "Bút phê" }).click();
  await expect(page.getByText("Đã ghi ý kiến chỉ đạo")).toBeVisible();
  await expect(page.getByText("Đã có bút phê").first()).toBeVisible();
  await page.context().close();
});

test("the head of Ban Thời sự assigns it to a specialist", async ({ browser }) => {
  const page = await signIn(browser, "baolangson.truongphong");
  await bellHas(
    page,
    new RegExp(
      `Lãnh đạo Báo Lạng Sơn bút phê văn bản số ${reference}, Chủ trì, hạn xử lý \\d\\d/\\d\\d/\\d{4}`,
      "i",
    ),
  );
  await openWork(page, "Văn bản đơn vị chủ trì, chờ phân công", SUBJECT);
  await page.getByRole("tab", { name: "Xử lý" }).click();
  await page.getByRole("button", { name: "Chuyển, phân công" }).click();
  const dialog = page.getByRole("dialog", { name: "Chuyển, phân công" });
  await dialog.getByLabel("Người xử lý").click();
  await page.getByRole("option", { name: /^Chuyên viên Báo Lạng Sơn/ }).click();
  await dialog.getByLabel("Ghi chú").fill("Đồng chí chuẩn bị công văn trả lời Sở.");
  await dialog.getByRole("button", { name: "Chuyển, phân công" }).click();
  await expect(page.getByText("Đã phân công").first()).toBeVisible();
  await page.context().close();
});

test("the specialist starts, drafts the reply and sends it up", async ({ browser }) => {
  const page = await signIn(browser, "baolangson.chuyenvien");
  await bellHas(page, new RegExp(`Trưởng ban TS giao xử lý văn bản số ${reference}`));
  await openWork(page, "Văn bản tôi được giao xử lý", SUBJECT);
  await page.getByRole("tab", { name: "Xử lý" }).click();
  await page.getByRole("button", { name: "Bắt đầu xử lý" }).click();
  await expect(page.getByText("Đã chuyển sang đang xử lý")).toBeVisible();
  await page.getByLabel("Thêm ghi chú").fill("Đã liên hệ Sở để thống nhất nội dung chuyên mục.");
  await page.getByRole("button", { name: "Thêm ghi chú" }).click();
  await expect(page.getByText("Đã thêm vào quá trình xử lý")).toBeVisible();
  await page.getByRole("button", { name: "Trả lời" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Tạo dự thảo trả lời" }).click();
  await expect(page.getByRole("heading", { name: "Sửa dự thảo" })).toBeVisible();
  await shot(page, "05-reply-draft");
  await page.getByRole("button", { name: "Lưu dự thảo" }).click();
  await expect(page).toHaveURL(/\/app\/van-ban\/[0-9a-f-]+$/);
  reply = page.url();
  await page.getByRole("button", { name: "Trình ký" }).click();
  const send = page.getByRole("dialog", { name: "Trình dự thảo" });
  await send.getByLabel("Người duyệt").click();
  await page.getByRole("option", { name: /^Lãnh đạo Báo Lạng Sơn/ }).click();
  await send.getByLabel("Ý kiến, ghi chú").fill("Kính trình lãnh đạo duyệt công văn trả lời Sở.");
  await send.getByRole("button", { name: "Gửi" }).click();
  await expect(page.getByText("Đã trình dự thảo.")).toBeVisible();
  await page.context().close();
});

test("the leader sends the reply back with a comment", async ({ browser }) => {
  const page = await signIn(browser, "baolangson.lanhdao");
  await bellHas(page, /Chuyên viên Báo Lạng Sơn trình dự thảo: trả lời Công văn số/);
  await openWork(page, "Dự thảo chờ tôi duyệt", /trả lời|an toàn thông tin/);
  await expect(page).toHaveURL(reply);
  await page.getByRole("tab", { name: "Trình ký" }).click();
  await page.getByRole("button", { name: "Trả lại", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Trả lại dự thảo cho người soạn" });
  await dialog.getByLabel("Ý kiến trả lại (bắt buộc)").fill("Bổ sung thời gian mở chuyên mục.");
  await dialog.getByRole("button", { name: "Trả lại", exact: true }).click();
  await expect(page.getByText("Đã trả lại dự thảo.")).toBeVisible();
  await expect(page.getByTestId("review-state").first()).toHaveText("Bị trả lại");
  await page.context().close();
});

test("the specialist edits and sends it again; the leader compares and approves", async ({
  browser,
}) => {
  const page = await signIn(browser, "baolangson.chuyenvien");
  await bellHas(
    page,
    /Lãnh đạo Báo Lạng Sơn trả lại dự thảo: .*Ý kiến: Bổ sung thời gian mở chuyên mục/,
  );
  await openWork(page, "Dự thảo bị trả lại để sửa", /trả lời|an toàn thông tin/);
  await expect(page.getByTestId("sent-back")).toContainText("Bổ sung thời gian mở chuyên mục.");
  await shot(page, "06-sent-back");
  await page.getByRole("link", { name: "Sửa dự thảo" }).click();
  const body = page.getByLabel("Nội dung (mỗi đoạn một dòng)");
  await body.fill(
    `${await body.inputValue()}\nChuyên mục được mở từ ngày 01/12/2026 trên báo in và báo điện tử.`,
  );
  await page.getByRole("button", { name: "Lưu dự thảo" }).click();
  await page.getByRole("button", { name: "Trình ký" }).click();
  const send = page.getByRole("dialog", { name: "Trình dự thảo" });
  await send.getByLabel("Người duyệt").click();
  await page.getByRole("option", { name: /^Lãnh đạo Báo Lạng Sơn/ }).click();
  await send.getByRole("button", { name: "Gửi" }).click();
  await expect(page.getByText("Đã trình dự thảo.")).toBeVisible();
  await page.context().close();

  const leader = await signIn(browser, "baolangson.lanhdao");
  await leader.goto(reply);
  await leader.getByRole("tab", { name: "Trình ký" }).click();
  await expect(leader.getByTestId("review-steps")).toContainText(
    "Bổ sung thời gian mở chuyên mục.",
  );
  // The last two versions compared: what the specialist added, underlined.
  const diff = leader.getByTestId("version-diff");
  await expect(diff.locator("ins").filter({ hasText: "01/12/2026" })).toBeVisible();
  await expect(leader.getByText(/\d+ từ thêm, \d+ từ bỏ/)).toBeVisible();
  await shot(leader, "07-version-diff");
  await leader.getByRole("button", { name: "Duyệt", exact: true }).click();
  const approve = leader.getByRole("dialog", { name: "Duyệt dự thảo" });
  // The demo leader signs as they approve: their PKCS#12's password (demo/demo-signing.ts).
  await approve.getByLabel("Mật khẩu chữ ký số (PKCS#12)").fill("kyso-demo");
  await approve.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(leader.getByText("Đã duyệt dự thảo.")).toBeVisible();
  await leader.context().close();
});

test("the clerk issues the reply, and the specialist marks the directive done", async ({
  browser,
}) => {
  const page = await signIn(browser, "baolangson.vanthu");
  await bellHas(page, /Lãnh đạo Báo Lạng Sơn đã duyệt dự thảo: trả lời Công văn số/);
  await openWork(page, "Dự thảo đã duyệt, chờ cho số, ban hành", /trả lời|an toàn thông tin/);
  await page.getByRole("button", { name: "Ban hành" }).click();
  const dialog = page.getByRole("dialog", { name: "Xác nhận nơi nhận và ban hành" });
  await expect(
    dialog
      .getByRole("group", { name: "Sở Thông tin và Truyền thông tỉnh Lạng Sơn" })
      .getByRole("checkbox", { name: "Sở Thông tin và Truyền thông" }),
  ).toBeChecked();
  await shot(page, "08-issue-reply");
  await dialog.getByRole("button", { name: "Ban hành" }).click();
  await expect(page.getByText(/Đã ban hành văn bản số \d+\/BLS/)).toBeVisible();
  await page.context().close();

  const specialist = await signIn(browser, "baolangson.chuyenvien");
  await specialist.goto(directive);
  await specialist.getByRole("tab", { name: "Xử lý" }).click();
  await expect(specialist.getByText("Văn bản trả lời").first()).toBeVisible();
  await specialist.getByRole("button", { name: "Hoàn thành" }).click();
  const done = specialist.getByRole("dialog", { name: "Hoàn thành" });
  await done.getByLabel(/Kết quả xử lý/).fill("Đã mở chuyên mục và trả lời Sở bằng công văn.");
  await done.getByRole("button", { name: "Hoàn thành" }).click();
  await expect(specialist.getByText("Đã hoàn thành xử lý")).toBeVisible();
  await shot(specialist, "09-done");
  await specialist.context().close();
});

test("Sở TT&TT sees each status with its time, and the reply linked", async ({ browser }) => {
  const page = await signIn(browser, "stttt-ls.vanthu");
  // The reply arrived as a received document; each status of the directive was notified.
  await bellHas(page, /Văn bản đến số \d+\/BLS của Báo Lạng Sơn: trả lời Công văn số/);
  await bellHas(page, new RegExp(`Báo Lạng Sơn – văn bản số ${reference}: Hoàn thành`));
  await page.getByRole("link", { name: "Văn bản đi", exact: true }).click();
  await page
    .getByRole("link", { name: new RegExp(reference) })
    .first()
    .click();
  await page.getByRole("tab", { name: "Gửi, nhận" }).click();
  const row = page.getByRole("row", { name: /Báo Lạng Sơn/ });
  // 03 registered, 04 assigned, 05 in progress, 06 done, each with its time; the result; the reply.
  for (const step of ["Đã vào sổ", "Đã phân công", "Đang xử lý", "Hoàn thành"])
    await expect(row).toContainText(new RegExp(`${step}: \\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}`));
  await expect(row).toContainText("Kết quả: Đã mở chuyên mục và trả lời Sở bằng công văn.");
  await row.getByRole("link", { name: /\/BLS$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/\/BLS/);
  await expect(page.getByText(/trả lời Công văn số/).first()).toBeVisible();
  await shot(page, "10-issuer-statuses");
  await page.context().close();
});

test("late work: the follow-up list, the handling report, the Phiếu and the Sổ theo dõi", async ({
  browser,
}) => {
  const page = await signIn(browser, "baolangson.vanthu");
  await page.getByRole("link", { name: "Việc quá hạn" }).click();
  const late = page.getByRole("row", { name: /1650\/UBND-KGVX/ });
  await expect(late).toContainText("20/11/2026");
  await expect(late).toContainText("Ban Thư ký tòa soạn (Phối hợp)");
  await shot(page, "11-overdue");
  // A nhắc nhở from the row goes to its handlers at once, and is counted.
  await late.getByRole("button", { name: "Nhắc nhở" }).click();
  const toast = page.getByText(/Đã nhắc \d+ đơn vị, người xử lý/);
  await expect(toast).toBeVisible();
  const reminded = /\d+/.exec((await toast.textContent()) ?? "")![0];
  await expect(late).toContainText(`${reminded} nhắc nhở, 0 phê bình`);

  // The handling report: the late one counted as "Quá hạn chưa xong", the directive as done.
  await page.getByRole("link", { name: "Báo cáo xử lý văn bản" }).click();
  await expect(
    page.getByRole("heading", { name: "Báo cáo tình hình xử lý văn bản" }).first(),
  ).toBeVisible();
  // From November: the late 1650/UBND-KGVX (received 12/11) is in the period.
  await page.getByRole("textbox", { name: "Từ ngày" }).fill("01/11/2026");
  await page.getByRole("textbox", { name: "Từ ngày" }).press("Tab");
  // The page has read the new period before anything is checked on it.
  await expect(page.getByText(/Từ ngày 01\/11\/2026 đến ngày/).first()).toBeVisible();
  const ts = page.getByRole("row", { name: /^Ban Thời sự/ }).first();
  // Được giao 2, xong đúng hạn 1, quá hạn chưa xong 1 (the columns of Văn bản đến).
  await expect(ts.getByRole("cell")).toHaveText([
    /Ban Thời sự/,
    "2",
    "1",
    "0",
    "1",
    "0",
    /\d/,
    /\d/,
    /\d/,
    /\d/,
  ]);
  await shot(page, "12-handling-report");

  // The Sổ theo dõi: each received document with its handler, deadline and progress.
  await page.getByRole("link", { name: "Sổ theo dõi giải quyết" }).click();
  // The report's own "Từ ngày" is gone before the register's is filled (a race under load).
  await expect(
    page.getByRole("heading", { level: 1, name: "Sổ theo dõi giải quyết văn bản đến" }),
  ).toBeVisible();
  await page.getByRole("textbox", { name: "Từ ngày" }).fill("01/11/2026");
  await page.getByRole("textbox", { name: "Từ ngày" }).press("Tab");
  // The page has read the new period before anything is checked on it.
  await expect(page.getByText(/Từ ngày 01\/11\/2026 đến ngày/).first()).toBeVisible();
  const entry = page.getByRole("row", { name: new RegExp(reference) });
  await expect(entry).toContainText("Đúng hạn");
  await expect(entry).toContainText("Ban Thời sự");
  await expect(page.getByRole("row", { name: /1650\/UBND-KGVX/ })).toContainText("Quá hạn");
  await shot(page, "13-follow-up-register");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Danh mục" })).toBeHidden();
  await page.pdf({
    path: `test-results/workflow/${test.info().project.name}/so-theo-doi.pdf`,
    landscape: true,
  });
  await page.emulateMedia({ media: "screen" });

  // The Phiếu giải quyết of the directive: the bút phê, the units and the deadline, printed.
  await page.goto(`${directive}/phieu-giai-quyet`);
  const slip = page.locator(".print-slip");
  await expect(slip).toContainText("Ban Thời sự");
  await expect(slip).toContainText("Ban Thư ký tòa soạn");
  await expect(slip).toContainText("Giao Ban Thời sự chủ trì");
  await shot(page, "14-handling-slip");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "In" })).toBeHidden();
  await page.pdf({
    path: `test-results/workflow/${test.info().project.name}/phieu-giai-quyet.pdf`,
  });
  await page.context().close();
});

test("each new page on a desktop and on a phone (390 px): it fits, with a screenshot of each", async ({
  browser,
}) => {
  const pages: Array<[string, string, string, (p: Page) => Promise<void>]> = [
    [
      "baolangson.lanhdao",
      "viec-cua-toi",
      "/app",
      async (p) => {
        await expect(p.getByRole("heading", { name: "Việc của tôi" })).toBeVisible();
      },
    ],
    [
      "baolangson.lanhdao",
      "xu-ly",
      directive,
      async (p) => {
        await p.getByRole("tab", { name: "Xử lý" }).click();
        await expect(p.getByText("Giao Ban Thời sự chủ trì").first()).toBeVisible();
      },
    ],
    [
      "baolangson.lanhdao",
      "trinh-ky",
      reply,
      async (p) => {
        await p.getByRole("tab", { name: "Trình ký" }).click();
        await expect(p.getByTestId("review-steps")).toBeVisible();
      },
    ],
    [
      "baolangson.lanhdao",
      "phieu-giai-quyet",
      `${directive}/phieu-giai-quyet`,
      async (p) => {
        await expect(p.locator(".print-slip")).toContainText("Ban Thời sự");
      },
    ],
    [
      "baolangson.vanthu",
      "qua-han",
      "/app/qua-han",
      async (p) => {
        await expect(p.getByRole("row", { name: /1650\/UBND-KGVX/ })).toBeVisible();
      },
    ],
    [
      "baolangson.vanthu",
      "so-theo-doi",
      "/app/so-theo-doi",
      async (p) => {
        await expect(p.getByRole("row", { name: new RegExp(reference) })).toBeVisible();
      },
    ],
    [
      "baolangson.vanthu",
      "bao-cao-xu-ly",
      "/app/bao-cao-xu-ly",
      async (p) => {
        await expect(p.getByRole("row", { name: /^Ban Thời sự/ }).first()).toBeVisible();
      },
    ],
    ...(["Đơn vị", "Ủy quyền", "Hạn xử lý"] as const).map(
      (tab) =>
        [
          "baolangson.admin",
          `quan-tri-${tab}`,
          "/app/quan-tri",
          async (p: Page) => {
            await p.getByRole("tab", { name: tab }).click();
            await expect(p.getByRole("tabpanel", { name: tab })).toBeVisible();
          },
        ] as [string, string, string, (p: Page) => Promise<void>],
    ),
  ];
  for (const [width, height, suffix] of [
    [1366, 900, "desktop"],
    [390, 844, "phone"],
  ] as const) {
    const signedIn = new Map<string, Page>();
    for (const [who, name, path, ready] of pages) {
      let page = signedIn.get(who);
      if (!page) {
        page = await signIn(browser, who, { width, height });
        signedIn.set(who, page);
      }
      await page.goto(path);
      await ready(page);
      await page.waitForLoadState("networkidle");
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      // A wide register may scroll inside its own frame, never the page.
      expect(scroll, `${name} at ${width} px`).toBeLessThanOrEqual(width);
      await shot(
        page,
        `pages-${suffix}-${name
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .replace(/đ/gi, "d")
          .replace(/\s+/g, "-")
          .toLowerCase()}`,
      );
    }
    for (const page of signedIn.values()) await page.context().close();
  }
});

test("on a phone (390 px): Việc của tôi, a document's handling and the overdue list fit", async ({
  browser,
}) => {
  const page = await signIn(browser, "baolangson.lanhdao", { width: 390, height: 844 });
  await expect(page.getByRole("heading", { name: "Việc của tôi" })).toBeVisible();
  const fits = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  await fits();
  await shot(page, "15-phone-my-work");
  await page.goto(directive);
  await page.getByRole("tab", { name: "Xử lý" }).click();
  await expect(page.getByText("Giao Ban Thời sự chủ trì").first()).toBeVisible();
  await fits();
  await shot(page, "16-phone-handling");
  await page.goto("/app/qua-han");
  await expect(page.getByRole("heading", { name: "Việc quá hạn" })).toBeVisible();
  await fits();
  await shot(page, "17-phone-overdue");
  await page.context().close();
});
