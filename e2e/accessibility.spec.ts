/**
 * Accessibility of the main pages, checked by axe-core in the real browser: no serious or
 * critical violation (labels, names, contrast, landmarks, ARIA) on the login page, the work
 * pages a clerk uses most, and the public portal.
 */
import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, type Page } from "@playwright/test";
import { CHROMIUM } from "../playwright.config.ts";

test.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);

// No transition half-way through when axe looks (a fading popover has low contrast for a moment).
test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
});

async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ") + " " + n.html.slice(0, 200) + " " + (n.any[0]?.message ?? "")).join(", ")}`,
    );
}

test("login page and portal", async ({ page }) => {
  await page.goto("/app/dang-nhap");
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.goto("/");
  expect(await violations(page)).toEqual([]);
  await page.goto("/?q=tuyen%20truyen");
  expect(await violations(page)).toEqual([]);
});

test("the work pages a clerk uses most", async ({ page }) => {
  await page.goto("/app/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill("stttt-ls.vanthu");
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: /Xin chào/ })).toBeVisible();
  expect(await violations(page), "home").toEqual([]);
  await page.getByRole("button", { name: /^Thông báo: \d+$/ }).click();
  await expect(page.getByRole("dialog").getByText("Thông báo", { exact: true })).toBeVisible();
  expect(await violations(page), "notifications").toEqual([]);
  await page.keyboard.press("Escape");
  for (const [path, heading] of [
    ["/app/van-ban-di", "Văn bản đi"],
    ["/app/soan-thao", "Soạn văn bản"],
    ["/app/so-dang-ky", "Sổ đăng ký văn bản"],
    ["/app/nhiem-vu", "Nhiệm vụ và báo cáo"],
    ["/app/tim-kiem?q=tuyen%20truyen", "Kết quả tìm kiếm"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await violations(page), path).toEqual([]);
  }
  await page.goto("/app/van-ban-di");
  await page.getByRole("link", { name: /1184\/STTTT-TTBCXB/ }).click();
  await expect(page.locator("article.van-ban")).toBeVisible();
  expect(await violations(page), "document page").toEqual([]);
  await page.getByRole("link", { name: "Theo dõi thực hiện" }).click();
  await expect(page.getByTestId("grid")).toBeVisible();
  expect(await violations(page), "dashboard").toEqual([]);
  await page.goto("/app/quan-tri");
  await expect(page.getByRole("heading", { level: 1, name: "Quản trị cơ quan" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await violations(page), "admin (not an admin: the page says so)").toEqual([]);
});

/** Signs in as a demo account in a fresh page's context. */
async function signIn(page: Page, username: string) {
  await page.goto("/app/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: /Xin chào/ })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test("the pages of the work inside an agency (issue 15)", async ({ browser }) => {
  // The leader: Việc của tôi, a document to instruct, its handling and review tabs.
  const leader = await (await browser.newContext()).newPage();
  await leader.emulateMedia({ reducedMotion: "reduce" });
  await signIn(leader, "baolangson.lanhdao");
  expect(await violations(leader), "my work (leader)").toEqual([]);
  for (const [path, heading] of [
    ["/app/qua-han", "Việc quá hạn"],
    ["/app/so-theo-doi", "Sổ theo dõi giải quyết văn bản đến"],
    ["/app/bao-cao-xu-ly", "Báo cáo tình hình xử lý văn bản"],
  ] as const) {
    await leader.goto(path);
    await expect(leader.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await leader.waitForLoadState("networkidle");
    expect(await violations(leader), path).toEqual([]);
  }
  await leader.goto("/app/qua-han");
  await leader.getByRole("link", { name: /1650\/UBND-KGVX/ }).click();
  await leader.getByRole("tab", { name: "Xử lý" }).click();
  await expect(leader.getByText(/Hạn xử lý: 20\/11\/2026/).first()).toBeVisible();
  expect(await violations(leader), "handling tab").toEqual([]);
  await leader.getByRole("link", { name: "Phiếu giải quyết" }).click();
  await expect(leader.locator(".print-slip")).toBeVisible();
  expect(await violations(leader), "handling slip").toEqual([]);
  await leader.context().close();

  // The admin: units, delegations, deadlines.
  const admin = await (await browser.newContext()).newPage();
  await admin.emulateMedia({ reducedMotion: "reduce" });
  await signIn(admin, "baolangson.admin");
  await admin.goto("/app/quan-tri");
  for (const tab of ["Đơn vị", "Ủy quyền", "Hạn xử lý"]) {
    await admin.getByRole("tab", { name: tab }).click();
    await admin.waitForLoadState("networkidle");
    expect(await violations(admin), `admin: ${tab}`).toEqual([]);
  }
  await admin.context().close();
});
