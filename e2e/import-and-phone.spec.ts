/**
 * More flows: a clerk imports received documents (several files read in the background, progress,
 * the fields read from each, a file holding two letters making two records, a bad file refused
 * with its reason) and registers one; an admin adds a colleague, who
 * signs in; a wrong password is refused in Vietnamese; the admin pages label an agency's name
 * as such; and the work pages on a phone-sized screen, navigation through the menu button.
 */
import { existsSync, mkdirSync } from "node:fs";
import { test, expect, type Page } from "@playwright/test";
import { CHROMIUM } from "../playwright.config.ts";

test.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);

async function shot(page: Page, name: string) {
  const dir = `test-results/story/${test.info().project.name}`;
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function signIn(page: Page, username: string, password = "demo") {
  await page.goto("/app/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: /Xin chào/ })).toBeVisible();
}

// A received công văn, written for this test in the usual layout.
const RECEIVED = `UBND TỈNH HẢI DƯƠNG
SỞ CÔNG THƯƠNG

Số: 412/SCT-QLTM
V/v phối hợp tuyên truyền phòng, chống hàng giả

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hải Dương, ngày 18 tháng 11 năm 2026

Kính gửi: Sở Thông tin và Truyền thông tỉnh Lạng Sơn.

Để nâng cao nhận thức của người tiêu dùng, Sở Công Thương đề nghị Quý Sở phối hợp đăng tải các tin, bài về nhận biết hàng giả, hàng kém chất lượng trên cổng thông tin điện tử của Sở.

Trân trọng./.

Nơi nhận:
- Như trên;
- Lưu: VT, QLTM.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Trần Văn Bình
`;

// Two letters in one file, as a merged scan would hold them (our own words).
const LETTER = (
  n: string,
  unit: string,
  sign: string,
  subject: string,
  day: string,
) => `UBND TỈNH LẠNG SƠN
${unit}

Số: ${n}
V/v ${subject}

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Lạng Sơn, ngày ${day} tháng 11 năm 2026

Kính gửi: Sở Thông tin và Truyền thông tỉnh Lạng Sơn.

Đề nghị Quý Sở phối hợp đưa tin về nội dung trên trong tháng 11 năm 2026.

Trân trọng./.

Nơi nhận:
- Như trên;
- Lưu: VT.

GIÁM ĐỐC

${sign}
`;
const TWO_LETTERS =
  LETTER("215/SYT-NVY", "SỞ Y TẾ", "Nguyễn Thị Hoa", "phòng, chống sốt xuất huyết", "03") +
  "\n" +
  LETTER("1032/SGDĐT-VP", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Hoàng Văn Nam", "kỳ thi học sinh giỏi", "10");

test("a clerk imports received files, checks what was read, and registers one", async ({
  page,
}) => {
  await signIn(page, "stttt-ls.vanthu");
  await page.getByRole("link", { name: "Nhập văn bản đến" }).click();
  await page.getByTestId("import-input").setInputFiles([
    { name: "412-SCT-QLTM.txt", mimeType: "text/plain", buffer: Buffer.from(RECEIVED) },
    { name: "anh-chup.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf at all") },
    { name: "hai-van-ban.txt", mimeType: "text/plain", buffer: Buffer.from(TWO_LETTERS) },
  ]);
  // Read on the server in the background: the page follows the batch until every file is done.
  await expect(page.getByText("Đã xử lý 3/3 tệp, đã tạo 3 văn bản đến")).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole("link", { name: "215/SYT-NVY" })).toBeVisible();
  await expect(page.getByRole("link", { name: "1032/SGDĐT-VP" })).toBeVisible();
  await expect(page.getByText("Văn bản 2/2 trong tệp")).toBeVisible();
  const row = page.getByRole("row", { name: /412-SCT-QLTM\.txt/ });
  await expect(row).toContainText("412/SCT-QLTM");
  await expect(row).toContainText("18/11/2026");
  await expect(row).toContainText("phối hợp tuyên truyền phòng, chống hàng giả");
  const bad = page.getByRole("row", { name: /anh-chup\.pdf/ });
  await expect(bad).toContainText(/không|Không/);
  await shot(page, "import-checked");
  await row.getByRole("link", { name: "Vào sổ văn bản đến" }).click();
  await page.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  const dialog = page.getByRole("dialog", { name: "Vào sổ văn bản đến" });
  await expect(dialog.getByLabel("Cơ quan ban hành")).toHaveValue(/Sở Công Thương/);
  await dialog.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  await expect(page.getByText(/Đã vào sổ đến, số \d+/)).toBeVisible();
  await shot(page, "import-registered");
});

test("on a phone: the menu button opens the navigation; boxes and documents fit", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, "stttt-ls.lanhdao");
  await expect(page.getByRole("link", { name: "Văn bản đi", exact: true })).not.toBeInViewport();
  await page.getByRole("button", { name: "Mở hoặc đóng danh mục" }).click();
  await page.getByRole("link", { name: "Văn bản đi", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Văn bản đi" })).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
  await shot(page, "phone-outgoing");
  await page.getByRole("link", { name: /1184\/STTTT-TTBCXB/ }).click();
  await expect(page.locator("article.van-ban")).toContainText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  await shot(page, "phone-document");
  await context.close();
});

test("an admin adds a specialist, who signs in; a wrong password is refused", async ({
  page,
  browser,
}) => {
  await signIn(page, "stttt-ls.admin");
  await page.getByRole("link", { name: "Quản trị" }).click();
  await page.getByRole("button", { name: "Thêm người dùng" }).click();
  const dialog = page.getByRole("dialog", { name: "Thêm người dùng" });
  await dialog.getByLabel("Tên đăng nhập").fill(`stttt-ls.tranthib-${test.info().project.name}`);
  await dialog.getByLabel("Họ và tên").fill("Trần Thị Bích");
  await dialog.getByLabel("Chức vụ").fill("Chuyên viên");
  await dialog.getByLabel("Mật khẩu ban đầu").fill("mat-khau-tam");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Đã lưu")).toBeVisible();
  await expect(page.getByRole("row", { name: /Trần Thị Bích/ })).toBeVisible();
  await shot(page, "admin-users");

  const other = await browser.newContext();
  const newcomer = await other.newPage();
  await newcomer.goto("/app/dang-nhap");
  await newcomer.getByLabel("Tên đăng nhập").fill(`stttt-ls.tranthib-${test.info().project.name}`);
  await newcomer.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await newcomer.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(newcomer.getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await signIn(newcomer, `stttt-ls.tranthib-${test.info().project.name}`, "mat-khau-tam");
  await expect(newcomer.getByRole("heading", { name: "Xin chào, Trần Thị Bích" })).toBeVisible();
  await other.close();
});

test('bug: the admin\'s agency-name field was labelled "Họ và tên": it says "Tên cơ quan"', async ({
  page,
  browser,
}) => {
  await signIn(page, "stttt-ls.admin");
  await page.goto("/app/quan-tri");
  await page.getByRole("tab", { name: "Cơ quan" }).click();
  const agencies = page.getByRole("tabpanel", { name: "Cơ quan" });
  await expect(agencies.getByRole("button", { name: "Thêm cơ quan trực thuộc" })).toBeVisible();
  await expect(agencies.getByRole("textbox", { name: "Tên cơ quan" })).toBeVisible();
  await expect(agencies.getByRole("textbox", { name: "Họ và tên" })).toHaveCount(0);

  // The installation's page: the agency's name, then its first admin's full name.
  const other = await browser.newContext();
  const installer = await other.newPage();
  await installer.goto("/app/dang-nhap");
  await installer.getByLabel("Tên đăng nhập").fill("admin");
  await installer.getByLabel("Mật khẩu").fill("demo");
  await installer.getByRole("button", { name: "Đăng nhập" }).click();
  // Signed in before leaving the page: going on at once can race the session cookie.
  await expect(installer.getByRole("heading", { name: /Xin chào/ })).toBeVisible();
  await installer.goto("/app/quan-tri");
  await expect(installer.getByRole("heading", { name: "Quản trị hệ thống" })).toBeVisible();
  await expect(installer.getByRole("textbox", { name: "Tên cơ quan" })).toHaveCount(1);
  await expect(installer.getByRole("textbox", { name: "Họ và tên" })).toHaveCount(1);
  const [name, fullName] = await Promise.all(
    ["Tên cơ quan", "Họ và tên"].map(async (label) =>
      installer
        .getByRole("textbox", { name: label })
        .evaluate((e) => e.getBoundingClientRect().top),
    ),
  );
  expect(name, "the agency's name comes before its first admin's").toBeLessThan(fullName!);
  await other.close();
});

test("the language menu switches the pages to English and back", async ({ page }) => {
  await signIn(page, "stttt-ls.vanthu");
  await page.getByRole("button", { name: "Văn thư Sở Thông tin và Truyền thông" }).click();
  await page.getByRole("menuitem", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: /^Hello, / })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Outgoing", exact: true })).toBeVisible();
  await shot(page, "english");
  await page.getByRole("button", { name: "Văn thư Sở Thông tin và Truyền thông" }).click();
  await page.getByRole("menuitem", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("heading", { name: /^Xin chào, / })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
});
