// Public surface of @vanthu/render: the ND30 layout model drawn as PDF (and, with their
// issue's next steps, .docx and HTML).
export { renderPdf, type RenderPdfOptions } from "./render-pdf.ts";
export { findSerifFonts, type SerifFonts } from "./fonts.ts";
