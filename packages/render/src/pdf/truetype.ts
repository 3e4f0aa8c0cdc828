/**
 * The parts of a TrueType font a PDF needs, read once per process: metrics, the character map,
 * advance widths and the glyph outlines; and a subsetter that writes a small font holding only
 * the glyphs one document uses. Glyphs are renumbered in the order given (new glyph id = index),
 * and hinting instructions are dropped: PDF viewers and printers draw outlines unhinted.
 *
 * Reference: the OpenType specification, tables head, hhea, maxp, hmtx, cmap (formats 4 and 12),
 * loca, glyf (simple and composite glyphs), OS/2, post and name.
 */

export class FontFormatError extends Error {
  readonly code = "FONT_FORMAT";
}

export interface TrueTypeFont {
  /** PostScript name, e.g. "Tinos-Bold". */
  postscriptName: string;
  unitsPerEm: number;
  ascender: number;
  descender: number;
  lineGap: number;
  capHeight: number;
  italicAngle: number;
  bbox: [number, number, number, number];
  numGlyphs: number;
  /** Advance width of each glyph, in font units. */
  advances: Uint16Array;
  /** Glyph id of a code point; 0 (.notdef) when the font lacks it. */
  glyphOf(codePoint: number): number;
  /** The outline of a glyph without its hinting instructions (cached), and the glyphs it uses. */
  glyphData(gid: number): { bytes: Uint8Array; components: number[] };
  /** The tables copied into a subset as they are. */
  readonly raw: Uint8Array;
  readonly tables: ReadonlyMap<string, { offset: number; length: number }>;
}

const tag = (v: DataView, at: number): string =>
  String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));

export function parseTrueType(input: Uint8Array): TrueTypeFont {
  // A private copy: a Node Buffer's slice() is a view, and subsets must never write into the
  // bytes they were cut from.
  const bytes = new Uint8Array(input);
  if (bytes.length < 12) throw new FontFormatError("font file too short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565)
    throw new FontFormatError("not a TrueType font (CFF and collections are not supported)");
  const count = view.getUint16(4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > bytes.length)
      throw new FontFormatError(`table ${tag(view, at)} truncated`);
    tables.set(tag(view, at), { offset, length });
  }
  const need = (name: string): number => {
    const t = tables.get(name);
    if (!t) throw new FontFormatError(`table ${name} missing`);
    return t.offset;
  };
  const head = need("head");
  const hhea = need("hhea");
  const maxp = need("maxp");
  const hmtx = need("hmtx");
  const loca = need("loca");
  const glyf = need("glyf");
  const unitsPerEm = view.getUint16(head + 18);
  const bbox: [number, number, number, number] = [
    view.getInt16(head + 36),
    view.getInt16(head + 38),
    view.getInt16(head + 40),
    view.getInt16(head + 42),
  ];
  const longLoca = view.getInt16(head + 50) === 1;
  const numGlyphs = view.getUint16(maxp + 4);
  const numberOfHMetrics = view.getUint16(hhea + 34);
  const advances = new Uint16Array(numGlyphs);
  let last = 0;
  for (let g = 0; g < numGlyphs; g++) {
    if (g < numberOfHMetrics) last = view.getUint16(hmtx + g * 4);
    advances[g] = last;
  }
  const offsets = new Uint32Array(numGlyphs + 1);
  for (let g = 0; g <= numGlyphs; g++)
    offsets[g] = longLoca ? view.getUint32(loca + g * 4) : view.getUint16(loca + g * 2) * 2;

  const os2 = tables.get("OS/2")?.offset;
  const post = tables.get("post")?.offset;
  const capHeight =
    os2 !== undefined && view.getUint16(os2) >= 2 ? view.getInt16(os2 + 88) : bbox[3];
  const italicAngle = post !== undefined ? view.getInt32(post + 4) / 65536 : 0;

  // A font embedded in a PDF as a CID font needs no character map; our subsets have none.
  const cmapAt = tables.get("cmap")?.offset;
  const cmap = cmapAt === undefined ? new Map<number, number>() : readCmap(view, cmapAt);
  const glyphOf = (cp: number): number => cmap.get(cp) ?? 0;

  const cache = new Map<number, { bytes: Uint8Array; components: number[] }>();
  const glyphData = (gid: number): { bytes: Uint8Array; components: number[] } => {
    let data = cache.get(gid);
    if (!data) {
      data =
        gid >= 0 && gid < numGlyphs
          ? stripGlyph(bytes.subarray(glyf + offsets[gid]!, glyf + offsets[gid + 1]!))
          : { bytes: new Uint8Array(0), components: [] };
      cache.set(gid, data);
    }
    return data;
  };

  return {
    postscriptName: readPostscriptName(view, tables.get("name")?.offset) ?? "Serif",
    unitsPerEm,
    ascender: view.getInt16(hhea + 4),
    descender: view.getInt16(hhea + 6),
    lineGap: view.getInt16(hhea + 8),
    capHeight,
    italicAngle,
    bbox,
    numGlyphs,
    advances,
    glyphOf,
    glyphData,
    raw: bytes,
    tables,
  };
}

