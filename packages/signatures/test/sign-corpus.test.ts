/**
 * Signing real files: every PDF of ../shared/corpus/files (most signed one to six times by
 * Vietnamese agencies, with other producers' cross-references) gets a copy's agency signature as
 * an incremental update; pdfsig finds the new one valid and every earlier one that was valid
 * still valid. Skipped without ../shared.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { firstPageCornerAppearance, Pkcs12Signer, signPdf } from "../src/index.ts";
import { AGENCY, hasTool, pdfsig, sealImage, testPki } from "./sign-fixtures.ts";

const CORPUS = new URL("../../../../shared/corpus/files/", import.meta.url).pathname;
const VALID = "Signature is Valid.";

it("signs every corpus PDF, keeping its earlier signatures as they were", async (t) => {
  if (!existsSync(CORPUS)) return t.skip("../shared/corpus/files is absent");
  if (!hasTool("pdfsig")) return t.skip("pdfsig (poppler-utils) is not installed");
  const files = readdirSync(CORPUS).filter((n) => n.endsWith(".pdf"));
  assert.ok(files.length > 0);
  const id = await (await testPki()).agency({ name: AGENCY, password: "p" });
  const signer = Pkcs12Signer.open(id.p12, "p");
  let earlier = 0;
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, f)));
    const before = (await pdfsig(bytes)).map((s) => s["Signature Validation"]);
    const signed = await signPdf(bytes, signer, {
      appearance: firstPageCornerAppearance(
        { width: 595, height: 842 },
        { png: sealImage(), aspect: 1 },
        { lines: [AGENCY, "SAO Y"] },
      ),
    });
    const after = (await pdfsig(signed)).map((s) => s["Signature Validation"]);
    assert.equal(after.length, before.length + 1, f);
    assert.equal(after.at(-1), VALID, f);
    before.forEach((v, i) => {
      if (v === VALID) assert.equal(after[i], VALID, `${f}: signature ${i + 1}`);
    });
    earlier += before.filter((v) => v === VALID).length;
  }
  assert.ok(earlier > 20, `only ${earlier} earlier valid signatures`);
});
