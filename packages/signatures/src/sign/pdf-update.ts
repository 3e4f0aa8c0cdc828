/**
 * An incremental update (ISO 32000-1, 7.5.6): new and changed objects appended after the file's
 * last %%EOF, with a cross-reference section whose /Prev is the previous one. The earlier bytes
 * stay as they are, so the signatures over them stay valid. The file is read with extract's raw
 * object reader (cross-references, page tree).
 */
import { deflateSync } from "node:zlib";
import {
  canonical,
  latin1,
  pageTree,
  PdfFile,
  PdfRef,
  PdfXref,
  type PdfDict,
  type PdfValue,
  type TreePage,
} from "@vanthu/extract";
import type { PdfObjectSink } from "@vanthu/render";
import { SignError } from "./errors.ts";

/** Largest PDF signed or stamped (an issued document with attachments is a few megabytes). */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;
const MAX_PAGES = 10_000;

export class PdfUpdate {
  readonly xref: PdfXref;
  readonly pages: TreePage[];
  readonly catalogRef: PdfRef;
  private readonly startxref: number;
  private size: number;
  private readonly objects = new Map<number, Uint8Array[]>();

  constructor(readonly bytes: Uint8Array) {
    if (bytes.length > MAX_PDF_BYTES) throw new SignError("PDF_NOT_SIGNABLE", "file too large");
    try {
      const file = new PdfFile(bytes, latin1(bytes));
      const tail = file.text.lastIndexOf("startxref");
      const m = tail < 0 ? null : /^startxref\s+(\d+)/.exec(file.text.slice(tail, tail + 40));
      if (!m) throw new Error("no startxref");
      this.startxref = Number(m[1]);
      this.xref = new PdfXref(file, this.startxref);
      this.pages = pageTree(this.xref, MAX_PAGES);
      const root = this.xref.trailer.get("Root");
      const size = this.xref.trailer.get("Size");
      if (!(root instanceof PdfRef) || typeof size !== "number") throw new Error("trailer");
      this.catalogRef = root;
      this.size = size;
    } catch (e) {
      if (e instanceof SignError) throw e;
      throw new SignError("PDF_NOT_SIGNABLE", e instanceof Error ? e.message : String(e), {
        cause: e,
      });
    }
  }

  get catalog(): PdfDict {
    const c = this.xref.get(this.catalogRef.num);
    if (!(c instanceof Map)) throw new SignError("PDF_NOT_SIGNABLE", "no catalog");
    return c;
  }

  /** A dictionary, whether written in place or referred to; null otherwise. */
  dict(v: PdfValue | undefined): PdfDict | null {
    const r = this.xref.resolve(v);
    return r instanceof Map ? r : null;
  }

  reserve(): number {
    return this.size++;
  }

  /** Writes (or rewrites) object `num`: a value in PDF syntax. */
  object(num: number, body: string | PdfValue): number {
    const text = typeof body === "string" ? body : canonical(body);
    this.objects.set(num, [Buffer.from(`${num} 0 obj\n${text}\nendobj\n`, "latin1")]);
    return num;
  }

  /** Writes a deflated stream object; `dict` holds entries besides /Length and /Filter. */
  stream(num: number, dict: string, data: Uint8Array): number {
    const z = deflateSync(data);
    this.objects.set(num, [
      Buffer.from(
        `${num} 0 obj\n<< /Length ${z.length} /Filter /FlateDecode ${dict} >>\nstream\n`,
        "latin1",
      ),
      z,
      Buffer.from("\nendstream\nendobj\n", "latin1"),
    ]);
    return num;
  }

  /** Writes a stream object whose data is already deflated. */
  rawStream(num: number, dict: string, deflated: Uint8Array): number {
    this.objects.set(num, [
      Buffer.from(
        `${num} 0 obj\n<< /Length ${deflated.length} /Filter /FlateDecode ${dict} >>\nstream\n`,
        "latin1",
      ),
      deflated,
      Buffer.from("\nendstream\nendobj\n", "latin1"),
    ]);
    return num;
  }

  /** This update as render's object sink (to embed a font). */
  sink(): PdfObjectSink {
    return {
      object: (body, n = this.reserve()) => this.object(n, body),
      stream: (dict, deflated, n = this.reserve()) => this.rawStream(n, dict, deflated),
    };
  }

  /** The file with the update appended; where each new object starts. */
  finish(): { bytes: Uint8Array; offsets: Map<number, number> } {
    const parts: Uint8Array[] = [this.bytes];
    let at = this.bytes.length;
    const last = this.bytes[this.bytes.length - 1];
    if (last !== 0x0a && last !== 0x0d) {
      parts.push(Buffer.from("\n"));
      at++;
    }
    const offsets = new Map<number, number>();
    const nums = [...this.objects.keys()].sort((a, b) => a - b);
    for (const n of nums) {
      offsets.set(n, at);
      for (const p of this.objects.get(n)!) {
        parts.push(p);
        at += p.length;
      }
    }
    let xref = "xref\n";
    for (let i = 0; i < nums.length;) {
      let j = i;
      while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
      xref += `${nums[i]} ${j - i + 1}\n`;
      for (let k = i; k <= j; k++)
        xref += `${String(offsets.get(nums[k]!)).padStart(10, "0")} 00000 n \n`;
      i = j + 1;
    }
    const t = this.xref.trailer;
    const keep = ["Root", "Info", "ID"]
      .filter((k) => t.has(k))
      .map((k) => ` /${k} ${canonical(t.get(k)!)}`)
      .join("");
    xref += `trailer\n<< /Size ${this.size}${keep} /Prev ${this.startxref} >>\nstartxref\n${at}\n%%EOF\n`;
    parts.push(Buffer.from(xref, "latin1"));
    return { bytes: Buffer.concat(parts), offsets };
  }
}

/** A text string as UTF-16BE hex with a byte order mark. */
export function pdfText(s: string): string {
  let hex = "<feff";
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, "0");
  return `${hex}>`;
}

/** A date as PDF writes it, UTC. */
export function pdfDate(d: Date): string {
  return `(D:${d.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z)`;
}

export const num = (v: number): string => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
};
