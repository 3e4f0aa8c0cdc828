/**
 * The PDF a leader signs and a clerk issues: drawn from the draft's content with the number and
 * date left blank (render's `stampBlanks`), the symbol as issuing will compose it, and where the
 * blanks and the signature block are (`placements`, kept with a signed draft so that issuing
 * stamps the number and date into them). `contentKey` names the content it was drawn from: a
 * signed draft is stamped at issuing only while the draft is still that content.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { composeSymbol, layoutDocument } from "@vanthu/core";
import { renderPdfPlaced, type PdfPlacements } from "@vanthu/render";
import type { DocumentContent } from "../documents/document-content.ts";
import { storeContent } from "../stored-json.ts";

export function contentKey(content: DocumentContent): string {
  return createHash("sha256").update(storeContent(content)).digest("hex");
}

/** The content as issuing will draw it, before its number and date are known. */
export function blankContent(
  content: DocumentContent,
  agencyAbbreviation: string,
): DocumentContent {
  const symbol =
    content.symbol ??
    (content.type?.code
      ? composeSymbol({
          format: content.format,
          typeCode: content.type.code,
          issuer: agencyAbbreviation,
          unit: content.issuer.unit ?? null,
        })
      : null);
  return {
    ...content,
    number: null,
    symbol,
    dateParts: { day: null, month: null, year: null },
  };
}

export function drawBlankPdf(
  content: DocumentContent,
  agencyAbbreviation: string,
  at: Date,
): { pdf: Uint8Array; placements: PdfPlacements } {
  return renderPdfPlaced(layoutDocument(blankContent(content, agencyAbbreviation)), {
    stampBlanks: true,
    creationDate: at,
    title: content.subject ?? "",
  });
}

const blank = z
  .object({
    page: z.number(),
    x: z.number(),
    width: z.number(),
    baseline: z.number(),
    size: z.number(),
    font: z.string(),
  })
  .nullable();

/** What a signed draft's row keeps (document_files.placements). */
export const storedPlacements = z.object({
  contentKey: z.string(),
  number: blank,
  day: blank,
  month: blank,
  year: blank,
  signature: z
    .object({
      page: z.number(),
      x: z.number(),
      width: z.number(),
      top: z.number(),
      bottom: z.number(),
    })
    .nullable(),
});
export type StoredPlacements = z.infer<typeof storedPlacements>;

export function placementsToStore(placements: PdfPlacements, key: string): string {
  const { number, day, month, year, signature } = placements;
  return JSON.stringify({ contentKey: key, number, day, month, year, signature });
}
