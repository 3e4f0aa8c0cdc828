/**
 * Reading an edXML package (QCVN 102:2016/BTTTT): a document package or a status package, with
 * the shapes the systems in use write (see docs/ARCHITECTURE.md, "edXML"). Never throws on bad
 * input: what cannot be read is a problem with a stable code and the element path, what is read
 * with a remark is a warning.
 */
import { X509Certificate } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { readZipDirectory } from "@vanthu/extract";
import type { EdxmlProblem, EdxmlProblemCode, EdxmlWarning, EdxmlWarningCode } from "./codes.ts";
import { readEdxmlDate } from "./dates.ts";
import {
  DEFAULT_EDXML_LIMITS,
  EDXML_STATUS_CODES,
  type EdxmlAttachment,
  type EdxmlBusiness,
  type EdxmlBusinessType,
  type EdxmlDocument,
  type EdxmlLimits,
  type EdxmlOrgan,
  type EdxmlPackage,
  type EdxmlReadAttachment,
  type EdxmlResponseFor,
  type EdxmlSignatureReport,
  type EdxmlStaff,
  type EdxmlStatus,
} from "./model.ts";
import { EDXML_NS, XMLDSIG_NS } from "./namespaces.ts";
import { decodePackage, parseXmlTree, type XmlElement } from "./xml-tree.ts";
import { verifyHeaderSignature, type SignatureCheckOptions } from "./verify.ts";

/** A package that was not read. */
export interface EdxmlRefusal extends EdxmlProblem {
  kind: "problem";
}

export type EdxmlReadResult = EdxmlPackage | EdxmlRefusal;

/** Codes that refuse the outer package too when a package inside an attachment meets them. */
const LIMIT_CODES: ReadonlySet<EdxmlProblemCode> = new Set([
  "EDXML_TOO_LARGE",
  "EDXML_TOO_MANY_ATTACHMENTS",
  "EDXML_ATTACHMENTS_TOO_LARGE",
  "EDXML_TOO_DEEP",
  "EDXML_DOCTYPE",
  "EDXML_ENTITY",
  "EDXML_TOO_COMPLEX",
]);

class Fatal extends Error {
  constructor(readonly problem: EdxmlProblem) {
    super(problem.message);
  }
}

interface Context {
  limits: EdxmlLimits;
  /** How signatures are judged (the same for the packages inside). */
  check: SignatureCheckOptions;
  depth: number;
  /** Decoded attachment bytes so far, shared with the packages inside. */
  budget: { used: number };
  warnings: EdxmlWarning[];
}

/** The package being read, for its signature's check. */
interface Source {
  xml: string;
  root: XmlElement;
  unclosed: string[];
}

/**
 * Reads a package from its bytes. `limits` default to DEFAULT_EDXML_LIMITS. The result is a
 * document or a status package (with its warnings), or `{kind: "problem", code, path, message}`.
 * An XML signature in the header is checked (verify.ts) against `options.trustAnchors` at
 * `options.now`; whatever its verdict, the package is read.
 */
