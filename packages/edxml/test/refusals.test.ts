/**
 * What the reader refuses, each with its stable code and the element path, never by throwing:
 * malformed XML, a DOCTYPE or an entity, packages or attachments over the limits, a wrong
 * namespace, a package nested too deep inside attachments. A package inside an attachment
 * (a .doc that is really a zip holding one) is read, down to the depth limit.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  EDXML_NS,
  EDXML_PROBLEM_CODES,
  edxmlMessageVi,
  readEdxml,
  writeEdxmlDocument,
  type EdxmlDocument,
  type EdxmlDocumentModel,
} from "@vanthu/edxml";
import { BINARY, DOCUMENT, PDF_BYTES, zipOf } from "./fixtures.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const GOOD = writeEdxmlDocument(DOCUMENT);

/** A package carrying `bytes` as its one attachment, named like the .doc of the packages in use. */
function carrying(bytes: Uint8Array, name = "van-ban.doc"): EdxmlDocumentModel {
  return {
    ...DOCUMENT,
    attachments: [
      { contentId: "cid:209", name, contentType: "application/zip", description: name, bytes },
    ],
  };
}

/** A package inside a zip inside a package, `levels` times. */
async function nestedPackage(levels: number): Promise<Uint8Array> {
  let bytes: Uint8Array = utf8(writeEdxmlDocument(DOCUMENT));
  for (let i = 0; i < levels; i++)
    bytes = utf8(writeEdxmlDocument(carrying(await zipOf(`goi-${i}.edxml`, bytes))));
  return bytes;
}

const REFUSED: Array<[string, Uint8Array | string, string, string?]> = [
  ["empty", "", "EDXML_EMPTY"],
  ["malformed: cut short", GOOD.slice(0, GOOD.length / 2), "EDXML_MALFORMED"],
  ["malformed: not XML", "Công văn số 12, không phải XML", "EDXML_MALFORMED"],
  [
    "malformed: a close tag that closes nothing",
    `<edXML xmlns="${EDXML_NS}"></edXML:Khac></edXML>`,
    "EDXML_MALFORMED",
  ],
  [
    "DOCTYPE with an entity (billion laughs)",
    `<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><edXML xmlns="${EDXML_NS}">&b;</edXML>`,
    "EDXML_DOCTYPE",
  ],
  [
    "DOCTYPE with an external entity",
    `<?xml version="1.0"?><!DOCTYPE edXML SYSTEM "file:///etc/passwd"><edXML xmlns="${EDXML_NS}"/>`,
    "EDXML_DOCTYPE",
  ],
  [
    "an entity without DOCTYPE",
    GOOD.replace("<edXML:Subject>", "<edXML:Subject>&xxe;"),
    "EDXML_ENTITY",
    "/edXML/edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/edXML:Subject",
  ],
  ["not UTF-8", Uint8Array.from([0x3c, 0x65, 0xff, 0xfe, 0x00, 0xc3]), "EDXML_ENCODING"],
  [
    "another XML",
    `<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`,
    "EDXML_NOT_EDXML",
    "/html",
  ],
  [
    "wrong namespace",
    GOOD.replaceAll(EDXML_NS, "http://www.mic.gov.vn/TBT/QCVN_102_2015"),
    "EDXML_WRONG_NAMESPACE",
    "/edXML",
  ],
  ["no namespace", GOOD.replace(` xmlns="${EDXML_NS}"`, ""), "EDXML_WRONG_NAMESPACE", "/edXML"],
  [
    "the envelope in another namespace",
    GOOD.replace(
      `<edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}">`,
      `<edXML:edXMLEnvelope xmlns:edXML="urn:khac">`,
    ),
    "EDXML_WRONG_NAMESPACE",
    "/edXML/edXML:edXMLEnvelope",
  ],
  ["no envelope", `<edXML xmlns="${EDXML_NS}"><AttachmentEncoded/></edXML>`, "EDXML_NO_ENVELOPE"],
  [
    "no header",
    `<edXML xmlns="${EDXML_NS}"><edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}"><edXML:edXMLBody/></edXML:edXMLEnvelope></edXML>`,
    "EDXML_NO_HEADER",
  ],
  [
    "elements nested too deep",
    `<edXML xmlns="${EDXML_NS}">${"<a>".repeat(100)}${"</a>".repeat(100)}</edXML>`,
    "EDXML_TOO_COMPLEX",
  ],
];

