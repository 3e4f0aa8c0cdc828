/**
 * The .docx package around a document's body, built once per process and reused (render-docx.ts
 * `renderDocx`). Every part but the body's and the properties' (styles, numbering, settings,
 * headers, footers, relationships, content types: 22 parts, about 30 KiB of XML) is the same for
 * every document of one page set-up and font: docx's Packer writes them once for a template
 * document whose body is one marker paragraph, and they are kept deflated. A document is then its
 * body's XML between the template's, the properties with today's date, and the kept parts, in a
 * ZIP written here with node's zlib (docx would rebuild and recompress them all in JavaScript).
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type { IContext, IXmlableObject } from "docx";

/** A part of the package as stored: its name and its deflated bytes. */
interface StoredPart {
  name: Uint8Array;
  crc: number;
  size: number;
  deflated: Uint8Array;
}

/** The parts of a ZIP written by docx (deflated or stored), by name, in their order. */
export function readZip(zip: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a ZIP file");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const parts = new Map<string, Uint8Array>();
  const utf8 = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("bad ZIP directory");
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = utf8.decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
    if (name.endsWith("/")) continue;
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const bytes = zip.subarray(data, data + compressed);
    parts.set(name, method === 8 ? new Uint8Array(inflateRawSync(bytes)) : bytes.slice());
  }
  return parts;
}

const utf8 = new TextEncoder();

/** A part deflated once, to be written into many packages. */
export function storedPart(name: string, content: string | Uint8Array): StoredPart {
  const bytes = typeof content === "string" ? utf8.encode(content) : content;
  return {
    name: utf8.encode(name),
    crc: crc32(bytes),
    size: bytes.length,
    deflated: new Uint8Array(deflateRawSync(bytes)),
  };
}

/** The MS-DOS time and date of a ZIP entry. */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    day: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** A ZIP file of the parts, in their order (deflated, no folders, no comment). */
export function writeZip(parts: readonly StoredPart[], date: Date): Uint8Array {
  const { time, day } = dosDateTime(date);
  let size = 22;
  for (const p of parts) size += 30 + 46 + 2 * p.name.length + p.deflated.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const header = (at: number, p: StoredPart, central: boolean): number => {
    let o = at;
    view.setUint32(o, central ? 0x02014b50 : 0x04034b50, true);
    o += 4;
    if (central) {
      view.setUint16(o, 20, true); // made by: MS-DOS, version 2.0
      o += 2;
    }
    view.setUint16(o, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(o + 2, 0, true); // flags
    view.setUint16(o + 4, 8, true); // deflated
    view.setUint16(o + 6, time, true);
    view.setUint16(o + 8, day, true);
    view.setUint32(o + 10, p.crc, true);
    view.setUint32(o + 14, p.deflated.length, true);
    view.setUint32(o + 18, p.size, true);
    view.setUint16(o + 22, p.name.length, true);
    view.setUint16(o + 24, 0, true); // extra field
    return o + 26;
  };
  let at = 0;
  const offsets: number[] = [];
  for (const p of parts) {
    offsets.push(at);
    at = header(at, p, false);
    out.set(p.name, at);
    at += p.name.length;
    out.set(p.deflated, at);
    at += p.deflated.length;
  }
  const directory = at;
  parts.forEach((p, i) => {
    at = header(at, p, true);
    // comment length, disk, internal and external attributes, offset of the local header
    view.setUint16(at, 0, true);
    view.setUint16(at + 2, 0, true);
    view.setUint16(at + 4, 0, true);
    view.setUint32(at + 6, 0, true);
    view.setUint32(at + 10, offsets[i]!, true);
    at += 14;
    out.set(p.name, at);
    at += p.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  "<": "&lt;",
  ">": "&gt;",
};
const escape = (v: unknown): string =>
  typeof v === "string" ? v.replace(/[&"<>']/g, (c) => ESCAPES[c]!) : String(v);

/**
 * The XML of a docx component, as docx's Packer writes it (without indentation): the objects its
 * `prepForXml` returns, in the form of the `xml` package (`{tag: [{_attr}, child, "text"]}`).
 * The tests compare every document's body with Packer's.
 */
export function componentXml(
  component: {
    prepForXml(context: IContext): IXmlableObject | undefined;
  },
  context: IContext,
): string {
  const object = component.prepForXml(context);
  if (!object) return "";
  const out: string[] = [];
  element(object, out);
  return out.join("");
}

function element(object: IXmlableObject, out: string[]): void {
  const name = Object.keys(object)[0]!;
  const values: unknown = object[name];
  if (values === null || (typeof values === "object" && !Array.isArray(values))) {
    // Attributes alone, or nothing: an empty element.
    const attributes = (values as { _attr?: Record<string, unknown> } | null)?._attr;
    out.push(`<${name}${attributes ? attributesOf(attributes) : ""}/>`);
    return;
  }
  if (!Array.isArray(values)) {
    out.push(`<${name}>${values === undefined ? "" : escape(values)}</${name}>`);
    return;
  }
  let attributes = "";
  const children: string[] = [];
  for (const child of values as unknown[]) {
    if (typeof child === "object" && child !== null) {
      const c = child as IXmlableObject;
      if (Object.keys(c)[0] === "_attr")
        attributes += attributesOf(c._attr as Record<string, unknown>);
      else {
        const inner: string[] = [];
        element(c, inner);
        children.push(inner.join(""));
      }
    } else {
      // As the xml package does: a text replaces the child before it.
      children.length = Math.max(0, children.length - 1);
      children.push(child === undefined ? "" : escape(child));
    }
  }
  out.push(`<${name}${attributes}>`, ...children, `</${name}>`);
}

function attributesOf(attributes: Record<string, unknown>): string {
  let s = "";
  for (const key of Object.keys(attributes)) s += ` ${key}="${escape(attributes[key])}"`;
  return s;
}
