/**
 * The appearance of a visible signature: a form XObject over the widget's rectangle that draws
 * the images (the signer's signature, the agency's seal) at their places. Positions are in PDF
 * user space (points, origin bottom-left); `signatureBlockAppearance` computes them from the
 * signature block that render reports.
 */
import { embedTextFont } from "@vanthu/render";
import { decodePng } from "./png.ts";
import { num, type PdfUpdate } from "./pdf-update.ts";

/** [x1, y1, x2, y2], x1 < x2 and y1 < y2. */
export type Rect = [number, number, number, number];

export interface SignatureAppearance {
  /** 0-based page. */
  page: number;
  rect: Rect;
  /** PNG images, drawn in order (later over earlier). */
  images: Array<{ png: Uint8Array; rect: Rect }>;
  /** Lines of text (serif, black), left edge and baseline in page coordinates. */
  texts?: Array<{ text: string; x: number; baseline: number; size: number; bold?: boolean }>;
}

/** Writes the images and the form XObject; returns the form's number and the widget's /Rect. */
export function writeAppearance(
  update: PdfUpdate,
  a: SignatureAppearance,
): { form: number; rect: string } {
  const [x1, y1, x2, y2] = a.rect;
  const xobjects: string[] = [];
  let content = "";
  a.images.forEach((img, i) => {
    const d = decodePng(img.png);
    let smask = "";
    if (d.alpha) {
      const m = update.reserve();
      update.stream(
        m,
        `/Type /XObject /Subtype /Image /Width ${d.width} /Height ${d.height} /ColorSpace /DeviceGray /BitsPerComponent 8`,
        d.alpha,
      );
      smask = ` /SMask ${m} 0 R`;
    }
    const n = update.reserve();
    update.stream(
      n,
      `/Type /XObject /Subtype /Image /Width ${d.width} /Height ${d.height}` +
        ` /ColorSpace /${d.gray ? "DeviceGray" : "DeviceRGB"} /BitsPerComponent 8${smask}`,
      d.color,
    );
    xobjects.push(`/Im${i} ${n} 0 R`);
    const [ix1, iy1, ix2, iy2] = img.rect;
    content += `q ${num(ix2 - ix1)} 0 0 ${num(iy2 - iy1)} ${num(ix1 - x1)} ${num(iy1 - y1)} cm /Im${i} Do Q\n`;
  });
  const fonts: string[] = [];
  for (const bold of [false, true]) {
    const lines = (a.texts ?? []).filter((t) => !!t.bold === bold && t.text);
    if (!lines.length) continue;
    const name = bold ? "FB" : "FR";
    const f = embedTextFont(
      update.sink(),
      bold ? "B" : "R",
      lines.map((l) => l.text),
    );
    fonts.push(`/${name} ${f.font} 0 R`);
    lines.forEach((l, i) => {
      content += `BT /${name} ${num(l.size)} Tf 1 0 0 1 ${num(l.x - x1)} ${num(l.baseline - y1)} Tm (${f.encoded[i]}) Tj ET\n`;
    });
  }
  const form = update.reserve();
  update.stream(
    form,
    `/Type /XObject /Subtype /Form /BBox [0 0 ${num(x2 - x1)} ${num(y2 - y1)}]` +
      ` /Resources << /XObject << ${xobjects.join(" ")} >> /Font << ${fonts.join(" ")} >> >>`,
    Buffer.from(content, "latin1"),
  );
  return { form, rect: `[${a.rect.map(num).join(" ")}]` };
}

/** The signature block's room, as render reports it (`PdfPlacements.signature`). */
export interface SignatureBlock {
  page: number;
  x: number;
  width: number;
  /** The bottom of the last title line. */
  top: number;
  /** The top of the signer's name. */
  bottom: number;
}

/**
 * ND30 Phụ lục I: the signer's signature image centred in the block between the title and the
 * name; the agency seal (red) overlapping about a third of the signature image from its left.
 * Images keep their aspect ratio (`aspect`: width / height of each).
 */
export function signatureBlockAppearance(
  block: SignatureBlock,
  signature: { png: Uint8Array; aspect: number },
  seal?: {
    png: Uint8Array;
    aspect: number;
    /** Seal diameter in points (default: the block's height). */ size?: number;
  },
): SignatureAppearance {
  const gap = 2;
  const h = block.top - block.bottom - 2 * gap;
  const sigH = h * 0.8;
  const sigW = Math.min(sigH * signature.aspect, block.width * 0.6);
  const cx = block.x + block.width / 2;
  const sigRect: Rect = [
    cx - sigW / 2,
    block.bottom + gap + (h - sigH) / 2,
    cx + sigW / 2,
    block.bottom + gap + (h + sigH) / 2,
  ];
  const images: SignatureAppearance["images"] = [{ png: signature.png, rect: sigRect }];
  let rect: Rect = [...sigRect];
  if (seal) {
    const sh = Math.min(seal.size ?? h + 2 * gap, block.top - block.bottom + 40);
    const sw = sh * seal.aspect;
    // The seal's right edge over the first third of the signature image.
    const right = sigRect[0] + (sigRect[2] - sigRect[0]) / 3;
    const cy = (sigRect[1] + sigRect[3]) / 2;
    const sealRect: Rect = [right - sw, cy - sh / 2, right, cy + sh / 2];
    images.push({ png: seal.png, rect: sealRect });
    rect = [
      Math.min(rect[0], sealRect[0]),
      Math.min(rect[1], sealRect[1]),
      Math.max(rect[2], sealRect[2]),
      Math.max(rect[3], sealRect[3]),
    ];
  }
  return { page: block.page, rect, images };
}

/**
 * For attachments and copies: the agency's signature at the top right of the first page, the
 * seal image with the information line beside it (the agency's name, the time of signing), as
 * e-office systems draw it.
 */
export function firstPageCornerAppearance(
  page: { width: number; height: number },
  seal: { png: Uint8Array; aspect: number },
  options: { lines?: string[]; size?: number; margin?: number; textWidth?: number } = {},
): SignatureAppearance {
  // Inside the top margin (20 mm), clear of the header's first line.
  const size = options.size ?? 36;
  const margin = options.margin ?? 10;
  const lines = options.lines ?? [];
  const fontSize = 8;
  const textWidth = lines.length ? (options.textWidth ?? 170) : 0;
  const right = page.width - margin;
  const top = page.height - margin;
  const sealRect: Rect = [
    right - textWidth - size * seal.aspect,
    top - size,
    right - textWidth,
    top,
  ];
  const step = fontSize * 1.3;
  const textTop = top - (size - lines.length * step) / 2;
  const texts = lines.map((text, i) => ({
    text,
    x: sealRect[2] + 4,
    baseline: textTop - (i + 1) * step + 2,
    size: fontSize,
    bold: i === 0,
  }));
  return {
    page: 0,
    rect: [sealRect[0], top - size, right, top],
    images: [{ png: seal.png, rect: sealRect }],
    texts,
  };
}
