/**
 * Scans made by the tests themselves: the project's own công văn (fixtures/cong-van.pdf, our
 * words) rendered to a page image, then turned, noised, written on by "hand", saved as PNG, TIFF
 * or as a scanned PDF with a text layer that lies.
 */
import { readFileSync } from "node:fs";
import * as mupdf from "mupdf";
import { addNoise, rotateQuarter, rotateSmall, type GrayImage } from "../src/ocr-image.ts";

export interface RgbImage {
  width: number;
  height: number;
  /** 3 bytes a pixel. */
  data: Uint8Array;
}

export interface FixturePage {
  image: RgbImage;
  /** Pixels per point. */
  scale: number;
  /** Where a string is printed, in pixels (top-left origin). */
  find(text: string): { x0: number; y0: number; x1: number; y1: number };
}

const FIXTURE = new URL("./fixtures/cong-van.pdf", import.meta.url);

/** The fixture's page at `dpi`, in colour. */
export function renderFixture(dpi = 300): FixturePage {
  const doc = mupdf.Document.openDocument(readFileSync(FIXTURE), "application/pdf");
  const page = doc.loadPage(0);
  const scale = dpi / 72;
  const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
  const image = {
    width: pix.getWidth(),
    height: pix.getHeight(),
    data: new Uint8Array(pix.getPixels()),
  };
  pix.destroy();
  const find = (text: string) => {
    const hits = page.search(text, "");
    const quad = hits[0]?.[0];
    if (!quad) throw new Error(`"${text}" is not on the fixture page`);
    const xs = [quad[0], quad[2], quad[4], quad[6]].map((v) => v * scale);
    const ys = [quad[1], quad[3], quad[5], quad[7]].map((v) => v * scale);
    return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  };
  return { image, scale, find };
}

export function toGray(image: RgbImage): GrayImage {
  const data = new Uint8Array(image.width * image.height);
  for (let i = 0, j = 0; i < data.length; i++, j += 3)
    data[i] = (image.data[j]! * 77 + image.data[j + 1]! * 150 + image.data[j + 2]! * 29) >> 8;
  return { width: image.width, height: image.height, data };
}

/** White over a box. */
export function whiteOut(
  image: RgbImage,
  box: { x0: number; y0: number; x1: number; y1: number },
): void {
  for (let y = Math.floor(box.y0); y < Math.ceil(box.y1); y++)
    for (let x = Math.floor(box.x0); x < Math.ceil(box.x1); x++)
      image.data.fill(255, (y * image.width + x) * 3, (y * image.width + x) * 3 + 3);
}

/**
 * Pen strokes in a box, as a clerk writes a number: three tall digit-like scribbles in blue ink,
 * taller than the print and leaning.
 */
export function handwrite(
  image: RgbImage,
  box: { x0: number; y0: number; x1: number; y1: number },
  ink: [number, number, number] = [35, 55, 170],
): void {
  const h = (box.y1 - box.y0) * 1.5;
  const top = box.y0 - h * 0.25;
  const w = (box.x1 - box.x0) / 3;
  const dot = (x: number, y: number) => {
    for (let dy = -3; dy <= 3; dy++)
      for (let dx = -3; dx <= 3; dx++) {
        if (dx * dx + dy * dy > 10) continue;
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
        image.data.set(ink, (py * image.width + px) * 3);
      }
  };
  const line = (ax: number, ay: number, bx: number, by: number) => {
    const n = Math.ceil(Math.hypot(bx - ax, by - ay));
    for (let i = 0; i <= n; i++) dot(ax + ((bx - ax) * i) / n, ay + ((by - ay) * i) / n);
  };
  for (let k = 0; k < 3; k++) {
    const x = box.x0 + k * w + w * 0.2;
    // A leaning "4", a loop, a hook: shapes enough to be ink, not print.
    if (k === 0) {
      line(x + w * 0.5, top, x, top + h * 0.65);
      line(x, top + h * 0.65, x + w * 0.7, top + h * 0.6);
      line(x + w * 0.55, top + h * 0.2, x + w * 0.4, top + h);
    } else if (k === 1) {
      for (let a = 0; a < Math.PI * 2; a += 0.05)
        dot(x + w * 0.35 + Math.cos(a) * w * 0.3, top + h * 0.3 + Math.sin(a) * h * 0.25);
      line(x + w * 0.65, top + h * 0.3, x + w * 0.45, top + h);
    } else {
      line(x, top + h * 0.1, x + w * 0.6, top);
      line(x + w * 0.6, top, x + w * 0.2, top + h);
    }
  }
}

