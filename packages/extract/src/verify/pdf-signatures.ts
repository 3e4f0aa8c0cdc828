/**
 * The signatures of a PDF as its raw bytes hold them: each signature dictionary (its field name,
 * /ByteRange, /Contents, /SubFilter, /M), in the order they were made, and what the incremental
 * updates after each one changed. Read with this package's object reader and revision list;
 * nothing here parses CMS.
 */
import {
  PdfFile,
  PdfName,
  PdfRef,
  PdfString,
  PdfXref,
  canonical,
  latin1,
  pageTree,
  type PdfDict,
  type PdfValue,
} from "../pdf-objects.ts";
import { listRevisions, type PdfRevision } from "../pdf-revisions.ts";

export interface RawSignature {
  field: string | null;
  byteRange: [number, number, number, number] | null;
  /** The DER bytes between the ByteRange's two parts (hex decoded, trailing zero padding kept). */
  contents: Uint8Array | null;
  /** Hex digits in /Contents, for the size limit. */
  contentsLength: number;
  subFilter: string | null;
  /** The dictionary's /M, as written (D:YYYYMMDDHHmmSS...). */
  m: string | null;
  /** /Type /DocTimeStamp: a document time-stamp (RFC 3161 token over the range). */
  docTimeStamp: boolean;
}

export type RevisionChange =
  | "signature"
  | "annotation"
  | "widget"
  | "form-field"
  | "page-content"
  | "validation-data"
  | "other";

export interface RevisionSummary {
  revision: number;
  changes: RevisionChange[];
}

/** A PDF text string (literal or hex; PDFDocEncoding or UTF-16 with its BOM) as text. */
export function pdfText(value: PdfValue | undefined): string | null {
  if (!(value instanceof PdfString)) return null;
  const bytes = stringBytes(value.raw);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = "";
    for (let i = 2; i + 1 < bytes.length; i += 2)
      out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out.normalize("NFC");
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return Buffer.from(bytes.subarray(3)).toString("utf8").normalize("NFC");
  return Buffer.from(bytes).toString("latin1");
}

/** The bytes of a string as written ("(...)" with its escapes, or "<hex>"). */
export function stringBytes(raw: string): Uint8Array {
  if (raw.startsWith("<")) return hexBytes(raw.slice(1, -1));
  const s = raw.slice(1, -1);
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== "\\") {
      out.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const n = s[++i];
    if (n === undefined) break;
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    if (n in esc) out.push(esc[n]!);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? "")) oct += s[++i];
      out.push(parseInt(oct, 8) & 0xff);
    } else if (n === "\r") {
      if (s[i + 1] === "\n") i++;
    } else if (n !== "\n") out.push(n.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(out);
}

function hexBytes(hex: string): Uint8Array {
  const digits = hex.replace(/[^0-9A-Fa-f]/g, "");
  const padded = digits.length % 2 ? digits + "0" : digits;
  return Uint8Array.from(Buffer.from(padded, "hex"));
}

function nameOf(v: PdfValue | undefined): string | null {
  return v instanceof PdfName ? v.name : null;
}

/** Fields walked at most in /AcroForm (a real form has tens). */
const MAX_FIELDS = 10_000;

/**
 * Every signature dictionary of the file, in the order the signatures were made (by where their
 * signed range ends). From the last revision's /AcroForm; when the object reader cannot read the
 * file, from every "/ByteRange" in the bytes (no field names then).
 */
export function findSignatures(
  bytes: Uint8Array,
  maxSignatures: number,
  text = latin1(bytes),
): { signatures: RawSignature[]; revisions: PdfRevision[]; file: PdfFile | null } {
  const revisions = listRevisions(bytes, text);
  let found: RawSignature[] | null = null;
  let file: PdfFile | null = null;
  // A signature dictionary is in the clear ("/ByteRange") or inside an object stream.
  if (!text.includes("/ByteRange") && !text.includes("/ObjStm"))
    return { signatures: [], revisions, file };
  try {
    file = new PdfFile(bytes, text);
    const last = revisions.at(-1);
    if (last) found = fromAcroForm(new PdfXref(file, last.xrefOffset), maxSignatures);
  } catch {
    found = null;
  }
  if (!found || found.length === 0) found = fromScan(text, maxSignatures);
  found.sort((a, b) => rangeEnd(a) - rangeEnd(b));
  return { signatures: found, revisions, file };
}

export function rangeEnd(s: RawSignature): number {
  return s.byteRange ? s.byteRange[2] + s.byteRange[3] : Number.MAX_SAFE_INTEGER;
}

