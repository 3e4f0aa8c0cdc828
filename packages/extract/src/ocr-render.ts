/**
 * Pages as images, through MuPDF (its WebAssembly build, from npm): a PDF's page, or each frame of
 * a PNG, JPEG or TIFF file. Measured here on the scans of the corpus at 300 dpi: MuPDF rendered a
 * page in 60–270 ms (JBIG2, CCITT and JPEG images alike), pdfjs with @napi-rs/canvas in 190–630 ms
 * plus 50–180 ms to read the pixels back; MuPDF also gives the pixels in the colour space asked for.
 *
 * MuPDF is loaded on first use only (its module is 10 MB of WebAssembly; loading takes ~0.2 s), so
 * reading text PDFs costs nothing more.
 */
import type * as MuPdf from "mupdf";
import { printInkShare, splitInk, type GrayImage } from "./ocr-image.ts";

let loading: Promise<typeof MuPdf> | null = null;

export function loadMupdf(): Promise<typeof MuPdf> {
  loading ??= import("mupdf").then((m) => {
    // Its warnings ("line feed missing after stream begin marker") are about damaged files we
    // read all the same: not for the reader's output.
    m.setLog(null);
    return m;
  });
  return loading;
}

export interface RenderedPage {
  /** Print only, coloured ink faded out: what the recogniser reads. */
  print: GrayImage;
  /** Ink of any colour but red (stamps): what a blank is checked against. */
  ink: GrayImage;
  /** Pixels per point (dpi / 72). */
  scale: number;
  /** The page's size in points. */
  widthPt: number;
  heightPt: number;
}

export interface PageImages {
  pages: number;
  /** Share of the page's area covered by images (0..1). */
  imageCover(index: number): number;
  render(index: number, dpi: number): RenderedPage;
  /**
   * The page rendered, or null when it is blank: its print darkens less than `blankBelow` of it
   * (inkShare of `print`), told from the pixels before the grey images are made.
   */
  renderUnlessBlank(index: number, dpi: number, blankBelow: number): RenderedPage | null;
  close(): void;
}

/** Pixels per point of the largest image on the page, or null when there is none. */
function nativeScale(p: MuPdf.Page): number | null {
  let best: { area: number; scale: number } | null = null;
  const text = p.toStructuredText("preserve-images");
  try {
    text.walk({
      onImageBlock(bbox, _m, image) {
        const w = bbox[2] - bbox[0];
        const area = w * (bbox[3] - bbox[1]);
        if (w > 0 && (!best || area > best.area)) best = { area, scale: image.getWidth() / w };
      },
    });
  } finally {
    text.destroy();
  }
  return (best as { scale: number } | null)?.scale ?? null;
}

/** What MuPDF opens, by the file's first bytes. */
export function imageMagic(bytes: Uint8Array): string | null {
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return "image/png";
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (
    (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
    (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)
  )
    return "image/tiff";
  return null;
}

/**
 * Opens a PDF ("application/pdf") or an image file for rendering. Throws what MuPDF throws on a
 * file it cannot read.
 */
export async function openPageImages(bytes: Uint8Array, magic: string): Promise<PageImages> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(bytes, magic);
  const isImage = magic.startsWith("image/");
  const pages = doc.countPages();
  const open = new Map<number, MuPdf.Page>();
  const page = (index: number): MuPdf.Page => {
    let p = open.get(index);
    if (!p) {
      for (const [k, v] of open) {
        v.destroy();
        open.delete(k);
      }
      p = doc.loadPage(index);
      open.set(index, p);
    }
    return p;
  };
  const draw = (index: number, dpi: number, blankBelow: number | null): RenderedPage | null => {
    const p = page(index);
    const [x0, y0, x1, y1] = p.getBounds();
    const widthPt = x1 - x0;
    const heightPt = y1 - y0;
    let scale = dpi / 72;
    if (isImage) {
      // An image's page size comes from its stated resolution, often a default (72 or 96):
      // render it at its own pixel size, enlarged when small for a page (under ~280 dpi on A4).
      const native = nativeScale(p) ?? 1;
      const longSide = Math.max(widthPt, heightPt) * native;
      scale = native * Math.max(1, 3300 / longSide);
    }
    // Never past ~20 megapixels (A3 at 300 dpi), whatever the page size claims: the recogniser's
    // memory grows with the image.
    scale = Math.min(scale, Math.sqrt(20e6 / Math.max(1, widthPt * heightPt)));
    const pix = p.toPixmap(
      mupdf.Matrix.scale(scale, scale),
      mupdf.ColorSpace.DeviceRGB,
      false,
      true,
    );
    try {
      const samples = pix.getPixels();
      const [w, h, channels] = [pix.getWidth(), pix.getHeight(), pix.getNumberOfComponents()];
      if (blankBelow !== null && printInkShare(samples, w, h, channels) < blankBelow) return null;
      const { print, ink } = splitInk(samples, w, h, channels);
      if (isImage) {
        // Points as if the image were an A4 page across: the layout's thresholds are in points.
        const pt = 595 / Math.min(pix.getWidth(), pix.getHeight());
        return {
          print,
          ink,
          scale: 1 / pt,
          widthPt: pix.getWidth() * pt,
          heightPt: pix.getHeight() * pt,
        };
      }
      return { print, ink, scale, widthPt, heightPt };
    } finally {
      pix.destroy();
    }
  };
  return {
    pages,
    imageCover(index) {
      const p = page(index);
      const [x0, y0, x1, y1] = p.getBounds();
      const area = Math.max(1, (x1 - x0) * (y1 - y0));
      let covered = 0;
      const text = p.toStructuredText("preserve-images");
      try {
        text.walk({
          onImageBlock(bbox) {
            const w = Math.max(0, Math.min(bbox[2], x1) - Math.max(bbox[0], x0));
            const h = Math.max(0, Math.min(bbox[3], y1) - Math.max(bbox[1], y0));
            covered = Math.max(covered, w * h);
          },
        });
      } finally {
        text.destroy();
      }
      return isImage ? 1 : Math.min(1, covered / area);
    },
    render: (index, dpi) => draw(index, dpi, null)!,
    renderUnlessBlank: (index, dpi, blankBelow) => draw(index, dpi, blankBelow),
    close() {
      for (const v of open.values()) v.destroy();
      open.clear();
      doc.destroy();
    },
  };
}
