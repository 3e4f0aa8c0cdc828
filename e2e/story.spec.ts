/**
 * The main story in a real browser, each step by the person who does it:
 * a clerk of stttt-ls drafts a directive from a template, sees a lint warning and fixes it, and
 * sends it up to the leader; the leader approves and issues it; a recipient clerk finds it in the
 * incoming box and registers it; the recipient's leader reports results (a specialist sees a
 * received document only once it is given to their unit or them); the issuer's dashboard shows
 * them; the document is on the public portal and
 * is found by a search typed without diacritics.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { test, expect, type Browser, type Page } from "@playwright/test";
import { CHROMIUM } from "../playwright.config.ts";

const SHOTS = "test-results/story";
const SUBJECT = "tuyên truyền Ngày hội đọc sách và phát triển văn hóa đọc năm 2026";
/** The portal shows a trích yếu as a heading, its first letter in capitals. */
const HEADING = "Tuyên truyền Ngày hội đọc sách và phát triển văn hóa đọc năm 2026";

test.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
test.describe.configure({ mode: "serial" });

let step = 0;
async function shot(page: Page, name: string) {
  const dir = `${SHOTS}/${test.info().project.name}`;
  mkdirSync(dir, { recursive: true });
  step += 1;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: `${dir}/${String(step).padStart(2, "0")}-${name}.png`,
    fullPage: true,
  });
}

async function signIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/app/");
  await expect(page).toHaveURL(/\/app\/dang-nhap/);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: /Xin chào/ })).toBeVisible();
  return page;
}

let documentPath = "";
test.beforeAll(() => {
  step = 0;
  // The numbered screenshots of an earlier run go: every run leaves exactly its own steps.
  const dir = `${SHOTS}/${test.info().project.name}`;
  if (existsSync(dir))
    for (const f of readdirSync(dir)) if (/^\d\d-/.test(f)) rmSync(`${dir}/${f}`);
});
let reference = "";

