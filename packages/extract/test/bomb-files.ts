/**
 * Hostile files built in memory for the limit and bomb tests (never shipped as fixtures): a .docx
 * that unpacks to a flood of empty paragraphs, a PDF with a huge page tree, a long text.
 */
import JSZip from "jszip";

/** A valid .docx whose word/document.xml is about `mb` megabytes of empty paragraphs. */
export async function zipBombDocx(mb: number): Promise<Uint8Array> {
  const para = "<w:p/>";
  const chunk = para.repeat(Math.ceil((1024 * 1024) / para.length));
  const body = new Array(Math.ceil(mb)).fill(chunk).join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Công văn</w:t></w:r></w:p>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
}

/**
 * A PDF of `pages` pages, one line of text on each, written by hand: a catalog, one flat page
 * tree, one shared content stream and font, and a correct cross-reference table. Untyped pages
 * (no `/Type /Page`, which readers accept) hide from a scan of the bytes, as pages inside
 * compressed object streams do.
 */
export function manyPagePdf(pages: number, declaredCount = pages, typed = true): Uint8Array {
  const parts: string[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += s.length; // ASCII only: characters are bytes
  };
  const object = (n: number, body: string) => {
    offsets[n] = length;
    push(`${n} 0 obj\n${body}\nendobj\n`);
  };
  push("%PDF-1.4\n");
  const first = 5;
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  const kids: string[] = [];
  for (let i = 0; i < pages; i++) kids.push(`${first + i} 0 R`);
  object(2, `<< /Type /Pages /Count ${declaredCount} /Kids [${kids.join(" ")}] >>`);
  const stream = "BT /F1 12 Tf 72 720 Td (Trang van ban) Tj ET";
  object(3, `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  object(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (let i = 0; i < pages; i++)
    object(
      first + i,
      `<< ${typed ? "/Type /Page " : ""}/Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>`,
    );
  const count = first + pages;
  const xref = length;
  const rows = ["0000000000 65535 f \n"];
  for (let n = 1; n < count; n++) rows.push(`${String(offsets[n]).padStart(10, "0")} 00000 n \n`);
  push(`xref\n0 ${count}\n${rows.join("")}`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.from(parts.join(""), "latin1");
}

/** A UTF-8 text of about `mb` megabytes that reads as an official letter repeated. */
export function longText(mb: number): Uint8Array {
  const line = "Sở Thông tin và Truyền thông đề nghị các cơ quan báo cáo kết quả.\n";
  const unit = Buffer.byteLength(line);
  return Buffer.from(line.repeat(Math.ceil((mb * 1024 * 1024) / unit)));
}

/**
 * The same archive with every part's declared uncompressed size cut down to its compressed size,
 * in the local headers and the central directory: a bomb that passes a check of declared sizes.
 */
export function lyingZip(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 <= out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50) view.setUint32(at + 22, view.getUint32(at + 18, true), true);
    else if (sig === 0x02014b50) view.setUint32(at + 24, view.getUint32(at + 20, true), true);
  }
  return out;
}
