/**
 * .docx files written by hand for the Word tests: our own WordprocessingML (our own words, in the
 * style of official documents), zipped with JSZip, so that each feature a reader sees (soft line
 * breaks, tabs, a header laid out in a 2x2 table, text boxes with their VML fallback, footnotes,
 * list numbers, hidden and deleted text, fields) is in a file we control. The same document is
 * saved as Word 97-2003 by scripts/make-doc-fixture.ts (LibreOffice) for the .doc tests.
 */
import JSZip from "jszip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS = [
  `xmlns:w="${W}"`,
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'mc:Ignorable="wps"',
].join(" ");

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A run of text; "\n" becomes a soft line break, "\t" a tab. */
export function run(text: string, props = ""): string {
  const inner = text
    .split(/(\n|\t)/)
    .map((part) =>
      part === "\n"
        ? "<w:br/>"
        : part === "\t"
          ? "<w:tab/>"
          : part
            ? `<w:t xml:space="preserve">${esc(part)}</w:t>`
            : "",
    )
    .join("");
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}${inner}</w:r>`;
}

/** A paragraph of runs (strings are plain runs); `pPr` is the paragraph properties' XML. */
export function para(content: string | string[], pPr = ""): string {
  const runs = (Array.isArray(content) ? content : [content])
    .map((c) => (c.startsWith("<") ? c : run(c)))
    .join("");
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${runs}</w:p>`;
}

const NONE = ["top", "left", "bottom", "right", "insideH", "insideV"]
  .map((b) => `<w:${b} w:val="none" w:sz="0" w:space="0" w:color="auto"/>`)
  .join("");
const SINGLE = ["top", "left", "bottom", "right", "insideH", "insideV"]
  .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
  .join("");

/** A table cell spanning `span` grid columns. */
export interface SpanCell {
  span: number;
  content: string[];
}

/**
 * A table; each cell is a list of paragraphs' XML (or a SpanCell). `ruled`: borders drawn between
 * the cells. `widths`: the grid columns' widths.
 */
