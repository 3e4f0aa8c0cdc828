/**
 * The structural check of an edXML package: namespace, prefixes, element order as in the packages
 * of the systems in use, manifest and attachments matching, base64 that decodes. What the real
 * packages do differently from what vanthu writes, and receivers still accept (an `edXML:` prefix
 * used outside the envelope without a declaration, a missing close tag, a placeholder instead of
 * a file), is a warning; everything else is a problem. `ok` is true when there is no problem.
 */
import { DEFAULT_EDXML_LIMITS } from "./model.ts";
import { EDXML_NS, EDXML_PREFIX, XMLDSIG_NS } from "./namespaces.ts";
import { decodePackage, parseXmlTree, type XmlElement } from "./xml-tree.ts";

export type StructureCode =
  | "STRUCT_UNREADABLE"
  | "STRUCT_ROOT"
  | "STRUCT_NAMESPACE"
  | "STRUCT_PREFIX"
  | "STRUCT_UNEXPECTED"
  | "STRUCT_MISSING"
  | "STRUCT_ORDER"
  | "STRUCT_MANIFEST"
  | "STRUCT_BASE64"
  // warnings
  | "STRUCT_UNBOUND_PREFIX"
  | "STRUCT_UNCLOSED"
  | "STRUCT_PREFIXED_ATTACHMENT"
  | "STRUCT_PLACEHOLDER";

export interface StructureIssue {
  code: StructureCode;
  path: string;
  message: string;
}

export interface StructureReport {
  ok: boolean;
  kind: "document" | "status" | null;
  problems: StructureIssue[];
  warnings: StructureIssue[];
}

/**
 * Orders every real package keeps (a partial order: DocumentId and ToPlaces sit in different
 * places in different systems' packages, so they are left out of the chain).
 */
const DOCUMENT_HEADER_ORDER = [
  "From",
  "To",
  "Code",
  "PromulgationInfo",
  "DocumentType",
  "Subject",
  "Content",
  "SignerInfo",
  "DueDate",
  "OtherInfo",
  "ResponseFor",
  "SteeringType",
];
const STATUS_HEADER_ORDER = [
  "From",
  "ResponseFor",
  "StaffInfo",
  "StatusCode",
  "Description",
  "Timestamp",
];
const ORGAN_ORDER = ["OrganId", "OrganAdd", "Email", "Telephone", "Fax", "Website"];
const BUSINESS_ORDER = [
  "DocumentId",
  "BussinessDocType",
  "BussinessDocReason",
  "Paper",
  "BussinessDocumentInfo",
  "ReplacementInfoList",
  "StaffInfo",
];
const ORDERS: Record<string, string[]> = {
  edXMLEnvelope: ["edXMLHeader", "edXMLBody"],
  edXMLHeader: ["MessageHeader", "TraceHeaderList", "Signature"],
  TraceHeaderList: ["TraceHeader", "Bussiness"],
  TraceHeader: ["OrganId", "Timestamp"],
  Code: ["CodeNumber", "CodeNotation"],
  PromulgationInfo: ["Place", "PromulgationDate"],
  SignerInfo: ["Competence", "Position", "FullName"],
  From: ORGAN_ORDER,
  To: ORGAN_ORDER,
  Bussiness: BUSINESS_ORDER,
};

class Checker {
  problems: StructureIssue[] = [];
  warnings: StructureIssue[] = [];
  problem(code: StructureCode, path: string, message: string) {
    this.problems.push({ code, path, message });
  }
  warning(code: StructureCode, path: string, message: string) {
    this.warnings.push({ code, path, message });
  }
}

const isEdxml = (e: XmlElement, local: string) => e.local === local && e.ns === EDXML_NS;

/** Children in `order` must come in that order (others may sit anywhere). */
function checkOrder(parent: XmlElement, order: string[], c: Checker): void {
  let last = -1;
  for (const child of parent.children) {
    const at = order.indexOf(child.local);
    if (at < 0) continue;
    if (at < last) {
      c.problem(
        "STRUCT_ORDER",
        child.path,
        `${child.local} comes after ${order[last]} in ${parent.local}; the packages in use write it before.`,
      );
      return;
    }
    last = at;
  }
}

