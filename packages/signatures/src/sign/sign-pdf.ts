/**
 * signPdf: a PAdES signature added as an incremental update. The signature field and its widget
 * (invisible, or drawn with an appearance), a /ByteRange placeholder and a reserved /Contents are
 * written first; the CMS over the byte ranges is then put into the reserved space. Earlier
 * signatures stay valid: their bytes are not touched.
 */
import { PdfRef, type PdfValue } from "@vanthu/extract";
import { writeAppearance, type SignatureAppearance } from "./appearance.ts";
import { buildCms } from "./cms.ts";
import { SignError } from "./errors.ts";
import { PdfUpdate, pdfDate, pdfText } from "./pdf-update.ts";
import type { HashAlgorithm, Signer } from "./signer.ts";

export interface SignPdfOptions {
  /** The claimed signing time, written as /M (PAdES keeps it out of the signed attributes). */
  signingTime?: Date;
  /** The field's name (default Signature1, Signature2, ...). */
  fieldName?: string;
  reason?: string;
  location?: string;
  /** A visible signature; invisible when absent. */
  appearance?: SignatureAppearance;
  hash?: HashAlgorithm;
  /** PAdES B-T: an RFC 3161 timestamp from this authority. */
  tsaUrl?: string;
  /** Milliseconds before TSA_TIMEOUT (default 5,000). */
  tsaTimeoutMs?: number;
  /** Bytes reserved for the CMS (default 12 KB, 24 KB with a timestamp). */
  reserve?: number;
}

/** Width of each /ByteRange number written over the placeholder. */
const RANGE_DIGITS = 10;
const RANGE_PLACEHOLDER = `[0 ${"0".repeat(RANGE_DIGITS)} ${"0".repeat(RANGE_DIGITS)} ${"0".repeat(RANGE_DIGITS)}]`;

/** Signs a PDF (PAdES B-B, or B-T with `tsaUrl`); returns the whole signed file. */
export async function signPdf(
  pdf: Uint8Array,
  signer: Signer,
  options: SignPdfOptions = {},
): Promise<Uint8Array> {
  const update = new PdfUpdate(pdf);
  const catalog = new Map(update.catalog);
  const acroRef = catalog.get("AcroForm");
  const acro = new Map(update.dict(acroRef) ?? []);
  const fieldsValue = update.xref.resolve(acro.get("Fields"));
  const fields: PdfValue[] = Array.isArray(fieldsValue) ? [...fieldsValue] : [];
  const names = new Set(
    fields.map((f) => {
      const t = update.dict(f)?.get("T");
      return t && typeof t === "object" && "raw" in t ? t.raw : "";
    }),
  );
  let fieldName = options.fieldName;
  for (let n = fields.length + 1; !fieldName; n++)
    if (!names.has(`(Signature${n})`)) fieldName = `Signature${n}`;

  const pageIndex = options.appearance?.page ?? 0;
  const page = update.pages[pageIndex];
  if (!page) throw new SignError("PDF_NOT_SIGNABLE", `no page ${pageIndex + 1}`);

  const sigNum = update.reserve();
  const widgetNum = update.reserve();
  let rect = "[0 0 0 0]";
  let ap = "";
  if (options.appearance) {
    const a = writeAppearance(update, options.appearance);
    rect = a.rect;
    ap = ` /AP << /N ${a.form} 0 R >>`;
  }
  update.object(
    widgetNum,
    `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${/^[\w .-]+$/.test(fieldName) ? `(${fieldName})` : pdfText(fieldName)} /V ${sigNum} 0 R` +
      ` /F 132 /P ${page.num} 0 R /Rect ${rect}${ap} >>`,
  );
  const pageDict = new Map(page.dict);
  const annots = update.xref.resolve(pageDict.get("Annots"));
  pageDict.set("Annots", [...(Array.isArray(annots) ? annots : []), new PdfRef(widgetNum, 0)]);
  update.object(page.num, pageDict);

  fields.push(new PdfRef(widgetNum, 0));
  acro.set("Fields", fields);
  acro.set("SigFlags", 3);
  if (acroRef instanceof PdfRef) update.object(acroRef.num, acro);
  else {
    catalog.set("AcroForm", acro);
    update.object(update.catalogRef.num, catalog);
  }

  const reserve = options.reserve ?? (options.tsaUrl ? 24_576 : 12_288);
  const time = options.signingTime ?? new Date();
  update.object(
    sigNum,
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached` +
      ` /ByteRange ${RANGE_PLACEHOLDER} /Contents <${"0".repeat(reserve * 2)}>` +
      ` /M ${pdfDate(time)}` +
      (options.reason ? ` /Reason ${pdfText(options.reason)}` : "") +
      (options.location ? ` /Location ${pdfText(options.location)}` : "") +
      ` >>`,
  );
  const { bytes, offsets } = update.finish();

  // Fill in the byte ranges: everything but the hex string of /Contents.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = offsets.get(sigNum)!;
  const rangeAt = text.indexOf("/ByteRange [", at, "latin1") + "/ByteRange ".length;
  const contentsAt = text.indexOf("/Contents <", at, "latin1") + "/Contents ".length;
  const afterContents = contentsAt + reserve * 2 + 2;
  const ranges = [0, contentsAt, afterContents, bytes.length - afterContents];
  const written = `[${ranges.join(" ")}]`.padEnd(RANGE_PLACEHOLDER.length, " ");
  text.write(written, rangeAt, "latin1");

  const content = Buffer.concat([text.subarray(0, contentsAt), text.subarray(afterContents)]);
  const cms = await buildCms(content, signer, {
    hash: options.hash,
    timestamp: options.tsaUrl
      ? { url: options.tsaUrl, timeoutMs: options.tsaTimeoutMs }
      : undefined,
  });
  if (cms.length > reserve)
    throw new SignError("SIGNATURE_TOO_LARGE", `${cms.length} bytes, ${reserve} reserved`);
  text.write(Buffer.from(cms).toString("hex"), contentsAt + 1, "latin1");
  return bytes;
}
