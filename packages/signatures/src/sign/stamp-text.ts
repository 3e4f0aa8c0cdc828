/**
 * The number and date drawn into the blanks of a signed draft at issuing, as an incremental
 * update that keeps the leader's signature valid: one annotation a blank (print, locked), whose
 * appearance draws the text with the page's own font. Render embeds the digits and "/" in the
 * faces of the blanks (`stampBlanks`), and in its fonts ASCII characters have their own codes,
 * so the text is written as it is. This is how e-office systems stamp them (extract reads the
 * text such annotations draw, and marks it as a later revision's).
 */
import { PdfRef } from "@vanthu/extract";
import { SignError } from "./errors.ts";
import { num, PdfUpdate, pdfText } from "./pdf-update.ts";

/** What render reports for a blank (`StampBlank`), and the text to draw into it. */
export interface StampPlacement {
  page: number;
  x: number;
  width: number;
  baseline: number;
  size: number;
  /** The page's font resource that holds the glyphs ("FR", "FI"). */
  font: string;
  text: string;
  /** Centred in the blank (default), or against its right end (the number, before "/"). */
  align?: "center" | "right";
}

/**
 * Advance widths of the characters stamped, in thousandths of the size: Tinos and Liberation
 * Serif have the metrics of Times (digits 500, "/" 278, "." 250).
 */
const WIDTH: Record<string, number> = { "/": 278, ".": 250, "-": 333, " ": 250 };
const textWidth = (s: string, size: number) =>
  [...s].reduce((w, c) => w + (WIDTH[c] ?? 500), 0) * (size / 1000);

export function stampText(pdf: Uint8Array, placements: StampPlacement[]): Uint8Array {
  const todo = placements.filter((p) => p.text);
  if (!todo.length) throw new SignError("STAMP_NOTHING_TO_DRAW");
  const update = new PdfUpdate(pdf);
  const added = new Map<number, PdfRef[]>();
  for (const p of todo) {
    if (!/^[\x20-\x7e]+$/.test(p.text)) throw new SignError("STAMP_NOTHING_TO_DRAW", "not ASCII");
    const page = update.pages[p.page];
    if (!page) throw new SignError("STAMP_NOTHING_TO_DRAW", `no page ${p.page + 1}`);
    const resources = update.dict(page.dict.get("Resources"));
    const font = update.dict(resources?.get("Font"))?.get(p.font);
    if (!(font instanceof PdfRef))
      throw new SignError("STAMP_NOTHING_TO_DRAW", `no font ${p.font} on page ${p.page + 1}`);
    const w = textWidth(p.text, p.size);
    // Centred in the blank (a text wider than the blank grows both ways), or against its end.
    const left = p.align === "right" ? p.x + p.width - w - p.size * 0.1 : p.x + (p.width - w) / 2;
    const down = p.size * 0.25;
    const rect = [left, p.baseline - down, left + w, p.baseline + p.size];
    const escaped = p.text.replace(/[\\()]/g, "\\$&");
    const form = update.reserve();
    update.stream(
      form,
      `/Type /XObject /Subtype /Form /BBox [0 0 ${num(w)} ${num(p.size + down)}]` +
        ` /Resources << /Font << /${p.font} ${font.num} 0 R >> >>`,
      Buffer.from(
        `BT /${p.font} ${num(p.size)} Tf 0 ${num(down)} Td (${escaped}) Tj ET\n`,
        "latin1",
      ),
    );
    const annot = update.reserve();
    update.object(
      annot,
      `<< /Type /Annot /Subtype /FreeText /Rect [${rect.map(num).join(" ")}] /F 196` +
        ` /Contents ${pdfText(p.text)} /DA (/${p.font} ${num(p.size)} Tf 0 g) /P ${page.num} 0 R` +
        ` /Border [0 0 0] /AP << /N ${form} 0 R >> >>`,
    );
    added.set(page.num, [...(added.get(page.num) ?? []), new PdfRef(annot, 0)]);
  }
  for (const page of update.pages) {
    const refs = added.get(page.num);
    if (!refs) continue;
    const dict = new Map(page.dict);
    const annots = update.xref.resolve(dict.get("Annots"));
    dict.set("Annots", [...(Array.isArray(annots) ? annots : []), ...refs]);
    update.object(page.num, dict);
  }
  return update.finish().bytes;
}

/** Render's blanks (`PdfPlacements`), the parts stampText needs. */
export interface StampBlanks {
  number: Omit<StampPlacement, "text" | "align"> | null;
  day: Omit<StampPlacement, "text" | "align"> | null;
  month: Omit<StampPlacement, "text" | "align"> | null;
  year: Omit<StampPlacement, "text" | "align"> | null;
}

/**
 * What to stamp at issuing, written as ND30 Phụ lục I prints them (as core's formatNumberLine
 * and formatWrittenDate do): a number under 10 and a day under 10 with a leading zero, months 1
 * and 2 too. Blanks render did not leave are skipped.
 */
export function issueStamps(
  blanks: StampBlanks,
  issued: { number: string; day: number; month: number; year: number },
): StampPlacement[] {
  const out: StampPlacement[] = [];
  const add = (b: StampBlanks["number"], text: string, align?: "right") => {
    if (b) out.push({ ...b, text, ...(align ? { align } : {}) });
  };
  add(blanks.number, /^\d$/.test(issued.number) ? `0${issued.number}` : issued.number, "right");
  add(blanks.day, String(issued.day).padStart(2, "0"));
  add(
    blanks.month,
    issued.month <= 2 ? String(issued.month).padStart(2, "0") : String(issued.month),
  );
  add(blanks.year, String(issued.year));
  return out;
}