function fromAcroForm(xref: PdfXref, max: number): RawSignature[] {
  const catalog = xref.resolve(xref.trailer.get("Root"));
  if (!(catalog instanceof Map)) return [];
  const form = xref.resolve(catalog.get("AcroForm"));
  if (!(form instanceof Map)) return [];
  const fields = xref.resolve(form.get("Fields"));
  if (!Array.isArray(fields)) return [];
  const out: RawSignature[] = [];
  const seen = new Set<number>();
  const values = new Set<number>();
  let walked = 0;
  const visit = (
    v: PdfValue,
    parentName: string | null,
    parentFt: string | null,
    depth: number,
  ) => {
    if (depth > 32 || ++walked > MAX_FIELDS || out.length >= max) return;
    if (v instanceof PdfRef) {
      if (seen.has(v.num)) return;
      seen.add(v.num);
    }
    const dict = xref.resolve(v);
    if (!(dict instanceof Map)) return;
    const t = pdfText(xref.resolve(dict.get("T")));
    const name = t === null ? parentName : parentName ? `${parentName}.${t}` : t;
    const ft = nameOf(xref.resolve(dict.get("FT"))) ?? parentFt;
    // Fields sharing one signature dictionary are one signature.
    const valueRef = dict.get("V");
    const shared = valueRef instanceof PdfRef && values.has(valueRef.num);
    if (valueRef instanceof PdfRef) values.add(valueRef.num);
    const value = xref.resolve(valueRef);
    if (ft === "Sig" && value instanceof Map && !shared) out.push(readDict(value, name));
    const kids = xref.resolve(dict.get("Kids"));
    if (Array.isArray(kids)) for (const k of kids) visit(k, name, ft, depth + 1);
  };
  for (const f of fields) visit(f, null, null, 0);
  return out;
}

function readDict(dict: PdfDict, field: string | null): RawSignature {
  const br = dict.get("ByteRange");
  let byteRange: RawSignature["byteRange"] = null;
  if (Array.isArray(br) && br.length === 4 && br.every((x) => typeof x === "number"))
    byteRange = br as [number, number, number, number];
  const raw = dict.get("Contents");
  const contentsLength = raw instanceof PdfString ? raw.raw.length - 2 : 0;
  return {
    field,
    byteRange,
    contents: raw instanceof PdfString ? stringBytes(raw.raw) : null,
    contentsLength,
    subFilter: nameOf(dict.get("SubFilter")),
    m: dict.get("M") instanceof PdfString ? pdfText(dict.get("M")) : null,
    docTimeStamp: nameOf(dict.get("Type")) === "DocTimeStamp",
  };
}

/** Every "/ByteRange" of the file: the dictionary around it, read by a few patterns. */
function fromScan(text: string, max: number): RawSignature[] {
  const out: RawSignature[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < max) {
    const byteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [
      number,
      number,
      number,
      number,
    ];
    const start = Math.max(0, m.index - 4096);
    const around = text.slice(start, Math.min(text.length, m.index + 4096));
    const gap = byteRange[0] + byteRange[1];
    let contents: Uint8Array | null = null;
    let contentsLength = 0;
    if (gap < byteRange[2] && byteRange[2] <= text.length && text[gap] === "<") {
      const hex = text.slice(gap + 1, byteRange[2] - 1);
      contentsLength = hex.length;
      contents = hexBytes(hex);
    }
    out.push({
      field: null,
      byteRange,
      contents,
      contentsLength,
      subFilter: /\/SubFilter\s*\/([\w.]+)/.exec(around)?.[1] ?? null,
      m: /\/M\s*\(([^)]*)\)/.exec(around)?.[1] ?? null,
      docTimeStamp: /\/Type\s*\/DocTimeStamp/.test(around),
    });
  }
  return out;
}

/** A PDF date (D:YYYYMMDDHHmmSSOHH'mm') as an ISO instant; null when unreadable. */
export function pdfDate(s: string | null): Date | null {
  if (!s) return null;
  const m =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(
      s.trim(),
    );
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((k, i) =>
    m[k] === undefined ? (i === 1 || i === 2 ? 1 : 0) : Number(m[k]),
  ) as [number, number, number, number, number, number];
  let t = Date.UTC(y, mo - 1, d, h, mi, se);
  const sign = m[7];
  if (sign === "+" || sign === "-") {
    const off = (Number(m[8] ?? 0) * 60 + Number(m[9] ?? 0)) * 60_000;
    t += sign === "+" ? -off : off;
  }
  return Number.isNaN(t) ? null : new Date(t);
}