export function readEdxml(
  bytes: Uint8Array,
  limits: Partial<EdxmlLimits> = {},
  options: SignatureCheckOptions = {},
): EdxmlReadResult {
  try {
    return readPackage(bytes, {
      limits: { ...DEFAULT_EDXML_LIMITS, ...limits },
      check: options,
      depth: 0,
      budget: { used: 0 },
      warnings: [],
    });
  } catch (error) {
    // Not expected (every refusal above has its code): a package still never crashes its reader.
    return refusal(
      "EDXML_UNREADABLE",
      "",
      `The package could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function refusal(code: EdxmlProblemCode, path: string, message: string): EdxmlRefusal {
  return { kind: "problem", code, path, message };
}

function readPackage(bytes: Uint8Array, ctx: Context): EdxmlReadResult {
  if (!bytes.length) return refusal("EDXML_EMPTY", "", "The file is empty.");
  if (bytes.length > ctx.limits.maxPackageBytes)
    return refusal(
      "EDXML_TOO_LARGE",
      "",
      `The package is ${bytes.length} bytes, more than the ${ctx.limits.maxPackageBytes} allowed.`,
    );
  const xml = decodePackage(bytes);
  if (xml === null) return refusal("EDXML_ENCODING", "", "The package is not valid UTF-8 text.");
  const tree = parseXmlTree(xml, ctx.limits);
  if (!tree.ok) return refusal(tree.code, tree.path, tree.message);
  const root = tree.root;
  if (root.local !== "edXML")
    return refusal(
      "EDXML_NOT_EDXML",
      root.path,
      `The root element is ${root.qname}, not edXML (QCVN 102:2016).`,
    );
  if (root.ns !== EDXML_NS)
    return refusal(
      "EDXML_WRONG_NAMESPACE",
      root.path,
      `The root element is in ${root.ns ? `the namespace ${root.ns}` : "no namespace"}, not ${EDXML_NS}.`,
    );
  const envelope = root.children.find((c) => c.local === "edXMLEnvelope");
  if (!envelope)
    return refusal("EDXML_NO_ENVELOPE", root.path, "The package has no edXMLEnvelope.");
  if (envelope.ns !== EDXML_NS)
    return refusal(
      "EDXML_WRONG_NAMESPACE",
      envelope.path,
      `The envelope is in ${envelope.ns ? `the namespace ${envelope.ns}` : "no namespace"}, not ${EDXML_NS}.`,
    );
  const header = child(envelope, "edXMLHeader");
  const message = header && child(header, "MessageHeader");
  if (!header || !message)
    return refusal(
      "EDXML_NO_HEADER",
      header?.path ?? envelope.path,
      "The package has no edXMLHeader/MessageHeader.",
    );
  for (const path of tree.unclosed)
    warn(
      ctx,
      "EDXML_UNCLOSED_ELEMENT",
      path,
      "The element has no close tag; read as closed where the element of the same name inside it closes.",
    );
  unboundPrefixes(root, ctx);
  const source: Source = { xml, root, unclosed: tree.unclosed };
  try {
    return child(message, "StatusCode")
      ? readStatus(message, header, source, ctx)
      : readDocument(root, envelope, message, header, source, ctx);
  } catch (error) {
    if (error instanceof Fatal) return { kind: "problem", ...error.problem };
    throw error;
  }
}

// --- tree helpers ---------------------------------------------------------------------------

function children(parent: XmlElement | null | undefined, local: string): XmlElement[] {
  return parent ? parent.children.filter((c) => c.local === local && c.ns === EDXML_NS) : [];
}

function child(parent: XmlElement | null | undefined, local: string): XmlElement | null {
  return parent?.children.find((c) => c.local === local && c.ns === EDXML_NS) ?? null;
}

/** Trimmed NFC text; null for an empty element. */
function clean(text: string | undefined): string | null {
  const t = text?.trim();
  return t ? t.normalize("NFC") : null;
}

function text(parent: XmlElement | null | undefined, local: string): string | null {
  return clean(child(parent, local)?.text);
}

function warn(ctx: Context, code: EdxmlWarningCode, path: string, message: string): void {
  ctx.warnings.push({ code, path, message });
}

/** One warning per undeclared prefix, at its first element. */
function unboundPrefixes(root: XmlElement, ctx: Context): void {
  const seen = new Set<string>();
  const walk = (e: XmlElement) => {
    if (e.unbound && e.prefix && !seen.has(e.prefix)) {
      seen.add(e.prefix);
      warn(
        ctx,
        "EDXML_UNBOUND_PREFIX",
        e.path,
        `The prefix "${e.prefix}" is used without a declaration${e.prefix === "edXML" ? "; read as the edXML namespace" : ""}.`,
      );
    }
    e.children.forEach(walk);
  };
  walk(root);
}

/** The date's ISO form, or null with a warning when it is not a real one (kept as written). */
function iso(value: string | null, path: string, ctx: Context): string | null {
  const r = readEdxmlDate(value);
  if (r.kind === "date") return r.iso;
  if (r.kind === "impossible")
    warn(ctx, "EDXML_IMPOSSIBLE_DATE", path, `"${value}" is not a real date; kept as written.`);
  if (r.kind === "unreadable")
    warn(
      ctx,
      "EDXML_UNREADABLE_DATE",
      path,
      `"${value}" is not a yyyy/MM/dd date; kept as written.`,
    );
  return null;
}

function dated(parent: XmlElement | null, local: string, ctx: Context) {
  const value = text(parent, local);
  const path = child(parent, local)?.path ?? `${parent?.path ?? ""}/edXML:${local}`;
  return { value, iso: iso(value, path, ctx) };
}

// --- parts ----------------------------------------------------------------------------------

const ORGAN_FIELDS = [
  ["organId", "OrganId"],
  ["organizationInCharge", "OrganizationInCharge"],
  ["organName", "OrganName"],
  ["organAdd", "OrganAdd"],
  ["email", "Email"],
  ["telephone", "Telephone"],
  ["fax", "Fax"],
  ["website", "Website"],
] as const;

/** From or To; a From written inside another From (a shape seen in use) is read from the inner one. */
function readOrgan(el: XmlElement, ctx: Context): EdxmlOrgan {
  let source = el;
  const inner = child(el, el.local);
  if (inner && !child(el, "OrganId")) {
    source = inner;
    warn(ctx, "EDXML_NESTED_ORGAN", inner.path, `${el.local} is written inside ${el.local}.`);
  }
  const organ = Object.fromEntries(
    ORGAN_FIELDS.map(([key, local]) => [key, text(source, local)]),
  ) as unknown as EdxmlOrgan;
  if (!organ.organId)
    warn(ctx, "EDXML_MISSING_FIELD", `${source.path}/edXML:OrganId`, `${el.local} has no OrganId.`);
  return organ;
}

function readStaff(el: XmlElement | null): EdxmlStaff | null {
  if (!el) return null;
  return {
    department: text(el, "Department"),
    staff: text(el, "Staff"),
    email: text(el, "Email"),
    mobile: text(el, "Mobile"),
  };
}

function readResponseFor(el: XmlElement, ctx: Context): EdxmlResponseFor {
  const date = dated(el, "PromulgationDate", ctx);
  return {
    organId: text(el, "OrganId"),
    code: text(el, "Code"),
    promulgationDate: date.value,
    promulgationDateIso: date.iso,
    documentId: text(el, "DocumentId"),
  };
}

function readBusiness(el: XmlElement, ctx: Context): EdxmlBusiness {
  const raw = text(el, "BussinessDocType");
  let docType: EdxmlBusinessType | null = null;
  if (raw !== null && /^[0-3]$/.test(raw)) docType = Number(raw) as EdxmlBusinessType;
  else
    warn(
      ctx,
      "EDXML_UNKNOWN_BUSINESS_TYPE",
      child(el, "BussinessDocType")?.path ?? `${el.path}/edXML:BussinessDocType`,
      raw === null ? "BussinessDocType is missing." : `BussinessDocType "${raw}" is not 0–3.`,
    );
  const info = child(el, "BussinessDocumentInfo");
  return {
    docType,
    reason: text(el, "BussinessDocReason"),
    documentId: text(el, "DocumentId"),
    paper: text(el, "Paper"),
    documentInfo: info
      ? {
          documentInfo: text(info, "DocumentInfo"),
          documentReceiver: text(info, "DocumentReceiver"),
          receivers: children(child(info, "ReceiverList"), "Receiver").map((r) => ({
            organId: text(r, "OrganId"),
            receiverType: text(r, "ReceiverType"),
          })),
        }
      : null,
    staff: readStaff(child(el, "StaffInfo")),
    replacements: children(child(el, "ReplacementInfoList"), "ReplacementInfo").map((r) => ({
      documentId: text(r, "DocumentId"),
      organIds: children(child(r, "OrganIdList"), "OrganId")
        .map((o) => clean(o.text))
        .filter((o): o is string => o !== null),
    })),
  };
}

/** Any descendant by local names, whatever its namespace (a signature written with or without its own). */
function descend(el: XmlElement | null | undefined, ...locals: string[]): XmlElement | null {
  let at: XmlElement | null | undefined = el;
  for (const local of locals) at = at?.children.find((c) => c.local === local);
  return at ?? null;
}

function readSignature(
  header: XmlElement,
  source: Source,
  ctx: Context,
): EdxmlSignatureReport | null {
  const sig = header.children.find(
    (c) => c.local === "Signature" && (c.ns === XMLDSIG_NS || c.ns === EDXML_NS || c.ns === null),
  );
  if (!sig) return null;
  const x509 = descend(sig, "KeyInfo", "X509Data");
  const certText = clean(descend(x509, "X509Certificate")?.text)?.replace(/\s+/g, "") ?? null;
  let certificate: EdxmlSignatureReport["certificate"] = null;
  if (certText) {
    try {
      const cert = new X509Certificate(Buffer.from(certText, "base64"));
      certificate = {
        subject: cert.subject.split("\n").join(", "),
        issuer: cert.issuer.split("\n").join(", "),
        validFrom: new Date(cert.validFrom).toISOString(),
        validTo: new Date(cert.validTo).toISOString(),
        serialNumber: cert.serialNumber,
      };
    } catch {
      warn(
        ctx,
        "EDXML_SIGNATURE_CERTIFICATE_UNREADABLE",
        descend(x509, "X509Certificate")!.path,
        "The signature's X509Certificate does not read as a certificate (it may be cut short).",
      );
    }
  }
  return {
    namespace: sig.ns === XMLDSIG_NS ? "xmldsig" : "none",
    signatureMethod: descend(sig, "SignedInfo", "SignatureMethod")?.attrs.Algorithm ?? null,
    digestMethod: descend(sig, "SignedInfo", "Reference", "DigestMethod")?.attrs.Algorithm ?? null,
    subjectName: clean(descend(x509, "X509SubjectName")?.text),
    certificate,
    ...verifyHeaderSignature(source.xml, source.root, source.unclosed, sig, {
      ...ctx.check,
      maxBytes: ctx.limits.maxVerifyBytes,
    }),
  };
}

// --- attachments ----------------------------------------------------------------------------

/** The decoded bytes of a ContentTransferEncoded, or null with a warning. */
function decodeAttachment(
  el: XmlElement | null,
  ownerPath: string,
  ctx: Context,
): Uint8Array | null {
  const raw = el?.text ?? "";
  const compact = /\s/.test(raw) ? raw.replace(/\s+/g, "") : raw;
  if (!compact) {
    warn(ctx, "EDXML_ATTACHMENT_MISSING", el?.path ?? ownerPath, "The attachment has no content.");
    return null;
  }
  // Base64 written without its final "=" padding is read as if it had it.
  const padded =
    compact.length % 4 === 2 ? `${compact}==` : compact.length % 4 === 3 ? `${compact}=` : compact;
  if (padded.length % 4 === 0) {
    const size =
      (padded.length / 4) * 3 - (padded.endsWith("==") ? 2 : padded.endsWith("=") ? 1 : 0);
    spend(size, el!.path, ctx);
    const buffer = Buffer.from(padded, "base64");
    // Node skips what is not base64: the text is base64 when encoding the bytes gives it back
    // (faster than a regular expression over megabytes).
    if (buffer.toString("base64") === padded)
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
    ctx.budget.used -= size;
  }
  const alphabet = /^[A-Za-z0-9+/=]*$/.test(compact);
  warn(
    ctx,
    alphabet ? "EDXML_ATTACHMENT_BAD_BASE64" : "EDXML_ATTACHMENT_PLACEHOLDER",
    el!.path,
    alphabet
      ? "The attachment is not valid base64 (cut short or badly padded)."
      : `The attachment holds "${compact.slice(0, 40)}", a placeholder, not a file.`,
  );
  return null;
}

function spend(bytes: number, path: string, ctx: Context): void {
  ctx.budget.used += bytes;
  if (ctx.budget.used > ctx.limits.maxAttachmentBytes)
    throw new Fatal({
      code: "EDXML_ATTACHMENTS_TOO_LARGE",
      path,
      message: `Attachments decode to more than the ${ctx.limits.maxAttachmentBytes} bytes allowed.`,
    });
}

/** The bytes of an edXML package inside an attachment (itself, or the .edxml of a zip), if any. */
function innerPackage(bytes: Uint8Array, path: string, ctx: Context): Uint8Array | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const dir = readZipDirectory(bytes, 64);
    if (!dir.ok) return null;
    const xmls = dir.entries.filter((e) => /\.(edxml|xml)$/i.test(e.name));
    const entry =
      dir.entries.find((e) => /\.edxml$/i.test(e.name)) ??
      (dir.entries.length === 1 && xmls.length === 1 ? xmls[0] : undefined);
    if (!entry || entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) return null;
    if (entry.uncompressedSize > ctx.limits.maxPackageBytes)
      throw new Fatal({
        code: "EDXML_TOO_LARGE",
        path,
        message: `The package inside ${entry.name} unpacks to more than ${ctx.limits.maxPackageBytes} bytes.`,
      });
    spend(entry.uncompressedSize, path, ctx);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    let inner: Uint8Array;
    if (entry.method === 0) inner = data;
    else
      try {
        inner = new Uint8Array(
          inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) }),
        );
      } catch {
        return null;
      }
    return /\.edxml$/i.test(entry.name) || looksLikeEdxml(inner) ? inner : null;
  }
  return looksLikeEdxml(bytes) ? bytes : null;
}

/** XML whose first bytes name the edXML root or its namespace (not any XML file attached). */
function looksLikeEdxml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString("latin1")
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, "")
    .trimStart();
  return head.startsWith("<") && (/<edXML[\s>/]/.test(head) || head.includes(EDXML_NS));
}

/** Reads a package inside an attachment, when it holds one, with the depth limit. */
function nested(bytes: Uint8Array, path: string, ctx: Context): EdxmlPackage | undefined {
  const inner = innerPackage(bytes, path, ctx);
  if (!inner) return undefined;
  if (ctx.depth + 1 > ctx.limits.maxNesting)
    throw new Fatal({
      code: "EDXML_TOO_DEEP",
      path,
      message: `A package inside an attachment nests deeper than ${ctx.limits.maxNesting} levels.`,
    });
  const result = readPackage(inner, { ...ctx, depth: ctx.depth + 1, warnings: [] });
  if (result.kind !== "problem") return result;
  const { kind: _kind, ...problem } = result;
  if (LIMIT_CODES.has(problem.code))
    throw new Fatal({ ...problem, path: `${path}!${problem.path}` });
  warn(
    ctx,
    "EDXML_NESTED_UNREADABLE",
    path,
    `The attachment looks like an edXML package but does not read: ${result.code}: ${result.message}`,
  );
  return undefined;
}

function readAttachments(
  root: XmlElement,
  envelope: XmlElement,
  ctx: Context,
): EdxmlReadAttachment[] {
  const manifest = children(child(child(envelope, "edXMLBody"), "edXMLManifest"), "Reference");
  const encodedRoots = root.children.filter(
    (c) => c.local === "AttachmentEncoded" && c.ns === EDXML_NS,
  );
  const entries = encodedRoots.flatMap((e) => children(e, "Attachment"));
  if (entries.length > ctx.limits.maxAttachments)
    throw new Fatal({
      code: "EDXML_TOO_MANY_ATTACHMENTS",
      path: encodedRoots[0]!.path,
      message: `${entries.length} attachments, more than the ${ctx.limits.maxAttachments} allowed.`,
    });
  const refs = new Map<string, XmlElement>();
  for (const r of manifest) {
    const id = text(r, "ContentId");
    if (id !== null && !refs.has(id)) refs.set(id, r);
  }
  const used = new Set<string>();
  const out: EdxmlReadAttachment[] = [];
  for (const entry of entries) {
    const contentId = text(entry, "ContentId");
    const ref = contentId !== null ? refs.get(contentId) : undefined;
    if (ref) used.add(contentId!);
    else
      warn(
        ctx,
        "EDXML_ATTACHMENT_NOT_IN_MANIFEST",
        entry.path,
        `The attachment ${contentId ?? "(no ContentId)"} is not listed in the manifest.`,
      );
    const pick = (local: string): string | null => {
      const own = text(entry, local);
      const listed = ref ? text(ref, local) : null;
      if (own !== null && listed !== null && own !== listed && local !== "Description")
        warn(
          ctx,
          "EDXML_ATTACHMENT_MISMATCH",
          child(entry, local)!.path,
          `${local} is "${own}" in the attachment and "${listed}" in the manifest.`,
        );
      return own ?? listed;
    };
    const bytes = decodeAttachment(child(entry, "ContentTransferEncoded"), entry.path, ctx);
    const attachment: EdxmlReadAttachment = {
      contentId,
      name: pick("AttachmentName"),
      contentType: pick("ContentType"),
      description: pick("Description"),
      bytes,
      size: bytes ? bytes.length : null,
    };
    const inner = bytes
      ? nested(bytes, child(entry, "ContentTransferEncoded")!.path, ctx)
      : undefined;
    if (inner) attachment.package = inner;
    out.push(attachment);
  }
  for (const [id, ref] of refs) {
    if (used.has(id)) continue;
    warn(
      ctx,
      "EDXML_ATTACHMENT_MISSING",
      ref.path,
      `The manifest lists ${id}, which the package does not carry.`,
    );
    out.push({
      contentId: id,
      name: text(ref, "AttachmentName"),
      contentType: text(ref, "ContentType"),
      description: text(ref, "Description"),
      bytes: null,
      size: null,
    });
  }
  return out;
}

// --- packages -------------------------------------------------------------------------------

function readDocument(
  root: XmlElement,
  envelope: XmlElement,
  m: XmlElement,
  header: XmlElement,
  source: Source,
  ctx: Context,
): EdxmlDocument {
  const fromEl = child(m, "From");
  if (!fromEl) warn(ctx, "EDXML_MISSING_FIELD", `${m.path}/edXML:From`, "The package has no From.");
  const toEls = children(m, "To");
  if (!toEls.length)
    warn(ctx, "EDXML_MISSING_FIELD", `${m.path}/edXML:To`, "The package has no To.");
  const code = child(m, "Code");
  const prom = child(m, "PromulgationInfo");
  const promDate = dated(prom, "PromulgationDate", ctx);
  const type = child(m, "DocumentType");
  const signer = child(m, "SignerInfo");
  const due = dated(m, "DueDate", ctx);
  const other = child(m, "OtherInfo");
  const subject = text(m, "Subject");
  if (subject === null)
    warn(ctx, "EDXML_MISSING_FIELD", `${m.path}/edXML:Subject`, "The package has no Subject.");
  const traceList = child(header, "TraceHeaderList");
  const businessEl = child(traceList, "Bussiness");
  if (!businessEl)
    warn(
      ctx,
      "EDXML_NO_BUSINESS",
      traceList?.path ?? `${header.path}/edXML:TraceHeaderList`,
      "No Bussiness element: read as a new document (0).",
    );
  const attachments = readAttachments(root, envelope, ctx);
  return {
    kind: "document",
    documentId: text(m, "DocumentId"),
    from: fromEl ? readOrgan(fromEl, ctx) : null,
    to: toEls.map((t) => readOrgan(t, ctx)),
    code: { codeNumber: text(code, "CodeNumber"), codeNotation: text(code, "CodeNotation") },
    promulgation: { place: text(prom, "Place"), date: promDate.value, dateIso: promDate.iso },
    documentType: {
      type: text(type, "Type"),
      typeDetail: text(type, "TypeDetail"),
      typeName: text(type, "TypeName"),
    },
    subject,
    content: text(m, "Content"),
    signer: {
      competence: text(signer, "Competence"),
      position: text(signer, "Position"),
      fullName: text(signer, "FullName"),
    },
    dueDate: due.value,
    dueDateIso: due.iso,
    toPlaces: children(child(m, "ToPlaces"), "Place")
      .map((p) => clean(p.text))
      .filter((p): p is string => p !== null),
    otherInfo: {
      priority: text(other, "Priority"),
      sphereOfPromulgation: text(other, "SphereOfPromulgation"),
      typerNotation: text(other, "TyperNotation"),
      promulgationAmount: text(other, "PromulgationAmount"),
      pageAmount: text(other, "PageAmount"),
      direction: text(other, "Direction"),
      appendixes: children(child(other, "Appendixes"), "Appendix")
        .map((a) => clean(a.text))
        .filter((a): a is string => a !== null),
    },
    responseFor: children(m, "ResponseFor")
      .map((r) => readResponseFor(r, ctx))
      .filter((r) => r.organId || r.code || r.promulgationDate || r.documentId),
    steeringType: text(m, "SteeringType"),
    traces: children(traceList, "TraceHeader").map((t) => {
      const at = dated(t, "Timestamp", ctx);
      return { organId: text(t, "OrganId"), timestamp: at.value, timestampIso: at.iso };
    }),
    business: businessEl ? readBusiness(businessEl, ctx) : null,
    attachments,
    signature: readSignature(header, source, ctx),
    warnings: ctx.warnings,
  };
}

function readStatus(m: XmlElement, header: XmlElement, source: Source, ctx: Context): EdxmlStatus {
  const fromEl = child(m, "From");
  if (!fromEl) warn(ctx, "EDXML_MISSING_FIELD", `${m.path}/edXML:From`, "The status has no From.");
  const responseEl = child(m, "ResponseFor");
  if (!responseEl)
    warn(
      ctx,
      "EDXML_MISSING_FIELD",
      `${m.path}/edXML:ResponseFor`,
      "The status answers no document.",
    );
  const statusCode = text(m, "StatusCode");
  if (statusCode === null || !Object.hasOwn(EDXML_STATUS_CODES, statusCode))
    warn(
      ctx,
      "EDXML_UNKNOWN_STATUS",
      child(m, "StatusCode")!.path,
      `StatusCode "${statusCode ?? ""}" is not one of ${Object.keys(EDXML_STATUS_CODES).join(", ")}.`,
    );
  const at = dated(m, "Timestamp", ctx);
  return {
    kind: "status",
    from: fromEl ? readOrgan(fromEl, ctx) : null,
    responseFor: responseEl ? readResponseFor(responseEl, ctx) : null,
    staff: readStaff(child(m, "StaffInfo")),
    statusCode,
    description: text(m, "Description"),
    timestamp: at.value,
    timestampIso: at.iso,
    signature: readSignature(header, source, ctx),
    warnings: ctx.warnings,
  };
}

/** The attachment fields the writer takes (for a round trip): bytes and names only. */
export function attachmentModel(a: EdxmlAttachment): EdxmlAttachment {
  return {
    contentId: a.contentId,
    name: a.name,
    contentType: a.contentType,
    description: a.description,
    bytes: a.bytes,
  };
}
