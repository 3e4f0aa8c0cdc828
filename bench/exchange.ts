/**
 * edXML exchange throughput, single-threaded: a document package carrying a 1 MB attachment (the
 * invented package of packages/edxml/test/fixtures.ts with its attachments replaced), written
 * (writeEdxmlDocument: header, manifest, base64) and read back (readEdxml: the whole tree, the
 * attachment decoded) per second, the median of rounds; and the structural check on the same
 * package; then the same package signed (signEdxml: XML-DSig, exc-c14n, SHA-256, RSA 2048 with
 * a development PKCS#12) and read with its signature checked against the root. The end-to-end latency between two vanthu servers comes with the transport (issue 17,
 * part 6): it is printed as not measured yet.
 *
 *   npm run bench:exchange [-- --seconds N] [-- --mb N]
 */
import { randomBytes } from "node:crypto";
import {
  checkEdxmlStructure,
  readEdxml,
  signEdxml,
  writeEdxmlDocument,
  type EdxmlDocumentModel,
} from "@vanthu/edxml";
import { trustAnchorsFrom } from "@vanthu/extract";
import { createDevelopmentPki, Pkcs12Signer } from "@vanthu/signatures";
import { DOCUMENT } from "../packages/edxml/test/fixtures.ts";
import { numberOption } from "./options.ts";

const seconds = numberOption("--seconds", 3);
const mb = numberOption("--mb", 1);
const bytes = new Uint8Array(randomBytes(Math.round(mb * 1024 * 1024)));
const model: EdxmlDocumentModel = {
  ...DOCUMENT,
  attachments: [
    {
      contentId: "cid:bench-1",
      name: "van-ban.pdf",
      contentType: "application/pdf",
      description: "Văn bản ký số",
      bytes,
    },
  ],
};

/** Runs `f` for `seconds` (at least 5 times); the median time of one call, in seconds. */
function median(f: () => void): { median: number; runs: number } {
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 || times.length < 5) {
    const t = performance.now();
    f();
    times.push((performance.now() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, runs: times.length };
}

/** The same for an asynchronous `f`. */
async function medianAsync(f: () => Promise<unknown>): Promise<{ median: number; runs: number }> {
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 || times.length < 5) {
    const t = performance.now();
    await f();
    times.push((performance.now() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, runs: times.length };
}

const xml = writeEdxmlDocument(model);
const packageBytes = new TextEncoder().encode(xml);
const check = readEdxml(packageBytes);
if (check.kind !== "document" || check.attachments[0]?.size !== bytes.length)
  throw new Error("bench:exchange: the package did not read back");

const write = median(() => writeEdxmlDocument(model));
const read = median(() => readEdxml(packageBytes));
const both = median(() => readEdxml(new TextEncoder().encode(writeEdxmlDocument(model))));
const structure = median(() => checkEdxmlStructure(packageBytes));
const rate = (s: number) => (1 / s).toFixed(1);
const ms = (s: number) => (s * 1000).toFixed(1);
console.log(
  `exchange: one document package, ${mb} MB attachment (${(packageBytes.length / 1048576).toFixed(2)} MB package), single thread, median:`,
);
console.log(
  `  written: ${rate(write.median)} packages/s (${ms(write.median)} ms, ${write.runs} runs)`,
);
console.log(
  `  read:    ${rate(read.median)} packages/s (${ms(read.median)} ms, ${read.runs} runs)`,
);
console.log(`  written and read back: ${rate(both.median)} packages/s (${ms(both.median)} ms)`);
console.log(
  `  structural check: ${rate(structure.median)} packages/s (${ms(structure.median)} ms)`,
);
const pki = await createDevelopmentPki();
const identity = await pki.agency({ name: "UBND tỉnh Cao Nguyên", password: "bench" });
const signer = Pkcs12Signer.open(identity.p12, "bench");
const anchors = trustAnchorsFrom(new TextEncoder().encode(pki.rootPem));
const signedBytes = await signEdxml(packageBytes, signer);
const verdict = readEdxml(signedBytes, {}, { trustAnchors: anchors });
if (verdict.kind !== "document" || verdict.signature?.verified !== "valid")
  throw new Error("bench:exchange: the signed package did not verify");
const sign = await medianAsync(() => signEdxml(packageBytes, signer));
const verify = median(() => readEdxml(signedBytes, {}, { trustAnchors: anchors }));
console.log(
  `  signed:  ${rate(sign.median)} packages/s (${ms(sign.median)} ms, ${sign.runs} runs)`,
);
console.log(
  `  read with the signature checked: ${rate(verify.median)} packages/s (${ms(verify.median)} ms, ${verify.runs} runs)`,
);
console.log(
  "  end-to-end latency between two servers: not measured yet (the transport is not built)",
);
