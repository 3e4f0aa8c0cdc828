/**
 * verifyPdf on our own fixtures (a test CA made here, a hand-written PDF signed in the test), and
 * against pdfsig on the signed PDFs of ../shared/corpus/files where both are present.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  loadTrustAnchors,
  signatureSentence,
  trustAnchorsFrom,
  verifyPdf,
  type TrustAnchor,
} from "../src/index.ts";
import { ReaderPool, type ReaderError } from "@vanthu/extract";
import {
  drawOnPage,
  makeIdentity,
  minimalPdf,
  pem,
  revocationArchive,
  signPdf,
  type TestIdentity,
} from "./verify-fixtures.ts";

const CORPUS = fileURLToPath(new URL("../../../../shared/corpus/files/", import.meta.url));
const PDFSIG = "/usr/bin/pdfsig";

let ca: TestIdentity;
let other: TestIdentity;
let leaf: TestIdentity;
let expired: TestIdentity;
let anchors: TrustAnchor[];
let signed: Uint8Array;

before(async () => {
  ca = await makeIdentity({
    subject: [
      ["C", "VN"],
      ["CN", "CA thử nghiệm vanthu"],
    ],
    ca: true,
    // Older than the expired certificate it issued: a CA vouches only while it holds itself.
    notBefore: new Date("2019-01-01T00:00:00Z"),
  });
  other = await makeIdentity({
    subject: [
      ["C", "VN"],
      ["CN", "CA khác"],
    ],
    ca: true,
  });
  leaf = await makeIdentity({
    subject: [
      ["C", "VN"],
      ["O", "Bộ Nội vụ"],
      ["OU", "Văn phòng"],
      ["CN", "Bộ Nội vụ"],
    ],
    issuer: ca,
  });
  expired = await makeIdentity({
    subject: [
      ["C", "VN"],
      ["O", "Sở Tư pháp"],
      ["CN", "Nguyễn Văn A"],
    ],
    issuer: ca,
    notBefore: new Date("2020-01-01T00:00:00Z"),
    notAfter: new Date("2021-01-01T00:00:00Z"),
  });
  anchors = trustAnchorsFrom(Buffer.from(pem(ca.der)));
  signed = await signPdf(minimalPdf(), { signer: leaf });
});

test("a PDF without signatures gives an empty list", () => {
  assert.deepEqual(verifyPdf(minimalPdf()), { signatures: [], problem: null });
  assert.deepEqual(verifyPdf(new Uint8Array()).signatures, []);
  assert.deepEqual(verifyPdf(Buffer.from("not a pdf at all /ByteRange [0 1 2")).signatures, []);
});

test("an intact signature, trusted through the configured CA", () => {
  const [s, ...rest] = verifyPdf(signed, { trustAnchors: anchors }).signatures;
  assert.equal(rest.length, 0);
  assert.ok(s);
  assert.equal(s.field, "Signature1");
  assert.deepEqual(s.signer, {
    commonName: "Bộ Nội vụ",
    organization: "Bộ Nội vụ",
    unit: "Văn phòng",
    email: null,
  });
  assert.equal(s.issuer, "CA thử nghiệm vanthu");
  assert.equal(s.signingTime, "2026-03-02T03:04:05.000Z");
  assert.equal(s.hash, "SHA-256");
  assert.equal(s.type, "adbe.pkcs7.detached");
  assert.equal(s.intact, true);
  assert.equal(s.coversWholeFile, true);
  assert.equal(s.revisions.count, 0);
  assert.equal(s.certificate?.chain, "trusted");
  assert.equal(s.certificate?.chainLength, 2);
  assert.equal(s.certificate?.validAtSigningTime, true);
  assert.equal(s.revocation, "not-checked");
  assert.equal(s.level, "valid");
  assert.equal(s.status, "OK");
  assert.equal(
    signatureSentence(s),
    "Chữ ký của Bộ Nội vụ hợp lệ, văn bản không bị thay đổi sau khi ký.",
  );
});

test("without the CA configured, or with another one, the issuer is unknown", () => {
  for (const trustAnchors of [[], trustAnchorsFrom(other.der)]) {
    const [s] = verifyPdf(signed, { trustAnchors }).signatures;
    assert.equal(s?.intact, true);
    assert.equal(s?.certificate?.chain, "unknown-issuer");
    assert.equal(s?.level, "unknown-chain");
    assert.match(
      signatureSentence(s!),
      /chưa xác định được tổ chức cấp chứng thư số của CA thử nghiệm vanthu/,
    );
  }
});

test("trust anchors load from a directory of PEM and DER files; a bad file is named", () => {
  const dir = mkdtempSync(join(tmpdir(), "vanthu-anchors-"));
  try {
    writeFileSync(join(dir, "ca.pem"), pem(ca.der) + pem(other.der));
    writeFileSync(join(dir, "ca.der"), ca.der);
    writeFileSync(join(dir, "notes.txt"), "không phải chứng thư");
    const { anchors: loaded, problems } = loadTrustAnchors([dir, join(dir, "missing.pem")]);
    assert.equal(loaded.length, 3);
    assert.deepEqual(problems.sort(), [join(dir, "missing.pem"), join(dir, "notes.txt")]);
    assert.equal(verifyPdf(signed, { trustAnchors: loaded }).signatures[0]?.level, "valid");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("changing one byte inside the signed range breaks the signature", () => {
  const text = Buffer.from(signed).toString("latin1");
  for (const at of [text.indexOf("Cong van so 12") + 11, 20, signed.length - 3]) {
    const tampered = Uint8Array.from(signed);
    tampered[at] = tampered[at]! ^ 0x01;
    const [s] = verifyPdf(tampered, { trustAnchors: anchors }).signatures;
    assert.equal(s?.intact, false, `byte ${at}`);
    assert.equal(s?.level, "broken");
    assert.equal(s?.status, "DIGEST_MISMATCH");
    assert.match(signatureSentence(s!), /^Văn bản đã bị sửa sau khi ký/);
  }
});

test("a certificate expired at the signing time is intact but not valid", async () => {
  const pdf = await signPdf(minimalPdf(), { signer: expired });
  const [s] = verifyPdf(pdf, { trustAnchors: anchors }).signatures;
  assert.equal(s?.intact, true);
  assert.equal(s?.certificate?.chain, "trusted");
  assert.equal(s?.certificate?.validAtSigningTime, false);
  assert.equal(s?.level, "invalid-certificate");
  assert.match(signatureSentence(s!), /không còn hiệu lực vào thời điểm ký/);
});

test("later revisions: a second signature and drawn text are listed, in signing order", async () => {
  const first = await signPdf(minimalPdf(), { signer: expired, field: "NguoiKy" });
  const stamped = drawOnPage(first);
  const second = await signPdf(stamped, {
    signer: leaf,
    field: "CoQuan",
    signingTime: new Date("2026-03-03T01:00:00Z"),
    subFilter: "ETSI.CAdES.detached",
  });
  const list = verifyPdf(second, { trustAnchors: anchors }).signatures;
  assert.deepEqual(
    list.map((s) => [s.field, s.signer.commonName, s.intact, s.coversWholeFile]),
    [
      ["NguoiKy", "Nguyễn Văn A", true, false],
      ["CoQuan", "Bộ Nội vụ", true, true],
    ],
  );
  assert.equal(list[0]!.revisions.count, 2);
  assert.deepEqual(list[0]!.revisions.changes, ["page-content", "signature"]);
  assert.deepEqual(
    list[0]!.revisions.list.map((r) => r.changes),
    [["page-content"], ["signature"]],
  );
  assert.equal(list[1]!.revisions.count, 0);
  assert.equal(list[1]!.type, "ETSI.CAdES.detached");
  // Only drawn, not yet signed again: the first signature is still intact, not whole.
  const [alone] = verifyPdf(stamped, { trustAnchors: anchors }).signatures;
  assert.equal(alone?.intact, true);
  assert.equal(alone?.coversWholeFile, false);
  assert.deepEqual(alone?.revisions.changes, ["page-content"]);
  // More signatures than the limit: said, not hidden.
  const capped = verifyPdf(second, { trustAnchors: anchors, limits: { maxSignatures: 1 } });
  assert.equal(capped.problem, "TOO_MANY_SIGNATURES");
  assert.equal(capped.signatures.length, 1);
  assert.equal(verifyPdf(second, { trustAnchors: anchors }).problem, null);
  // Intact, but the page a reader sees was drawn on after signing: changed, to be acknowledged.
  assert.equal(alone?.level, "broken");
  assert.equal(alone?.status, "CHANGED_AFTER_SIGNING");
  assert.match(signatureSentence(alone!), /^Văn bản đã bị sửa sau khi ký: phần .+ đã ký không đổi/);
  assert.equal(list[0]!.level, "broken");
  assert.equal(list[1]!.level, "valid");
});

test("a signature time-stamp token: its time and issuer; a wrong imprint is not valid", async () => {
  const tsa = await makeIdentity({
    subject: [
      ["C", "VN"],
      ["CN", "Máy chủ dấu thời gian thử"],
    ],
    issuer: ca,
  });
  const time = new Date("2026-03-02T03:04:09Z");
  const good = await signPdf(minimalPdf(), { signer: leaf, timestamp: { tsa, time } });
  const [s] = verifyPdf(good, { trustAnchors: anchors }).signatures;
  assert.equal(s?.intact, true);
  assert.deepEqual(s?.timestamp, {
    time: time.toISOString(),
    issuer: "Máy chủ dấu thời gian thử",
    valid: true,
  });
  const bad = await signPdf(minimalPdf(), {
    signer: leaf,
    timestamp: { tsa, time, wrongImprint: true },
  });
  const [b] = verifyPdf(bad, { trustAnchors: anchors }).signatures;
  assert.equal(b?.intact, true);
  assert.equal(b?.timestamp?.valid, false);
  // Validity is judged at a valid time-stamp's time: the expired certificate's signature,
  // time-stamped while it was valid, is valid.
  const early = await signPdf(minimalPdf(), {
    signer: expired,
    timestamp: { tsa, time: new Date("2020-06-01T00:00:00Z") },
  });
  const [e] = verifyPdf(early, { trustAnchors: anchors }).signatures;
  assert.equal(e?.certificate?.validAtSigningTime, true);
  assert.equal(e?.level, "valid");
});

test("an issuer that is no CA, or a root not valid at the signing time, makes the chain invalid", async () => {
  const notCa = await makeIdentity({
    subject: [
      ["C", "VN"],
      ["CN", "Người ký không phải CA"],
    ],
    issuer: ca,
  });
  const forged = await makeIdentity({
    subject: [
      ["C", "VN"],
      ["CN", "Bộ Nội vụ"],
    ],
    issuer: notCa,
  });
  const pdf = await signPdf(minimalPdf(), { signer: forged, chain: [notCa] });
  const [s] = verifyPdf(pdf, { trustAnchors: anchors }).signatures;
  assert.equal(s?.certificate?.chain, "invalid");
  assert.equal(s?.level, "invalid-certificate");
  // A root that had expired when the document was signed vouches for nothing.
  const oldRoot = await makeIdentity({
    subject: [
      ["C", "VN"],
      ["CN", "CA cũ"],
    ],
    ca: true,
    notBefore: new Date("2015-01-01T00:00:00Z"),
    notAfter: new Date("2020-01-01T00:00:00Z"),
  });
  const late = await makeIdentity({
    subject: [
      ["C", "VN"],
      ["CN", "Sở Tư pháp"],
    ],
    issuer: oldRoot,
    notBefore: new Date("2015-01-01T00:00:00Z"),
    notAfter: new Date("2030-01-01T00:00:00Z"),
  });
  const signed2026 = await signPdf(minimalPdf(), { signer: late });
  const [l] = verifyPdf(signed2026, {
    trustAnchors: trustAnchorsFrom(Buffer.from(pem(oldRoot.der))),
  }).signatures;
  assert.equal(l?.certificate?.chain, "invalid");
  assert.equal(l?.level, "invalid-certificate");
});

test("revocation from an archived CRL: revoked, good, or not checked", async () => {
  const cases: Array<[string, TestIdentity[] | null, string, string]> = [
    ["listed", [leaf], "revoked", "invalid-certificate"],
    ["not listed", [], "good", "valid"],
    ["no CRL", null, "not-checked", "valid"],
  ];
  for (const [what, revoked, revocation, level] of cases) {
    const signedAttributes = revoked ? [await revocationArchive(ca, revoked)] : [];
    const pdf = await signPdf(minimalPdf(), { signer: leaf, signedAttributes });
    const [s] = verifyPdf(pdf, { trustAnchors: anchors }).signatures;
    assert.equal(s?.intact, true, what);
    assert.equal(s?.revocation, revocation, what);
    assert.equal(s?.level, level, what);
  }
  // A CRL in the CA's name but not signed by it is not believed; nor one whose CA is not known.
  const forged = await signPdf(minimalPdf(), {
    signer: leaf,
    signedAttributes: [await revocationArchive(ca, [leaf], undefined, other)],
  });
  assert.equal(
    verifyPdf(forged, { trustAnchors: anchors }).signatures[0]?.revocation,
    "not-checked",
  );
  const listed = await signPdf(minimalPdf(), {
    signer: leaf,
    signedAttributes: [await revocationArchive(ca, [leaf])],
  });
  assert.equal(verifyPdf(listed).signatures[0]?.revocation, "not-checked");
});

test("garbage in /Contents is reported, never thrown", async () => {
  const cases: Array<[string, Uint8Array]> = [
    ["random bytes", Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256)],
    ["a truncated sequence", Uint8Array.from([0x30, 0x82, 0x10, 0x00, 0x06, 0x09])],
    ["empty", new Uint8Array()],
  ];
  for (const [what, contents] of cases) {
    const pdf = await signPdf(minimalPdf(), { signer: leaf, contents });
    const [s] = verifyPdf(pdf, { trustAnchors: anchors }).signatures;
    assert.equal(s?.status, "SIGNATURE_UNREADABLE", what);
    assert.equal(s?.intact, false, what);
    assert.equal(s?.level, "broken", what);
    assert.equal(s?.field, "Signature1", what);
    assert.match(signatureSentence(s!), /Không đọc được dữ liệu chữ ký số/, what);
  }
});

test("limits: a /Contents or a file over the limit is reported", () => {
  const [s] = verifyPdf(signed, { limits: { maxContentsBytes: 100 } }).signatures;
  assert.equal(s?.status, "SIGNATURE_TOO_LARGE");
  assert.equal(s?.intact, false);
  assert.equal(verifyPdf(signed, { limits: { maxFileBytes: 100 } }).problem, "FILE_TOO_LARGE");
  const [c] = verifyPdf(signed, { limits: { maxCertificates: 0 } }).signatures;
  assert.equal(c?.status, "TOO_MANY_CERTIFICATES");
  const [late] = verifyPdf(signed, { limits: { maxMs: -1 } }).signatures;
  assert.equal(late?.status, "TIME_LIMIT");
  assert.equal(late?.intact, false);
});

test(
  "pdfsig reads our fixture as we do",
  { skip: !existsSync(PDFSIG) && "pdfsig is not installed" },
  () => {
    const dir = mkdtempSync(join(tmpdir(), "vanthu-verify-"));
    try {
      const file = join(dir, "signed.pdf");
      writeFileSync(file, signed);
      const out = pdfsig(file);
      assert.equal(out.length, 1);
      assert.equal(out[0]!.cn, "Bộ Nội vụ");
      assert.equal(out[0]!.valid, true);
      assert.equal(out[0]!.total, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

interface PdfsigSignature {
  field: string;
  cn: string;
  time: string;
  valid: boolean;
  total: boolean;
}

/** pdfsig's report of a file (signing times in UTC). */
function pdfsig(file: string): PdfsigSignature[] {
  let out: string;
  try {
    out = execFileSync(PDFSIG, ["-nocert", file], {
      encoding: "utf8",
      env: { ...process.env, TZ: "UTC" },
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? "");
  }
  return out
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      field: /Signature Field Name: (.*)/.exec(block)?.[1] ?? "",
      cn: (/Signer Certificate Common Name: (.*)/.exec(block)?.[1] ?? "").replace(/^\(null\)$/, ""),
      time: /Signing Time: (.*)/.exec(block)?.[1] ?? "",
      valid: /Signature Validation: Signature is Valid/.test(block),
      total: /Total document signed/.test(block) && !/Not total document signed/.test(block),
    }));
}

