/**
 * What vanthu writes, vanthu reads back with every field equal (documents with several To and
 * attachments, statuses of every code), and it passes the structural check: namespace, prefixes,
 * order as in the packages in use, base64 decoding to the attached bytes. The check itself fails
 * packages that break those rules. Also the invented package of quirks (test/fixtures).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  EDXML_NS,
  EDXML_STATUS_CODES,
  attachmentModel,
  checkEdxmlStructure,
  edxmlDate,
  edxmlJson,
  edxmlTimestamp,
  readEdxml,
  readEdxmlDate,
  statusFor,
  documentFromParsed,
  organ,
  writeEdxmlDocument,
  writeEdxmlStatus,
  type EdxmlDocument,
  type EdxmlDocumentModel,
  type EdxmlStatus,
} from "@vanthu/edxml";
import { parseDocument } from "@vanthu/core";
import { BINARY, DOCUMENT, PDF_BYTES, STTTT, UBND, status } from "./fixtures.ts";

function readDocument(xml: string): EdxmlDocument {
  const r = readEdxml(Buffer.from(xml));
  assert.equal(r.kind, "document", JSON.stringify(r));
  return r as EdxmlDocument;
}

/** The model's fields of a read package: bytes compared as bytes. */
function modelOf(d: EdxmlDocument): EdxmlDocumentModel {
  const { kind: _k, warnings: _w, signature: _s, attachments, ...rest } = d;
  return { ...rest, attachments: attachments.map(attachmentModel) };
}

test("a document with every field, three To and two attachments reads back equal", () => {
  const xml = writeEdxmlDocument(DOCUMENT);
  const back = readDocument(xml);
  assert.deepEqual(back.warnings, []);
  assert.equal(back.signature, null);
  assert.deepEqual(modelOf(back), DOCUMENT);
  assert.deepEqual(
    back.attachments.map((a) => a.size),
    [PDF_BYTES.length, BINARY.length],
  );
  // Text with & and < survives; everything is NFC.
  assert.equal(back.subject, DOCUMENT.subject);
  assert.match(xml, /&amp; báo cáo &lt;trước&gt;/);
});

test("written packages pass the structural check, with no warning", () => {
  for (const xml of [
    writeEdxmlDocument(DOCUMENT),
    writeEdxmlDocument({
      ...DOCUMENT,
      attachments: [],
      responseFor: [],
      business: null,
      traces: [],
    }),
    ...Object.entries(EDXML_STATUS_CODES).map(([code, name]) =>
      writeEdxmlStatus(status(code, name)),
    ),
  ]) {
    const report = checkEdxmlStructure(xml);
    assert.deepEqual([report.problems, report.warnings], [[], []], xml.slice(0, 400));
    assert.equal(report.ok, true);
  }
});

test("the written shape: edXML: prefixes in the envelope, AttachmentEncoded beside it as in use", () => {
  const xml = writeEdxmlDocument(DOCUMENT);
  const lines = xml.split("\n").map((l) => l.trim());
  assert.equal(lines[0], '<?xml version="1.0" encoding="UTF-8"?>');
  assert.equal(lines[1], `<edXML xmlns="${EDXML_NS}">`);
  assert.equal(lines[2], `<edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}">`);
  const envelope = xml.slice(
    xml.indexOf("<edXML:edXMLEnvelope"),
    xml.indexOf("</edXML:edXMLEnvelope>"),
  );
  const tags = [...envelope.matchAll(/<\/?([A-Za-z:]+)/g)].map((m) => m[1]!);
  assert.ok(tags.length > 100);
  assert.deepEqual(
    tags.filter((t) => !t.startsWith("edXML:")),
    [],
  );
  // Element order of the packages in use.
  const order = [
    "edXML:From",
    "edXML:To",
    "edXML:DocumentId",
    "edXML:Code",
    "edXML:PromulgationInfo",
    "edXML:DocumentType",
    "edXML:Subject",
    "edXML:Content",
    "edXML:SignerInfo",
    "edXML:DueDate",
    "edXML:OtherInfo",
    "edXML:ResponseFor",
    "edXML:SteeringType",
    "edXML:ToPlaces",
  ];
  const at = order.map((t) => envelope.indexOf(`<${t}>`));
  assert.deepEqual(
    [...at].sort((a, b) => a - b),
    at,
  );
  const encoded = xml.slice(xml.indexOf("</edXML:edXMLEnvelope>"));
  assert.match(
    encoded,
    /<AttachmentEncoded>\s*<Attachment>\s*<ContentId>cid:[^<]+<\/ContentId>\s*<AttachmentName>1234-UBND-KGVX\.pdf<\/AttachmentName>\s*<Description>[^<]+<\/Description>\s*<ContentType>application\/pdf<\/ContentType>\s*<edXML:ContentTransferEncoded xmlns:edXML="http:\/\/www\.mic\.gov\.vn\/TBT\/QCVN_102_2016">([A-Za-z0-9+/=]+)<\/edXML:ContentTransferEncoded>/,
  );
  // The base64 decodes to the attached bytes.
  const encodedTexts = [...xml.matchAll(/<edXML:ContentTransferEncoded[^>]*>([^<]*)</g)].map(
    (m) => new Uint8Array(Buffer.from(m[1]!, "base64")),
  );
  assert.deepEqual(encodedTexts, [PDF_BYTES, BINARY]);
});