function checkPrefixes(e: XmlElement, c: Checker): void {
  // The signature keeps its own namespace (or none, as some systems write it).
  if (e.local === "Signature" && (e.ns === XMLDSIG_NS || e.prefix === null)) return;
  if (e.prefix !== EDXML_PREFIX || e.ns !== EDXML_NS || e.unbound)
    c.problem(
      "STRUCT_PREFIX",
      e.path,
      `${e.qname}: inside the envelope every element is edXML:… in ${EDXML_NS}.`,
    );
  const order = ORDERS[e.local];
  if (order) checkOrder(e, order, c);
  for (const child of e.children) checkPrefixes(child, c);
}

const BASE64_ALPHABET = /^[A-Za-z0-9+/=]*$/;

function checkAttachments(root: XmlElement, envelope: XmlElement, c: Checker): void {
  const encoded = root.children.filter((e) => e.local === "AttachmentEncoded");
  const ids: string[] = [];
  const plain = (e: XmlElement) => {
    if (e.ns !== EDXML_NS)
      c.problem("STRUCT_NAMESPACE", e.path, `${e.qname} is not in ${EDXML_NS}.`);
    else if (
      e.prefix !== null &&
      !c.warnings.some((w) => w.code === "STRUCT_PREFIXED_ATTACHMENT")
    ) {
      c.warning(
        "STRUCT_PREFIXED_ATTACHMENT",
        e.path,
        `${e.qname}: the packages in use write it unprefixed, in the default namespace.`,
      );
    }
  };
  for (const block of encoded) {
    plain(block);
    for (const a of block.children) {
      plain(a);
      if (a.local !== "Attachment") {
        c.problem("STRUCT_UNEXPECTED", a.path, `${a.qname} in AttachmentEncoded.`);
        continue;
      }
      const first = a.children[0];
      if (first?.local !== "ContentId")
        c.problem("STRUCT_ORDER", a.path, "An Attachment starts with its ContentId.");
      const cte = a.children.filter((x) => x.local === "ContentTransferEncoded");
      if (cte.length !== 1 || a.children.at(-1) !== cte[0]) {
        c.problem(
          cte.length ? "STRUCT_ORDER" : "STRUCT_MISSING",
          a.path,
          "An Attachment ends with one edXML:ContentTransferEncoded.",
        );
      }
      for (const x of a.children) {
        if (x.local === "ContentTransferEncoded") {
          if (x.prefix !== EDXML_PREFIX || x.ns !== EDXML_NS || x.unbound)
            c.problem(
              "STRUCT_PREFIX",
              x.path,
              `${x.qname}: written edXML:ContentTransferEncoded, with its xmlns:edXML.`,
            );
          const raw = /\s/.test(x.text) ? x.text.replace(/\s+/g, "") : x.text;
          // Base64 when encoding its bytes gives it back (Node skips what is not base64).
          const decodes =
            raw.length > 0 &&
            raw.length % 4 === 0 &&
            Buffer.from(raw, "base64").toString("base64") === raw;
          if (decodes) continue;
          if (!BASE64_ALPHABET.test(raw))
            c.warning("STRUCT_PLACEHOLDER", x.path, "The content is a placeholder, not base64.");
          else c.problem("STRUCT_BASE64", x.path, "The content is not valid base64.");
        } else plain(x);
      }
      const id = a.children.find((x) => x.local === "ContentId")?.text.trim();
      if (id) ids.push(id);
    }
  }
  const body = envelope.children.find((e) => isEdxml(e, "edXMLBody"));
  const manifest = body?.children.find((e) => isEdxml(e, "edXMLManifest"));
  const references = (manifest?.children ?? []).filter((e) => isEdxml(e, "Reference"));
  for (const r of references)
    if (r.children[0]?.local !== "ContentId")
      c.problem("STRUCT_ORDER", r.path, "A manifest Reference starts with its ContentId.");
  const listed = references.map(
    (r) => r.children.find((x) => isEdxml(x, "ContentId"))?.text.trim() ?? "",
  );
  for (const id of listed)
    if (!ids.includes(id))
      c.problem(
        "STRUCT_MANIFEST",
        manifest!.path,
        `The manifest lists ${id || "(no ContentId)"}, which no Attachment carries.`,
      );
  for (const id of ids)
    if (!listed.includes(id))
      c.problem(
        "STRUCT_MANIFEST",
        encoded[0]!.path,
        `The Attachment ${id} is not listed in the manifest.`,
      );
}

