/**
 * Two vanthu installations exchange a directive in the browser (issue 17): A is the PGlite server
 * of this run, B the PostgreSQL one (both are started when TEST_DATABASE_URL is set; without it
 * there is one server and this story says it is skipped). Each installation admin connects the
 * other through the web pages; B's agency takes an identifier A knows from its directory. A's
 * clerk issues to it; B's clerk finds it in the incoming box with its sender, registers it; A
 * sees 01 then 03 on its delivery; A recalls another document, B refuses the recall, A sees the
 * answer; both exchange logs list the packages.
 */
import { existsSync, mkdirSync } from "node:fs";
import { test, expect, type Browser, type Page } from "@playwright/test";
import { CHROMIUM } from "../playwright.config.ts";

const base = Number(process.env.E2E_PORT ?? 3217);
const A_URL = `http://127.0.0.1:${base}`;
const B_URL = `http://127.0.0.1:${base + 1}`;
const B_ORGAN = "000.99.01.H99";
const A_ORGAN = "000.00.21.H37";
const B_NAME = "Sở Văn hóa và Thể thao tỉnh Nghệ An";
const SECRET = "e2e-shared-secret-between-two-systems";

test.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
test.skip(
  !process.env.TEST_DATABASE_URL,
  "the exchange story needs the second (PostgreSQL) server: set TEST_DATABASE_URL",
);

