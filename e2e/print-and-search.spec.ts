/**
 * The bugs of issue 14 that a person sees in the browser, each a test named after it: printing a
 * document keeps its ND30 header (Quốc hiệu, the agency, Số, V/v, the date) on a portrait A4
 * page, and only the registers print landscape; searching by a number alone finds the document;
 * an unknown address is a page in Vietnamese, not a developer page or raw JSON; a clerk at the
 * admin page is told it is not theirs; drafts can be deleted, and a follow-on draft is made only
 * when asked for; badges say a status once and in full; reporting cycles that cannot go together
 * are not both chosen, and dates can be typed.
 */
import { existsSync } from "node:fs";
import { test, expect, type Browser, type Locator, type Page } from "@playwright/test";
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

test('bug: search by number alone ("1184") found nothing: the document is the one result', async ({
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
  await expect(page.getByText(/Số:\s*1184\/STTTT-TTBCXB/).first()).toBeVisible();
});

test("bug: printing a document dropped its ND30 header and forced landscape: the header stays on portrait A4, a register prints landscape", async ({
  page,
}) => {
  await signIn(page, "stttt-ls.vanthu");
  const found = await page.request.get("/api/search?q=lua%20dao");
  const [doc] = ((await found.json()) as { items: Array<{ id: string; reference: string }> }).items;
  expect(doc?.reference).toBe("1184/STTTT-TTBCXB");
  await page.goto(`/app/van-ban/${doc!.id}`);
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

test("bug: an unknown /app/ address showed React Router's English developer page: a page in Vietnamese, with the way home", async ({
  page,
}) => {
  await signIn(page, "stttt-ls.vanthu");
  await page.goto("/app/van-ban-khong-co/abc");
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  await expect(page.getByText(/Unexpected Application Error|404 Not Found/)).toHaveCount(0);
  await page.getByRole("link", { name: "Về trang chính" }).click();
  await expect(page.getByRole("heading", { name: /Xin chào/ })).toBeVisible();
  // The portal's unknown address is a page too, not raw JSON.
  const portal = await page.goto("/khong-co-trang");
  expect(portal?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
});

test('bug: a clerk opening the admin page saw an active "Thêm người dùng": told the page is for administrators, with no button', async ({
  page,
}) => {
  await signIn(page, "stttt-ls.vanthu");
  await page.goto("/app/quan-tri");
  await expect(page.getByRole("heading", { name: "Quản trị cơ quan" })).toBeVisible();
  await expect(page.getByText(/không có quyền này/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Thêm người dùng" })).toHaveCount(0);
  await expect(page.getByRole("tab")).toHaveCount(0);
});

test("bug: drafts could not be deleted: a draft is deleted after a confirmation, and is gone from the drafts", async ({
  page,
}) => {
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

/** A page of its own (its own cookies) signed in as `username`. */
async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

/** A write to the API as the signed-in person, which must succeed; its reply. */
async function write<T = { id: string }>(page: Page, url: string, data?: unknown): Promise<T> {
  const res = await page.request.post(url, {
    headers: { "x-csrf-token": await csrf(page) },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.ok(), `POST ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** A công văn of Sở TT&TT to the newspaper and the radio station, as the compose form sends it. */
function directive(subject: string) {
  return {
    typeCode: "CV",
    unit: "TTBCXB",
    subject,
    addressees: ["Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh"],
    paragraphs: [
      "Sở Thông tin và Truyền thông đề nghị các cơ quan báo chí:",
      "1. Đưa tin về công tác phòng, chống thiên tai trong mùa mưa bão.",
      "2. Báo cáo kết quả về Sở khi có yêu cầu./.",
    ],
    recipients: ["Như trên"],
    archive: ["VT", "TTBCXB"],
    signature: {
      authority: "KT",
      authorityTitle: "GIÁM ĐỐC",
      signerTitle: "PHÓ GIÁM ĐỐC",
      signerName: "Hoàng Thị Lan",
    },
  };
}

/** The recipient's own copy of a delivered document, found by its subject. */
async function copyOf(page: Page, subject: string): Promise<string> {
  const box = await page.request.get("/api/documents?box=incoming");
  const items = ((await box.json()) as { items: Array<{ id: string; subject: string }> }).items;
  const copy = items.find((i) => i.subject === subject);
  expect(copy, `${subject} in the incoming box`).toBeTruthy();
  return copy!.id;
}

/** The badges beside the document's subject. */
const badges = (page: Page) => page.locator("main .mantine-Badge-root");

test('bug: "Soạn văn bản triển khai" saved a draft without asking: nothing is made until the clerk confirms', async ({
  page,
}) => {
  await signIn(page, "stttt-ls.vanthu");
  const imported = await page.request.post("/api/documents/import", {
    headers: { "x-csrf-token": await csrf(page) },
    multipart: {
      file: {
        name: "78-SNV-VP.txt",
        mimeType: "text/plain",
        buffer: Buffer.from(RECEIVED.replaceAll("77/SNV-VP", "78/SNV-VP")),
      },
    },
  });
  expect(imported.status(), await imported.text()).toBe(201);
  const { document } = (await imported.json()) as { document: { id: string } };
  await write(page, `/api/documents/${document.id}/register`, {});
  const drafts = async () => {
    const box = await page.request.get("/api/documents?box=drafts");
    return ((await box.json()) as { total: number }).total;
  };
  const before = await drafts();

  await page.goto(`/app/van-ban/${document.id}`);
  await page.getByRole("button", { name: "Soạn văn bản triển khai" }).click();
  const ask = page.getByRole("dialog", { name: "Soạn văn bản triển khai" });
  await expect(ask.getByRole("button", { name: "Tạo dự thảo" })).toBeVisible();
  await ask.getByRole("button", { name: "Hủy" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/app/van-ban/${document.id}$`));
  expect(await drafts()).toBe(before);

  await page.getByRole("button", { name: "Soạn văn bản triển khai" }).click();
  await ask.getByRole("button", { name: "Tạo dự thảo" }).click();
  await expect(page.getByRole("heading", { name: "Sửa dự thảo" })).toBeVisible();
  expect(await drafts()).toBe(before + 1);
});

test('bug: a document\'s badges repeated its status ("Đã vào sổ" twice; "Đã trả lại" beside "Bị trả lại")', async ({
  browser,
}) => {
  const subject = "đưa tin phòng, chống thiên tai trong mùa mưa bão năm 2026";
  const issuer = await signedIn(browser, "stttt-ls.vanthu");
  const draft = await write(issuer, "/api/documents", directive(subject));
  // Only an approved draft is issued: sent up to the leader, who approves it.
  const reviewers = await issuer.request.get(`/api/documents/${draft.id}/reviewers`);
  const { items } = (await reviewers.json()) as {
    items: Array<{ id: string; title: string | null }>;
  };
  await write(issuer, `/api/documents/${draft.id}/review/submit`, {
    reviewerId: items.find((p) => p.title === "Lãnh đạo")!.id,
  });
  const leader = await signedIn(browser, "stttt-ls.lanhdao");
  // The demo leader's PKCS#12 password (the demo world signs: demo/demo-signing.ts).
  await write(leader, `/api/documents/${draft.id}/review/approve`, { password: "kyso-demo" });
  await leader.context().close();
  await write(issuer, `/api/documents/${draft.id}/issue`);

  // The newspaper registers its copy: "Đã vào sổ" once.
  const bao = await signedIn(browser, "baolangson.vanthu");
  const registered = await copyOf(bao, subject);
  await write(bao, `/api/documents/${registered}/register`, {});
  await bao.goto(`/app/van-ban/${registered}`);
  await expect(bao.getByRole("button", { name: "Soạn văn bản triển khai" })).toBeVisible();
  await expect(badges(bao).filter({ hasText: /^Đã vào sổ$/ })).toHaveCount(1);

  // The radio station returns its copy: one badge says so.
  const dai = await signedIn(browser, "ptth-ls.vanthu");
  const returned = await copyOf(dai, subject);
  await write(dai, `/api/documents/${returned}/return`, { reason: "Gửi nhầm: không thuộc đài." });
  await dai.goto(`/app/van-ban/${returned}`);
  await expect(badges(dai).filter({ hasText: /^Đã trả lại$/ })).toHaveCount(1);
  await expect(badges(dai).filter({ hasText: /trả lại/ })).toHaveCount(1);
  for (const page of [issuer, bao, dai]) await page.context().close();
});

test('bug: the status badge was cut to "DỰ TH…" at 1366 px: whole in the drafts box and beside a long subject', async ({
  page,
}) => {
  await signIn(page, "stttt-ls.vanthu");
  expect(page.viewportSize()?.width).toBe(1366);
  const subject =
    "tuyên truyền, phổ biến, quán triệt và tổ chức thực hiện các văn bản chỉ đạo của Trung ương, của Tỉnh ủy và của Ủy ban nhân dân tỉnh về chuyển đổi số, phát triển chính quyền số, kinh tế số và xã hội số trên địa bàn tỉnh năm 2026";
  const draft = await write(page, "/api/documents", directive(subject));
  /** How much of a badge's label is cut off (its text wider than the room it has). */
  const cut = (label: Locator) => label.evaluate((e) => e.scrollWidth - e.clientWidth);
  // The drafts box: the status column beside the long subject (every row's badge was cut).
  await page.goto("/app/du-thao");
  const row = page.getByRole("row", { name: new RegExp(subject.slice(0, 40)) });
  const inRow = row.locator(".mantine-Badge-label", { hasText: /^Dự thảo$/ });
  await expect(inRow).toBeVisible();
  expect(await cut(inRow)).toBeLessThanOrEqual(0);
  for (const label of await page.locator("main .mantine-Badge-label").all())
    expect(await cut(label), await label.textContent()).toBeLessThanOrEqual(0);
  // The document's page: the badge beside its subject.
  await page.goto(`/app/van-ban/${draft.id}`);
  const badge = badges(page).filter({ hasText: /^Dự thảo$/ });
  await expect(badge).toHaveCount(1);
  expect(await cut(badge.locator(".mantine-Badge-label"))).toBeLessThanOrEqual(0);
});

test('bug: "Một lần" and "Hằng quý" could be chosen together, and a date could not be typed: the chips follow the last pick, "3/12/2026" is the 3rd of December', async ({
  page,
}) => {
  await signIn(page, "stttt-ls.vanthu");
  const draft = await write(
    page,
    "/api/documents",
    directive("báo cáo công tác phòng, chống thiên tai năm 2026"),
  );
  await page.goto(`/app/van-ban/${draft.id}`);
  await page.getByRole("tab", { name: "Nhiệm vụ, báo cáo" }).click();
  const chip = (name: string) => page.getByRole("checkbox", { name, exact: true });
  const pick = (name: string) => page.locator("label", { hasText: name }).click();
  await expect(chip("Khi có yêu cầu")).toBeChecked();
  await pick("Hằng quý");
  await expect(chip("Hằng quý")).toBeChecked();
  await expect(chip("Khi có yêu cầu")).not.toBeChecked();
  await pick("Một lần");
  await expect(chip("Một lần")).toBeChecked();
  await expect(chip("Hằng quý")).not.toBeChecked();
  await pick("Hằng quý");
  await expect(chip("Hằng quý")).toBeChecked();
  await expect(chip("Một lần")).not.toBeChecked();
  await pick("Hằng năm");
  await expect(chip("Hằng quý")).toBeChecked();
  await expect(chip("Hằng năm")).toBeChecked();

  const due = page.getByRole("textbox", { name: "Hạn", exact: true });
  await due.fill("3/12/2026");
  await due.blur();
  await expect(due).toHaveValue("03/12/2026");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByText("Đã lưu")).toBeVisible();
  const plan = await page.request.get(`/api/documents/${draft.id}/task-plan`);
  expect(await plan.json()).toMatchObject({ cycles: ["quarterly", "yearly"], due: "2026-12-03" });
});

/** The session's CSRF token, as the web app reads it. */
async function csrf(page: Page): Promise<string> {
  const me = await page.request.get("/api/auth/me");
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}
