/**
 * Packages read in extract's isolated reader: the pool is given edxml's task module when it is
 * made; the reading and the signature's verdict are the same as in the caller's process, and
 * what the reader gives up on comes back as a refusal with a stable code.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ReaderError, ReaderPool } from "@vanthu/extract";
import { createDevelopmentPki, Pkcs12Signer } from "@vanthu/signatures";
import {
  EDXML_READER_MODULE,
  readEdxml,
  readEdxmlIsolated,
  signEdxml,
  writeEdxmlDocument,
  type EdxmlDocument,
} from "@vanthu/edxml";
import { DOCUMENT } from "./fixtures.ts";

const pki = await createDevelopmentPki();
const agency = await pki.agency({ name: "Sở Y tế tỉnh Cao Nguyên", password: "p" });
const signed = await signEdxml(
  new TextEncoder().encode(writeEdxmlDocument(DOCUMENT)),
  Pkcs12Signer.open(agency.p12, "p"),
);

for (const isolation of ["process", "thread"] as const) {
  test(`a package read in the reader (${isolation}) reads as in the process, its signature checked`, async () => {
    const pool = new ReaderPool({ workers: 1, isolation, taskModules: [EDXML_READER_MODULE] });
    try {
      const now = new Date();
      const inReader = await readEdxmlIsolated(pool, signed, {}, { trustAnchors: [pki.root], now });
      const here = readEdxml(signed, {}, { trustAnchors: [], now });
      assert.equal(inReader.kind, "document");
      assert.equal((inReader as EdxmlDocument).signature?.verified, "valid");
      assert.equal(here.kind === "document" && here.signature?.verified, "unknown-chain");
      const { signature: _a, ...fields } = inReader as EdxmlDocument;
      const { signature: _b, ...same } = here as EdxmlDocument;
      assert.deepEqual(fields, same);
      assert.ok(signed.length > 0, "the caller's bytes are not taken");
      // A refusal crosses as a refusal.
      const bad = await readEdxmlIsolated(pool, new TextEncoder().encode("<!DOCTYPE x><x/>"));
      assert.equal(bad.kind === "problem" && bad.code, "EDXML_DOCTYPE");
    } finally {
      await pool.close();
    }
  });
}

test("the reader's failures are refusals with stable codes", async () => {
  const cases: Array<[string, string]> = [
    ["READ_TIMEOUT", "EDXML_READ_TIMEOUT"],
    ["READ_OUT_OF_MEMORY", "EDXML_READ_OUT_OF_MEMORY"],
    ["READER_BUSY", "EDXML_READER_BUSY"],
    ["READER_CRASHED", "EDXML_UNREADABLE"],
    ["READER_CLOSED", "EDXML_UNREADABLE"],
  ];
  for (const [readerCode, code] of cases) {
    const failing = {
      runTask: () => Promise.reject(new ReaderError(readerCode as never, `${readerCode} here`)),
    } as unknown as ReaderPool;
    assert.deepEqual(await readEdxmlIsolated(failing, signed), {
      kind: "problem",
      code,
      path: "",
      message: `${readerCode} here`,
    });
  }
  // The real pool: a full queue, and a pool not given the module.
  const busy = new ReaderPool({ workers: 1, maxQueue: 0, taskModules: [EDXML_READER_MODULE] });
  const without = new ReaderPool({ workers: 1 });
  try {
    const r = await readEdxmlIsolated(busy, signed);
    assert.equal(r.kind === "problem" && r.code, "EDXML_READER_BUSY");
    const w = await readEdxmlIsolated(without, signed);
    assert.equal(w.kind === "problem" && w.code, "EDXML_UNREADABLE");
  } finally {
    await busy.close();
    await without.close();
  }
});
