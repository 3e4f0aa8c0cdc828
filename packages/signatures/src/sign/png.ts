/**
 * A PNG (a signature or seal image uploaded by an admin) decoded for a PDF image XObject: the
 * colour samples and, when the image has transparency, its alpha as a soft mask. 8-bit,
 * non-interlaced images of every colour type; limits on size.
 */
import { deflateSync, inflateSync } from "node:zlib";
import { SignError } from "./errors.ts";

const MAX_PNG_BYTES = 4 * 1024 * 1024;
const MAX_PIXELS = 4_000_000;

export interface DecodedImage {
  width: number;
  height: number;
  /** DeviceRGB or DeviceGray samples, 8 bits each. */
  color: Uint8Array;
  gray: boolean;
  /** One alpha byte a pixel, or null for an opaque image. */
  alpha: Uint8Array | null;
}

const bad = (why: string) => new SignError("PDF_NOT_SIGNABLE", `image: ${why}`);

export function decodePng(png: Uint8Array): DecodedImage {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (b.length > MAX_PNG_BYTES) throw bad("too large");
  if (b.length < 8 || b.readUInt32BE(0) !== 0x89504e47) throw bad("not a PNG");
  let at = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let type = 0;
  let palette: Buffer | null = null;
  let trns: Buffer | null = null;
  const idat: Buffer[] = [];
  while (at + 8 <= b.length) {
    const len = b.readUInt32BE(at);
    const kind = b.toString("latin1", at + 4, at + 8);
    const data = b.subarray(at + 8, at + 8 + len);
    at += 12 + len;
    if (kind === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8]!;
      type = data[9]!;
      if (data[12] !== 0) throw bad("interlaced");
    } else if (kind === "PLTE") palette = data;
    else if (kind === "tRNS") trns = data;
    else if (kind === "IDAT") idat.push(data);
    else if (kind === "IEND") break;
  }
  if (depth !== 8) throw bad(`bit depth ${depth}`);
  if (!width || !height || width * height > MAX_PIXELS) throw bad("dimensions");
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[type];
  if (!channels) throw bad(`colour type ${type}`);
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat), { maxOutputLength: (stride + 1) * height });
  if (raw.length < (stride + 1) * height) throw bad("truncated");
  // Undo the filters (PNG spec, 9), row by row.
  const px = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[row + x - channels]! : 0;
      const up = y > 0 ? px[row - stride + x]! : 0;
      const c = x >= channels && y > 0 ? px[row - stride + x - channels]! : 0;
      let v = raw[src + x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += up;
      else if (filter === 3) v += (a + up) >> 1;
      else if (filter === 4) {
        const p = a + up - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      }
      px[row + x] = v & 0xff;
    }
  }
  const n = width * height;
  if (type === 0 || type === 2) return { width, height, color: px, gray: type === 0, alpha: null };
  if (type === 3) {
    if (!palette) throw bad("no palette");
    const color = new Uint8Array(n * 3);
    const alpha = trns ? new Uint8Array(n) : null;
    for (let i = 0; i < n; i++) {
      const k = px[i]!;
      color.set(palette.subarray(k * 3, k * 3 + 3), i * 3);
      if (alpha) alpha[i] = k < trns!.length ? trns![k]! : 255;
    }
    return { width, height, color, gray: false, alpha };
  }
  const cc = channels - 1;
  const color = new Uint8Array(n * cc);
  const alpha = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < cc; k++) color[i * cc + k] = px[i * channels + k]!;
    alpha[i] = px[i * channels + cc]!;
  }
  return { width, height, color, gray: type === 4, alpha };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * An RGBA PNG of `width` x `height` from `pixel(x, y)` ([r, g, b, a], 0-255): the demo world's
 * signature and seal images.
 */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => readonly number[],
): Uint8Array {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 4 + 1) + 1 + x * 4);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    let c = 0xffffffff;
    for (const byte of body) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE((c ^ 0xffffffff) >>> 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}