for (const [name, input, code, path] of REFUSED) {
  test(`refused: ${name} → ${code}`, () => {
    const bytes = typeof input === "string" ? utf8(input) : input;
    const r = readEdxml(bytes);
    assert.equal(r.kind, "problem", JSON.stringify(r).slice(0, 300));
    if (r.kind !== "problem") return;
    assert.equal(r.code, code, r.message);
    if (path !== undefined) assert.equal(r.path, path);
    assert.ok(r.message.length > 10);
    assert.notEqual(edxmlMessageVi(r.code), r.code, "a Vietnamese message");
  });
}

test("limits: package bytes, attachment count, decoded attachment bytes", () => {
  const bytes = utf8(GOOD);
  const big = readEdxml(bytes, { maxPackageBytes: bytes.length - 1 });
  assert.deepEqual(big.kind === "problem" && [big.code, big.path], ["EDXML_TOO_LARGE", ""]);
  const many = readEdxml(bytes, { maxAttachments: 1 });
  assert.deepEqual(many.kind === "problem" && [many.code, many.path], [
    "EDXML_TOO_MANY_ATTACHMENTS",
    "/edXML/AttachmentEncoded",
  ]);
  const heavy = readEdxml(bytes, { maxAttachmentBytes: PDF_BYTES.length + BINARY.length - 1 });
  assert.deepEqual(heavy.kind === "problem" && [heavy.code, heavy.path], [
    "EDXML_ATTACHMENTS_TOO_LARGE",
    "/edXML/AttachmentEncoded/Attachment[2]/edXML:ContentTransferEncoded",
  ]);
  assert.equal(
    readEdxml(bytes, { maxAttachmentBytes: PDF_BYTES.length + BINARY.length }).kind,
    "document",
  );
});

test("a package inside a zip attachment is read; one level too deep is refused", async () => {
  const one = readEdxml(await nestedPackage(1)) as EdxmlDocument;
  assert.equal(one.kind, "document");
  const inner = one.attachments[0]!.package as EdxmlDocument;
  assert.equal(inner.kind, "document");
  assert.equal(inner.documentId, DOCUMENT.documentId);
  assert.deepEqual(inner.attachments[1]!.bytes, BINARY);
  // The default depth (2) reads two levels; three are refused, naming the attachment.
  assert.equal(readEdxml(await nestedPackage(2)).kind, "document");
  const deep = readEdxml(await nestedPackage(3));
  assert.equal(deep.kind, "problem");
  assert.equal(deep.kind === "problem" && deep.code, "EDXML_TOO_DEEP");
  assert.match(
    deep.kind === "problem" ? deep.path : "",
    /edXML:ContentTransferEncoded!\/edXML\/AttachmentEncoded/,
  );
  const shallow = readEdxml(await nestedPackage(1), { maxNesting: 0 });
  assert.equal(shallow.kind === "problem" && shallow.code, "EDXML_TOO_DEEP");
  // The decoded budget counts what the nested zip unpacks to.
  const outer = await nestedPackage(1);
  const zipSize = one.attachments[0]!.size!;
  const tight = readEdxml(outer, { maxAttachmentBytes: zipSize + 10 });
  assert.equal(tight.kind === "problem" && tight.code, "EDXML_ATTACHMENTS_TOO_LARGE");
});