test("status packages of every code read back equal", () => {
  for (const [code, name] of Object.entries(EDXML_STATUS_CODES)) {
    const model = status(code, `${name}: ghi chú của văn thư`);
    const back = readEdxml(Buffer.from(writeEdxmlStatus(model))) as EdxmlStatus;
    assert.equal(back.kind, "status");
    const { kind: _k, warnings, signature, ...fields } = back;
    assert.deepEqual(warnings, []);
    assert.equal(signature, null);
    assert.deepEqual(fields, model);
  }
});

test("statusFor answers a DocumentId; the JSON line keeps the issue's names", () => {
  const now = new Date("2026-12-01T02:03:04Z");
  const model = statusFor({ documentId: DOCUMENT.documentId!, code: "03", from: STTTT, now });
  assert.deepEqual(model.responseFor, {
    organId: "000.00.00.H99",
    code: "1234/UBND-KGVX",
    promulgationDate: "2026/11/28",
    documentId: "000.00.00.H99,2026/11/28,1234/UBND-KGVX",
  });
  assert.equal(model.timestamp, "2026/12/01 09:03:04");
  const back = readEdxml(Buffer.from(writeEdxmlStatus(model))) as EdxmlStatus;
  const json = edxmlJson(back);
  assert.deepEqual(Object.keys(json).slice(0, 7), [
    "kind",
    "statusCode",
    "responseFor",
    "from",
    "timestamp",
    "timestampAsWritten",
    "description",
  ]);
  assert.equal(json.timestamp, "2026-12-01T09:03:04+07:00");
  assert.equal(json.statusCode, "03");
  // A UUID DocumentId: nothing is derived from it; the receiver comes from `to`.
  const uuid = statusFor({
    documentId: "5d1f0a3c-7e2b-4c9a-8f10-2a6b3c4d5e6f",
    code: "02",
    from: STTTT,
    to: "000.00.00.H99",
    now,
  });
  assert.deepEqual(uuid.responseFor, {
    organId: "000.00.00.H99",
    code: null,
    promulgationDate: null,
    documentId: "5d1f0a3c-7e2b-4c9a-8f10-2a6b3c4d5e6f",
  });
});

test("the document JSON line: the issue's field names, ISO date, businessType a number, bytes decoded", () => {
  const json = edxmlJson(readDocument(writeEdxmlDocument(DOCUMENT)));
  const names = ["kind", "documentId", "from", "to", "reference", "number", "symbol", "date"];
  assert.deepEqual(Object.keys(json).slice(0, names.length), names);
  for (const name of [
    "place",
    "type",
    "subject",
    "signer",
    "dueDate",
    "steeringType",
    "businessType",
    "attachments",
    "warnings",
  ])
    assert.ok(name in json, name);
  assert.equal(json.reference, "1234/UBND-KGVX");
  assert.equal(json.date, "2026-11-28");
  assert.deepEqual(json.type, { code: "CV", name: "Công văn", edxmlType: "1", typeDetail: "0" });
  assert.equal(json.businessType, 3);
  assert.equal(json.dueDate, "2026-12-15");
  assert.deepEqual(
    (json.to as Array<{ organId: string }>).map((t) => t.organId),
    ["000.00.21.H99", "000.00.22.H99", "000.00.00.G99"],
  );
  assert.deepEqual(json.attachments, [
    {
      contentId: "cid:0b6c2d1e-0001-4a5b-9c8d-000000000001",
      name: "1234-UBND-KGVX.pdf",
      contentType: "application/pdf",
      bytes: PDF_BYTES.length,
      description: "Công văn 1234/UBND-KGVX (bản ký số)",
    },
    {
      contentId: "cid:0b6c2d1e-0001-4a5b-9c8d-000000000002",
      name: "Phụ lục.bin",
      contentType: "application/octet-stream",
      bytes: BINARY.length,
      description: null,
    },
  ]);
});