/** Checks a package's structure. Never throws. */
export function checkEdxmlStructure(xml: string | Uint8Array): StructureReport {
  const c = new Checker();
  const done = (kind: StructureReport["kind"]): StructureReport => ({
    ok: c.problems.length === 0,
    kind,
    problems: c.problems,
    warnings: c.warnings,
  });
  const text = typeof xml === "string" ? xml : decodePackage(xml);
  if (text === null) {
    c.problem("STRUCT_UNREADABLE", "", "Not UTF-8 text.");
    return done(null);
  }
  const tree = parseXmlTree(text, DEFAULT_EDXML_LIMITS);
  if (!tree.ok) {
    c.problem("STRUCT_UNREADABLE", tree.path, `${tree.code}: ${tree.message}`);
    return done(null);
  }
  for (const path of tree.unclosed)
    c.warning("STRUCT_UNCLOSED", path, "The element has no close tag.");
  const root = tree.root;
  if (root.qname !== "edXML") c.problem("STRUCT_ROOT", root.path, "The root is edXML, unprefixed.");
  if (root.attrs.xmlns !== EDXML_NS)
    c.problem("STRUCT_NAMESPACE", root.path, `The root declares xmlns="${EDXML_NS}".`);
  const seen = new Set<string>();
  const unbound = (e: XmlElement) => {
    if (e.unbound && e.prefix && !seen.has(e.prefix)) {
      seen.add(e.prefix);
      c.warning("STRUCT_UNBOUND_PREFIX", e.path, `The prefix ${e.prefix} is not declared here.`);
    }
    e.children.forEach(unbound);
  };
  unbound(root);
  const [envelope, ...rest] = root.children;
  if (!envelope || envelope.local !== "edXMLEnvelope") {
    c.problem("STRUCT_MISSING", root.path, "The root's first element is edXML:edXMLEnvelope.");
    return done(null);
  }
  if (envelope.qname !== "edXML:edXMLEnvelope" || envelope.ns !== EDXML_NS)
    c.problem(
      "STRUCT_PREFIX",
      envelope.path,
      `The envelope is edXML:edXMLEnvelope in ${EDXML_NS}.`,
    );
  for (const other of rest)
    if (other.local !== "AttachmentEncoded")
      c.problem("STRUCT_UNEXPECTED", other.path, `${other.qname} beside the envelope.`);
  for (const child of envelope.children) checkPrefixes(child, c);
  checkOrder(envelope, ORDERS.edXMLEnvelope!, c);

  const header = envelope.children.find((e) => isEdxml(e, "edXMLHeader"));
  const message = header?.children.find((e) => isEdxml(e, "MessageHeader"));
  if (!message) {
    c.problem("STRUCT_MISSING", envelope.path, "No edXMLHeader/MessageHeader.");
    return done(null);
  }
  const has = (local: string) => message.children.some((e) => isEdxml(e, local));
  const kind = has("StatusCode") ? "status" : "document";
  const required =
    kind === "status"
      ? ["From", "ResponseFor", "StatusCode", "Timestamp"]
      : ["From", "To", "Code", "PromulgationInfo", "Subject", "DocumentId"];
  for (const local of required)
    if (!has(local))
      c.problem("STRUCT_MISSING", message.path, `A ${kind} package has edXML:${local}.`);
  checkOrder(message, kind === "status" ? STATUS_HEADER_ORDER : DOCUMENT_HEADER_ORDER, c);
  if (message.children[0]?.local !== "From")
    c.problem("STRUCT_ORDER", message.path, "MessageHeader starts with From.");
  if (kind === "document") {
    if (!envelope.children.some((e) => isEdxml(e, "edXMLBody")))
      c.problem("STRUCT_MISSING", envelope.path, "A document package has an edXMLBody.");
    checkAttachments(root, envelope, c);
  }
  return done(kind);
}
