/**
 * Signatures checked on what arrives (issue 16, ND30 Điều 21), on PGlite and PostgreSQL: a signed
 * PDF imported by hand is verified in the reader and its result kept; its issuer is unknown until
 * the installation admin trusts the root, then it is valid; a copy changed after signing is
 * registered only once the clerk acknowledges it, and the incoming register records both.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { testDatabaseKinds } from "@vanthu/db";
import { ReaderError } from "@vanthu/extract";
import { layoutDocument, parseDocument, type LayoutSource } from "@vanthu/core";
import { renderPdfSync } from "@vanthu/render";
import {
  createDevelopmentPki,
  Pkcs12Signer,
  signPdf,
  type DevelopmentPki,
} from "@vanthu/signatures";
import { startTestApp, type Client, type TestApp } from "./helpers.ts";

/** A Quyết định of another province, rendered and signed by its agency (CN=the agency). */
async function signedDecision(pki: DevelopmentPki, subjectNote: string): Promise<Uint8Array> {
  const text = readFileSync(
    new URL("../../../examples/03-quyet-dinh-ubnd.txt", import.meta.url),
    "utf8",
  );
  const doc = parseDocument(text);
  const pdf = renderPdfSync(
    layoutDocument({ ...doc, subject: `${doc.subject} ${subjectNote}` } as unknown as LayoutSource),
    {
      creationDate: new Date("2026-11-18T08:00:00Z"),
    },
  );
  const agency = await pki.agency({ name: "UBND tỉnh Cao Nguyên", password: "p" });
  return signPdf(pdf, Pkcs12Signer.open(agency.p12, "p"), {
    signingTime: new Date("2026-11-18T09:00:00Z"),
  });
}

/** The same file with one byte inside the signed range changed (the header's binary comment). */
function tampered(pdf: Uint8Array): Uint8Array {
  const copy = new Uint8Array(pdf);
  const at = copy.indexOf(0x0a) + 2; // the second line: "%" and four bytes over 127
  copy[at] = copy[at] === 0xe2 ? 0xe3 : 0xe2;
  return copy;
}