/**
 * What each revision after `end` (the end of a signature's signed range) changed, from the
 * objects its cross-reference section defines, read as the file stood at that revision.
 */
export function changesAfter(
  file: PdfFile | null,
  revisions: PdfRevision[],
  end: number,
): RevisionSummary[] {
  const own = revisions.findIndex((r) => r.byteEnd + 2 >= end);
  if (own < 0) return [];
  const out: RevisionSummary[] = [];
  for (let i = own + 1; i < revisions.length; i++) {
    const rev = revisions[i]!;
    out.push({ revision: rev.revision, changes: classify(file, revisions[i - 1]!, rev) });
  }
  return out;
}

function classify(file: PdfFile | null, before: PdfRevision, rev: PdfRevision): RevisionChange[] {
  const kinds = new Set<RevisionChange>();
  if (!file || !rev.objects) return ["other"];
  try {
    const now = new PdfXref(file, rev.xrefOffset);
    const then = new PdfXref(file, before.xrefOffset);
    const defined = new Set(rev.objects);
    for (const num of rev.objects) {
      const v = now.get(num);
      if (!(v instanceof Map)) continue;
      const type = nameOf(v.get("Type"));
      const subtype = nameOf(v.get("Subtype"));
      if (type === "Sig" || type === "DocTimeStamp") kinds.add("signature");
      else if (subtype === "Widget" || v.has("FT")) {
        const ft = nameOf(now.resolve(v.get("FT")));
        const parent = now.resolve(v.get("Parent"));
        const parentFt = parent instanceof Map ? nameOf(now.resolve(parent.get("FT"))) : null;
        if ((ft ?? parentFt) === "Sig") kinds.add("signature");
        else if (v.has("V") && canonical(v.get("V")!) !== canonical(then.get(num)))
          kinds.add("form-field");
        else if (subtype === "Widget") kinds.add("widget");
      } else if (
        subtype &&
        type !== "XObject" &&
        subtype !== "Form" &&
        subtype !== "Image" &&
        type !== "Font"
      )
        kinds.add("annotation");
      else if (type === "Catalog" && v.has("DSS")) {
        const old = then.get(num);
        if (!(old instanceof Map) || canonical(old.get("DSS") ?? null) !== canonical(v.get("DSS")!))
          kinds.add("validation-data");
      }
    }
    // Page content drawn: a page whose /Contents changed, or whose content streams were rewritten.
    const pagesNow = pageTree(now, 10_000);
    const pagesThen = new Map(pageTree(then, 10_000).map((p) => [p.num, p.dict]));
    for (const page of pagesNow) {
      const contents = page.dict.get("Contents") ?? null;
      const old = pagesThen.get(page.num);
      if (!old || canonical(old.get("Contents") ?? null) !== canonical(contents)) {
        kinds.add("page-content");
        continue;
      }
      const refs =
        contents instanceof PdfRef ? [contents] : Array.isArray(contents) ? contents : [];
      if (refs.some((r) => r instanceof PdfRef && defined.has(r.num))) kinds.add("page-content");
    }
  } catch {
    kinds.add("other");
  }
  return [...kinds].sort();
}

/** The streams of the document's /DSS (CRLs, OCSP responses), decoded; empty when none. */
export function dssData(
  file: PdfFile | null,
  revisions: PdfRevision[],
): { crls: Uint8Array[]; ocsps: Uint8Array[] } {
  const out = { crls: [] as Uint8Array[], ocsps: [] as Uint8Array[] };
  const last = revisions.at(-1);
  if (!file || !last) return out;
  try {
    const xref = new PdfXref(file, last.xrefOffset);
    const catalog = xref.resolve(xref.trailer.get("Root"));
    if (!(catalog instanceof Map)) return out;
    const dss = xref.resolve(catalog.get("DSS"));
    if (!(dss instanceof Map)) return out;
    for (const [key, list] of [
      ["CRLs", out.crls],
      ["OCSPs", out.ocsps],
    ] as const) {
      const refs = xref.resolve(dss.get(key));
      if (!Array.isArray(refs)) continue;
      for (const r of refs.slice(0, 100)) {
        if (!(r instanceof PdfRef)) continue;
        const s = xref.stream(r.num);
        if (s) list.push(s.data);
      }
    }
  } catch {
    // No usable /DSS.
  }
  return out;
}