test("a package made from a document's parse carries its header", () => {
  const text = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH CAO NGUYÊN",
    "Số: 88/UBND-VX",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Cao Nguyên, ngày 05 tháng 11 năm 2026",
    "V/v tăng cường an toàn thông tin",
    "Kính gửi: Các sở, ban, ngành tỉnh.",
    "Ủy ban nhân dân tỉnh đề nghị các cơ quan tăng cường an toàn thông tin.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Trần Thị Mai Lan",
  ].join("\n");
  const parsed = parseDocument(text);
  const model = documentFromParsed(parsed, {
    from: organ("000.00.00.H99"),
    to: [organ("000.00.21.H99", "Sở Thông tin và Truyền thông"), organ("000.00.22.H99")],
    attachments: [
      {
        contentId: "cid:1",
        name: "88.txt",
        contentType: "text/plain",
        description: null,
        bytes: new TextEncoder().encode(text),
      },
    ],
    now: new Date("2026-11-05T01:00:00Z"),
  });
  const back = readDocument(writeEdxmlDocument(model));
  assert.equal(back.documentId, "000.00.00.H99,2026/11/05,88/UBND-VX");
  assert.deepEqual(back.code, { codeNumber: "88", codeNotation: "UBND-VX" });
  assert.deepEqual(back.promulgation, {
    place: "Cao Nguyên",
    date: "2026/11/05",
    dateIso: "2026-11-05",
  });
  assert.equal(back.subject, "tăng cường an toàn thông tin");
  // The sender's name, not given, is the issuer the parser read.
  assert.equal(back.from?.organName, "Ủy ban nhân dân tỉnh Cao Nguyên");
  assert.deepEqual(back.signer, {
    competence: "KT. CHỦ TỊCH",
    position: "PHÓ CHỦ TỊCH",
    fullName: "Trần Thị Mai Lan",
  });
  assert.equal(back.business?.docType, 0);
  assert.deepEqual(back.traces, [
    {
      organId: "000.00.00.H99",
      timestamp: "2026/11/05 08:00:00",
      timestampIso: "2026-11-05T08:00:00+07:00",
    },
  ]);
  assert.equal(back.to[0]!.organName, "Sở Thông tin và Truyền thông");
  assert.ok(checkEdxmlStructure(writeEdxmlDocument(model)).ok);
});

test("dates: as written, ISO only when real", () => {
  const cases: Array<[string | null, unknown]> = [
    ["2018/09/28", { kind: "date", iso: "2018-09-28" }],
    ["2018/09/28 17:25:11", { kind: "date", iso: "2018-09-28T17:25:11+07:00" }],
    ["2016/02/29", { kind: "date", iso: "2016-02-29" }],
    ["2014/02/30", { kind: "impossible" }],
    ["2015/13/01", { kind: "impossible" }],
    ["2018/09/28 25:00:00", { kind: "impossible" }],
    ["28/09/2018", { kind: "unreadable" }],
    ["", { kind: "empty" }],
    [null, { kind: "empty" }],
  ];
  for (const [text, expected] of cases)
    assert.deepEqual(readEdxmlDate(text), expected, String(text));
  assert.equal(edxmlDate("2026-12-03"), "2026/12/03");
  assert.equal(edxmlTimestamp(new Date("2026-12-03T17:30:00Z")), "2026/12/04 00:30:00");
});

