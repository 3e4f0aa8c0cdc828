/**
 * The Content-Security-Policy in the real browser: the login page, home, compose (with its live
 * preview and findings), a document page with its PDF, and the portal (list, search, agency
 * picker, a document and its PDF) load without one `securitypolicyviolation` event or a console
 * error about Content Security Policy, and every page is sent with the policy.
 */
import { existsSync } from "node:fs";
import { test, expect, type Page } from "@playwright/test";
import { CHROMIUM } from "../playwright.config.ts";

test.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Collects CSP violations from the page's events and the console, from the first byte on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (/Content[- ]Security[- ]Policy/i.test(e.message)) fromConsole.push(e.message);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations!.push(
        `${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      );
    });
  });
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => window.__cspViolations ?? []).catch(() => [])),
  ];
}

async function expectPolicy(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res, path).not.toBeNull();
  const csp = res!.headers()["content-security-policy"] ?? "";
  expect(csp, path).toContain("script-src 'self'");
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(res!.headers()["x-frame-options"], path).toBe("DENY");
}

test("the web app passes under the CSP: login, home, compose, a document and its PDF", async ({
  page,
}) => {
  const violations = await watchCsp(page);
  await expectPolicy(page, "/app/dang-nhap");
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeVisible();
  // Mantine's styles applied: the button has its theme colour, not the browser's grey.
  const bg = await page
    .getByRole("button", { name: "Đăng nhập" })
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe("rgb(239, 239, 239)");
  await page.getByLabel("Tên đăng nhập").fill("stttt-ls.vanthu");
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: /Xin chào/ })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await violations(), "home").toEqual([]);

  await page.getByRole("link", { name: "Soạn văn bản" }).click();
  await expect(page.getByRole("heading", { name: "Soạn văn bản" })).toBeVisible();
  await expect(page.getByTestId("preview")).toContainText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  await page.getByLabel("Trích yếu nội dung").fill("kiểm tra chính sách bảo mật các các trang");
  await page.getByLabel("Nội dung (mỗi đoạn một dòng)").fill("Đề nghị các các cơ quan báo cáo.");
  await expect(
    page.getByTestId("findings").locator('[data-code="repeated-word"]').first(),
  ).toBeVisible();
  expect(await violations(), "compose").toEqual([]);
  // More findings than the server sends: the page says how many there are.
  await page
    .getByLabel("Nội dung (mỗi đoạn một dòng)")
    .fill(Array.from({ length: 400 }, (_, i) => `${i + 1}. Gửi các các cơ quan.`).join("\n"));
  await expect(page.getByTestId("findings-more")).toContainText(/Chỉ hiện 300 trong số 40\d/);

  await page.goto("/app/van-ban-di");
  await expect(page.getByRole("heading", { level: 1, name: "Văn bản đi" })).toBeVisible();
  await page.locator('a[href^="/app/van-ban/"]').first().click();
  const pdfLink = page.getByRole("link", { name: "Tải PDF" });
  await expect(pdfLink).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await violations(), "document page").toEqual([]);
  // The PDF is a download from the same origin; the policy does not get in its way.
  const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});

test("the portal passes under the CSP: list, search, agency picker, a document", async ({
  page,
}) => {
  const violations = await watchCsp(page);
  await expectPolicy(page, "/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The portal's CSS is inline (<style>): it must apply.
  const header = await page
    .locator("header.site")
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(header).toBe("rgb(139, 26, 26)");
  await page.getByRole("searchbox").fill("tuyen truyen");
  await page.getByRole("button", { name: /Tìm/ }).click();
  await page.waitForLoadState("load");
  expect(await violations(), "search").toEqual([]);
  // The agency picker works through /portal.js, not an inline handler.
  const picker = page.getByRole("combobox");
  const option = picker.locator("option").nth(1);
  const value = await option.getAttribute("value");
  await Promise.all([page.waitForURL(`**${value}`), picker.selectOption(value!)]);
  expect(await violations(), "agency page").toEqual([]);
  const doc = page.locator('a.subject[href^="/van-ban/"]').first();
  await doc.click();
  await expect(page.locator("article.van-ban")).toBeVisible();
  expect(await violations(), "document").toEqual([]);
  const href = await page.locator('a[href$="/ban-pdf"]').getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});

test("a policy that the pages would break is reported by this test (the check works)", async ({
  page,
}) => {
  const violations = await watchCsp(page);
  await page.goto("/");
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = 1";
    document.body.append(s);
  });
  await expect.poll(violations).not.toEqual([]);
});