for (const kind of testDatabaseKinds()) {
  describe(`signatures of received PDFs on ${kind}`, () => {
    let t: TestApp;
    let pki: DevelopmentPki;
    let clerk: Client;
    before(async () => {
      t = await startTestApp(kind, "2026-11-20T09:00:00+07:00");
      pki = await createDevelopmentPki({
        name: "Cao Nguyên Test Root CA",
        now: new Date("2026-11-01T00:00:00Z"),
      });
      clerk = await t.login("baolangson.vanthu");
    });
    after(() => t.close());

    const importPdf = async (name: string, bytes: Uint8Array) => {
      const res = await clerk.upload("/api/documents/import", name, bytes);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.document.id as string;
    };

    test("a signed PDF: its signature is read; the issuer is unknown until the admin trusts the root", async () => {
      const id = await importPdf("qd-ubnd.pdf", await signedDecision(pki, "(bản ký số)"));
      const opened = (await clerk.get(`/api/documents/${id}`)).body;
      assert.equal(opened.signatures.file, "qd-ubnd.pdf");
      assert.equal(opened.signatures.level, "unknown-chain");
      const [s] = opened.signatures.signatures;
      assert.equal(s.signer.commonName, "UBND tỉnh Cao Nguyên");
      assert.equal(s.intact, true);
      assert.equal(s.coversWholeFile, true);
      assert.equal(s.signingTime, "2026-11-18T09:00:00.000Z");
      assert.match(
        s.sentence,
        /khớp với nội dung, văn bản không bị thay đổi sau khi ký; chưa xác định được tổ chức cấp/,
      );
      // Kept: the file was verified once, at import.
      const kept = await t.ctx.db.selectFrom("file_verifications").selectAll().execute();
      assert.equal(kept.filter((k) => k.level === "unknown-chain").length, 1);

      // The installation admin trusts the test root: the same file is now valid.
      const admin = await t.login("admin");
      const added = await admin.post("/api/admin/trust-anchors", { data: pki.rootPem });
      assert.equal(added.status, 200, JSON.stringify(added.body));
      assert.match(added.body.items[0].subject, /Cao Nguyên Test Root CA/);
      const listed = (await admin.get("/api/admin/trust-anchors")).body.items;
      assert.ok(
        listed.some(
          (a: { source: string; subject: string }) =>
            a.source === "uploaded" && /Cao Nguyên/.test(a.subject),
        ),
      );
      const again = (await clerk.get(`/api/documents/${id}`)).body.signatures;
      assert.equal(again.level, "valid");
      assert.equal(
        again.signatures[0].sentence,
        "Chữ ký của UBND tỉnh Cao Nguyên hợp lệ, văn bản không bị thay đổi sau khi ký.",
      );

      // Registered: the register records what the clerk saw.
      assert.equal(
        (await clerk.post(`/api/documents/${id}/register`, { confirmDuplicate: true })).status,
        200,
      );
      const entry = await registerEntry(clerk, id);
      assert.equal(entry.signatureLevel, "valid");
      assert.equal(entry.signatureAcknowledgedBy, null);
    });

    test("a copy changed after signing: the warning, registered only once the clerk acknowledges it", async () => {
      const id = await importPdf(
        "qd-ubnd-sua.pdf",
        tampered(await signedDecision(pki, "(bản bị sửa)")),
      );
      const opened = (await clerk.get(`/api/documents/${id}`)).body.signatures;
      assert.equal(opened.level, "broken");
      assert.equal(opened.signatures[0].intact, false);
      assert.match(opened.signatures[0].sentence, /^Văn bản đã bị sửa sau khi ký/);
      const refused = await clerk.post(`/api/documents/${id}/register`, { confirmDuplicate: true });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, "SIGNATURE_BROKEN");
      assert.match(refused.body.error.message, /bị sửa sau khi ký/);
      assert.equal(refused.body.error.issues[0].path, "acknowledgeSignature");
      // Nothing was taken: the document is still waiting, no number used.
      assert.equal((await clerk.get(`/api/documents/${id}`)).body.status, "draft");
      const done = await clerk.post(`/api/documents/${id}/register`, {
        confirmDuplicate: true,
        acknowledgeSignature: true,
      });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      const entry = await registerEntry(clerk, id);
      assert.equal(entry.signatureLevel, "broken");
      assert.ok(entry.signatureAcknowledgedBy);
    });

    test("signatures the reader could not check: acknowledged before registering; a full reader: try again", async () => {
      const reader = t.ctx.reader;
      const verify = reader.verifyPdf;
      try {
        // The file cost its reader its time: kept as not checked.
        reader.verifyPdf = async () => {
          throw new ReaderError("READ_TIMEOUT", "too slow");
        };
        const id = await importPdf("qd-cham.pdf", await signedDecision(pki, "(bản đọc chậm)"));
        const opened = (await clerk.get(`/api/documents/${id}`)).body.signatures;
        assert.equal(opened.level, "unreadable");
        assert.equal(opened.problem.code, "READ_TIMEOUT");
        const refused = await clerk.post(`/api/documents/${id}/register`, {
          confirmDuplicate: true,
        });
        assert.equal(refused.status, 409);
        assert.equal(refused.body.error.code, "SIGNATURE_UNCHECKED");
        // A full reader says nothing of the file: not kept, and registering waits for it.
        reader.verifyPdf = async () => {
          throw new ReaderError("READER_BUSY", "full");
        };
        const busyId = await importPdf("qd-ban.pdf", await signedDecision(pki, "(lúc bận)"));
        const busy = await clerk.post(`/api/documents/${busyId}/register`, {
          confirmDuplicate: true,
        });
        assert.equal(busy.status, 503);
        assert.equal(busy.body.error.code, "READER_BUSY");
        reader.verifyPdf = verify;
        assert.notEqual(
          (await clerk.get(`/api/documents/${busyId}`)).body.signatures.level,
          "unreadable",
        );
        const done = await clerk.post(`/api/documents/${id}/register`, {
          confirmDuplicate: true,
          acknowledgeSignature: true,
        });
        assert.equal(done.status, 200, JSON.stringify(done.body));
        const entry = await registerEntry(clerk, id);
        assert.equal(entry.signatureLevel, "unreadable");
        assert.ok(entry.signatureAcknowledgedBy);
      } finally {
        reader.verifyPdf = verify;
      }
    });

    test("an unsigned PDF and a text file: no signature, nothing to acknowledge", async () => {
      const text = readFileSync(
        new URL("../../../examples/04-cong-van-cuc-thue.txt", import.meta.url),
        "utf8",
      );
      const pdf = renderPdfSync(layoutDocument(parseDocument(text) as unknown as LayoutSource), {
        creationDate: new Date("2026-11-18T08:00:00Z"),
      });
      const id = await importPdf("cv-cuc-thue.pdf", pdf);
      assert.equal((await clerk.get(`/api/documents/${id}`)).body.signatures.level, "none");
      const txt = await importPdf("cv.txt", new TextEncoder().encode(`${text}\n\n`));
      assert.equal((await clerk.get(`/api/documents/${txt}`)).body.signatures, null);
    });

    test("trust anchors: only the installation admin; a file without a certificate is refused", async () => {
      assert.equal((await clerk.get("/api/admin/trust-anchors")).status, 403);
      assert.equal(
        (await clerk.post("/api/admin/trust-anchors", { data: pki.rootPem })).status,
        403,
      );
      const admin = await t.login("admin");
      for (const data of [
        "không phải chứng thư",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
        "QUJD",
      ]) {
        const bad = await admin.post("/api/admin/trust-anchors", { data });
        assert.equal(bad.status, 422, data);
        assert.equal(bad.body.error.code, "CERTIFICATE_INVALID");
      }
      // A signer's own certificate is no root; nor is a bundle of thousands taken in silence.
      const person = await pki.person({
        name: "Nông Văn Hùng",
        agency: "Sở Tư pháp",
        password: "p",
      });
      const leafRefused = await admin.post("/api/admin/trust-anchors", {
        data: person.certificatePem,
      });
      assert.equal(leafRefused.status, 422);
      assert.match(
        leafRefused.body.error.issues[0].message,
        /không phải chứng thư số của tổ chức cấp/,
      );
      const bundle = await admin.post("/api/admin/trust-anchors", {
        data: pki.rootPem.repeat(201),
      });
      assert.equal(bundle.status, 422);
      assert.match(
        bundle.body.error.issues[0].message,
        /201 chứng thư số; mỗi lần thêm tối đa 200/,
      );
      assert.equal(
        (await admin.request("DELETE", `/api/admin/trust-anchors/${"0".repeat(64)}`)).status,
        404,
      );
      const listed = (await admin.get("/api/admin/trust-anchors")).body.items;
      const ours = listed.find((a: { subject: string }) => /Cao Nguyên/.test(a.subject));
      assert.equal(
        (await admin.request("DELETE", `/api/admin/trust-anchors/${ours.sha256}`)).status,
        200,
      );
      const audit = await t.ctx.db
        .selectFrom("audit_events")
        .select("action")
        .where("entity", "=", "trust-anchor")
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), [
        "trust-anchor.add",
        "trust-anchor.remove",
      ]);
    });
  });
}

async function registerEntry(clerk: Client, documentId: string) {
  const registers = (await clerk.get("/api/registers")).body.items;
  for (const r of registers.filter((r: { book: string }) => r.book === "incoming")) {
    const found = (await clerk.get(`/api/registers/${r.id}`)).body.entries.find(
      (e: { documentId: string }) => e.documentId === documentId,
    );
    if (found) return found;
  }
  throw new Error(`no register entry for ${documentId}`);
}