async function shot(page: Page, name: string) {
  const dir = "test-results/story/two-systems";
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function signedIn(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto("/app/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/dang-nhap/);
  await expect(page.getByRole("navigation", { name: "Danh mục" })).toBeVisible();
  return page;
}

async function csrf(page: Page): Promise<string> {
  const me = await page.request.get("/api/auth/me");
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

async function write<T = { id: string }>(page: Page, url: string, data?: unknown): Promise<T> {
  const res = await page.request.post(url, {
    headers: { "x-csrf-token": await csrf(page) },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.ok(), `POST ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** The installation admin connects an identifier to the other installation's inbox. */
async function connect(page: Page, organId: string, inbox: string) {
  await page
    .getByRole("link", { name: /Quản trị/ })
    .first()
    .click();
  const peers = page.getByRole("heading", { name: "Kết nối liên thông" });
  await expect(peers).toBeVisible();
  await page.getByLabel("Mã định danh", { exact: true }).last().fill(organId);
  await page.getByLabel("Địa chỉ", { exact: true }).last().fill(inbox);
  await page.getByLabel("Khóa bí mật dùng chung").fill(SECRET);
  await page.getByRole("button", { name: "Lưu kết nối" }).click();
  await expect(page.getByText("Đã lưu kết nối liên thông.")).toBeVisible();
  await expect(page.getByTestId("exchange-peers")).toContainText(organId);
}

/** A directive of A's Sở to B's agency, written, approved and issued through the API. */
async function issueToB(issuer: Page, browser: Browser, subject: string): Promise<string> {
  const draft = await write(issuer, "/api/documents", {
    typeCode: "CV",
    unit: "TTBCXB",
    subject,
    addressees: [B_NAME],
    paragraphs: [
      "Sở Thông tin và Truyền thông tỉnh Lạng Sơn đề nghị Quý Sở:",
      "1. Phối hợp đưa tin về chương trình giao lưu văn hóa giữa hai tỉnh.",
      "2. Thông báo kết quả về Sở trước ngày 20/12/2026./.",
    ],
    recipients: ["Như trên"],
    archive: ["VT", "TTBCXB"],
    signature: {
      authority: "KT",
      authorityTitle: "GIÁM ĐỐC",
      signerTitle: "PHÓ GIÁM ĐỐC",
      signerName: "Hoàng Thị Lan",
    },
  });
  const reviewers = await issuer.request.get(`/api/documents/${draft.id}/reviewers`);
  const { items } = (await reviewers.json()) as {
    items: Array<{ id: string; title: string | null }>;
  };
  await write(issuer, `/api/documents/${draft.id}/review/submit`, {
    reviewerId: items.find((p) => p.title === "Lãnh đạo")!.id,
  });
  const leader = await signedIn(browser, A_URL, "stttt-ls.lanhdao");
  await write(leader, `/api/documents/${draft.id}/review/approve`, { password: "kyso-demo" });
  await leader.context().close();
  await write(issuer, `/api/documents/${draft.id}/issue`, {});
  return draft.id;
}

test("two installations exchange a directive: issue, arrival, registration, recall refused", async ({
  browser,
}) => {
  // One story across both servers: run once, from the PGlite project.
  test.skip(test.info().project.name !== "pglite", "run once, from the PGlite project");
  test.setTimeout(240_000);
  // B's agency takes an identifier of its own; its admin does it on the Liên thông tab.
  const bAdmin = await signedIn(browser, B_URL, "stttt-hd.admin");
  const own = (await (await bAdmin.request.get("/api/auth/me")).json()) as {
    agency: { id: string };
  };
  const before = (await (await bAdmin.request.get("/api/agencies")).json()) as {
    items: Array<{ id: string; organId: string | null }>;
  };
  const bOriginal = before.items.find((a) => a.id === own.agency.id)!.organId;
  try {
    await bAdmin.getByRole("link", { name: "Quản trị" }).click();
    await bAdmin.getByRole("tab", { name: "Liên thông" }).click();
    await bAdmin.getByLabel("Mã định danh").fill(B_ORGAN);
    await bAdmin.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(bAdmin.getByText("Đã lưu").first()).toBeVisible();

    // Each installation admin connects the other.
    const aInstaller = await signedIn(browser, A_URL, "admin");
    await aInstaller
      .getByRole("link", { name: /Quản trị/ })
      .first()
      .click();
    const chooser = aInstaller.waitForEvent("filechooser");
    await aInstaller.getByRole("button", { name: "Nhập danh bạ từ tệp CSV" }).click();
    await (
      await chooser
    ).setFiles({
      name: "danh-ba.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`Mã định danh,Tên cơ quan\n${B_ORGAN},${B_NAME}\n`),
    });
    await expect(aInstaller.getByText(/Đã nhập danh bạ/)).toBeVisible();
    await connect(aInstaller, B_ORGAN, `${B_URL}/api/exchange/inbox`);
    await shot(aInstaller, "01-a-connections");
    const bInstaller = await signedIn(browser, B_URL, "admin");
    await connect(bInstaller, A_ORGAN, `${A_URL}/api/exchange/inbox`);
    await shot(bInstaller, "02-b-connections");

    // A issues; its delivery to B goes out as a package and comes back as 01.
    const subject = "phối hợp tuyên truyền chương trình giao lưu văn hóa";
    const issuer = await signedIn(browser, A_URL, "stttt-ls.vanthu");
    const id = await issueToB(issuer, browser, subject);
    await issuer.goto(`/app/van-ban/${id}`);
    await issuer.getByRole("tab", { name: "Gửi, nhận" }).click();
    const row = issuer.getByRole("row", { name: new RegExp(B_NAME) });
    await expect(row).toBeVisible();
    await expect(async () => {
      await issuer.reload();
      await issuer.getByRole("tab", { name: "Gửi, nhận" }).click();
      await expect(row).toContainText("Đã đến", { timeout: 2000 });
    }).toPass({ timeout: 60_000 });
    await expect(row.getByTestId("delivery-exchange")).toContainText("Đã gửi");
    await shot(issuer, "03-a-delivered");

    // B's clerk finds it in the incoming box, with its sender, and registers it.
    const bClerk = await signedIn(browser, B_URL, "stttt-hd.vanthu");
    await bClerk
      .getByRole("navigation")
      .getByRole("link", { name: "Văn bản đến", exact: true })
      .click();
    await bClerk
      .getByRole("link", { name: new RegExp(subject) })
      .first()
      .click();
    await expect(bClerk.getByTestId("exchange-from")).toContainText(
      `Nhận qua liên thông từ Sở Thông tin và Truyền thông`,
    );
    await expect(bClerk.getByTestId("exchange-from")).toContainText(A_ORGAN);
    await shot(bClerk, "04-b-received");
    await bClerk.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
    const dialog = bClerk.getByRole("dialog", { name: "Vào sổ văn bản đến" });
    await dialog.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
    await expect(bClerk.getByText(/Đã vào sổ đến, số \d+/)).toBeVisible();
    await shot(bClerk, "05-b-registered");
    await expect(async () => {
      await issuer.reload();
      await issuer.getByRole("tab", { name: "Gửi, nhận" }).click();
      await expect(row).toContainText("Đã vào sổ", { timeout: 2000 });
    }).toPass({ timeout: 60_000 });
    await shot(issuer, "06-a-registered-there");

    // A recalls a second document; B's copy is frozen with the notice; B refuses.
    const second = "đề nghị cung cấp tài liệu tuyên truyền (thu hồi)";
    const id2 = await issueToB(issuer, browser, second);
    await issuer.goto(`/app/van-ban/${id2}`);
    await issuer.getByRole("tab", { name: "Gửi, nhận" }).click();
    const row2 = issuer.getByRole("row", { name: new RegExp(B_NAME) });
    await expect(async () => {
      await issuer.reload();
      await issuer.getByRole("tab", { name: "Gửi, nhận" }).click();
      await expect(row2).toContainText("Đã đến", { timeout: 2000 });
    }).toPass({ timeout: 60_000 });
    await issuer.getByRole("button", { name: "Thu hồi" }).click();
    const recall = issuer.getByRole("dialog", { name: "Thu hồi văn bản đã ban hành" });
    await recall.getByLabel("Lý do thu hồi").fill("Văn bản gửi nhầm nội dung phụ lục.");
    await recall.getByRole("button", { name: "Thu hồi" }).click();
    await expect(issuer.getByText("Đã gửi yêu cầu thu hồi đến 1 nơi nhận.")).toBeVisible();

    await bClerk.goto("/app/van-ban-den");
    const copies = (await (
      await bClerk.request.get("/api/exchange/messages?direction=in")
    ).json()) as {
      items: Array<{ documentId: string | null; subject: string | null }>;
    };
    const copyId = copies.items.find((m) => m.subject === second)?.documentId;
    expect(copyId, "the second document reached B").toBeTruthy();
    await expect(async () => {
      await bClerk.goto(`/app/van-ban/${copyId}`);
      await expect(bClerk.getByTestId("recall-notice")).toContainText(
        "Nơi gửi yêu cầu thu hồi văn bản này",
        { timeout: 2000 },
      );
    }).toPass({ timeout: 60_000 });
    await expect(bClerk.getByRole("button", { name: "Vào sổ văn bản đến" })).toHaveCount(0);
    await shot(bClerk, "07-b-recall-notice");
    await bClerk.getByLabel("Ý kiến trả lời").fill("Văn bản đã được triển khai tại đơn vị.");
    await bClerk.getByRole("button", { name: "Từ chối thu hồi" }).click();
    await expect(bClerk.getByText("Đã từ chối thu hồi: văn bản được giữ lại.")).toBeVisible();
    await expect(async () => {
      await issuer.reload();
      await issuer.getByRole("tab", { name: "Gửi, nhận" }).click();
      await expect(row2.getByTestId("delivery-recall")).toContainText("Từ chối thu hồi", {
        timeout: 2000,
      });
    }).toPass({ timeout: 60_000 });
    await shot(issuer, "08-a-recall-refused");

    // Both logs list what went and came.
    await issuer.getByRole("navigation").getByRole("link", { name: "Nhật ký liên thông" }).click();
    const log = issuer.getByTestId("exchange-log");
    await expect(log).toContainText("Thu hồi");
    await expect(log).toContainText("Trạng thái 16");
    await expect(log).toContainText("Trạng thái 03");
    await shot(issuer, "09-a-log");
    await bClerk.getByRole("navigation").getByRole("link", { name: "Nhật ký liên thông" }).click();
    await expect(bClerk.getByTestId("exchange-log")).toContainText("Trạng thái 01");
    await shot(bClerk, "10-b-log");
  } finally {
    // The PostgreSQL server's own stories run after this one: its agency gets its identifier back.
    await bAdmin.request.put(`/api/admin/agencies/${own.agency.id}/exchange`, {
      headers: { "x-csrf-token": await csrf(bAdmin) },
      data: { organId: bOriginal },
    });
  }
});
