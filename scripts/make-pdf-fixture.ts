/**
 * Writes packages/extract/test/fixtures/cong-van.pdf: a one-page công văn laid out like a real
 * one (two-column header, number and date side by side, signature block at the right), with a
 * text layer, so that PDF reading is tested on a real PDF. The text is our own.
 *
 *   node --import tsx scripts/make-pdf-fixture.ts
 *
 * Needs a Vietnamese-capable TrueType serif on the machine (Tinos, Liberation Serif or DejaVu
 * Serif). The PDF is committed, so the tests do not need the font.
 */
import { createWriteStream, existsSync } from "node:fs";
import PDFDocument from "pdfkit";

const FONTS = [
  [
    "/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf",
    "/usr/share/fonts/truetype/croscore/Tinos-Bold.ttf",
  ],
  [
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
  ],
  [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
  ],
];
const pair = FONTS.find(([r, b]) => existsSync(r!) && existsSync(b!));
if (!pair) throw new Error("No Vietnamese-capable serif font found (install fonts-croscore).");

const out = new URL("../packages/extract/test/fixtures/cong-van.pdf", import.meta.url);
const doc = new PDFDocument({
  size: "A4",
  margins: { top: 57, bottom: 57, left: 85, right: 57 },
  info: { Title: "vanthu test fixture", CreationDate: new Date(Date.UTC(2026, 0, 1)) },
});
doc.pipe(createWriteStream(out));
doc.registerFont("R", pair[0]!);
doc.registerFont("B", pair[1]!);

const left = 50;
const right = 275;
doc.font("R").fontSize(12).text("UBND TỈNH CAO NGUYÊN", left, 60, { width: 215, align: "center" });
doc
  .font("B")
  .fontSize(11)
  .text("SỞ VĂN HÓA VÀ TRUYỀN THÔNG", left, 76, { width: 215, align: "center" });
doc
  .font("B")
  .fontSize(11)
  .text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right, 60, { width: 290, align: "center" });
doc
  .font("B")
  .fontSize(12)
  .text("Độc lập - Tự do - Hạnh phúc", right, 76, { width: 290, align: "center" });
doc.font("R").fontSize(13).text("Số: 215/SVHTT-TTBC", left, 110, { width: 220, align: "center" });
doc
  .font("R")
  .fontSize(11)
  .text("V/v hướng dẫn tuyên truyền kỷ niệm", left, 128, { width: 220, align: "center" });
doc.text("ngày Báo chí cách mạng Việt Nam", left, 142, { width: 220, align: "center" });
doc
  .font("R")
  .fontSize(12)
  .text("Cao Nguyên, ngày 02 tháng 6 năm 2026", right, 110, { width: 290, align: "center" });

doc
  .font("R")
  .fontSize(14)
  .text("Kính gửi: Báo Cao Nguyên.", 85, 190, { width: 450, align: "center" });
doc.text(
  "Thực hiện Hướng dẫn số 88-HD/BTGDVTU ngày 20/5/2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy, Sở Văn hóa và Truyền thông đề nghị Báo Cao Nguyên:",
  85,
  225,
  { width: 450, align: "justify", indent: 28 },
);
doc.text("1. Mở chuyên mục kỷ niệm trên báo in và báo điện tử.", 85, doc.y + 6, {
  width: 450,
  indent: 28,
});
doc.text("2. Báo cáo kết quả về Sở trước ngày 30/6/2026./.", 85, doc.y + 6, {
  width: 450,
  indent: 28,
});

const y = doc.y + 30;
doc.font("B").fontSize(12).text("Nơi nhận:", 85, y);
doc
  .font("R")
  .fontSize(11)
  .text("- Như trên;", 85, y + 16);
doc.text("- Lưu: VT, TTBC.", 85, y + 30);
doc.font("B").fontSize(13).text("KT. GIÁM ĐỐC", 320, y, { width: 220, align: "center" });
doc.text("PHÓ GIÁM ĐỐC", 320, y + 16, { width: 220, align: "center" });
doc.text("Đinh Thị Thu Hương", 320, y + 90, { width: 220, align: "center" });
doc.end();
console.log(`wrote ${out.pathname} with ${pair[0]}`);
