/**
 * A small element tree of an edXML package, read with saxes. saxes runs without its own namespace
 * checks (the packages in use write `edXML:AttachmentEncoded` where no `edXML` prefix is declared,
 * and `xlink:href` with no xlink declaration: a strict parser refuses both), and the namespaces
 * are resolved here, in scope, so that a prefix that was never declared is recorded as such
 * (`unbound`) instead of failing the whole package. No DTD is read and no entity other than the
 * five of XML is expanded: a DOCTYPE or an unknown entity refuses the package.
 */
import { SaxesParser, type SaxesTag } from "saxes";
import { EDXML_NS, EDXML_PREFIX } from "./namespaces.ts";

export interface XmlElement {
  /** The name as written ("edXML:From", "Attachment"). */
  qname: string;
  prefix: string | null;
  local: string;
  /** The namespace in scope for the prefix (or the default one); null when none. */
  ns: string | null;
  /** The prefix was not declared; read as the edXML namespace when it is "edXML". */
  unbound: boolean;
  /** Attributes as written (xmlns declarations included). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Direct text content, as written (not trimmed). */
  text: string;
  /** Element path from the root, qualified names, [n] for the n-th (n > 1) same-named sibling. */
  path: string;
  /** Closed by the close tag of an ancestor: its own close tag is missing. */
  unclosed?: boolean;
}

export interface XmlTreeLimits {
  /** Deepest element nesting accepted. */
  maxElementDepth: number;
  /** Most elements in one package. */
  maxElements: number;
}

export type XmlTreeResult =
  | {
      ok: true;
      root: XmlElement;
      /** Elements whose close tag was missing (paths after the repair), read as said in `repair`. */
      unclosed: string[];
    }
  | {
      ok: false;
      code: "EDXML_MALFORMED" | "EDXML_DOCTYPE" | "EDXML_ENTITY" | "EDXML_TOO_COMPLEX";
      path: string;
      message: string;
    };

class Refusal extends Error {
  constructor(
    readonly code: "EDXML_DOCTYPE" | "EDXML_TOO_COMPLEX",
    message: string,
  ) {
    super(message);
  }
}

/** How much text saxes is given at a time (a refusal stops the reading between two chunks). */
const CHUNK = 1 << 20;

/** Texts shorter than this are left to saxes. */
const MIN_CUT = 4096;

/**
 * The long texts of ContentTransferEncoded elements (the base64 of the attachments: nearly all of
 * a package) cut out before saxes reads the rest, which it does a character at a time: keyed by
 * where each text starts in the text saxes is given, put back when its element opens there. Only
 * texts with no markup and no reference in them are cut ("<", "&", "]]>"), so what saxes reads
 * has the same elements; a cut that no element claims (inside a comment) is simply dropped.
 */
function cutLongTexts(xml: string): { text: string; cuts: Map<number, string> } {
  const cuts = new Map<number, string>();
  const parts: string[] = [];
  let from = 0;
  let removed = 0;
  let at = 0;
  for (;;) {
    const name = xml.indexOf("ContentTransferEncoded", at);
    if (name < 0) break;
    const gt = xml.indexOf(">", name);
    if (gt < 0) break;
    at = gt + 1;
    const lt = xml.lastIndexOf("<", name);
    const attrs = xml.slice(name, gt);
    if (
      lt < 0 ||
      !/^<(?:[A-Za-z_][\w.-]*:)?$/.test(xml.slice(lt, name)) ||
      attrs.endsWith("/") ||
      (attrs.split('"').length - 1) % 2 !== 0 ||
      (attrs.split("'").length - 1) % 2 !== 0
    )
      continue;
    const end = xml.indexOf("<", at);
    if (end < 0 || end - at < MIN_CUT) continue;
    const amp = xml.indexOf("&", at);
    const cdataEnd = xml.indexOf("]]>", at);
    if ((amp >= 0 && amp < end) || (cdataEnd >= 0 && cdataEnd < end)) continue;
    parts.push(xml.slice(from, at));
    cuts.set(at - removed, xml.slice(at, end));
    removed += end - at;
    from = end;
    at = end;
  }
  if (!cuts.size) return { text: xml, cuts };
  parts.push(xml.slice(from));
  return { text: parts.join(""), cuts };
}

