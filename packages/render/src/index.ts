// Public surface of @vanthu/render: the ND30 layout model drawn as PDF and .docx (HTML follows).
export { renderPdf, type RenderPdfOptions } from "./render-pdf.ts";
export { renderDocx } from "./render-docx.ts";
export { findSerifFonts, type SerifFonts } from "./fonts.ts";
