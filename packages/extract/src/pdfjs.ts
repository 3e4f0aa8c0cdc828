/**
 * pdfjs-dist, loaded once for the process: its API and its worker half, which runs in the same
 * thread (pdf.worker.mjs sets globalThis.pdfjsWorker, which the API then uses instead of loading
 * it itself).
 *
 * The legacy build, the one for Node, carries core-js polyfills, and one of them replaces
 * Array.prototype.push for the whole process with a JavaScript function: on V8 before 12.2
 * (Node 20), push on an array whose length is read-only does not throw as the standard says,
 * which no code here relies on. pdfjs pushes millions of times per file (operator lists, text
 * items), and so do the layout and the parser: measured on the corpus's text PDFs in a warm
 * reader, the polyfill cost 15-20% of the CPU time per file. The engine's own push is put back
 * once pdfjs is loaded.
 */
import type * as PdfJs from "pdfjs-dist/legacy/build/pdf.mjs";

/** The engine's push, taken before anything could replace it. */
const enginePush = Array.prototype.push;

let loading: Promise<typeof PdfJs> | null = null;

export function loadPdfjs(): Promise<typeof PdfJs> {
  loading ??= (async () => {
    const worker = "pdfjs-dist/legacy/build/pdf.worker.mjs"; // no types
    const [pdfjs] = await Promise.all([
      import("pdfjs-dist/legacy/build/pdf.mjs"),
      import(worker) as Promise<unknown>,
    ]);
    if (Array.prototype.push !== enginePush)
      Object.defineProperty(Array.prototype, "push", {
        value: enginePush,
        writable: true,
        enumerable: false,
        configurable: true,
      });
    return pdfjs;
  })();
  return loading;
}
