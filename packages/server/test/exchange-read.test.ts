/**
 * The exchange's reading and signing of packages (issue 17), on both databases: `signPackage`
 * signs with the agency's own signer (and leaves a package of an agency without one as it is),
 * `readPackage` reads in the isolated reader and checks the signature against the installation's
 * current trust anchors; what the reader gives up on is a refusal with a stable code, and the real
 * packages' signatures read as "unverified" with their reason, never as a refusal.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { testDatabaseKinds } from "@vanthu/db";
import { ReaderError, ReaderPool } from "@vanthu/extract";
import {
  checkEdxmlStructure,
  EDXML_READER_MODULE,
  writeEdxmlDocument,
  writeEdxmlStatus,
  type EdxmlPackage,
} from "@vanthu/edxml";
import { createDevelopmentPki, type DevelopmentPki } from "@vanthu/signatures";
import { DOCUMENT, status } from "../../edxml/test/fixtures.ts";
import { saveSigner } from "../src/signing/signers.ts";
import { readPackage } from "../src/exchange/read-package.ts";
import { signPackage } from "../src/exchange/sign-package.ts";
import { startTestApp, type TestApp } from "./helpers.ts";

const AGENCY = "stttt-ls";
const REAL = new URL("../../../../shared/interop/edxml/", import.meta.url);
const real = existsSync(REAL) ? false : "../shared/interop/edxml is absent";
const bytesOf = (s: string) => new TextEncoder().encode(s);
const documentBytes = bytesOf(writeEdxmlDocument(DOCUMENT));
const statusBytes = bytesOf(writeEdxmlStatus(status("05", "Đang xử lý")));

for (const kind of testDatabaseKinds()) {
  describe(`exchange: reading and signing packages on ${kind}`, () => {
    let t: TestApp;
    let pki: DevelopmentPki;
    let agencyId: string;
    let otherAgencyId: string;
    before(async () => {
      t = await startTestApp(kind, "2026-12-03T09:00:00+07:00");
      pki = await createDevelopmentPki({ now: t.clock.now });
      const admin = await t.ctx.db
        .selectFrom("users")
        .select(["id", "agency_id"])
        .where("username", "=", `${AGENCY}.admin`)
        .executeTakeFirstOrThrow();
      agencyId = admin.agency_id;
      otherAgencyId = (
        await t.ctx.db
          .selectFrom("agencies")
          .select("id")
          .where("id", "!=", agencyId)
          .executeTakeFirstOrThrow()
      ).id;
      const p12 = await pki.agency({ name: "Sở Thông tin và Truyền thông", password: "văn thư" });
      await saveSigner(
        t.ctx,
        admin.id,
        { agencyId, userId: null },
        { kind: "pkcs12", p12: p12.p12, password: "văn thư" },
      );
    });
    after(() => t.close());

    const read = async (bytes: Uint8Array): Promise<EdxmlPackage> => {
      const r = await readPackage(t.ctx, bytes);
      assert.notEqual(r.kind, "problem", JSON.stringify(r));
      return r as EdxmlPackage;
    };

    test("an agency without a signer sends the package as it is", async () => {
      const out = await signPackage(t.ctx, otherAgencyId, documentBytes);
      assert.deepEqual(out, documentBytes);
      assert.equal((await read(out)).signature, null);
    });

    test("the agency's signer signs; the verdict follows the installation's trust anchors", async () => {
      for (const unsigned of [documentBytes, statusBytes]) {
        const signed = await signPackage(t.ctx, agencyId, unsigned);
        assert.deepEqual(checkEdxmlStructure(signed).problems, []);
        assert.equal((await read(signed)).signature?.verified, "unknown-chain");
      }
      const signed = await signPackage(t.ctx, agencyId, documentBytes);
      const installer = await t.login("admin");
      const added = await installer.post("/api/admin/trust-anchors", { data: pki.rootPem });
      assert.equal(added.status, 200, JSON.stringify(added.body));
      const cases: Array<[string, Uint8Array, string, string | null]> = [
        ["as signed", signed, "valid", null],
        [
          "one byte of the subject changed",
          bytesOf(
            Buffer.from(signed).toString("utf8").replace("<edXML:Subject>", "<edXML:Subject>X"),
          ),
          "invalid",
          "SIGNATURE_DIGEST_MISMATCH",
        ],
        [
          "written without its namespace",
          bytesOf(
            Buffer.from(signed)
              .toString("utf8")
              .replace(' xmlns="http://www.w3.org/2000/09/xmldsig#"', ""),
          ),
          "unverified",
          "SIGNATURE_NO_NAMESPACE",
        ],
      ];
      for (const [name, bytes, verified, reason] of cases) {
        const s = (await read(bytes)).signature;
        assert.equal(s?.verified, verified, name);
        assert.equal(s?.reason, reason, name);
      }
    });

    test(
      "the real packages read, their signatures unverified with the reason",
      { skip: real },
      async () => {
        const cases: Array<[string, string]> = [
          ["edoc_new.edxml", "SIGNATURE_NO_NAMESPACE"],
          ["edoc.edxml", "SIGNATURE_NOT_CANONICAL"],
        ];
        for (const [file, reason] of cases) {
          const p = await read(new Uint8Array(readFileSync(new URL(file, REAL))));
          assert.equal(p.signature?.verified, "unverified", file);
          assert.equal(p.signature?.reason, reason, file);
        }
      },
    );

    test("what the reader gives up on is a refusal with a stable code", async () => {
      const own = t.ctx.reader;
      try {
        const cases: Array<[string, string]> = [
          ["READ_TIMEOUT", "EDXML_READ_TIMEOUT"],
          ["READ_OUT_OF_MEMORY", "EDXML_READ_OUT_OF_MEMORY"],
          ["READER_BUSY", "EDXML_READER_BUSY"],
          ["READER_CRASHED", "EDXML_UNREADABLE"],
        ];
        for (const [readerCode, code] of cases) {
          t.ctx.reader = {
            runTask: () => Promise.reject(new ReaderError(readerCode as never, readerCode)),
          } as unknown as ReaderPool;
          const r = await readPackage(t.ctx, documentBytes);
          assert.equal(r.kind === "problem" && r.code, code, readerCode);
        }
        // A real pool whose queue is full.
        t.ctx.reader = new ReaderPool({ maxQueue: 0, taskModules: [EDXML_READER_MODULE] });
        const busy = await readPackage(t.ctx, documentBytes);
        assert.equal(busy.kind === "problem" && busy.code, "EDXML_READER_BUSY");
        await t.ctx.reader.close();
      } finally {
        t.ctx.reader = own;
      }
      // The package limit of the exchange applies.
      const big = await readPackage(
        t.ctx,
        new Uint8Array(t.ctx.config.exchange.maxPackageBytes + 1),
      );
      assert.equal(big.kind === "problem" && big.code, "EDXML_TOO_LARGE");
    });

    test("an agency certificate that expired stops the signing with its code", async () => {
      const at = t.clock.now;
      t.clock.advance(4 * 365 * 86_400_000);
      try {
        await assert.rejects(signPackage(t.ctx, agencyId, documentBytes), (e: unknown) => {
          assert.equal((e as { code?: string }).code, "SIGNER_CERTIFICATE_EXPIRED");
          return true;
        });
      } finally {
        t.clock.now = at;
      }
    });
  });
}