/** Grey page turned by a small angle (degrees, clockwise) and/or quarters, with noise. */
export function scanOf(
  image: RgbImage,
  {
    skew = 0,
    quarter = 0,
    noise = 0,
  }: { skew?: number; quarter?: 0 | 90 | 180 | 270; noise?: number },
): GrayImage {
  let g = toGray(image);
  if (skew) g = rotateSmall(g, skew);
  if (quarter) g = rotateQuarter(g, quarter);
  if (noise) g = addNoise(g, noise, 7);
  return g;
}

export function png(image: GrayImage | RgbImage, channels: 1 | 3 = 1): Uint8Array {
  const cs = channels === 1 ? mupdf.ColorSpace.DeviceGray : mupdf.ColorSpace.DeviceRGB;
  const pix = new mupdf.Pixmap(cs, [0, 0, image.width, image.height], false);
  pix.getPixels().set(image.data);
  pix.setResolution(300, 300);
  const out = new Uint8Array(pix.asPNG());
  pix.destroy();
  return out;
}

/** A baseline TIFF: one strip of 8-bit grey, no compression, 300 dpi. */
export function tiff(image: GrayImage): Uint8Array {
  const entries: Array<[number, number, number, number]> = [
    // tag, type (3 short, 4 long, 5 rational), count, value
    [256, 4, 1, image.width],
    [257, 4, 1, image.height],
    [258, 3, 1, 8],
    [259, 3, 1, 1],
    [262, 3, 1, 1], // black is zero
    [273, 4, 1, 0], // strip offset, set below
    [277, 3, 1, 1],
    [278, 4, 1, image.height],
    [279, 4, 1, image.data.length],
    [282, 5, 1, 0], // x resolution, set below
    [283, 5, 1, 0],
    [296, 3, 1, 2], // inches
  ];
  const ifdAt = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const rationalAt = ifdAt + ifdSize;
  const dataAt = rationalAt + 8;
  const out = new Uint8Array(dataAt + image.data.length);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 0x2a, 0x00]);
  v.setUint32(4, ifdAt, true);
  v.setUint16(ifdAt, entries.length, true);
  entries.forEach(([tag, type, count, value], i) => {
    const at = ifdAt + 2 + i * 12;
    if (tag === 273) value = dataAt;
    if (tag === 282 || tag === 283) value = rationalAt;
    v.setUint16(at, tag, true);
    v.setUint16(at + 2, type, true);
    v.setUint32(at + 4, count, true);
    if (type === 3) v.setUint16(at + 8, value, true);
    else v.setUint32(at + 8, value, true);
  });
  v.setUint32(rationalAt, 300, true);
  v.setUint32(rationalAt + 4, 1, true);
  out.set(image.data, dataAt);
  return out;
}

/**
 * A scanned PDF: the page image, and over it an invisible text layer (render mode 3) holding
 * `layer` lines, as a scanner's OCR writes one.
 */
export function scannedPdf(
  image: GrayImage,
  layer: string[],
  widthPt = 595,
  heightPt = 842,
): Uint8Array {
  const doc = new mupdf.PDFDocument();
  const pix = new mupdf.Pixmap(
    mupdf.ColorSpace.DeviceGray,
    [0, 0, image.width, image.height],
    false,
  );
  pix.getPixels().set(image.data);
  const img = doc.addImage(new mupdf.Image(pix));
  const font = doc.addSimpleFont(new mupdf.Font("Times-Roman"));
  const resources = doc.addObject({ XObject: { Im0: img }, Font: { F1: font } });
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = layer
    .map((l, i) => `BT 3 Tr /F1 11 Tf 60 ${heightPt - 70 - i * 16} Td (${escape(l)}) Tj ET`)
    .join("\n");
  const contents = `q ${widthPt} 0 0 ${heightPt} 0 0 cm /Im0 Do Q\n${text}\n`;
  doc.insertPage(-1, doc.addPage([0, 0, widthPt, heightPt], 0, resources, contents));
  const out = new Uint8Array(doc.saveToBuffer("compress").asUint8Array());
  doc.destroy();
  pix.destroy();
  return out;
}

/** Black and white only, as a 1-bit (CCITT) scanner gives a page. */
export function binarize(image: GrayImage, threshold = 160): GrayImage {
  return { ...image, data: image.data.map((v) => (v < threshold ? 0 : 255)) };
}

/**
 * A scanner's streak: a dark line `width` pixels wide from the top of the page to the bottom,
 * leaning `lean` pixels over the page's height (the sensor's dirt, across every word).
 */
export function streak(image: GrayImage, x: number, width: number, lean = 0): GrayImage {
  const data = new Uint8Array(image.data);
  for (let y = 0; y < image.height; y++) {
    const x0 = Math.round(x + (lean * y) / image.height);
    for (let k = 0; k < width; k++) data[y * image.width + x0 + k] = 0;
  }
  return { ...image, data };
}
