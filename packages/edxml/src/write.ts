/**
 * Writing edXML packages the way the systems in use write them: the root `edXML` in the edXML
 * namespace (default namespace), the envelope declaring the `edXML` prefix and every element
 * inside it carrying that prefix, and `AttachmentEncoded` beside the envelope with unprefixed
 * children except `edXML:ContentTransferEncoded`, which declares the prefix itself.
 *
 * Built with fast-xml-parser's XMLBuilder, which escapes text and attributes and keeps names as
 * given. A DOM serializer (xmlbuilder2) cannot write this shape: by the DOM serialization
 * algorithm an element in the default namespace in scope loses its prefix, so every
 * `edXML:MessageHeader` would come out as `MessageHeader`, which receivers in use reject.
 */
import { XMLBuilder } from "fast-xml-parser";
import type {
  EdxmlAttachment,
  EdxmlBusiness,
  EdxmlDocumentModel,
  EdxmlOrgan,
  EdxmlResponseFor,
  EdxmlStaff,
  EdxmlStatusModel,
} from "./model.ts";
import { EDXML_NS } from "./namespaces.ts";

export class EdxmlWriteError extends Error {
  constructor(
    readonly code: "EDXML_ATTACHMENT_NO_BYTES",
    message: string,
  ) {
    super(message);
    this.name = "EdxmlWriteError";
  }
}

type XmlNode = Record<string, unknown>;

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: false,
});

/** Characters XML 1.0 does not allow (C0 controls other than tab, LF, CR; lone surrogates). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlText(value: string): string {
  return value.normalize("NFC").replace(NOT_XML, "");
}

function node(name: string, children: XmlNode[], attrs?: Record<string, string>): XmlNode {
  const n: XmlNode = { [name]: children };
  if (attrs) n[":@"] = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`@_${k}`, v]));
  return n;
}

/** `edXML:local` holding `value` (empty for null). */
function e(local: string, value: string | null | undefined): XmlNode {
  return node(`edXML:${local}`, value ? [{ "#text": xmlText(value) }] : []);
}

function group(local: string, children: XmlNode[]): XmlNode {
  return node(`edXML:${local}`, children);
}

function organ(local: "From" | "To", o: EdxmlOrgan | null): XmlNode {
  return group(local, [
    e("OrganId", o?.organId),
    e("OrganizationInCharge", o?.organizationInCharge),
    e("OrganName", o?.organName),
    e("OrganAdd", o?.organAdd),
    e("Email", o?.email),
    e("Telephone", o?.telephone),
    e("Fax", o?.fax),
    e("Website", o?.website),
  ]);
}

function staff(s: EdxmlStaff): XmlNode {
  return group("StaffInfo", [
    e("Department", s.department),
    e("Staff", s.staff),
    e("Email", s.email),
    e("Mobile", s.mobile),
  ]);
}

function responseFor(r: EdxmlResponseFor): XmlNode {
  return group("ResponseFor", [
    e("OrganId", r.organId),
    e("Code", r.code),
    e("PromulgationDate", r.promulgationDate),
    e("DocumentId", r.documentId),
  ]);
}

function business(b: EdxmlBusiness): XmlNode {
  const parts: XmlNode[] = [];
  if (b.documentId) parts.push(e("DocumentId", b.documentId));
  parts.push(e("BussinessDocType", String(b.docType ?? 0)));
  parts.push(e("BussinessDocReason", b.reason));
  parts.push(e("Paper", b.paper ?? "0"));
  if (b.documentInfo)
    parts.push(
      group("BussinessDocumentInfo", [
        e("DocumentInfo", b.documentInfo.documentInfo),
        e("DocumentReceiver", b.documentInfo.documentReceiver),
        group(
          "ReceiverList",
          b.documentInfo.receivers.map((r) =>
            group("Receiver", [e("OrganId", r.organId), e("ReceiverType", r.receiverType)]),
          ),
        ),
      ]),
    );
  if (b.replacements.length)
    parts.push(
      group(
        "ReplacementInfoList",
        b.replacements.map((r) =>
          group("ReplacementInfo", [
            e("DocumentId", r.documentId),
            group(
              "OrganIdList",
              r.organIds.map((id) => e("OrganId", id)),
            ),
          ]),
        ),
      ),
    );
  if (b.staff) parts.push(staff(b.staff));
  return group("Bussiness", parts);
}