function readCmap(view: DataView, cmap: number): Map<number, number> {
  const map = new Map<number, number>();
  const count = view.getUint16(cmap + 2);
  let best = -1;
  let bestRank = 0;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const offset = view.getUint32(cmap + 8 + i * 8);
    const format = view.getUint16(cmap + offset);
    // Unicode full repertoire (format 12) first, then the BMP (format 4).
    const rank =
      format === 12 && ((platform === 3 && encoding === 10) || platform === 0)
        ? 3
        : format === 4 && ((platform === 3 && encoding === 1) || platform === 0)
          ? 2
          : 0;
    if (rank > bestRank) {
      bestRank = rank;
      best = cmap + offset;
    }
  }
  if (best < 0) throw new FontFormatError("no Unicode character map");
  const format = view.getUint16(best);
  if (format === 12) {
    const groups = view.getUint32(best + 12);
    for (let i = 0; i < groups; i++) {
      const at = best + 16 + i * 12;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const gid = view.getUint32(at + 8);
      for (let cp = start; cp <= end && cp <= 0x10ffff; cp++) map.set(cp, gid + cp - start);
    }
    return map;
  }
  const segX2 = view.getUint16(best + 6);
  const ends = best + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const end = view.getUint16(ends + s);
    const start = view.getUint16(starts + s);
    const delta = view.getInt16(deltas + s);
    const rangeOffset = view.getUint16(rangeOffsets + s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let gid: number;
      if (rangeOffset === 0) gid = (cp + delta) & 0xffff;
      else {
        const at = rangeOffsets + s + rangeOffset + (cp - start) * 2;
        gid = view.getUint16(at);
        if (gid !== 0) gid = (gid + delta) & 0xffff;
      }
      if (gid !== 0) map.set(cp, gid);
    }
  }
  return map;
}

function readPostscriptName(view: DataView, name: number | undefined): string | null {
  if (name === undefined) return null;
  const count = view.getUint16(name + 2);
  const strings = name + view.getUint16(name + 4);
  for (let i = 0; i < count; i++) {
    const at = name + 6 + i * 12;
    if (view.getUint16(at + 6) !== 6) continue;
    const platform = view.getUint16(at);
    const length = view.getUint16(at + 8);
    const offset = strings + view.getUint16(at + 10);
    let s = "";
    if (platform === 3 || platform === 0)
      for (let j = 0; j + 1 < length; j += 2) s += String.fromCharCode(view.getUint16(offset + j));
    else for (let j = 0; j < length; j++) s += String.fromCharCode(view.getUint8(offset + j));
    // A PDF name: printable ASCII without delimiters.
    s = s.replace(/[^A-Za-z0-9_.-]/g, "");
    if (s) return s;
  }
  return null;
}

