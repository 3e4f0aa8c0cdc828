/**
 * The exchange's identifiers in the browser (issue 17): an agency admin sees their mã định danh
 * and sets the agency's contacts and whether it accepts only signed packages; the installation admin imports the directory of other systems'
 * agencies from a CSV file, and a file with a bad line is refused with the line named.
 */
import { existsSync, mkdirSync } from "node:fs";
import { test, expect, type Page } from "@playwright/test";
import { CHROMIUM } from "../playwright.config.ts";

test.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);

async function shot(page: Page, name: string) {
  const dir = `test-results/story/${test.info().project.name}`;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/exchange-${name}.png`, fullPage: true });
}

async function signIn(page: Page, username: string) {
  await page.goto("/app/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
}

test("an agency admin sets the agency's contacts for the exchange", async ({ page }) => {
  await signIn(page, "baolangson.admin");
  await page.getByRole("link", { name: "Quản trị" }).click();
  await page.getByRole("tab", { name: "Liên thông" }).click();
  await expect(page.getByLabel("Mã định danh")).toHaveValue("000.00.41.H37");
  await page.getByLabel("Thư điện tử").fill("toasoan@baolangson.vn");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByText("Đã lưu").first()).toBeVisible();
  await expect(page.getByRole("row", { name: /000\.00\.41\.H37/ })).toContainText(
    "toasoan@baolangson.vn",
  );
  await expect(page.getByRole("row", { name: /000\.00\.00\.G22/ })).toContainText(
    "Văn phòng Chính phủ",
  );
  // Only signed packages from now on: kept, as the page shows after a reload.
  const signed = page.getByLabel("Chỉ nhận gói tin có chữ ký số hợp lệ");
  await expect(signed).not.toBeChecked();
  await signed.check();
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByText("Đã lưu").first()).toBeVisible();
  await page.reload();
  await page.getByRole("tab", { name: "Liên thông" }).click();
  await expect(page.getByLabel("Chỉ nhận gói tin có chữ ký số hợp lệ")).toBeChecked();
  await shot(page, "01-identity");
});

test("the installation admin imports the directory from CSV; a bad line imports nothing", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page
    .getByRole("link", { name: /Quản trị/ })
    .first()
    .click();
  const upload = async (csv: string) => {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Nhập danh bạ từ tệp CSV" }).click();
    await (
      await chooser
    ).setFiles({ name: "danh-ba.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  };
  await upload(
    "Mã định danh;Tên cơ quan;Địa chỉ\n000.00.00.H14;Ủy ban nhân dân tỉnh Bắc Giang;Bắc Giang\nH14;Sở Y tế;\n",
  );
  await expect(page.getByText(/Dòng 3: Mã định danh gồm/)).toBeVisible();
  await expect(page.getByRole("row", { name: /000\.00\.00\.H14/ })).toHaveCount(0);
  await upload(
    "Mã định danh;Tên cơ quan;Địa chỉ\n000.00.00.H14;Ủy ban nhân dân tỉnh Bắc Giang;Bắc Giang\n",
  );
  await expect(page.getByText("Đã nhập danh bạ: thêm 1, sửa 0, giữ nguyên 0.")).toBeVisible();
  await expect(page.getByRole("row", { name: /000\.00\.00\.H14/ })).toContainText(
    "Ủy ban nhân dân tỉnh Bắc Giang",
  );
  await shot(page, "02-directory");
});
