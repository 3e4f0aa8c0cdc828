/**
 * XML signatures over packages: signEdxml writes one in its namespace in the header, readEdxml
 * checks it (valid, unknown-chain, invalid-certificate, invalid, unverified with its reason), and
 * xmlsec1, an independent verifier, agrees (skipped with a message when it is not installed:
 * `apt-get install xmlsec1`).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  checkEdxmlStructure,
  EdxmlSignError,
  edxmlSignatureVi,
  readEdxml,
  signEdxml,
  writeEdxmlDocument,
  writeEdxmlStatus,
  type EdxmlDocument,
  type EdxmlPackage,
} from "@vanthu/edxml";
import { createDevelopmentPki, Pkcs12Signer, type Signer } from "@vanthu/signatures";
import { trustAnchorsFrom } from "@vanthu/extract";
import { BINARY, DOCUMENT, PDF_BYTES, status, zipOf } from "./fixtures.ts";

const NOW = new Date();
const pki = await createDevelopmentPki({ now: NOW });
const other = await createDevelopmentPki({ name: "Another Root", now: NOW });
const agency = await pki.agency({ name: "UBND tỉnh Cao Nguyên", password: "mat-khau" });
const signer: Signer = Pkcs12Signer.open(agency.p12, "mat-khau");
const anchors = trustAnchorsFrom(new TextEncoder().encode(pki.rootPem));
const otherAnchors = trustAnchorsFrom(new TextEncoder().encode(other.rootPem));

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");
const bytesOf = (s: string) => new TextEncoder().encode(s);
const documentBytes = bytesOf(writeEdxmlDocument(DOCUMENT));
const statusBytes = bytesOf(writeEdxmlStatus(status("03", "Đã vào sổ")));
const signedDocument = await signEdxml(documentBytes, signer);
const signedStatus = await signEdxml(statusBytes, signer);

function read(bytes: Uint8Array, options: Parameters<typeof readEdxml>[2] = {}): EdxmlPackage {
  const r = readEdxml(bytes, {}, options);
  assert.notEqual(r.kind, "problem", JSON.stringify(r));
  return r as EdxmlPackage;
}

test("a signed package keeps the edXML shape: the signature in its namespace, last in the header", () => {
  for (const signed of [signedDocument, signedStatus]) {
    const report = checkEdxmlStructure(signed);
    assert.deepEqual(report.problems, []);
    const xml = text(signed);
    assert.match(
      xml,
      /<\/edXML:(TraceHeaderList|MessageHeader)>\n {6}<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">/,
    );
    assert.match(xml, /<\/Signature>\n {4}<\/edXML:edXMLHeader>/);
    // Nothing else changed: the package is the unsigned one with the signature inserted.
    const start = xml.indexOf("      <Signature");
    const end = xml.indexOf("</Signature>\n") + "</Signature>\n".length;
    const unsigned = text(signed === signedDocument ? documentBytes : statusBytes);
    assert.equal(xml.slice(0, start) + xml.slice(end), unsigned);
  }
  // The fields read as before.
  const d = read(signedDocument) as EdxmlDocument;
  assert.equal(d.subject, DOCUMENT.subject);
  assert.deepEqual(d.warnings, []);
});

const replaceOnce = (bytes: Uint8Array, from: string | RegExp, to: string) => {
  const s = text(bytes);
  const out = s.replace(from, to);
  assert.notEqual(out, s, `${String(from)} is in the package`);
  return bytesOf(out);
};

const CASES: Array<{
  name: string;
  bytes: () => Uint8Array;
  options?: Parameters<typeof readEdxml>[2];
  verified: string;
  reason: string | null;
  detail?: RegExp;
}> = [
  {
    name: "document, its root trusted",
    bytes: () => signedDocument,
    options: { trustAnchors: anchors },
    verified: "valid",
    reason: null,
  },
  {
    name: "status, its root trusted",
    bytes: () => signedStatus,
    options: { trustAnchors: anchors },
    verified: "valid",
    reason: null,
  },
  {
    name: "no trust anchors",
    bytes: () => signedDocument,
    verified: "unknown-chain",
    reason: "CERTIFICATE_UNKNOWN_ISSUER",
  },
  {
    name: "another root trusted",
    bytes: () => signedDocument,
    options: { trustAnchors: otherAnchors },
    verified: "unknown-chain",
    reason: "CERTIFICATE_UNKNOWN_ISSUER",
  },
  {
    name: "read after the certificate expired",
    bytes: () => signedDocument,
    options: { trustAnchors: anchors, now: new Date(NOW.getTime() + 4 * 365 * 86_400_000) },
    verified: "invalid-certificate",
    reason: "CERTIFICATE_NOT_VALID_NOW",
  },
  {
    name: "one byte of the subject changed",
    bytes: () => replaceOnce(signedDocument, "<edXML:Subject>", "<edXML:Subject>X"),
    options: { trustAnchors: anchors },
    verified: "invalid",
    reason: "SIGNATURE_DIGEST_MISMATCH",
  },
  {
    name: "an attachment's byte changed",
    bytes: () => {
      const s = text(signedDocument);
      const open = s.indexOf(">", s.indexOf("<edXML:ContentTransferEncoded")) + 1;
      const at = open + 8;
      assert.notEqual(s[at], "<");
      return bytesOf(s.slice(0, at) + (s[at] === "A" ? "B" : "A") + s.slice(at + 1));
    },
    options: { trustAnchors: anchors },
    verified: "invalid",
    reason: "SIGNATURE_DIGEST_MISMATCH",
  },
  {
    name: "the signature value changed",
    bytes: () => replaceOnce(signedDocument, /<SignatureValue>(.)/, "<SignatureValue>$1A"),
    options: { trustAnchors: anchors },
    verified: "invalid",
    reason: "SIGNATURE_VALUE_MISMATCH",
  },
  {
    name: "written without its namespace",
    bytes: () => replaceOnce(signedDocument, ' xmlns="http://www.w3.org/2000/09/xmldsig#"', ""),
    options: { trustAnchors: anchors },
    verified: "unverified",
    reason: "SIGNATURE_NO_NAMESPACE",
  },
  {
    name: "its certificate cut short",
    bytes: () =>
      replaceOnce(signedDocument, /<X509Certificate>(.{12})[^<]*/, "<X509Certificate>$1"),
    options: { trustAnchors: anchors },
    verified: "unverified",
    reason: "SIGNATURE_CERTIFICATE_UNREADABLE",
  },
  {
    name: "no certificate",
    bytes: () => replaceOnce(signedDocument, /<KeyInfo>[\s\S]*<\/KeyInfo>/, "<KeyInfo></KeyInfo>"),
    options: { trustAnchors: anchors },
    verified: "unverified",
    reason: "SIGNATURE_NO_CERTIFICATE",
  },
  {
    name: "an algorithm not supported",
    bytes: () => replaceOnce(signedDocument, "xmldsig-more#rsa-sha256", "xmldsig-more#rsa-sha384"),
    options: { trustAnchors: anchors },
    verified: "unverified",
    reason: "SIGNATURE_UNSUPPORTED_ALGORITHM",
    detail: /SignatureMethod http:\/\/www\.w3\.org\/2001\/04\/xmldsig-more#rsa-sha384/,
  },
  {
    name: "a reference to part of the package",
    bytes: () => replaceOnce(signedDocument, '<Reference URI="">', '<Reference URI="#header">'),
    options: { trustAnchors: anchors },
    verified: "unverified",
    reason: "SIGNATURE_PARTIAL_REFERENCE",
  },
  {
    name: "an undeclared prefix added (no canonical form)",
    bytes: () => replaceOnce(signedDocument, "<edXML:Subject>", '<edXML:Subject x:y="1">'),
    options: { trustAnchors: anchors },
    verified: "unverified",
    reason: "SIGNATURE_NOT_CANONICAL",
  },
  {
    name: "larger than the size checked",
    bytes: () => signedDocument,
    options: { trustAnchors: anchors },
    verified: "unverified",
    reason: "SIGNATURE_TOO_LARGE",
  },
];

