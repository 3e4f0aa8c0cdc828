/**
 * Printing a document keeps its ND30 header (Quốc hiệu, the agency, Số, V/v, the date) on a
 * portrait A4 page; only the registers print landscape. Searching by a number alone finds the
 * document. An unknown address is a page in Vietnamese, not a developer page or raw JSON.
 */
import { existsSync } from "node:fs";
import { test, expect, type Page } from "@playwright/test";
import { CHROMIUM } from "../playwright.config.ts";

test.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);

async function signIn(page: Page, username: string) {
  await page.goto("/app/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: /Xin chào/ })).toBeVisible();
}

// A received công văn of our own, in the usual layout.
const RECEIVED = [
  "UBND TỈNH LẠNG SƠN",
  "SỞ NỘI VỤ",
  "Số: 77/SNV-VP",
  "V/v rà soát hồ sơ viên chức",
  "",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Lạng Sơn, ngày 20 tháng 11 năm 2026",
  "",
  "Kính gửi: Sở Thông tin và Truyền thông",
  "",
  "Sở Nội vụ đề nghị Quý Sở rà soát hồ sơ viên chức và gửi kết quả trước ngày 30/11/2026./.",
  "",
  "Nơi nhận:",
  "- Như trên;",
  "- Lưu: VT.",
  "",
  "GIÁM ĐỐC",
  "",
  "Hoàng Văn Khải",
].join("\n");

/** Width and height of the first page of a PDF, in points. */
function firstPageSize(pdf: Buffer): [number, number] {
  const m = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(
    pdf.toString("latin1"),
  );
  if (!m) throw new Error("no MediaBox in the printed PDF");
  return [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])];
}

test("search by number alone, then print the document: its header stays, portrait A4", async ({
  page,
}) => {
  await signIn(page, "stttt-ls.vanthu");
  await page.goto("/app/tim-kiem?q=1184");
  await expect(page.getByText("1 kết quả")).toBeVisible();
  await expect(page.getByText(/1184\/STTTT-TTBCXB · /)).toBeVisible();
  await page
    .getByRole("link", { name: /lừa đảo trên không gian mạng/ })
    .first()
    .click();
  const motto = page.getByText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").first();
  await expect(motto).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(motto).toBeVisible();
  await expect(page.getByText(/Số:\s*1184\/STTTT-TTBCXB/).first()).toBeVisible();
  const [w, h] = firstPageSize(await page.pdf({ preferCSSPageSize: true }));
  expect(h).toBeGreaterThan(w);

  // A register to print: a received letter of our own, imported and registered.
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("link", { name: "Nhập văn bản đến" }).click();
  await page
    .getByTestId("import-input")
    .setInputFiles([
      { name: "77-SNV-VP.txt", mimeType: "text/plain", buffer: Buffer.from(RECEIVED) },
    ]);
  const row = page.getByRole("row", { name: /77-SNV-VP\.txt/ });
  await expect(row).toContainText("77/SNV-VP", { timeout: 60_000 });
  await row.getByRole("link", { name: "Vào sổ văn bản đến" }).click();
  await page.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  const dialog = page.getByRole("dialog", { name: "Vào sổ văn bản đến" });
  await dialog.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  await expect(page.getByText(/Đã vào sổ đến, số \d+/)).toBeVisible();
  await page.getByRole("link", { name: "Sổ đăng ký" }).click();
  await expect(page.getByRole("table").first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const [rw, rh] = firstPageSize(await page.pdf({ preferCSSPageSize: true }));
  expect(rw).toBeGreaterThan(rh);
});

test("an address the application does not have says so in Vietnamese, with the way home", async ({
  page,
}) => {
  await signIn(page, "stttt-ls.vanthu");
  await page.goto("/app/van-ban-khong-co/abc");
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  await page.getByRole("link", { name: "Về trang chính" }).click();
  await expect(page.getByRole("heading", { name: /Xin chào/ })).toBeVisible();
  // A clerk who types the admin page's address is told why, with no button the server refuses.
  await page.goto("/app/quan-tri");
  await expect(page.getByText(/không có quyền này/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Thêm người dùng" })).toHaveCount(0);
  const portal = await page.goto("/khong-co-trang");
  expect(portal?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
});

test("a draft is deleted after a confirmation, and is gone from the drafts", async ({ page }) => {
  await signIn(page, "stttt-ls.vanthu");
  const made = await page.request.post("/api/documents", {
    headers: { "x-csrf-token": await csrf(page) },
    data: { text: RECEIVED.replace("Số: 77/SNV-VP", "Số: /SNV-VP").replace("77-", "") },
  });
  expect(made.status()).toBe(201);
  const { id } = (await made.json()) as { id: string };
  await page.goto(`/app/van-ban/${id}`);
  await page.getByRole("button", { name: "Xóa dự thảo" }).click();
  await expect(page.getByRole("dialog", { name: "Xóa dự thảo này?" })).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Xóa dự thảo" }).click();
  await expect(page).toHaveURL(/\/app\/du-thao$/);
  expect((await page.request.get(`/api/documents/${id}`)).status()).toBe(404);
});

/** The session's CSRF token, as the web app reads it. */
async function csrf(page: Page): Promise<string> {
  const me = await page.request.get("/api/auth/me");
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}