test("the invented package of quirks reads, each quirk a warning", () => {
  const bytes = readFileSync(new URL("./fixtures/quirks.edxml", import.meta.url));
  const d = readEdxml(bytes) as EdxmlDocument;
  assert.equal(d.kind, "document");
  assert.deepEqual(
    d.warnings.map((w) => w.code),
    [
      "EDXML_UNCLOSED_ELEMENT",
      "EDXML_UNBOUND_PREFIX",
      "EDXML_IMPOSSIBLE_DATE",
      "EDXML_ATTACHMENT_PLACEHOLDER",
      "EDXML_SIGNATURE_CERTIFICATE_UNREADABLE",
    ],
  );
  // From inside From, never closed; the To after it are read as To.
  assert.equal(d.from?.organId, "000.00.21.H99");
  assert.deepEqual(
    d.to.map((t) => t.organId),
    ["000.00.00.H99", "000.00.22.H99"],
  );
  assert.deepEqual(d.promulgation, { place: "Cao Nguyên", date: "2026/02/30", dateIso: null });
  assert.equal(d.dueDateIso, "2026-12-31T17:00:00+07:00");
  assert.deepEqual(d.responseFor, []);
  assert.equal(d.documentId, "5d1f0a3c-7e2b-4c9a-8f10-2a6b3c4d5e6f");
  assert.equal(d.business?.documentId, "000.00.21.H99,2026/02/30,45/STTTT-BCVT");
  // The manifest gives the description, the attachment the content type; the placeholder has no bytes.
  assert.deepEqual(
    d.attachments.map((a) => [a.name, a.contentType, a.description, a.size]),
    [
      ["45-STTTT-BCVT.pdf", "application/pdf", "Báo cáo", 21],
      ["phu-luc.pdf", "application/pdf", null, null],
    ],
  );
  assert.equal(Buffer.from(d.attachments[0]!.bytes!).toString("latin1").slice(0, 8), "%PDF-1.4");
  assert.deepEqual(d.signature, {
    namespace: "none",
    signatureMethod: "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
    digestMethod: "http://www.w3.org/2000/09/xmldsig#sha1",
    subjectName: "CN=Van thu So TTTT",
    certificate: null,
    verified: "unverified",
    reason: "SIGNATURE_NO_NAMESPACE",
    detail:
      "Signature is written without http://www.w3.org/2000/09/xmldsig# (it falls in http://www.mic.gov.vn/TBT/QCVN_102_2016).",
  });
  const report = checkEdxmlStructure(bytes);
  assert.equal(report.ok, true);
  assert.deepEqual(
    report.warnings.map((w) => w.code),
    [
      "STRUCT_UNCLOSED",
      "STRUCT_UNBOUND_PREFIX",
      "STRUCT_PREFIXED_ATTACHMENT",
      "STRUCT_PLACEHOLDER",
    ],
  );
});

test("the structural check fails what receivers in use reject", () => {
  const good = writeEdxmlDocument(DOCUMENT);
  const cases: Array<[string, string, string]> = [
    // A DOM serializer drops the prefix of elements in the default namespace.
    ["unprefixed header", good.replaceAll("edXML:MessageHeader", "MessageHeader"), "STRUCT_PREFIX"],
    [
      "Subject before Code",
      good.replace(
        /(<edXML:Code>[\s\S]*?<\/edXML:Code>)([\s\S]*?)(<edXML:Subject>[^<]*<\/edXML:Subject>)/,
        "$3$2$1",
      ),
      "STRUCT_ORDER",
    ],
    ["no namespace", good.replace(`<edXML xmlns="${EDXML_NS}">`, "<edXML>"), "STRUCT_NAMESPACE"],
    [
      "bad base64",
      good.replace(/(<edXML:ContentTransferEncoded[^>]*>)[A-Za-z0-9+/=]+/, "$1QUJD="),
      "STRUCT_BASE64",
    ],
    [
      "manifest without attachment",
      good.replace("cid:0b6c2d1e-0001-4a5b-9c8d-000000000002</ContentId>", "cid:other</ContentId>"),
      "STRUCT_MANIFEST",
    ],
    ["no Subject", good.replace(/<edXML:Subject>[^<]*<\/edXML:Subject>/, ""), "STRUCT_MISSING"],
    ["malformed", good.slice(0, 500), "STRUCT_UNREADABLE"],
  ];
  for (const [name, xml, code] of cases) {
    const report = checkEdxmlStructure(xml);
    assert.equal(report.ok, false, name);
    assert.ok(
      report.problems.some((p) => p.code === code),
      `${name}: ${JSON.stringify(report.problems)}`,
    );
  }
});

test("UBND fixture is NFC and the organ defaults are empty", () => {
  assert.equal(UBND.organName, UBND.organName!.normalize("NFC"));
  assert.deepEqual(organ("000.00.00.H99"), {
    organId: "000.00.00.H99",
    organizationInCharge: null,
    organName: null,
    organAdd: null,
    email: null,
    telephone: null,
    fax: null,
    website: null,
  });
});
