// Public surface of @vanthu/render: the ND30 layout model drawn as PDF, .docx and HTML.
export {
  renderPdf,
  renderPdfSync,
  renderPdfPlaced,
  embedTextFont,
  type RenderPdfOptions,
  type PdfPlacements,
  type StampBlank,
} from "./render-pdf.ts";
export { renderDocx } from "./render-docx.ts";
export { renderHtml } from "./render-html.ts";
export {
  findSerifFonts,
  npmSerifFonts,
  loadSerifFonts,
  type SerifFonts,
  type SerifFontData,
} from "./fonts.ts";
export type { PdfObjectSink } from "./pdf/pdf-writer.ts";
