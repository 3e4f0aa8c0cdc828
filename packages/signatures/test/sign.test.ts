/**
 * Signing at issuing: a draft rendered by @vanthu/render, signed by the leader (a person's
 * PKCS#12), stamped with its number and date, then signed by the agency; pdfsig (poppler) is the
 * independent verifier. With a local timestamp authority the agency's signature is PAdES B-T
 * (openssl verifies the token: pdfsig 22 does not report timestamps).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { promisify } from "node:util";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extractText, parseExtracted } from "@vanthu/extract";
import { issueStamps, Pkcs12Signer, SignError, signPdf, stampText } from "../src/index.ts";
import {
  AGENCY,
  hasTool,
  pdfsig,
  PERSON,
  renderDraft,
  startTsa,
  testPki,
} from "./sign-fixtures.ts";

const run = promisify(execFile);
const PDFSIG = hasTool("pdfsig");

/** The CMS of the n-th signature (by /Contents order in the file). */
function cmsOf(pdf: Uint8Array, n: number): pkijs.SignedData {
  const text = Buffer.from(pdf).toString("latin1");
  const all = [...text.matchAll(/\/ByteRange \[[^\]]*\] *\/Contents <([0-9a-f]+)>/g)];
  // The reservation's zeros after the DER are left to the parser (it reads the lengths).
  const der = new Uint8Array(Buffer.from(all[n]![1]!, "hex"));
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(der).result });
  return new pkijs.SignedData({ schema: info.content });
}

async function issue(options: { tsaUrl?: string } = {}) {
  const pki = await testPki();
  const leader = await pki.person({ ...PERSON, password: "lãnh đạo" });
  const agency = await pki.agency({ name: AGENCY, password: "văn thư" });
  const { pdf, placements: pl } = renderDraft();
  const signed = await signPdf(pdf, Pkcs12Signer.open(leader.p12, "lãnh đạo"), {
    signingTime: new Date("2026-12-02T02:00:00Z"),
  });
  const stamped = stampText(
    signed,
    issueStamps(pl, { number: "1234", day: 2, month: 12, year: 2026 }),
  );
  const issued = await signPdf(stamped, Pkcs12Signer.open(agency.p12, "văn thư"), {
    signingTime: new Date("2026-12-02T03:00:00Z"),
    ...options,
  });
  return { pdf, signed, stamped, issued };
}

