/**
 * Digital signatures in the browser (issue 16): a PDF signed by another province's agency, imported
 * by hand, shows who signed and that its issuer is not known; once the installation admin trusts
 * the root, it shows "hợp lệ"; a copy changed after signing shows the warning, and the clerk must
 * acknowledge it before registering, which the incoming register records.
 */
import { existsSync, mkdirSync } from "node:fs";
import { test, expect, type Page } from "@playwright/test";
import { layoutDocument, parseDocument, type LayoutSource } from "@vanthu/core";
import { renderPdfSync } from "@vanthu/render";
import { createDevelopmentPki, Pkcs12Signer, signPdf } from "@vanthu/signatures";
import { CHROMIUM } from "../playwright.config.ts";

test.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
test.describe.configure({ mode: "serial" });

async function shot(page: Page, name: string) {
  const dir = `test-results/story/${test.info().project.name}`;
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${dir}/signatures-${name}.png`, fullPage: true });
}

async function signIn(page: Page, username: string, password = "demo") {
  await page.goto("/app/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: /Xin chào|Quản trị/ }).first()).toBeVisible();
}

// A công văn of another province, written for this test in the usual layout.
const letter = (number: string, subject: string) => `UBND TỈNH CAO BẰNG
SỞ TƯ PHÁP

Số: ${number}/STP-PBGDPL
V/v ${subject}

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Cao Bằng, ngày 19 tháng 11 năm 2026

Kính gửi: Báo Lạng Sơn.

Sở Tư pháp tỉnh Cao Bằng đề nghị Báo Lạng Sơn phối hợp đưa tin về ${subject} trong tháng 12 năm 2026.

Trân trọng./.

Nơi nhận:
- Như trên;
- Lưu: VT, PBGDPL.

GIÁM ĐỐC

Nông Văn Hùng
`;

let rootPem = "";
async function signedLetter(number: string, subject: string): Promise<Buffer> {
  const pki = await createDevelopmentPki({ name: "Cao Bằng Thử nghiệm Root CA" });
  rootPem = pki.rootPem;
  const agency = await pki.agency({
    name: "Sở Tư pháp tỉnh Cao Bằng",
    password: "p",
  });
  const doc = parseDocument(letter(number, subject));
  const pdf = renderPdfSync(layoutDocument(doc as unknown as LayoutSource), {
    creationDate: new Date("2026-11-19T08:00:00Z"),
  });
  return Buffer.from(await signPdf(pdf, Pkcs12Signer.open(agency.p12, "p")));
}

/** One byte inside the signed range changed (the header's binary comment): the PDF still reads. */
function tamper(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf(0x0a) + 2;
  copy[at] = copy[at] === 0xe2 ? 0xe3 : 0xe2;
  return copy;
}

async function importOne(page: Page, name: string, bytes: Buffer, reference: string) {
  await page.getByRole("link", { name: "Nhập văn bản đến" }).click();
  await page
    .getByTestId("import-input")
    .setInputFiles([{ name, mimeType: "application/pdf", buffer: bytes }]);
  await expect(page.getByText("Đã xử lý 1/1 tệp, đã tạo 1 văn bản đến")).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
}

test("a signed PDF from another province: who signed, and its issuer not known; trusted, it is valid", async ({
  browser,
}) => {
  const clerk = await (await browser.newContext()).newPage();
  await signIn(clerk, "baolangson.vanthu");
  await importOne(
    clerk,
    "cv-931-svhttdl.pdf",
    await signedLetter("931", "phổ biến pháp luật cho người dân vùng biên"),
    "931/STP-PBGDPL",
  );
  const panel = clerk.getByTestId("signatures");
  await expect(panel).toContainText(
    "Chữ ký số khớp nội dung; chưa xác định được tổ chức cấp chứng thư số",
  );
  await expect(panel).toContainText("Sở Tư pháp tỉnh Cao Bằng");
  await expect(panel).toContainText("Tổ chức cấp chứng thư số: Cao Bằng Thử nghiệm Root CA");
  await shot(clerk, "01-unknown-issuer");
  const documentUrl = clerk.url();

  // The installation admin trusts the root (a .pem file uploaded on the admin page).
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await admin
    .getByRole("link", { name: /Quản trị/ })
    .first()
    .click();
  await expect(admin.getByRole("heading", { name: "Chứng thư số gốc tin cậy" })).toBeVisible();
  const chooser = admin.waitForEvent("filechooser");
  await admin.getByRole("button", { name: "Thêm chứng thư số gốc (.cer, .crt, .pem)" }).click();
  await (
    await chooser
  ).setFiles({
    name: "caobang-root.pem",
    mimeType: "application/x-pem-file",
    buffer: Buffer.from(rootPem),
  });
  await expect(admin.getByText("Đã thêm 1 chứng thư số gốc.")).toBeVisible();
  await expect(admin.getByRole("row", { name: /Cao Bằng Thử nghiệm Root CA/ })).toBeVisible();
  await shot(admin, "02-trust-anchors");

  await clerk.goto(documentUrl);
  await expect(panel).toContainText("Chữ ký số hợp lệ");
  await expect(panel).toContainText(
    "Chữ ký của Sở Tư pháp tỉnh Cao Bằng hợp lệ, văn bản không bị thay đổi sau khi ký.",
  );
  await shot(clerk, "03-valid");
  // Not the newspaper's business: deleted, so the later stories' waiting lists stay theirs.
  await clerk.getByRole("button", { name: "Xóa dự thảo" }).click();
  await clerk
    .getByRole("dialog", { name: "Xóa dự thảo này?" })
    .getByRole("button", { name: "Xóa dự thảo" })
    .click();
  await expect(clerk).toHaveURL(/\/van-ban-den$/);
});

test("a copy changed after signing: the warning, acknowledged before registering, kept in the register", async ({
  page,
}) => {
  await signIn(page, "baolangson.vanthu");
  await importOne(
    page,
    "cv-932-sua.pdf",
    tamper(await signedLetter("932", "Ngày Pháp luật Việt Nam")),
    "932/STP-PBGDPL",
  );
  await expect(page.getByTestId("signatures")).toContainText("Văn bản đã bị sửa sau khi ký");
  await shot(page, "04-changed");
  await page.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  const dialog = page.getByRole("dialog", { name: "Vào sổ văn bản đến" });
  await expect(dialog.getByTestId("signature-warning")).toContainText(
    "không còn khớp với nội dung",
  );
  const register = dialog.getByRole("button", { name: "Vào sổ văn bản đến" });
  await expect(register).toBeDisabled();
  await dialog.getByLabel("Tôi đã biết văn bản bị sửa sau khi ký và vẫn vào sổ").check();
  await shot(page, "05-acknowledge");
  await register.click();
  await expect(page.getByText(/Đã vào sổ đến, số \d+/)).toBeVisible();
  await page.getByRole("link", { name: "Sổ đăng ký" }).click();
  await page.getByRole("combobox", { name: "Sổ đăng ký văn bản" }).click();
  await page.getByRole("option", { name: /Sổ đăng ký văn bản đến 2026/ }).click();
  await expect(page.getByRole("row", { name: /932\/STP-PBGDPL/ })).toContainText(
    /Bị sửa sau khi ký \(đã xác nhận: .+\)/,
  );
  await shot(page, "06-register");
});
