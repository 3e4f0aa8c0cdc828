/**
 * Digital signatures in the browser (issue 16): the agency admin's signing tab shows the demo
 * world's signers (the agency's PKCS#12 and seal, the leader's PKCS#12 and signature image), and
 * a wrong PKCS#12 password given there is refused in Vietnamese. Screenshots in
 * test-results/signing/<database>/.
 */
import { existsSync, mkdirSync } from "node:fs";
import { test, expect, type Page } from "@playwright/test";
import { CHROMIUM } from "../playwright.config.ts";

test.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);

async function shot(page: Page, name: string) {
  const dir = `test-results/signing/${test.info().project.name}`;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

test("the admin's signing tab: the demo's signers, and a wrong password refused", async ({
  page,
}) => {
  await page.goto("/app/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill("stttt-ls.admin");
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: /Xin chào/ })).toBeVisible();
  await page.goto("/app/quan-tri");
  await page.getByRole("tab", { name: "Chữ ký số" }).click();
  await expect(page.getByRole("heading", { name: "Chữ ký số của cơ quan" })).toBeVisible();
  await expect(page.getByText("Đã có ảnh con dấu")).toBeVisible();
  await expect(page.getByText(/CN=Sở Thông tin và Truyền thông/).first()).toBeVisible();
  const leader = page.getByRole("row", { name: /stttt-ls\.lanhdao/ });
  await expect(leader.getByText("Tệp PKCS#12")).toBeVisible();
  await expect(leader.getByText("Đã có ảnh")).toBeVisible();
  await shot(page, "signing-tab");

  // A file and a wrong password: the server's code, in Vietnamese, nothing changed.
  await page.getByRole("button", { name: "Cấu hình" }).first().click();
  const dialog = page.getByRole("dialog", { name: /Chữ ký số: Cơ quan/ });
  // Mantine's FileInput: a labelled button over a hidden file input.
  await expect(dialog.getByText("Tệp chứng thư số (.p12, .pfx)")).toBeVisible();
  await dialog.locator('input[type="file"]').setInputFiles({
    name: "co-quan.p12",
    mimeType: "application/x-pkcs12",
    buffer: Buffer.from("không phải tệp PKCS#12"),
  });
  await dialog.getByLabel("Mật khẩu của tệp").fill("sai");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await expect(dialog.getByText(/Tệp chứng thư số không đọc được/)).toBeVisible();
  await shot(page, "signing-refused");
});