for (const c of CASES) {
  test(`signature: ${c.name}: ${c.verified}${c.reason ? ` (${c.reason})` : ""}`, () => {
    const limits = c.reason === "SIGNATURE_TOO_LARGE" ? { maxVerifyBytes: 1000 } : {};
    const r = readEdxml(c.bytes(), limits, c.options ?? {});
    assert.notEqual(r.kind, "problem", "a signature never refuses a package");
    const s = (r as EdxmlPackage).signature;
    assert.ok(s);
    assert.equal(s.verified, c.verified, `${s.reason}: ${s.detail}`);
    assert.equal(s.reason, c.reason);
    if (c.detail) assert.match(s.detail ?? "", c.detail);
    assert.ok(edxmlSignatureVi(s.reason).length > 10);
  });
}

test("a signed package inside an attachment is checked too", async () => {
  const zipped = await zipOf("goc.edxml", signedStatus);
  const outer = bytesOf(
    writeEdxmlDocument({
      ...DOCUMENT,
      attachments: [{ ...DOCUMENT.attachments[0]!, name: "goc.zip", bytes: zipped }],
    }),
  );
  const d = read(await signEdxml(outer, signer), { trustAnchors: anchors }) as EdxmlDocument;
  assert.equal(d.signature?.verified, "valid");
  assert.equal(d.attachments[0]!.package?.signature?.verified, "valid");
});

