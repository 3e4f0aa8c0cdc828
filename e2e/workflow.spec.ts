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

/** Opens a card of Việc của tôi by the text it holds. */
async function openWork(page: Page, section: string, text: RegExp | string) {
  const list = page.getByRole("region", { name: new RegExp(`^${section}`) });
  await list.getByRole("link", { name: text }).first().click();
  await expect(page).toHaveURL(/\/app\/van-ban\/[0-9a-f-]+$/);
}

test("the clerk registers the directive and attaches the copy that came by another route", async ({
  browser,
}) => {
  const page = await signIn(browser, "baolangson.vanthu");
  await shot(page, "01-clerk-my-work");
  // The copy that came through the system (12/11), then the one imported by hand (13/11).
  const cards = page.getByRole("region", { name: /^Văn bản đến chờ vào sổ/ });
  await expect(cards.getByRole("link", { name: /STTTT-TTBCXB/ })).toHaveCount(2);
  await cards
    .getByRole("article")
    .filter({ hasText: "12/11/2026" })
    .getByRole("link")
    .first()
    .click();
  reference =
    (await page.getByRole("heading", { level: 1 }).textContent())?.match(
      /\d+\/STTTT-TTBCXB/,
    )?.[0] ?? "";
  expect(reference).toMatch(/STTTT-TTBCXB/);
  directive = page.url();
  await page.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  const dialog = page.getByRole("dialog", { name: "Vào sổ văn bản đến" });
  await expect(dialog.getByTestId("duplicate-warning")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  await expect(page.getByText(/Đã vào sổ đến, số \d+/)).toBeVisible();

  await page.getByRole("link", { name: "Việc của tôi" }).click();
  await page
    .getByRole("region", { name: /^Văn bản đến chờ vào sổ/ })
    .getByRole("link", { name: /STTTT-TTBCXB/ })
    .click();
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
  await expect(page.getByRole("button", { name: /Thông báo/ })).toContainText(/\d/);
  await openWork(page, "Văn bản trình", SUBJECT);
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
  await openWork(page, "Văn bản cần phân công", SUBJECT);
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
  await openWork(page, "Văn bản được giao", SUBJECT);
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
  await openWork(page, "Dự thảo chờ duyệt", /trả lời|an toàn thông tin/);
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
  await openWork(page, "Dự thảo bị trả lại", /trả lời|an toàn thông tin/);
  await expect(page.getByText("Bổ sung thời gian mở chuyên mục.").first()).toBeVisible();
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
  await leader.getByRole("button", { name: "So sánh" }).first().click();
  await expect(leader.getByText(/Thay đổi từ phiên bản \d+ đến phiên bản \d+/)).toBeVisible();
  await expect(leader.locator("ins").filter({ hasText: "01/12/2026" })).toBeVisible();
  await shot(leader, "06-version-diff");
  await leader.getByRole("button", { name: "Duyệt", exact: true }).click();
  await leader
    .getByRole("dialog", { name: "Duyệt dự thảo" })
    .getByRole("button", { name: "Duyệt", exact: true })
    .click();
  await expect(leader.getByText("Đã duyệt dự thảo.")).toBeVisible();
  await leader.context().close();
});

test("the clerk issues the reply, and the specialist marks the directive done", async ({
  browser,
}) => {
  const page = await signIn(browser, "baolangson.vanthu");
  await openWork(page, "Dự thảo chờ ban hành", /trả lời|an toàn thông tin/);
  await page.getByRole("button", { name: "Ban hành" }).click();
  const dialog = page.getByRole("dialog", { name: "Xác nhận nơi nhận và ban hành" });
  await expect(
    dialog.getByRole("checkbox", { name: "Sở Thông tin và Truyền thông tỉnh Lạng Sơn" }),
  ).toBeChecked();
  await shot(page, "07-issue-reply");
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
  await shot(specialist, "08-done");
  await specialist.context().close();
});

test("Sở TT&TT sees each status with its time, and the reply linked", async ({ browser }) => {
  const page = await signIn(browser, "stttt-ls.vanthu");
  await page.getByRole("link", { name: "Văn bản đi", exact: true }).click();
  await page
    .getByRole("link", { name: new RegExp(reference) })
    .first()
    .click();
  await page.getByRole("tab", { name: "Gửi, nhận" }).click();
  const row = page.getByRole("row", { name: /Báo Lạng Sơn/ });
  await expect(row).toContainText("Đã xử lý xong");
  await shot(page, "09-issuer-statuses");
  await page.context().close();
});

test("late work: the follow-up list, the handling report, the Phiếu and the Sổ theo dõi", async ({
  browser,
}) => {
  const page = await signIn(browser, "baolangson.vanthu");
  await page.getByRole("link", { name: "Việc quá hạn" }).click();
  await expect(page.getByRole("row", { name: /1650\/UBND-KGVX/ })).toBeVisible();
  await shot(page, "10-overdue");
  await page.getByRole("link", { name: "Báo cáo xử lý văn bản" }).click();
  await shot(page, "11-handling-report");
  await page.getByRole("link", { name: "Sổ theo dõi giải quyết" }).click();
  await expect(page.getByRole("row", { name: new RegExp(reference) })).toBeVisible();
  await shot(page, "12-follow-up-register");
  await page.goto(`${directive}/phieu-giai-quyet`);
  await shot(page, "13-handling-slip");
  await page.context().close();
});