function attachmentEncoded(attachments: EdxmlAttachment[]): XmlNode {
  return node(
    "AttachmentEncoded",
    attachments.map((a, i) => {
      if (!a.bytes)
        throw new EdxmlWriteError(
          "EDXML_ATTACHMENT_NO_BYTES",
          `Attachment ${i + 1} (${a.name ?? a.contentId ?? "no name"}) has no bytes to write.`,
        );
      const plain = (local: string, value: string | null) =>
        node(local, value ? [{ "#text": xmlText(value) }] : []);
      return node("Attachment", [
        plain("ContentId", a.contentId),
        plain("AttachmentName", a.name),
        plain("Description", a.description),
        plain("ContentType", a.contentType),
        node(
          "edXML:ContentTransferEncoded",
          [{ "#text": Buffer.from(a.bytes).toString("base64") }],
          {
            "xmlns:edXML": EDXML_NS,
          },
        ),
      ]);
    }),
  );
}

function packageXml(header: XmlNode[], body: XmlNode[] | null, encoded: XmlNode | null): string {
  const envelope = node(
    "edXML:edXMLEnvelope",
    [group("edXMLHeader", header), ...(body ? [group("edXMLBody", body)] : [])],
    { "xmlns:edXML": EDXML_NS },
  );
  const root = node("edXML", encoded ? [envelope, encoded] : [envelope], { xmlns: EDXML_NS });
  const declaration = node("?xml", [{ "#text": "" }], { version: "1.0", encoding: "UTF-8" });
  return builder.build([declaration, root]) as string;
}

/** A document package: header, trace and business, manifest, and the attachments in base64. */
export function writeEdxmlDocument(doc: EdxmlDocumentModel): string {
  const m: XmlNode[] = [organ("From", doc.from), ...doc.to.map((t) => organ("To", t))];
  m.push(e("DocumentId", doc.documentId));
  m.push(
    group("Code", [e("CodeNumber", doc.code.codeNumber), e("CodeNotation", doc.code.codeNotation)]),
  );
  m.push(
    group("PromulgationInfo", [
      e("Place", doc.promulgation.place),
      e("PromulgationDate", doc.promulgation.date),
    ]),
  );
  m.push(
    group("DocumentType", [
      e("Type", doc.documentType.type),
      e("TypeDetail", doc.documentType.typeDetail),
      e("TypeName", doc.documentType.typeName),
    ]),
  );
  m.push(e("Subject", doc.subject), e("Content", doc.content));
  m.push(
    group("SignerInfo", [
      e("Competence", doc.signer.competence),
      e("Position", doc.signer.position),
      e("FullName", doc.signer.fullName),
    ]),
  );
  m.push(e("DueDate", doc.dueDate));
  const o = doc.otherInfo;
  m.push(
    group("OtherInfo", [
      e("Priority", o.priority),
      e("SphereOfPromulgation", o.sphereOfPromulgation),
      e("TyperNotation", o.typerNotation),
      e("PromulgationAmount", o.promulgationAmount),
      e("PageAmount", o.pageAmount),
      ...(o.direction !== null ? [e("Direction", o.direction)] : []),
      group(
        "Appendixes",
        o.appendixes.map((a) => e("Appendix", a)),
      ),
    ]),
  );
  m.push(...doc.responseFor.map(responseFor));
  m.push(e("SteeringType", doc.steeringType));
  m.push(
    group(
      "ToPlaces",
      doc.toPlaces.map((p) => e("Place", p)),
    ),
  );
  const header: XmlNode[] = [group("MessageHeader", m)];
  if (doc.traces.length || doc.business)
    header.push(
      group("TraceHeaderList", [
        ...doc.traces.map((t) =>
          group("TraceHeader", [e("OrganId", t.organId), e("Timestamp", t.timestamp)]),
        ),
        ...(doc.business ? [business(doc.business)] : []),
      ]),
    );
  const manifest = node(
    "edXML:edXMLManifest",
    doc.attachments.map((a) =>
      group("Reference", [
        e("ContentId", a.contentId),
        e("ContentType", a.contentType),
        e("Description", a.description),
        e("AttachmentName", a.name),
      ]),
    ),
    { version: "1.0" },
  );
  return packageXml(
    header,
    [manifest],
    doc.attachments.length ? attachmentEncoded(doc.attachments) : null,
  );
}

/** A status package (01 arrived … 16 recall refused) answering one document. */
export function writeEdxmlStatus(status: EdxmlStatusModel): string {
  const m: XmlNode[] = [organ("From", status.from)];
  if (status.responseFor) m.push(responseFor(status.responseFor));
  if (status.staff) m.push(staff(status.staff));
  m.push(e("StatusCode", status.statusCode));
  m.push(e("Description", status.description));
  m.push(e("Timestamp", status.timestamp));
  return packageXml([group("MessageHeader", m)], null, null);
}