test("signing refuses what it cannot sign, with a stable code", async () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ["already signed", signedDocument, "EDXML_SIGN_ALREADY_SIGNED"],
    ["not a package", PDF_BYTES, "EDXML_SIGN_NOT_EDXML"],
    ["not UTF-8", BINARY, "EDXML_SIGN_NOT_EDXML"],
    [
      "no header",
      bytesOf(`<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>`),
      "EDXML_SIGN_NOT_EDXML",
    ],
  ];
  for (const [name, bytes, code] of cases)
    await assert.rejects(
      signEdxml(bytes, signer),
      (e: unknown) => e instanceof EdxmlSignError && e.code === code,
      name,
    );
  const empty: Signer = { interactive: false, certificates: async () => [], sign: signer.sign };
  await assert.rejects(
    signEdxml(documentBytes, empty),
    (e: unknown) => e instanceof EdxmlSignError && e.code === "EDXML_SIGN_NO_CERTIFICATE",
  );
});

const xmlsec = spawnSync("xmlsec1", ["--version"]).status === 0;

test(
  "xmlsec1 verifies vanthu's signed packages, and finds a changed subject invalid as vanthu does",
  { skip: xmlsec ? false : "xmlsec1 is not installed (apt-get install xmlsec1)" },
  () => {
    const dir = mkdtempSync(join(tmpdir(), "vanthu-xmldsig-"));
    try {
      const root = join(dir, "root.pem");
      writeFileSync(root, pki.rootPem);
      const verify = (name: string, bytes: Uint8Array) => {
        const file = join(dir, name);
        writeFileSync(file, bytes);
        return spawnSync("xmlsec1", ["--verify", "--trusted-pem", root, file], {
          encoding: "utf8",
        });
      };
      for (const [name, bytes] of [
        ["document.edxml", signedDocument],
        ["status.edxml", signedStatus],
      ] as const) {
        const ok = verify(name, bytes);
        assert.equal(ok.status, 0, ok.stderr);
        assert.match(ok.stderr, /^OK$/m);
      }
      const changed = replaceOnce(signedDocument, "<edXML:Subject>", "<edXML:Subject>X");
      const bad = verify("changed.edxml", changed);
      assert.notEqual(bad.status, 0);
      assert.match(bad.stderr, /data and digest do not match/);
      assert.equal(read(changed, { trustAnchors: anchors }).signature?.verified, "invalid");
      // Without the root, xmlsec1 cannot trust the chain; vanthu says unknown-chain.
      const file = join(dir, "document.edxml");
      const untrusted = spawnSync("xmlsec1", ["--verify", file], { encoding: "utf8" });
      assert.notEqual(untrusted.status, 0);
      assert.equal(read(signedDocument).signature?.verified, "unknown-chain");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