test("an attachment that only looks like a package: a warning, the bytes kept", async () => {
  const broken = utf8('<?xml version="1.0"?><edXML xmlns="urn:khac"><x/></edXML>');
  const d = readEdxml(
    utf8(writeEdxmlDocument(carrying(await zipOf("a.edxml", broken)))),
  ) as EdxmlDocument;
  assert.equal(d.kind, "document");
  assert.equal(d.attachments[0]!.package, undefined);
  assert.ok(d.attachments[0]!.bytes!.length > 0);
  assert.deepEqual(
    d.warnings.map((w) => w.code),
    ["EDXML_NESTED_UNREADABLE"],
  );
  assert.match(d.warnings[0]!.message, /EDXML_WRONG_NAMESPACE/);
  // A plain XML attachment is no package; base64 without its padding still decodes.
  const text = '<?xml version="1.0" encoding="UTF-8"?><ghi-chu>Không phải gói</ghi-chu>';
  let note = utf8(text);
  while (note.length % 3 !== 1) note = utf8(`${new TextDecoder().decode(note)} `);
  const xml = writeEdxmlDocument(carrying(note, "ghi-chu.xml"));
  const unpadded = xml.replace(/(<edXML:ContentTransferEncoded[^>]*>[A-Za-z0-9+/]+)=+</, "$1<");
  assert.notEqual(unpadded, xml);
  const plainXml = readEdxml(utf8(unpadded)) as EdxmlDocument;
  assert.deepEqual(plainXml.warnings, []);
  assert.deepEqual(plainXml.attachments[0]!.bytes, note);
  // A real .docx (a zip of XML parts) is not taken for a package.
  const docx = await zipOf("word/document.xml", utf8("<w:document/>"));
  const plain = readEdxml(utf8(writeEdxmlDocument(carrying(docx, "a.docx")))) as EdxmlDocument;
  assert.deepEqual(plain.warnings, []);
});

test("long attachment texts (read past saxes): CRLF, a comment, a long placeholder, entities", () => {
  const big = Uint8Array.from({ length: 30_000 }, (_, i) => (i * 7) % 256);
  const xml = writeEdxmlDocument({
    ...DOCUMENT,
    attachments: [{ ...DOCUMENT.attachments[0]!, bytes: big }],
  });
  const b64 = Buffer.from(big).toString("base64");
  // Windows line ends and a commented-out copy of the attachment before the real one.
  const crlf = xml
    .replaceAll("\n", "\r\n")
    .replace(
      "<AttachmentEncoded>",
      `<!-- <edXML:ContentTransferEncoded>${b64}</edXML:ContentTransferEncoded> -->\r\n<AttachmentEncoded>`,
    );
  const d = readEdxml(utf8(crlf)) as EdxmlDocument;
  assert.equal(d.kind, "document");
  assert.deepEqual(d.attachments[0]!.bytes, big);
  assert.deepEqual(d.warnings, []);
  // A long text that is not base64 is a placeholder, not a file.
  const junk = readEdxml(utf8(xml.replace(b64, `\${${"x".repeat(6000)}}`))) as EdxmlDocument;
  assert.equal(junk.attachments[0]!.bytes, null);
  assert.deepEqual(
    junk.warnings.map((w) => w.code),
    ["EDXML_ATTACHMENT_PLACEHOLDER"],
  );
  // Base64 written with character references is read through saxes, and decodes the same.
  const ref = `&#${b64.charCodeAt(5000)};`;
  const referenced = xml.replace(b64, `${b64.slice(0, 5000)}${ref}${b64.slice(5001)}`);
  const r = readEdxml(utf8(referenced)) as EdxmlDocument;
  assert.equal(r.kind, "document");
  assert.deepEqual(r.attachments[0]!.bytes, big);
});

test("never throws: every cut of a package, and bytes flipped, give a package or a problem", () => {
  const bytes = utf8(GOOD);
  const codes = new Set<string>();
  for (let cut = 0; cut < bytes.length; cut += 97) {
    const r = readEdxml(bytes.subarray(0, cut));
    codes.add(r.kind === "problem" ? r.code : r.kind);
  }
  for (let at = 40; at < 4000; at += 53) {
    const copy = Uint8Array.from(bytes);
    copy[at] = 0x3c; // "<"
    const r = readEdxml(copy);
    codes.add(r.kind === "problem" ? r.code : r.kind);
  }
  for (const code of codes)
    assert.ok(["document", ...EDXML_PROBLEM_CODES].includes(code as never), code);
  assert.ok(codes.has("EDXML_MALFORMED"));
});