/** "Jul 03 2025 09:52:36" (UTC) from an ISO instant. */
function pdfsigTime(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const month = d.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
  const p = (n: number) => String(n).padStart(2, "0");
  return `${month} ${p(d.getUTCDate())} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

test("the corpus: the same signatures as pdfsig", (t) => {
  if (!existsSync(CORPUS)) return t.skip("../shared/corpus/files is absent");
  if (!existsSync(PDFSIG)) return t.skip("pdfsig is not installed");
  let files = 0;
  let signatures = 0;
  let agreements = 0;
  let timestamps = 0;
  const badTimestamps: string[] = [];
  let firstSigned: string | null = null;
  const disagreements: string[] = [];
  for (const name of readdirSync(CORPUS)
    .filter((f) => f.endsWith(".pdf"))
    .sort()) {
    const path = join(CORPUS, name);
    const theirs = pdfsig(path);
    const ours = verifyPdf(readFileSync(path)).signatures;
    assert.equal(ours.length, theirs.length, `${name}: count`);
    if (!theirs.length) continue;
    files++;
    firstSigned ??= path;
    theirs.forEach((p, i) => {
      signatures++;
      const s = ours[i]!;
      if (s.timestamp) {
        timestamps++;
        // The token's imprint is the hash of this signature's value, and its own CMS verifies.
        if (!s.timestamp.valid) badTimestamps.push(`${name} #${i + 1}`);
      }
      const mine = {
        field: s.field,
        cn: s.signer.commonName,
        valid: s.intact,
        total: s.coversWholeFile,
      };
      const same =
        mine.field === p.field &&
        (mine.cn ?? "") === p.cn.normalize("NFC") &&
        mine.valid === p.valid &&
        mine.total === p.total &&
        // pdfsig prints the claimed time (to the second): ours is the signed attribute or /M.
        pdfsigTime(s.signingTime) === p.time;
      if (same) agreements++;
      else
        disagreements.push(
          `${name} #${i + 1}: ${JSON.stringify(mine)} ${pdfsigTime(s.signingTime)} vs ${JSON.stringify(p)}`,
        );
    });
  }
  console.log(
    `verify vs pdfsig: ${files} signed files, ${signatures} signatures, ${agreements} agree; ${timestamps} time-stamp tokens`,
  );
  assert.deepEqual(disagreements, []);
  assert.deepEqual(badTimestamps, []);
  assert.ok(timestamps > 0);
  assert.ok(signatures > 0);
  // One byte changed inside the first signature's signed range of a real file.
  const bytes = Uint8Array.from(readFileSync(firstSigned!));
  const [s0] = verifyPdf(bytes).signatures;
  assert.equal(s0?.intact, true);
  const at = Math.floor(s0!.byteRange![1] / 2);
  bytes[at] = bytes[at]! ^ 0x20;
  const [s1] = verifyPdf(bytes).signatures;
  assert.equal(s1?.intact, false);
  assert.equal(s1?.level, "broken");
});

test("in the isolated reader: the same report as in this process; a full queue is refused", async () => {
  const pool = new ReaderPool({ workers: 1, maxQueue: 1 });
  try {
    const now = new Date("2026-12-01T00:00:00Z");
    const here = verifyPdf(signed, { trustAnchors: anchors, now });
    const there = await pool.verifyPdf(signed, [ca.der], now);
    assert.deepEqual(there, here);
    assert.equal(there.signatures[0]!.level, "valid");
    // The caller's bytes are copied, not taken from it.
    assert.ok(signed.length > 0 && signed[0] === 0x25);
    const queued = [1, 2, 3].map(() => pool.verifyPdf(signed, [], now));
    const settled = await Promise.allSettled(queued);
    assert.ok(
      settled.some(
        (s) => s.status === "rejected" && (s.reason as ReaderError).code === "READER_BUSY",
      ),
    );
  } finally {
    await pool.close();
  }
});