describe("sign, stamp, sign", () => {
  it("keeps every earlier byte: each step appends to the one before", async () => {
    const { pdf, signed, stamped, issued } = await issue();
    for (const [before, after] of [
      [pdf, signed],
      [signed, stamped],
      [stamped, issued],
    ] as const) {
      assert.ok(after.length > before.length);
      assert.deepEqual(Buffer.from(after.subarray(0, before.length)), Buffer.from(before));
    }
    // The stamped text is in the file as annotations with their appearance.
    assert.equal(
      [
        ...Buffer.from(stamped)
          .toString("latin1")
          .matchAll(/\/Subtype \/FreeText/g),
      ].length,
      4,
    );
  });

  it("pdfsig: two valid signatures, the agency's over the whole file", async (t) => {
    if (!PDFSIG) return t.skip("pdfsig (poppler-utils) is not installed");
    const { issued } = await issue();
    const sigs = await pdfsig(issued);
    assert.equal(sigs.length, 2);
    const [leader, agency] = sigs as [Record<string, string>, Record<string, string>];
    assert.equal(leader["Signer Certificate Common Name"], PERSON.name);
    assert.match(leader["Signer full Distinguished Name"]!, /OU=Văn phòng,CN=Vương Đình Quý/);
    assert.equal(agency["Signer Certificate Common Name"], AGENCY);
    for (const s of sigs) {
      assert.equal(s["Signature Validation"], "Signature is Valid.");
      assert.equal(s["Signature Type"], "ETSI.CAdES.detached");
      assert.equal(s["Signing Hash Algorithm"], "SHA-256");
    }
    // The leader's signature leaves later revisions (the stamp, the agency's signature) out.
    assert.ok("Not total document signed" in leader);
    assert.ok("Total document signed" in agency);
  });

  it("PAdES B-B: content-type, message-digest, signing-certificate-v2 and no signing-time", async () => {
    const { signed } = await issue();
    const attrs = cmsOf(signed, 0).signerInfos[0]!.signedAttrs!.attributes.map((a) => a.type);
    assert.deepEqual(attrs.sort(), [
      "1.2.840.113549.1.9.16.2.47",
      "1.2.840.113549.1.9.3",
      "1.2.840.113549.1.9.4",
    ]);
    assert.ok(!Buffer.from(signed).toString("latin1").includes("/SubFilter /adbe.pkcs7.detached"));
  });

  it("changing a signed byte breaks the signature for pdfsig", async (t) => {
    if (!PDFSIG) return t.skip("pdfsig (poppler-utils) is not installed");
    const { issued } = await issue();
    const broken = Buffer.from(issued);
    const at = broken.indexOf("/Title");
    broken[at + 1] = "t".charCodeAt(0);
    const sigs = await pdfsig(broken);
    assert.notEqual(sigs[0]!["Signature Validation"], "Signature is Valid.");
  });

  it("PAdES B-T: the agency's signature carries a timestamp over its value that openssl verifies", async (t) => {
    const tsa = await startTsa();
    if (!tsa) return t.skip("openssl is not installed: no local timestamp authority");
    const dir = mkdtempSync(join(tmpdir(), "vanthu-ts-"));
    try {
      const { issued } = await issue({ tsaUrl: tsa.url });
      if (PDFSIG) {
        const sigs = await pdfsig(issued);
        assert.equal(sigs[1]!["Signature Validation"], "Signature is Valid.");
      }
      const info = cmsOf(issued, 1).signerInfos[0]!;
      const token = info.unsignedAttrs?.attributes.find(
        (a) => a.type === "1.2.840.113549.1.9.16.2.14",
      );
      assert.ok(token, "no timestamp token");
      writeFileSync(join(dir, "token.der"), Buffer.from(token.values[0]!.toBER()));
      writeFileSync(join(dir, "root.pem"), tsa.rootPem);
      writeFileSync(join(dir, "tsa.pem"), tsa.certificatePem);
      const digest = createHash("sha256")
        .update(Buffer.from(info.signature.valueBlock.valueHexView))
        .digest("hex");
      const { stdout } = await run("openssl", [
        "ts",
        "-verify",
        "-digest",
        digest,
        "-in",
        join(dir, "token.der"),
        "-token_in",
        "-CAfile",
        join(dir, "root.pem"),
        "-untrusted",
        join(dir, "tsa.pem"),
      ]);
      assert.match(stdout, /Verification: OK/);
      // The leader's signature has none.
      assert.equal(cmsOf(issued, 0).signerInfos[0]!.unsignedAttrs, undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await tsa.close();
    }
  });

  it("vanthu reads the stamped number and date back from the issued PDF", async () => {
    const { issued } = await issue();
    const extracted = await extractText(issued, "issued.pdf");
    assert.match(extracted.text, /Số: 1234\/QĐ-UBND/);
    const [doc] = parseExtracted(extracted).documents;
    assert.equal(doc!.reference, "1234/QĐ-UBND");
    assert.equal(doc!.date, "2026-12-02");
    // Drawn by a revision after the leader's signature, as extract tells a clerk.
    assert.equal(doc!.fieldSources.reference?.source, "revision");
    assert.equal(doc!.fieldSources.date?.source, "revision");
    assert.equal(doc!.fieldSources.signerName?.source, "text");
  });
});

describe("signing errors", () => {
  const expectCode = (code: string) => (e: unknown) => {
    assert.ok(e instanceof SignError, String(e));
    assert.equal(e.code, code);
    return true;
  };

  it("a timestamp authority that does not answer: TSA_TIMEOUT", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const { port } = silent.address() as AddressInfo;
      const id = await (await testPki()).agency({ name: AGENCY, password: "p" });
      await assert.rejects(
        signPdf(renderDraft().pdf, Pkcs12Signer.open(id.p12, "p"), {
          tsaUrl: `http://127.0.0.1:${port}/`,
          tsaTimeoutMs: 100,
        }),
        expectCode("TSA_TIMEOUT"),
      );
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("bytes that are no PDF: PDF_NOT_SIGNABLE", async () => {
    const id = await (await testPki()).agency({ name: AGENCY, password: "p" });
    await assert.rejects(
      signPdf(new TextEncoder().encode("%PDF-1.7\nnot really"), Pkcs12Signer.open(id.p12, "p")),
      expectCode("PDF_NOT_SIGNABLE"),
    );
  });

  it("too little room reserved: SIGNATURE_TOO_LARGE", async () => {
    const id = await (await testPki()).agency({ name: AGENCY, password: "p" });
    await assert.rejects(
      signPdf(renderDraft().pdf, Pkcs12Signer.open(id.p12, "p"), { reserve: 512 }),
      expectCode("SIGNATURE_TOO_LARGE"),
    );
  });

  it("no blank to stamp: STAMP_NOTHING_TO_DRAW", () => {
    assert.throws(() => stampText(renderDraft().pdf, []), expectCode("STAMP_NOTHING_TO_DRAW"));
  });

  it("issueStamps writes the number and date as ND30 prints them", () => {
    const { placements } = renderDraft();
    const texts = (n: string, d: number, m: number) =>
      issueStamps(placements, { number: n, day: d, month: m, year: 2026 }).map((p) => p.text);
    assert.deepEqual(texts("7", 5, 2), ["07", "05", "02", "2026"]);
    assert.deepEqual(texts("123", 15, 3), ["123", "15", "3", "2026"]);
    assert.equal(
      issueStamps(placements, { number: "7", day: 5, month: 2, year: 2026 })[0]!.align,
      "right",
    );
  });
});