/** Reads `xml` into a tree. Never throws. */
export function parseXmlTree(source: string, limits: XmlTreeLimits): XmlTreeResult {
  const { text: xml, cuts } = cutLongTexts(source);
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  /** Namespace declarations in scope, one map per open element. */
  const scopes: Array<Map<string, string>> = [];
  const texts: string[][] = [];
  let root: XmlElement | null = null;
  let elements = 0;

  const lookup = (prefix: string): string | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i]!.get(prefix);
      if (uri !== undefined) return uri;
    }
    return prefix === "xml" ? "http://www.w3.org/XML/1998/namespace" : undefined;
  };
  const pathNow = (): string => stack.map((e) => `/${e.qname}`).join("");
  let closing: XmlElement | null = null;

  parser.on("doctype", () => {
    throw new Refusal("EDXML_DOCTYPE", "The package declares a DOCTYPE, which is not allowed.");
  });
  parser.on("opentag", (tag: SaxesTag) => {
    if (++elements > limits.maxElements)
      throw new Refusal("EDXML_TOO_COMPLEX", `More than ${limits.maxElements} elements.`);
    if (stack.length >= limits.maxElementDepth)
      throw new Refusal(
        "EDXML_TOO_COMPLEX",
        `Elements nested deeper than ${limits.maxElementDepth} levels.`,
      );
    const attrs = tag.attributes as Record<string, string>;
    const scope = new Map<string, string>();
    for (const [name, value] of Object.entries(attrs)) {
      if (name === "xmlns") scope.set("", value);
      else if (name.startsWith("xmlns:")) scope.set(name.slice(6), value);
    }
    scopes.push(scope);
    const colon = tag.name.indexOf(":");
    const prefix = colon > 0 ? tag.name.slice(0, colon) : null;
    const local = colon > 0 ? tag.name.slice(colon + 1) : tag.name;
    const declared = lookup(prefix ?? "");
    const unbound = prefix !== null && declared === undefined;
    const ns =
      declared !== undefined && declared !== ""
        ? declared
        : unbound && prefix === EDXML_PREFIX
          ? EDXML_NS
          : null;
    const element: XmlElement = {
      qname: tag.name,
      prefix,
      local,
      ns,
      unbound,
      attrs,
      children: [],
      text: "",
      path: "",
    };
    stack.at(-1)?.children.push(element);
    if (!root) root = element;
    stack.push(element);
    texts.push([]);
    if (cuts.size && local === "ContentTransferEncoded") {
      const cut = cuts.get(parser.position);
      if (cut !== undefined) texts.at(-1)!.push(cut);
    }
  });
  parser.on("closetag", () => {
    const element = stack.pop()!;
    const parts = texts.pop()!;
    element.text = parts.length === 1 ? parts[0]! : parts.join("");
    scopes.pop();
    closing = element;
  });
  const onText = (t: string) => {
    if (texts.length) texts.at(-1)!.push(t);
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("error", (e) => {
    // An element left open, closed by its parent's close tag: saxes closes it there and goes on.
    if (/unexpected close tag/.test(e.message) && closing) {
      closing.unclosed = true;
      return;
    }
    throw e;
  });

  try {
    for (let at = 0; at < xml.length; at += CHUNK) parser.write(xml.slice(at, at + CHUNK));
    parser.close();
  } catch (error) {
    if (error instanceof Refusal)
      return { ok: false, code: error.code, path: pathNow(), message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    const entity = /undefined entity|entit/i.test(message);
    return {
      ok: false,
      code: entity ? "EDXML_ENTITY" : "EDXML_MALFORMED",
      path: pathNow(),
      message: entity
        ? `An entity that XML does not define is used: ${message}`
        : `Not well-formed XML: ${message}`,
    };
  }
  if (!root)
    return { ok: false, code: "EDXML_MALFORMED", path: "", message: "The file holds no element." };
  const top: XmlElement = root;
  repair(top);
  assignPaths(top, "");
  const unclosed: string[] = [];
  const walk = (e: XmlElement) => {
    if (e.unclosed) unclosed.push(e.path);
    e.children.forEach(walk);
  };
  walk(top);
  return { ok: true, root: top, unclosed };
}

/**
 * An element left open whose first child has its own name (`<From><From>…</From><To>…`, a shape
 * written by a system in use) is read as if the inner one were the element and the outer one's
 * close tag had come with the inner one's: the inner element takes the outer one's place, and
 * what followed it goes back to the parent.
 */
function repair(element: XmlElement): void {
  for (let i = 0; i < element.children.length; i++) {
    const c = element.children[i]!;
    const first = c.children[0];
    if (c.unclosed && first && first.qname === c.qname && !first.unclosed) {
      first.unclosed = true;
      element.children.splice(i, 1, first, ...c.children.slice(1));
    }
  }
  element.children.forEach(repair);
}

function assignPaths(element: XmlElement, parent: string): void {
  element.path = element.path || `${parent}/${element.qname}`;
  const counts = new Map<string, number>();
  for (const c of element.children) {
    const n = (counts.get(c.qname) ?? 0) + 1;
    counts.set(c.qname, n);
    c.path = `${element.path}/${c.qname}${n > 1 ? `[${n}]` : ""}`;
    assignPaths(c, element.path);
  }
}

/** The package's bytes as text: UTF-8 (a BOM skipped), or UTF-16 with its BOM; null if neither. */
export function decodePackage(bytes: Uint8Array): string | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