/** A glyph's outline with its instructions removed, and the glyph ids a composite refers to. */
function stripGlyph(src: Uint8Array): { bytes: Uint8Array; components: number[] } {
  if (src.length < 10) return { bytes: new Uint8Array(0), components: [] };
  const v = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const contours = v.getInt16(0);
  if (contours >= 0) {
    const instrAt = 10 + contours * 2;
    const instrLength = v.getUint16(instrAt);
    const out = new Uint8Array(src.length - instrLength);
    out.set(src.subarray(0, instrAt + 2));
    out[instrAt] = 0;
    out[instrAt + 1] = 0;
    out.set(src.subarray(instrAt + 2 + instrLength), instrAt + 2);
    return { bytes: pad4(out), components: [] };
  }
  const components: number[] = [];
  let at = 10;
  let flags: number;
  let flagAt: number;
  do {
    flagAt = at;
    flags = v.getUint16(at);
    components.push(v.getUint16(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
  } while (flags & 0x0020);
  const out = src.slice(0, at);
  // Clear WE_HAVE_INSTRUCTIONS on the last component; the instructions after it are dropped.
  new DataView(out.buffer).setUint16(flagAt, flags & ~0x0100);
  return { bytes: pad4(out), components };
}

function pad4(b: Uint8Array): Uint8Array {
  if (b.length % 4 === 0) return b;
  const out = new Uint8Array(b.length + 4 - (b.length % 4));
  out.set(b);
  return out;
}

/**
 * A TrueType font holding the given glyphs, renumbered: glyph `glyphs[i]` becomes glyph i.
 * glyphs[0] must be 0 (.notdef); -1 leaves an empty slot (so that codes can stay fixed). Components of composite glyphs are appended to the list (the
 * caller's array grows) and remapped inside the composites.
 */
export function subsetTrueType(font: TrueTypeFont, glyphs: number[]): Uint8Array {
  const index = new Map<number, number>();
  glyphs.forEach((g, i) => index.set(g, i));
  const datas: Uint8Array[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    const { bytes, components } = font.glyphData(glyphs[i]!);
    for (const c of components)
      if (!index.has(c)) {
        index.set(c, glyphs.length);
        glyphs.push(c);
      }
    if (components.length) {
      // Rewrite the component glyph ids to the new numbering.
      const copy = bytes.slice();
      const v = new DataView(copy.buffer);
      let at = 10;
      let flags: number;
      do {
        flags = v.getUint16(at);
        v.setUint16(at + 2, index.get(v.getUint16(at + 2))!);
        at += 4 + (flags & 0x0001 ? 4 : 2);
        if (flags & 0x0008) at += 2;
        else if (flags & 0x0040) at += 4;
        else if (flags & 0x0080) at += 8;
      } while (flags & 0x0020);
      datas.push(copy);
    } else datas.push(bytes);
  }
  const n = glyphs.length;
  const glyfLength = datas.reduce((s, d) => s + d.length, 0);
  const glyf = new Uint8Array(glyfLength);
  const loca = new Uint8Array((n + 1) * 4);
  const locaView = new DataView(loca.buffer);
  let at = 0;
  datas.forEach((d, i) => {
    locaView.setUint32(i * 4, at);
    glyf.set(d, at);
    at += d.length;
  });
  locaView.setUint32(n * 4, at);
  const hmtx = new Uint8Array(n * 4);
  const hmtxView = new DataView(hmtx.buffer);
  const raw = new DataView(font.raw.buffer, font.raw.byteOffset, font.raw.byteLength);
  const hmtxSrc = font.tables.get("hmtx")!.offset;
  const numberOfHMetrics = raw.getUint16(font.tables.get("hhea")!.offset + 34);
  glyphs.forEach((g, i) => {
    if (g < 0) return; // an empty slot: no outline, no advance
    hmtxView.setUint16(i * 4, font.advances[g]!);
    const lsb =
      g < numberOfHMetrics
        ? raw.getInt16(hmtxSrc + g * 4 + 2)
        : raw.getInt16(hmtxSrc + numberOfHMetrics * 4 + (g - numberOfHMetrics) * 2);
    hmtxView.setInt16(i * 4 + 2, lsb);
  });
  const copyTable = (name: string): Uint8Array => {
    const t = font.tables.get(name)!;
    return font.raw.slice(t.offset, t.offset + t.length);
  };
  const head = copyTable("head");
  const headView = new DataView(head.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, set by assemble
  headView.setInt16(50, 1); // long loca
  const hhea = copyTable("hhea");
  new DataView(hhea.buffer).setUint16(34, n);
  const maxp = copyTable("maxp");
  new DataView(maxp.buffer).setUint16(4, n);
  const tables: Array<[string, Uint8Array]> = [
    ["glyf", glyf],
    ["head", head],
    ["hhea", hhea],
    ["hmtx", hmtx],
    ["loca", loca],
    ["maxp", maxp],
  ];
  return assemble(tables);
}

function checksum(b: Uint8Array): number {
  const padded = b.length % 4 ? pad4(b) : b;
  const v = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

function assemble(tables: Array<[string, Uint8Array]>): Uint8Array {
  const count = tables.length;
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= count) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  let size = 12 + count * 16;
  for (const [, t] of tables) size += Math.ceil(t.length / 4) * 4;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x00010000);
  v.setUint16(4, count);
  v.setUint16(6, searchRange);
  v.setUint16(8, entrySelector);
  v.setUint16(10, count * 16 - searchRange);
  let at = 12 + count * 16;
  let headAt = 0;
  tables.forEach(([name, t], i) => {
    const e = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[e + c] = name.charCodeAt(c);
    v.setUint32(e + 4, checksum(t));
    v.setUint32(e + 8, at);
    v.setUint32(e + 12, t.length);
    if (name === "head") headAt = at;
    out.set(t, at);
    at += Math.ceil(t.length / 4) * 4;
  });
  const adjustment = (0xb1b0afba - checksum(out)) >>> 0;
  v.setUint32(headAt + 8, adjustment);
  return out;
}