export function table(
  rows: Array<Array<string[] | SpanCell>>,
  ruled = false,
  widths?: number[],
): string {
  const spanOf = (c: string[] | SpanCell) => (Array.isArray(c) ? 1 : c.span);
  const columns = Math.max(...rows.map((r) => r.reduce((n, c) => n + spanOf(c), 0)));
  const grid = (widths ?? new Array(columns).fill(Math.floor(9000 / columns)))
    .map((w) => `<w:gridCol w:w="${w}"/>`)
    .join("");
  const cellXml = (c: string[] | SpanCell) => {
    const content = Array.isArray(c) ? c : c.content;
    const span = spanOf(c) > 1 ? `<w:gridSpan w:val="${spanOf(c)}"/>` : "";
    return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${span}</w:tcPr>${content.join("") || "<w:p/>"}</w:tc>`;
  };
  const body = rows.map((r) => `<w:tr>${r.map(cellXml).join("")}</w:tr>`).join("");
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${ruled ? SINGLE : NONE}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

/** A floating text box (DrawingML), with the VML copy Word writes as its fallback. */
export function textBox(paragraphs: string[]): string {
  const content = `<w:txbxContent>${paragraphs.join("")}</w:txbxContent>`;
  return (
    `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
    `<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="1800000" cy="400000"/><wp:wrapNone/><wp:docPr id="1" name="Hộp văn bản 1"/>` +
    `<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="400000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>` +
    `<wps:txbx>${content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape style="width:140pt;height:30pt"><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
  );
}

export const footnoteRef = (id: number) =>
  `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;

/** A numbered paragraph of list `numId` at level `ilvl`. */
export const numbered = (text: string, numId = 1, ilvl = 0) =>
  para(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

export interface DocxParts {
  body: string;
  /** Footnotes by id (1, 2...): paragraphs' XML. */
  footnotes?: Record<number, string>;
  /** numbering.xml's content inside <w:numbering>. */
  numbering?: string;
  header?: string;
  footer?: string;
}

/** Decimal "1." at level 0 and "a)" at level 1, as list numId 1; a dash bullet as numId 2. */
export const NUMBERING =
  '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>' +
  '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export async function buildDocx(parts: DocxParts): Promise<Uint8Array> {
  const zip = new JSZip();
  const overrides: string[] = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
  ];
  const rels: string[] = [];
  const add = (name: string, type: string, content: string, contentType: string) => {
    zip.file(`word/${name}`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${content}`);
    rels.push(`<Relationship Id="rId${rels.length + 1}" Type="${REL}/${type}" Target="${name}"/>`);
    overrides.push(
      `<Override PartName="/word/${name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${contentType}+xml"/>`,
    );
  };
  add(
    "styles.xml",
    "styles",
    `<w:styles ${NS}><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>` +
      `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>${SINGLE}</w:tblBorders></w:tblPr></w:style></w:styles>`,
    "styles",
  );
  if (parts.numbering)
    add(
      "numbering.xml",
      "numbering",
      `<w:numbering ${NS}>${parts.numbering}</w:numbering>`,
      "numbering",
    );
  let sect = "";
  if (parts.header) {
    add("header1.xml", "header", `<w:hdr ${NS}>${parts.header}</w:hdr>`, "header");
    sect += `<w:headerReference w:type="default" r:id="rId${rels.length}"/>`;
  }
  if (parts.footer) {
    add("footer1.xml", "footer", `<w:ftr ${NS}>${parts.footer}</w:ftr>`, "footer");
    sect += `<w:footerReference w:type="default" r:id="rId${rels.length}"/>`;
  }
  if (parts.footnotes) {
    const notes = Object.entries(parts.footnotes)
      .map(([id, xml]) => `<w:footnote w:id="${id}">${xml}</w:footnote>`)
      .join("");
    add(
      "footnotes.xml",
      "footnotes",
      `<w:footnotes ${NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
        `<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${notes}</w:footnotes>`,
      "footnotes",
    );
  }
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${parts.body}<w:sectPr>${sect}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const bold = "<w:b/>";
const center = '<w:jc w:val="center"/>';

/**
 * A công văn of a provincial department, as agencies lay it out in Word: the header in a 2x2
 * borderless table (motto with a soft line break), a "DỰ THẢO" text box, a footnote carrying a
 * citation, numbered tasks, a ruled data table, and the signature in a borderless table.
 */
export function congVanParts(): DocxParts {
  return {
    body:
      table(
        [
          [
            [para(run("UBND TỈNH CAO NGUYÊN\nSỞ NÔNG NGHIỆP", bold), center)],
            [
              para(
                run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", bold),
                center,
              ),
            ],
          ],
          [
            [
              para("Số: 118/SNN-TL", center),
              para("V/v chủ động phòng, chống hạn hán\nvụ Đông Xuân 2025-2026", center),
            ],
            [para(run("Cao Nguyên, ngày 09 tháng 3 năm 2026", "<w:i/>"), center)],
          ],
        ],
        false,
        [3800, 5600],
      ) +
      para(
        [
          textBox([para(run("DỰ THẢO", bold))]),
          run("Kính gửi:\tỦy ban nhân dân các huyện, thị xã."),
        ],
        center,
      ) +
      para([
        run("Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân tỉnh"),
        footnoteRef(1),
        run(", Sở Nông nghiệp đề nghị"),
        run(" (ghi chú nội bộ)", "<w:vanish/>"),
        '<w:del w:id="9" w:author="Văn thư" w:date="2026-03-01T00:00:00Z"><w:r><w:delText> các xã</w:delText></w:r></w:del>',
        '<w:ins w:id="10" w:author="Văn thư" w:date="2026-03-01T00:00:00Z">' +
          run(" các đơn vị") +
          "</w:ins>",
        run(":"),
      ]) +
      numbered("Rà soát nguồn nước tưới cho các vùng lúa.") +
      numbered("Báo cáo diện tích có nguy cơ thiếu nước:") +
      table(
        [
          [[para("STT")], [para("Huyện")], [para("Diện tích (ha)")]],
          [[para("1")], [para("Đông Sơn")], [para("120")]],
          [[para("2")], [para("Tây Hà")], [para("85")]],
        ],
        true,
      ) +
      numbered("Gửi báo cáo về Sở trước ngày 30/3/2026./.") +
      para("") +
      table([
        [
          [para(run("Nơi nhận:", `${bold}<w:i/>`)), para("- Như trên;"), para("- Lưu: VT, TL.")],
          [
            para(run("KT. GIÁM ĐỐC", bold), center),
            para(run("PHÓ GIÁM ĐỐC", bold), center),
            para(""),
            para(""),
            para(""),
            para(run("Hoàng Minh Châu", bold), center),
          ],
        ],
      ]),
    footnotes: {
      1: para([
        run(
          "Kế hoạch số 45/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân tỉnh về phòng, chống hạn hán năm 2026.",
        ),
      ]),
    },
    numbering: NUMBERING,
    header: para(
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
      center,
    ),
    footer: para("Trụ sở: số 2 đường Hoa Ban, thành phố Cao Nguyên"),
  };
}

/** What the reader should make of congVanParts(), line for line. */
export const CONG_VAN_TEXT = [
  "UBND TỈNH CAO NGUYÊN",
  "SỞ NÔNG NGHIỆP",
  "Số: 118/SNN-TL",
  "V/v chủ động phòng, chống hạn hán",
  "vụ Đông Xuân 2025-2026",
  "",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Cao Nguyên, ngày 09 tháng 3 năm 2026",
  "",
  "Kính gửi:\tỦy ban nhân dân các huyện, thị xã.",
  "",
  "DỰ THẢO",
  "",
  "Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân tỉnh, Sở Nông nghiệp đề nghị các đơn vị:",
  "",
  "1. Rà soát nguồn nước tưới cho các vùng lúa.",
  "",
  "2. Báo cáo diện tích có nguy cơ thiếu nước:",
  "",
  "STT\tHuyện\tDiện tích (ha)",
  "1\tĐông Sơn\t120",
  "2\tTây Hà\t85",
  "",
  "3. Gửi báo cáo về Sở trước ngày 30/3/2026./.",
  "",
  "Nơi nhận:",
  "- Như trên;",
  "- Lưu: VT, TL.",
  "",
  "KT. GIÁM ĐỐC",
  "PHÓ GIÁM ĐỐC",
  "",
  "Hoàng Minh Châu",
  "",
  "Trụ sở: số 2 đường Hoa Ban, thành phố Cao Nguyên",
  "",
  "Chú thích:",
  "[1] Kế hoạch số 45/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân tỉnh về phòng, chống hạn hán năm 2026.",
].join("\n");

/**
 * A chỉ thị typed without tables, as older documents are: the header's two columns and the
 * "Nơi nhận" / signature columns set apart by tab stops on each line.
 */
export function chiThiTabParts(): DocxParts {
  const tabs = '<w:tabs><w:tab w:val="center" w:pos="6500"/></w:tabs>';
  const line = (text: string) => para(text, tabs);
  return {
    body:
      line("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") +
      line("TỈNH CAO NGUYÊN\tĐộc lập - Tự do - Hạnh phúc") +
      line("Số: 04/2026/CT-UBND\tCao Nguyên, ngày 12 tháng 5 năm 2026") +
      para("") +
      para(run("CHỈ THỊ", bold), center) +
      para(run("Về việc tăng cường quản lý chợ đầu mối nông sản", bold), center) +
      para("") +
      para("Để bảo đảm trật tự tại các chợ đầu mối, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:") +
      para("1. Sở Công Thương kiểm tra việc niêm yết giá tại các chợ.") +
      para("2. Ủy ban nhân dân các huyện báo cáo kết quả trước ngày 30/6/2026./.") +
      para("") +
      line("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN") +
      line("- Văn phòng Chính phủ;\tKT. CHỦ TỊCH") +
      line("- Các sở, ngành;\tPHÓ CHỦ TỊCH") +
      para("- UBND các huyện;") +
      line("- Lưu: VT.\t") +
      line("\tLò Văn Thắng"),
  };
}

/** What the reader should make of chiThiTabParts(), line for line. */
export const CHI_THI_TEXT = [
  "ỦY BAN NHÂN DÂN",
  "TỈNH CAO NGUYÊN",
  "Số: 04/2026/CT-UBND",
  "",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Cao Nguyên, ngày 12 tháng 5 năm 2026",
  "",
  "CHỈ THỊ",
  "",
  "Về việc tăng cường quản lý chợ đầu mối nông sản",
  "",
  "Để bảo đảm trật tự tại các chợ đầu mối, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:",
  "",
  "1. Sở Công Thương kiểm tra việc niêm yết giá tại các chợ.",
  "",
  "2. Ủy ban nhân dân các huyện báo cáo kết quả trước ngày 30/6/2026./.",
  "",
  "Nơi nhận:",
  "- Văn phòng Chính phủ;",
  "- Các sở, ngành;",
  "- UBND các huyện;",
  "- Lưu: VT.",
  "",
  "TM. ỦY BAN NHÂN DÂN",
  "KT. CHỦ TỊCH",
  "PHÓ CHỦ TỊCH",
  "Lò Văn Thắng",
].join("\n");