test("a clerk drafts from a template, sees the lint warning and fixes it", async ({ browser }) => {
  const page = await signIn(browser, "stttt-ls.vanthu");
  await shot(page, "clerk-home");
  await page.getByRole("link", { name: "Soạn văn bản" }).click();
  await expect(page.getByRole("heading", { name: "Soạn văn bản" })).toBeVisible();
  // The công văn template is the default; its text is in the form and in the preview.
  await expect(page.getByTestId("preview")).toContainText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  // The template's brackets are findings, each named by its field, not by a line of the text.
  const placeholder = page
    .getByTestId("findings")
    .locator('[data-code="placeholder"][data-field="subject"]');
  await expect(placeholder).toContainText("Trích yếu nội dung: Còn chỗ để trống của mẫu");
  await expect(page.getByTestId("findings")).not.toContainText("cột");
  await placeholder.getByRole("button", { name: "Trích yếu nội dung" }).click();
  await expect(page.getByLabel("Trích yếu nội dung")).toBeFocused();
  await page.getByLabel("Trích yếu nội dung").fill(SUBJECT);
  await page.getByLabel("Đơn vị soạn thảo (viết tắt)").fill("TTBCXB");
  await page
    .getByLabel("Kính gửi (mỗi dòng một nơi)")
    .fill("Báo Lạng Sơn\nĐài Phát thanh và Truyền hình tỉnh");
  await page
    .getByLabel("Nội dung (mỗi đoạn một dòng)")
    .fill(
      [
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2026 của Ủy ban nhân dân tỉnh về phát triển văn hóa đọc, Sở Thông tin và Truyền thông đề nghị các các cơ quan báo chí thực hiện một số nội dung sau:",
        "1. Mở chuyên mục tuyên truyền về Ngày hội đọc sách trên báo in, báo điện tử và sóng phát thanh, truyền hình.",
        "2. Báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông định kỳ hằng quý.",
        "Trân trọng./.",
      ].join("\n"),
    );
  // Nơi nhận as clerks write it: the province's UBND abbreviated, with its purpose; a body not in
  // the system; a commune station named loosely, which the clerk picks by hand when issuing.
  await page
    .getByLabel("Nơi nhận (mỗi dòng một nơi)")
    .fill(
      [
        "Như trên",
        "UBND tỉnh (để b/c)",
        "Hội Nhà báo tỉnh (để phối hợp)",
        "Đài truyền thanh Mai Pha (để t/h)",
      ].join("\n"),
    );
  await page.getByLabel("Họ và tên người ký").fill("Hoàng Văn Minh");
  await page.getByLabel("Công bố trên cổng văn bản công khai khi ban hành").check();

  const warning = page.getByTestId("findings").locator('[data-code="repeated-word"]');
  await expect(warning).toContainText('Nội dung, đoạn 1: Từ "các" bị lặp lại');
  await expect(page.getByTestId("findings").locator('[data-code="placeholder"]')).toHaveCount(0);
  await expect(page.getByTestId("preview")).toContainText("ĐỌC SÁCH", { ignoreCase: true });
  await shot(page, "compose-lint-warning");

  await page.getByRole("button", { name: /Sửa: Từ "các" bị lặp lại/ }).click();
  await expect(page.getByLabel("Nội dung (mỗi đoạn một dòng)")).toHaveValue(
    /đề nghị các cơ quan báo chí/,
  );
  await expect(warning).toHaveCount(0);
  await shot(page, "compose-fixed");

  await page.getByRole("button", { name: "Lưu dự thảo" }).click();
  await expect(page).toHaveURL(/\/app\/van-ban\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Dự thảo", { exact: true }).first()).toBeVisible();
  documentPath = new URL(page.url()).pathname;
  await shot(page, "draft-saved");

  // Only an approved draft is issued: the clerk sends it up to the leader with a note.
  await page.getByRole("button", { name: "Trình ký" }).click();
  const send = page.getByRole("dialog", { name: "Trình dự thảo" });
  await send.getByLabel("Người duyệt").click();
  await page.getByRole("option", { name: /^Lãnh đạo Sở/ }).click();
  await send.getByLabel("Ý kiến, ghi chú").fill("Kính trình lãnh đạo Sở xem xét, ký ban hành.");
  await send.getByRole("button", { name: "Gửi" }).click();
  await expect(page.getByText("Đã trình dự thảo.")).toBeVisible();
  await expect(page.getByTestId("review-state").first()).toHaveText("Chờ duyệt");
  await page.context().close();
});

test("a leader issues it to the recipients read from the text", async ({ browser }) => {
  const page = await signIn(browser, "stttt-ls.lanhdao");
  await page.getByRole("link", { name: "Dự thảo", exact: true }).click();
  // Home (Việc của tôi) links the same draft from its notice: pick it in the drafts box.
  await expect(page).toHaveURL(/\/app\/du-thao$/);
  await page
    .getByRole("main")
    .getByRole("link", { name: new RegExp(`^Công văn: ${SUBJECT.slice(0, 30)}`) })
    .click();
  await expect(page).toHaveURL(new RegExp(`${documentPath}$`));
  // The leader approves what was sent up; the steps say who sent it, to whom, with the note.
  await page.getByRole("tab", { name: "Trình ký" }).click();
  await expect(page.getByTestId("review-steps")).toContainText("Kính trình lãnh đạo Sở xem xét");
  await page.getByRole("button", { name: "Duyệt", exact: true }).click();
  const approve = page.getByRole("dialog", { name: "Duyệt dự thảo" });
  // The demo leader signs as they approve: their PKCS#12's password (demo/demo-signing.ts).
  await approve.getByLabel("Mật khẩu chữ ký số (PKCS#12)").fill("kyso-demo");
  await approve.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(page.getByText("Đã duyệt dự thảo.")).toBeVisible();
  await expect(page.getByTestId("review-state").first()).toHaveText("Đã duyệt");
  await shot(page, "draft-approved");
  // The tasks each recipient will get, read from the numbered items and "định kỳ hằng quý".
  await page.getByRole("tab", { name: "Nhiệm vụ, báo cáo" }).click();
  await expect(page.getByRole("textbox", { name: "Nhiệm vụ" }).first()).toHaveValue(
    /Mở chuyên mục tuyên truyền/,
  );
  await expect(page.getByRole("checkbox", { name: "Hằng quý" })).toBeChecked();
  await shot(page, "task-plan");
  await page.getByRole("button", { name: "Ban hành" }).click();
  const dialog = page.getByRole("dialog", { name: "Xác nhận nơi nhận và ban hành" });
  await expect(dialog.getByRole("checkbox", { name: "Báo Lạng Sơn" })).toBeChecked();
  await expect(
    dialog.getByRole("checkbox", { name: /Đài Phát thanh và Truyền hình/ }),
  ).toBeChecked();
  // Every line with its outcome: "UBND tỉnh (để b/c)" is the province's UBND; "Như trên" adds
  // nobody; the two lines no agency was found for wait for the clerk before issuing.
  await expect(
    dialog
      .getByRole("group", { name: "UBND tỉnh (để b/c)" })
      .getByRole("checkbox", { name: "Ủy ban nhân dân tỉnh Lạng Sơn" }),
  ).toBeChecked();
  await expect(dialog.getByRole("group", { name: "Như trên" })).toContainText(
    "Các nơi ở Kính gửi, không gửi thêm",
  );
  await expect(dialog.getByTestId("unresolved-lines")).toContainText("Còn 2 dòng");
  const issueButton = dialog.getByRole("button", { name: "Ban hành" });
  await expect(issueButton).toBeDisabled();
  await shot(page, "issue-unresolved-lines");
  const station = dialog.getByRole("group", { name: "Đài truyền thanh Mai Pha (để t/h)" });
  await station.getByLabel("Chọn cơ quan nhận").fill("mai pha");
  await page.getByRole("option", { name: /Đài Truyền thanh xã Mai Pha/ }).click();
  await dialog
    .getByRole("group", { name: "Hội Nhà báo tỉnh (để phối hợp)" })
    .getByRole("checkbox", { name: "Không gửi qua hệ thống" })
    .check();
  await expect(dialog.getByTestId("unresolved-lines")).toHaveCount(0);
  await shot(page, "issue-confirm-recipients");
  await issueButton.click();
  const toast = page.getByText(/Đã ban hành văn bản số \d+\/STTTT-TTBCXB/);
  await expect(toast).toBeVisible();
  reference = (/\d+\/STTTT-TTBCXB/.exec((await toast.textContent()) ?? "") ?? [""])[0];
  await expect(page.getByRole("heading", { name: new RegExp(reference) })).toBeVisible();
  await page.getByRole("tab", { name: "Gửi, nhận" }).click();
  await expect(page.getByRole("row", { name: /Báo Lạng Sơn.*Đã đến/ })).toBeVisible();
  await expect(
    page.getByRole("row", { name: /Ủy ban nhân dân tỉnh Lạng Sơn.*Đã đến/ }),
  ).toBeVisible();
  await expect(
    page.getByRole("row", { name: /Đài Truyền thanh xã Mai Pha.*Đã đến/ }),
  ).toBeVisible();
  await shot(page, "issued-deliveries");
  await page.context().close();
});

test("the recipient clerk finds it in the incoming box and registers it", async ({ browser }) => {
  const page = await signIn(browser, "baolangson.vanthu");
  await page.getByRole("link", { name: "Văn bản đến", exact: true }).click();
  const row = page.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toContainText("Chưa vào sổ");
  await shot(page, "incoming-box");
  await row.getByRole("link", { name: reference }).click();
  // Signed by the leader at approval and by the Sở at issuing; the demo's root is trusted.
  const signatures = page.getByTestId("signatures");
  await expect(signatures).toContainText("Chữ ký số hợp lệ");
  await expect(signatures.getByRole("listitem")).toHaveCount(2);
  await expect(signatures.getByRole("listitem").last()).toContainText(
    "Chữ ký của Sở Thông tin và Truyền thông hợp lệ, văn bản không bị thay đổi sau khi ký.",
  );
  await expect(signatures.getByRole("listitem").first()).toContainText(
    /hợp lệ, phần đã ký không bị thay đổi\. Sau chữ ký này văn bản có thêm \d+ lần cập nhật/,
  );
  await shot(page, "received-signatures");
  const received = page.url();
  await page.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  const dialog = page.getByRole("dialog", { name: "Vào sổ văn bản đến" });
  await expect(dialog.getByLabel("Số, ký hiệu")).toHaveValue(reference);
  await dialog.getByRole("button", { name: "Vào sổ văn bản đến" }).click();
  await expect(page.getByText(/Đã vào sổ đến, số \d+/)).toBeVisible();
  await expect(page.getByText("Đã vào sổ", { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Cập nhật tình trạng xử lý" }).click();
  await page.getByRole("menuitem", { name: "Đang xử lý" }).click();
  await expect(page.getByText(/Đã cập nhật tình trạng: Đang xử lý/)).toBeVisible();
  await shot(page, "registered");
  await page.getByRole("link", { name: "Sổ đăng ký" }).click();
  await expect(page.getByRole("cell", { name: reference })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(reference) })).toContainText(
    "Chữ ký số hợp lệ",
  );
  await shot(page, "incoming-register");

  // A copy of the same PDF with one signed byte changed, brought in by hand: the warning.
  const id = /\/van-ban\/([0-9a-f-]{36})/.exec(received)![1]!;
  const opened = await (await page.request.get(`/api/documents/${id}`)).json();
  const pdf = opened.files.find((f: { role: string }) => f.role === "rendered");
  const bytes = Buffer.from(
    await (
      await page.request.get(`/api/documents/${id}/files/${encodeURIComponent(pdf.name)}`)
    ).body(),
  );
  const at = bytes.indexOf(0x0a) + 2; // the header's binary comment, inside the first signed range
  bytes[at] = bytes[at] === 0xe2 ? 0xe3 : 0xe2;
  await page.getByRole("link", { name: "Nhập văn bản đến" }).click();
  await page
    .getByTestId("import-input")
    .setInputFiles([{ name: "ban-sao-da-sua.pdf", mimeType: "application/pdf", buffer: bytes }]);
  // Read in the background: its row links the record once the file is read.
  const copyLink = page
    .getByRole("row", { name: /ban-sao-da-sua\.pdf/ })
    .getByRole("link", { name: reference });
  await expect(copyLink).toBeVisible({ timeout: 60_000 });
  await copyLink.click();
  await expect(page.getByTestId("signatures")).toContainText("Văn bản đã bị sửa sau khi ký");
  await shot(page, "tampered-copy");
  // The clerk does not keep a changed copy: deleted, it leaves the waiting list as it was.
  await page.getByRole("button", { name: "Xóa dự thảo" }).click();
  await page
    .getByRole("dialog", { name: "Xóa dự thảo này?" })
    .getByRole("button", { name: "Xóa dự thảo" })
    .click();
  await expect(page).toHaveURL(/\/van-ban-den$/);

  // The newspaper carries it out with its own công văn, which cites the directive.
  await page.goto(received);
  await page.getByRole("button", { name: "Soạn văn bản triển khai" }).click();
  // Asked first: a draft is made only when the clerk says so.
  await page.getByRole("dialog").getByRole("button", { name: "Tạo dự thảo" }).click();
  await expect(page.getByRole("heading", { name: "Sửa dự thảo" })).toBeVisible();
  await expect(page.getByLabel("Nội dung (mỗi đoạn một dòng)")).toHaveValue(
    new RegExp(`Thực hiện Công văn số ${reference}`),
  );
  await shot(page, "follow-on-draft");
  await page.getByRole("button", { name: "Lưu dự thảo" }).click();
  await page.getByRole("tab", { name: "Liên kết" }).click();
  await expect(page.getByRole("link", { name: new RegExp(`Công văn ${reference}`) })).toBeVisible();
  await page.context().close();
});

test("the recipient's leader reports results", async ({ browser }) => {
  const page = await signIn(browser, "baolangson.lanhdao");
  await page.getByRole("link", { name: "Nhiệm vụ, báo cáo" }).click();
  const card = page
    .locator(".mantine-Card-root", { hasText: "Mở chuyên mục tuyên truyền" })
    .filter({
      hasText: reference,
    });
  await card.getByRole("button", { name: "Báo cáo kết quả" }).click();
  await card.getByLabel("Số tin, bài").fill("12");
  // A newspaper is asked the figures of a newspaper, not a broadcaster's airtime.
  await expect(card.getByLabel(/Thời lượng phát sóng/)).toHaveCount(0);
  await card.getByLabel("Số chuyên trang, chuyên mục").fill("1");
  await card
    .getByLabel("Nội dung báo cáo")
    .fill("Báo đã mở chuyên mục Ngày hội đọc sách, đăng 12 tin, bài trên báo in và báo điện tử.");
  await card.getByLabel("Tệp đính kèm (ảnh, PDF, Word, Excel)").click();
  await card.locator('input[type="file"]').setInputFiles({
    name: "danh-sach-tin-bai.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Danh sách 12 tin, bài đã đăng trong chuyên mục Ngày hội đọc sách.\n"),
  });
  await shot(page, "report-form");
  await card.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByText(/Đã gửi báo cáo/)).toBeVisible();
  await expect(card.getByText(/Đã báo cáo/).first()).toBeVisible();
  await shot(page, "report-sent");
  await page.context().close();
});

