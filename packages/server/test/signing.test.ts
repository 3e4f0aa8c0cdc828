/**
 * Signing at approval and issuing (issue 16, parts 3-4), on both databases: a leader approves
 * with their PKCS#12 (signature image and seal drawn in Phụ lục I's place), the clerk issues
 * with the agency's; pdfsig (poppler) and vanthu's own verifyPdf check the issued file: two
 * valid signatures of the test CA, the agency's over the whole file, the stamped number and
 * date a revision after the leader's. With a local RFC 3161 authority the agency's signature is
 * B-T. A wrong password, an expired certificate, a service that does not answer each give their
 * code and take no number.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { testDatabaseKinds } from "@vanthu/db";
import { extractText, parseExtracted } from "@vanthu/extract";
import {
  createDevelopmentPki,
  startSigningService,
  trustAnchorsFrom,
  verifyPdf,
  type DevelopmentPki,
} from "@vanthu/signatures";
import {
  hasTool,
  pdfsig,
  sealImage,
  signatureImage,
  startTsa,
} from "../../signatures/test/sign-fixtures.ts";
import { saveImage, saveSigner } from "../src/signing/signers.ts";
import { DEMO_SIGNING_PASSWORD, seedDemoSigning } from "../src/demo/demo-signing.ts";
import { masterKey, seal } from "../src/signing/secret-store.ts";
import { approve, draftFields, startTestApp, type Client, type TestApp } from "./helpers.ts";

const run = promisify(execFile);
const PDFSIG = hasTool("pdfsig");
const AGENCY = "stttt-ls";

for (const kind of testDatabaseKinds()) {
  describe(`signing at approval and issuing on ${kind}`, () => {
    let t: TestApp;
    let pki: DevelopmentPki;
    let agencyId: string;
    let leaderId: string;
    let clerk: Client;
    let writer: Client;
    before(async () => {
      t = await startTestApp(kind, "2026-12-02T09:00:00+07:00");
      pki = await createDevelopmentPki({ now: t.clock.now });
      const user = (u: string) =>
        t.ctx.db
          .selectFrom("users")
          .select(["id", "agency_id"])
          .where("username", "=", `${AGENCY}.${u}`)
          .executeTakeFirstOrThrow();
      const leader = await user("lanhdao");
      leaderId = leader.id;
      agencyId = leader.agency_id;
      clerk = await t.login(`${AGENCY}.vanthu`);
      writer = await t.login(`${AGENCY}.chuyenvien`);
    });
    after(() => t.close());

    const leaderP12 = () =>
      pki.person({
        name: "Hoàng Thị Lan",
        unit: "Ban Giám đốc",
        agency: "Sở TTTT",
        password: "lãnh đạo",
      });
    const agencyP12 = (o: { notAfter?: Date; notBefore?: Date } = {}) =>
      pki.agency({ name: "Sở Thông tin và Truyền thông tỉnh Lạng Sơn", password: "văn thư", ...o });
    const withAgencySigner = async (o: { tsaUrl?: string } = {}) =>
      saveSigner(
        t.ctx,
        leaderId,
        { agencyId, userId: null },
        {
          kind: "pkcs12",
          p12: (await agencyP12()).p12,
          password: "văn thư",
          tsaUrl: o.tsaUrl ?? null,
        },
      );
    const newDraft = async (subject: string) => {
      const d = await writer.post("/api/documents", draftFields({ subject }));
      assert.equal(d.status, 201, JSON.stringify(d.body));
      return d.body.id as string;
    };
    /** Sent up to the leader, who approves with `body`. */
    const approveWith = async (id: string, body: Record<string, unknown>) => {
      const sent = await writer.post(`/api/documents/${id}/review/submit`, {
        reviewerId: leaderId,
      });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      const leader = await t.login(`${AGENCY}.lanhdao`);
      return leader.post(`/api/documents/${id}/review/approve`, body);
    };
    const fileOf = async (id: string, role: "rendered" | "signed-draft") => {
      const f = await t.ctx.db
        .selectFrom("document_files")
        .select("sha256")
        .where("document_id", "=", id)
        .where("role", "=", role)
        .executeTakeFirst();
      return f ? new Uint8Array((await t.ctx.files.get(f.sha256))!) : null;
    };
    const nextNumber = async () =>
      (
        await t.ctx.db
          .selectFrom("registers")
          .select(["next_number"])
          .where("agency_id", "=", agencyId)
          .where("book", "=", "outgoing")
          .execute()
      ).map((r) => r.next_number);

    test("approved with the leader's PKCS#12, issued with the agency's: two valid signatures", async (t2) => {
      await saveSigner(
        t.ctx,
        leaderId,
        { agencyId, userId: leaderId },
        {
          kind: "pkcs12",
          p12: (await leaderP12()).p12,
          password: "lãnh đạo",
        },
      );
      await saveImage(t.ctx, leaderId, { agencyId, userId: leaderId }, signatureImage());
      await saveImage(t.ctx, leaderId, { agencyId, userId: null }, sealImage());
      await withAgencySigner();
      const id = await newDraft("thử ký số khi duyệt và ban hành");

      // No password: asked for; a wrong one: refused; neither approves.
      const none = await approveWith(id, {});
      assert.equal(none.status, 422);
      assert.equal(none.body.error.code, "SIGNER_PASSWORD_REQUIRED");
      const leader = await t.login(`${AGENCY}.lanhdao`);
      const wrong = await leader.post(`/api/documents/${id}/review/approve`, { password: "sai" });
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body.error.code, "SIGNER_BAD_PASSWORD");
      assert.match(wrong.body.error.message, /Mật khẩu của tệp chứng thư số/);
      assert.equal(await fileOf(id, "signed-draft"), null);
      const still = await t.ctx.db
        .selectFrom("documents")
        .select("review")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      assert.equal(still.review, "submitted");

      const ok = await leader.post(`/api/documents/${id}/review/approve`, { password: "lãnh đạo" });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.state, "approved");
      const draft = await fileOf(id, "signed-draft");
      assert.ok(draft, "the signed draft is kept");

      const before = await nextNumber();
      const issued = await clerk.post(`/api/documents/${id}/issue`);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      // The register's first number of the year: its row is made by this issue.
      assert.deepEqual(await nextNumber(), before.length ? before.map((n) => n + 1) : [2]);
      const pdf = await fileOf(id, "rendered");
      assert.ok(pdf);
      // The issued file is the signed draft with more appended: the leader's bytes untouched.
      assert.deepEqual(Buffer.from(pdf.subarray(0, draft.length)), Buffer.from(draft));

      // The file the API serves is the signed one.
      const files = (await clerk.get(`/api/documents/${id}`)).body.files as Array<{
        role: string;
        name: string;
      }>;
      const rendered = files.find((f) => f.role === "rendered")!;
      const served = await clerk.get(
        `/api/documents/${id}/files/${encodeURIComponent(rendered.name)}`,
      );
      assert.equal(served.status, 200);
      assert.deepEqual(served.raw, Buffer.from(pdf));

      const report = verifyPdf(pdf, {
        trustAnchors: trustAnchorsFrom(new TextEncoder().encode(pki.rootPem)),
      });
      assert.equal(report.signatures.length, 2);
      const [bySigner, byAgency] = report.signatures as [
        (typeof report.signatures)[0],
        (typeof report.signatures)[0],
      ];
      assert.equal(bySigner.signer.commonName, "Hoàng Thị Lan");
      assert.equal(byAgency.signer.commonName, "Sở Thông tin và Truyền thông tỉnh Lạng Sơn");
      for (const s of report.signatures) {
        assert.equal(s.intact, true);
        assert.equal(s.level, "valid", `${s.signer.commonName}: ${s.status}`);
      }
      assert.equal(bySigner.coversWholeFile, false);
      assert.equal(byAgency.coversWholeFile, true);
      // After the leader's: the stamp (annotations) and the agency's signature.
      assert.equal(bySigner.revisions.count, 2);
      assert.ok(
        bySigner.revisions.changes.includes("annotation"),
        JSON.stringify(bySigner.revisions),
      );
      assert.ok(bySigner.revisions.changes.includes("signature"));
      assert.equal(byAgency.revisions.count, 0);

      // The number and date read back, drawn by a revision after the leader's signature.
      const [doc] = parseExtracted(await extractText(pdf, "issued.pdf")).documents;
      assert.equal(doc!.reference, issued.body.reference);
      assert.equal(doc!.date, issued.body.date);
      assert.equal(doc!.fieldSources.reference?.source, "revision");

      if (!PDFSIG) return t2.skip("pdfsig (poppler-utils) is not installed");
      const sigs = await pdfsig(pdf);
      assert.equal(sigs.length, 2);
      for (const s of sigs) {
        assert.equal(s["Signature Validation"], "Signature is Valid.");
        assert.equal(s["Signature Type"], "ETSI.CAdES.detached");
      }
      assert.equal(sigs[0]!["Signer Certificate Common Name"], "Hoàng Thị Lan");
      assert.ok("Not total document signed" in sigs[0]!);
      assert.ok("Total document signed" in sigs[1]!);
    });

    test("a leader without a signer approves unsigned; the agency still signs the issued PDF", async () => {
      await t.ctx.db.deleteFrom("signers").where("user_id", "=", leaderId).execute();
      await withAgencySigner();
      const id = await newDraft("thử ban hành có chữ ký số của cơ quan");
      await approve(t, writer, id);
      assert.equal(await fileOf(id, "signed-draft"), null);
      const issued = await clerk.post(`/api/documents/${id}/issue`);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      const report = verifyPdf((await fileOf(id, "rendered"))!, {
        trustAnchors: trustAnchorsFrom(new TextEncoder().encode(pki.rootPem)),
      });
      assert.equal(report.signatures.length, 1);
      assert.equal(report.signatures[0]!.level, "valid");
      assert.equal(report.signatures[0]!.coversWholeFile, true);
    });

    test("a leader's remote signer: approval waits for the phone, outside any transaction", async () => {
      const service = await startSigningService({
        p12: (await leaderP12()).p12,
        password: "lãnh đạo",
        clientId: "vanthu",
        clientSecret: "bí mật",
        user: "lanhdao",
      });
      try {
        await saveSigner(
          t.ctx,
          leaderId,
          { agencyId, userId: leaderId },
          {
            kind: "remote",
            url: service.url,
            user: "lanhdao",
            clientId: "vanthu",
            clientSecret: "bí mật",
          },
        );
        const waitPending = async () => {
          for (let i = 0; i < 100 && !service.pending().length; i++)
            await new Promise((r) => setTimeout(r, 50));
          return service.pending()[0]!;
        };
        // Refused on the phone: SIGNER_REJECTED, not approved.
        const id = await newDraft("thử ký số từ xa khi duyệt");
        const refusing = approveWith(id, {});
        service.reject(await waitPending());
        const refused = await refusing;
        assert.equal(refused.body.error?.code, "SIGNER_REJECTED", JSON.stringify(refused.body));
        const leader = await t.login(`${AGENCY}.lanhdao`);
        // Changed while the phone waits (the reviewer edits it): not approved, nothing kept.
        const changing = leader.post(`/api/documents/${id}/review/approve`, {});
        const first = await waitPending();
        const edit = await leader.patch(`/api/documents/${id}`, {
          subject: "thử ký số từ xa khi duyệt, đã sửa",
        });
        assert.equal(edit.status, 200, JSON.stringify(edit.body));
        await service.confirm(first);
        const changed = await changing;
        assert.equal(changed.status, 409);
        assert.equal(changed.body.error.code, "DRAFT_CHANGED_WHILE_SIGNING");
        assert.equal(await fileOf(id, "signed-draft"), null);
        // While the leader confirms, the draft is not locked: the writer reads it meanwhile.
        const approving = leader.post(`/api/documents/${id}/review/approve`, {});
        const tx = await waitPending();
        const read = await writer.get(`/api/documents/${id}`);
        assert.equal(read.status, 200);
        await service.confirm(tx);
        const approved = await approving;
        assert.equal(approved.status, 200, JSON.stringify(approved.body));
        assert.equal(approved.body.state, "approved");
        const report = verifyPdf((await fileOf(id, "signed-draft"))!, {
          trustAnchors: trustAnchorsFrom(new TextEncoder().encode(pki.rootPem)),
        });
        assert.equal(report.signatures[0]?.level, "valid");
        assert.equal(report.signatures[0]?.signer.commonName, "Hoàng Thị Lan");
      } finally {
        await service.close();
        await t.ctx.db.deleteFrom("signers").where("user_id", "=", leaderId).execute();
      }
    });

    test("B-T: with a timestamp authority the agency's signature carries a timestamp", async (t2) => {
      const tsa = await startTsa();
      if (!tsa) return t2.skip("openssl is not installed: no local timestamp authority");
      const dir = mkdtempSync(join(tmpdir(), "vanthu-ts-"));
      try {
        await withAgencySigner({ tsaUrl: tsa.url });
        const id = await newDraft("thử ban hành có dấu thời gian");
        await approve(t, writer, id);
        const issued = await clerk.post(`/api/documents/${id}/issue`);
        assert.equal(issued.status, 200, JSON.stringify(issued.body));
        const pdf = (await fileOf(id, "rendered"))!;
        const anchors = trustAnchorsFrom(
          new TextEncoder().encode(pki.rootPem + "\n" + tsa.rootPem),
        );
        const [s] = verifyPdf(pdf, { trustAnchors: anchors }).signatures;
        assert.ok(s!.timestamp, "vanthu reads a timestamp");
        assert.equal(s!.timestamp.valid, true);
        if (PDFSIG) {
          const [p] = await pdfsig(pdf);
          assert.equal(p!["Signature Validation"], "Signature is Valid.");
        }
        // openssl checks the token (pdfsig 22 does not print timestamps).
        const text = Buffer.from(pdf).toString("latin1");
        const hex = [...text.matchAll(/\/Contents <([0-9a-f]+)>/g)].at(-1)![1]!;
        writeFileSync(join(dir, "cms.der"), Buffer.from(hex.replace(/(00)+$/, ""), "hex"));
        writeFileSync(join(dir, "root.pem"), tsa.rootPem);
        writeFileSync(join(dir, "tsa.pem"), tsa.certificatePem);
        const { stdout } = await run("openssl", [
          "cms",
          "-cmsout",
          "-print",
          "-inform",
          "DER",
          "-in",
          join(dir, "cms.der"),
        ]);
        assert.match(stdout, /id-smime-aa-timeStampToken/);

        // No TSA of the agency's own: VANTHU_TSA_URL's.
        await withAgencySigner();
        t.ctx.config.tsaUrl = tsa.url;
        try {
          const other = await newDraft("thử dấu thời gian của hệ thống");
          await approve(t, writer, other);
          const res = await clerk.post(`/api/documents/${other}/issue`);
          assert.equal(res.status, 200, JSON.stringify(res.body));
          const [o] = verifyPdf((await fileOf(other, "rendered"))!, {
            trustAnchors: anchors,
          }).signatures;
          assert.equal(o!.timestamp?.valid, true);
        } finally {
          t.ctx.config.tsaUrl = null;
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await tsa.close();
      }
    });

    test("the admin's API: a bad password, an expired certificate, images; never a secret back", async () => {
      const admin = await t.login(`${AGENCY}.admin`);
      const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64");
      const leaderFile = (await leaderP12()).p12;
      const bad = await admin.post(`/api/admin/users/${leaderId}/signer`, {
        kind: "pkcs12",
        p12: b64(leaderFile),
        password: "sai",
      });
      assert.equal(bad.status, 422);
      assert.equal(bad.body.error.code, "SIGNER_BAD_PASSWORD");
      assert.equal(bad.body.error.message, "Mật khẩu của tệp chứng thư số (PKCS#12) không đúng.");
      const expired = await admin.post("/api/admin/signing/agency", {
        kind: "pkcs12",
        p12: b64(
          (
            await agencyP12({
              notBefore: new Date(t.clock.now.getTime() - 86_400_000 * 30),
              notAfter: new Date(t.clock.now.getTime() - 86_400_000),
            })
          ).p12,
        ),
        password: "văn thư",
      });
      assert.equal(expired.status, 422);
      assert.equal(expired.body.error.code, "SIGNER_CERTIFICATE_EXPIRED");
      assert.match(expired.body.error.message, /hết hạn/);
      // A clerk is no leader: no personal signer.
      const clerkRow = await t.ctx.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", `${AGENCY}.vanthu`)
        .executeTakeFirstOrThrow();
      const notLeader = await admin.post(`/api/admin/users/${clerkRow.id}/signer`, {
        kind: "pkcs12",
        p12: b64(leaderFile),
        password: "lãnh đạo",
      });
      assert.equal(notLeader.body.error.code, "SIGNER_PERSON_INVALID");

      const ok = await admin.post(`/api/admin/users/${leaderId}/signer`, {
        kind: "pkcs12",
        p12: b64(leaderFile),
        password: "lãnh đạo",
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.match(ok.body.subject, /CN=Hoàng Thị Lan/);
      const agencyOk = await admin.post("/api/admin/signing/agency", {
        kind: "pkcs12",
        p12: b64((await agencyP12()).p12),
        password: "văn thư",
      });
      assert.equal(agencyOk.status, 200, JSON.stringify(agencyOk.body));
      const notPng = await admin.post("/api/admin/signing/seal", { png: b64(leaderFile) });
      assert.equal(notPng.status, 422);
      assert.equal(notPng.body.error.code, "SIGNATURE_IMAGE_INVALID");
      const sealed = await admin.post("/api/admin/signing/seal", { png: b64(sealImage()) });
      assert.deepEqual(sealed.body, { width: 80, height: 80 });
      const signature = await admin.post(`/api/admin/users/${leaderId}/signature-image`, {
        png: b64(signatureImage()),
      });
      assert.deepEqual(signature.body, { width: 150, height: 50 });

      const overview = await admin.get("/api/admin/signing");
      assert.equal(overview.status, 200);
      assert.equal(overview.body.seal, true);
      assert.equal(overview.body.agency.kind, "pkcs12");
      const me = overview.body.leaders.find((l: { id: string }) => l.id === leaderId);
      assert.equal(me.signer.kind, "pkcs12");
      assert.equal(me.signatureImage, true);
      // The file and its password are kept encrypted: neither is in the row in clear.
      const row = await t.ctx.db
        .selectFrom("signers")
        .selectAll()
        .where("user_id", "is", null)
        .where("agency_id", "=", agencyId)
        .executeTakeFirstOrThrow();
      assert.ok(!Buffer.from(row.password_sealed!).includes(Buffer.from("văn thư")));
      assert.ok(
        !Buffer.from(row.p12_sealed!).includes(
          Buffer.from((await agencyP12()).p12.subarray(0, 64)),
        ),
      );
      assert.ok(!JSON.stringify(overview.body).includes("văn thư"));

      // The leader's dialog knows to ask for the password.
      const leader = await t.login(`${AGENCY}.lanhdao`);
      assert.equal((await leader.get("/api/signing/me")).body.kind, "pkcs12");
      assert.equal((await clerk.get("/api/signing/me")).body.kind, null);
      // Not an admin: refused.
      assert.equal((await clerk.get("/api/admin/signing")).status, 403);
      await admin.request("DELETE", `/api/admin/users/${leaderId}/signer`);
      await admin.request("DELETE", "/api/admin/signing/agency");
      assert.equal((await leader.get("/api/signing/me")).body.kind, null);
    });

    const issueFails = async (code: string, setup: () => Promise<void>) => {
      const id = await newDraft(`thử lỗi ký số ${code}`);
      await approve(t, writer, id);
      await setup();
      const before = await nextNumber();
      const started = Date.now();
      const res = await clerk.post(`/api/documents/${id}/issue`);
      assert.equal(res.body.error?.code, code, JSON.stringify(res.body));
      assert.deepEqual(await nextNumber(), before, "no number taken");
      const row = await t.ctx.db
        .selectFrom("documents")
        .select(["status", "reference"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: "draft", reference: null });
      assert.equal(await fileOf(id, "rendered"), null);
      return { id, ms: Date.now() - started };
    };

    test("a wrong kept password, an expired certificate, a service that does not answer: no number", async () => {
      // The agency's kept password no longer opens its file (a file replaced behind the app).
      const wrong = await issueFails("SIGNER_BAD_PASSWORD", async () => {
        const s = await withAgencySigner();
        await t.ctx.db
          .updateTable("signers")
          .set({
            password_sealed: seal(
              masterKey(t.ctx.config),
              "sai",
              `signers.password:${agencyId}:agency`,
            ),
          })
          .where("id", "=", s.id)
          .execute();
      });
      // Fixed: issued, with the number that was free.
      const free = await nextNumber();
      await withAgencySigner();
      const fixed = await clerk.post(`/api/documents/${wrong.id}/issue`);
      assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
      assert.deepEqual(
        await nextNumber(),
        free.map((n) => n + 1),
      );

      // Expired since it was configured (configured while valid, then the clock moves on).
      await issueFails("SIGNER_CERTIFICATE_EXPIRED", async () => {
        await saveSigner(
          t.ctx,
          leaderId,
          { agencyId, userId: null },
          {
            kind: "pkcs12",
            p12: (await agencyP12({ notAfter: new Date(t.clock.now.getTime() + 60_000) })).p12,
            password: "văn thư",
          },
        );
        t.clock.advance(120_000);
        clerk = await t.login(`${AGENCY}.vanthu`);
        writer = await t.login(`${AGENCY}.chuyenvien`);
      });

      // A signing service that never confirms: SIGNER_TIMEOUT after a few seconds.
      const service = await startSigningService({
        p12: (await agencyP12()).p12,
        password: "văn thư",
        clientId: "vanthu",
        clientSecret: "bí mật",
        user: "so-tttt",
      });
      try {
        const { ms } = await issueFails("SIGNER_TIMEOUT", async () => {
          await saveSigner(
            t.ctx,
            leaderId,
            { agencyId, userId: null },
            {
              kind: "remote",
              url: service.url,
              user: "so-tttt",
              clientId: "vanthu",
              clientSecret: "bí mật",
            },
          );
        });
        assert.ok(ms < 15_000, `${ms} ms`);
      } finally {
        await service.close();
      }
      await t.ctx.db.deleteFrom("signers").where("agency_id", "=", agencyId).execute();
    });
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`the demo world's signatures on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, "2026-12-02T09:00:00+07:00");
    });
    after(() => t.close());

    test("every agency and its leader sign; the demo's issued documents verify as valid", async () => {
      const started = performance.now();
      const { signers } = await seedDemoSigning(t.ctx);
      const ms = performance.now() - started;
      console.log(`demo signing seeded: ${signers} signers in ${ms.toFixed(0)} ms`);
      assert.equal(signers, 12);
      const anchors = await t.ctx.db.selectFrom("trust_anchors").selectAll().execute();
      assert.equal(anchors.length, 1);
      assert.match(anchors[0]!.subject, /vanthu Demo Root CA/);
      const trust = trustAnchorsFrom(new Uint8Array(anchors[0]!.der));
      const issued = await t.ctx.db
        .selectFrom("document_files")
        .innerJoin("documents", "documents.id", "document_files.document_id")
        .select(["document_files.sha256", "documents.reference"])
        .where("document_files.role", "=", "rendered")
        .execute();
      assert.ok(issued.length >= 5, `${issued.length} signed`);
      for (const f of issued) {
        const [s] = verifyPdf(new Uint8Array((await t.ctx.files.get(f.sha256))!), {
          trustAnchors: trust,
        }).signatures;
        assert.equal(s?.level, "valid", `${f.reference}: ${s?.status}`);
      }

      // The story: the leader approves with the demo password, the clerk issues: both signed.
      const writer = await t.login("stttt-ls.chuyenvien");
      const d = await writer.post(
        "/api/documents",
        draftFields({ subject: "thử ký số của thế giới mẫu" }),
      );
      const leader = (
        await t.ctx.db
          .selectFrom("users")
          .select("id")
          .where("username", "=", "stttt-ls.lanhdao")
          .executeTakeFirstOrThrow()
      ).id;
      await writer.post(`/api/documents/${d.body.id}/review/submit`, { reviewerId: leader });
      const l = await t.login("stttt-ls.lanhdao");
      const ok = await l.post(`/api/documents/${d.body.id}/review/approve`, {
        password: DEMO_SIGNING_PASSWORD,
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const clerk = await t.login("stttt-ls.vanthu");
      const res = await clerk.post(`/api/documents/${d.body.id}/issue`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const file = await t.ctx.db
        .selectFrom("document_files")
        .select("sha256")
        .where("document_id", "=", d.body.id)
        .where("role", "=", "rendered")
        .executeTakeFirstOrThrow();
      const report = verifyPdf(new Uint8Array((await t.ctx.files.get(file.sha256))!), {
        trustAnchors: trust,
      });
      assert.deepEqual(
        report.signatures.map((s) => s.level),
        ["valid", "valid"],
      );
    });
  });
}
