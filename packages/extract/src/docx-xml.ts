/**
 * A streaming walk over one XML part of a .docx (saxes): elements come with a short key for the
 * namespaces Word uses ("w:p" for WordprocessingML, transitional or strict, "mc:Fallback", "m:t"),
 * whatever prefixes the file declares. No tree is built, no DTD is read, no entity expanded.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";

const PREFIXES: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
  "http://purl.oclc.org/ooxml/officeDocument/math": "m",
  "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
};

export interface XmlHandler {
  open(key: string, attrs: Map<string, string>): void;
  close(key: string): void;
  text(text: string): void;
}

/** The part's bytes as text: UTF-8, or UTF-16 when it starts with a byte order mark. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

export function keyOf(uri: string | undefined, local: string): string {
  return `${(uri && PREFIXES[uri]) ?? "x"}:${local}`;
}

/** Walks the XML; a DTD or malformed XML throws. Attributes are keyed by local name. */
export function walkXml(xml: string, handler: XmlHandler): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("doctype", () => {
    throw new Error("a DTD is not allowed in a .docx part");
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      // Word's own attributes (w:val) first; an unqualified one only if no qualified one.
      if (!a.uri || PREFIXES[a.uri] === "w" || !attrs.has(a.local)) attrs.set(a.local, a.value);
    }
    handler.open(keyOf(tag.uri, tag.local), attrs);
  });
  parser.on("closetag", (tag: SaxesTagNS) => handler.close(keyOf(tag.uri, tag.local)));
  parser.on("text", (t) => handler.text(t));
  parser.on("cdata", (t) => handler.text(t));
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
}

export interface Relationship {
  id: string;
  /** The last segment of the relationship type: "officeDocument", "footnotes", "header"... */
  type: string;
  /** The target part's name in the archive (no leading slash); null for an external target. */
  target: string | null;
}

/** Reads a .rels part; targets are resolved against the folder of the part they belong to. */
export function readRelationships(xml: string, baseFolder: string): Relationship[] {
  const out: Relationship[] = [];
  walkXml(xml, {
    open(key, attrs) {
      if (key !== "rel:Relationship") return;
      const target = attrs.get("Target") ?? "";
      const external = attrs.get("TargetMode") === "External";
      out.push({
        id: attrs.get("Id") ?? "",
        type: (attrs.get("Type") ?? "").split("/").pop() ?? "",
        target: external ? null : resolvePart(baseFolder, target),
      });
    },
    close() {},
    text() {},
  });
  return out;
}

function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `${base}${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p && p !== ".") out.push(p);
  }
  return out.join("/");
}