test("the issuer's dashboard shows the report", async ({ browser }) => {
  const page = await signIn(browser, "stttt-ls.lanhdao");
  await page.goto(`/app${documentPath.replace(/^\/app/, "")}`);
  await page.getByRole("link", { name: "Theo dõi thực hiện" }).click();
  const grid = page.getByTestId("grid");
  const row = grid.getByRole("row", { name: /Báo Lạng Sơn/ });
  await expect(row).toContainText("Đã báo cáo");
  await expect(row).toContainText("Số tin, bài: 12");
  await expect(row.getByRole("link", { name: "danh-sach-tin-bai.txt" })).toBeVisible();
  await page
    .getByRole("link", { name: new RegExp(reference) })
    .first()
    .click();
  await page.getByRole("tab", { name: "Gửi, nhận" }).click();
  await expect(page.getByRole("row", { name: /Báo Lạng Sơn.*Đang xử lý/ })).toBeVisible();
  // The issuer adds a half-yearly report to item 2 for every recipient.
  await page.getByRole("tab", { name: "Nhiệm vụ, báo cáo" }).click();
  await page.getByRole("button", { name: "Sửa kỳ, hạn 2" }).click();
  await page.locator("label", { hasText: "6 tháng" }).click();
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Đã lưu")).toBeVisible();
  await page.getByRole("button", { name: "Sửa kỳ, hạn 2" }).click();
  await expect(page.getByRole("checkbox", { name: "6 tháng" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Hằng quý" })).toBeChecked();
  await page.goBack();
  await expect(page.getByText("Số chuyên trang, chuyên mục").first()).toBeVisible();
  await shot(page, "dashboard");
  await page.context().close();
});

test("the public reads it on the portal and finds it without diacritics", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 1, name: "Văn bản chỉ đạo điều hành" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: HEADING })).toBeVisible();
  await page.getByRole("searchbox").fill("ngay hoi doc sach van hoa doc");
  await page.getByRole("button", { name: "Tìm" }).click();
  await expect(page.getByRole("link", { name: HEADING })).toBeVisible();
  await expect(page.locator("mark").first()).toBeVisible();
  await shot(page, "portal-search");
  await page.getByRole("link", { name: HEADING }).click();
  await expect(page.getByText(reference).first()).toBeVisible();
  await expect(page.locator("article.van-ban")).toContainText("Hoàng Văn Minh");
  await shot(page, "portal-document");
  const pdf = await page.request.get(page.url() + "/ban-pdf");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const feed = await page.request.get("/feed.atom");
  expect(await feed.text()).toContain(reference);
  await context.close();

  // And inside the application, through the one search box.
  const staff = await signIn(browser, "stttt-ls.vanthu");
  await staff
    .getByRole("searchbox", { name: "Tìm văn bản" })
    .fill("tuyen truyen ngay hoi doc sach");
  await staff.keyboard.press("Enter");
  await expect(staff.getByTestId("results").getByRole("link", { name: SUBJECT })).toBeVisible();
  await shot(staff, "search-without-diacritics");
  await staff.context().close();
});
