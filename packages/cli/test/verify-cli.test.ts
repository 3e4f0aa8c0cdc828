/**
 * `vanthu verify`: the JSON line of issue 16, the Vietnamese summary, trust anchors from --trust,
 * and the exit codes (0 intact, 1 broken, 2 unreadable), on fixtures signed in the test.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { makeIdentity, minimalPdf, pem, signPdf } from "../../signatures/test/verify-fixtures.ts";
import { runCli as run } from "./run-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "vanthu-verify-cli-"));
const file = (name: string) => join(dir, name);

before(async () => {
  const ca = await makeIdentity({
    subject: [
      ["C", "VN"],
      ["CN", "CA thử nghiệm vanthu"],
    ],
    ca: true,
  });
  const leaf = await makeIdentity({
    subject: [
      ["C", "VN"],
      ["O", "Bộ Nội vụ"],
      ["CN", "Bộ Nội vụ"],
    ],
    issuer: ca,
  });
  const signed = await signPdf(minimalPdf(), { signer: leaf });
  writeFileSync(file("signed.pdf"), signed);
  const tampered = Uint8Array.from(signed);
  tampered[30] = tampered[30]! ^ 1;
  writeFileSync(file("tampered.pdf"), tampered);
  writeFileSync(file("plain.pdf"), minimalPdf());
  writeFileSync(file("ca.pem"), pem(ca.der));
  writeFileSync(file("note.txt"), "không phải PDF");
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("verify --json: one line per file, the fields of issue 16 in order; exit 0", async () => {
  const r = await run([
    "verify",
    file("signed.pdf"),
    file("plain.pdf"),
    "--json",
    "--trust",
    file("ca.pem"),
  ]);
  assert.equal(r.code, 0);
  assert.deepEqual(r.err, []);
  assert.equal(r.out.length, 2);
  const first = JSON.parse(r.out[0]!);
  assert.deepEqual(Object.keys(first), ["file", "signatures"]);
  assert.equal(first.file, file("signed.pdf"));
  const [s] = first.signatures;
  assert.deepEqual(Object.keys(s).slice(0, 11), [
    "field",
    "signer",
    "issuer",
    "signingTime",
    "hash",
    "type",
    "intact",
    "coversWholeFile",
    "certificate",
    "revisions",
    "timestamp",
  ]);
  assert.deepEqual(Object.keys(s.signer), ["commonName", "organization", "unit", "email"]);
  assert.equal(s.signer.commonName, "Bộ Nội vụ");
  assert.equal(s.intact, true);
  assert.equal(s.certificate.chain, "trusted");
  assert.equal(s.level, "valid");
  assert.equal(s.message, "Chữ ký của Bộ Nội vụ hợp lệ, văn bản không bị thay đổi sau khi ký.");
  assert.deepEqual(JSON.parse(r.out[1]!), { file: file("plain.pdf"), signatures: [] });
});

test("verify: a readable summary in Vietnamese; without --trust the issuer is unknown", async () => {
  const r = await run(["verify", file("signed.pdf")]);
  assert.equal(r.code, 0);
  const text = r.out.join("\n");
  assert.match(text, /1 chữ ký số/);
  assert.match(text, /chưa xác định được tổ chức cấp chứng thư số của CA thử nghiệm vanthu/);
  assert.match(text, /Ký lúc 10:04:05 02\/03\/2026 \(giờ Việt Nam\)/);
  assert.equal(text, text.normalize("NFC"));
});

test("verify: a tampered file exits 1 and says it was changed", async () => {
  const r = await run(["verify", file("tampered.pdf"), file("signed.pdf")]);
  assert.equal(r.code, 1);
  assert.match(r.out[0]!, /Văn bản đã bị sửa sau khi ký/);
  const json = await run(["verify", file("tampered.pdf"), "--json"]);
  assert.equal(json.code, 1);
  assert.equal(JSON.parse(json.out[0]!).signatures[0].level, "broken");
});

test("verify: an unreadable file exits 2, named on stderr; bad usage too", async () => {
  const r = await run([
    "verify",
    file("missing.pdf"),
    file("note.txt"),
    file("signed.pdf"),
    "--json",
  ]);
  assert.equal(r.code, 2);
  assert.deepEqual(r.err, [
    `${file("missing.pdf")}: Không tìm thấy tệp.`,
    `${file("note.txt")}: Tệp không phải PDF.`,
  ]);
  assert.equal(r.out.length, 1);
  const bad = await run(["verify", file("signed.pdf"), "--trust", file("note.txt")]);
  assert.equal(bad.code, 2);
  assert.match(bad.err.at(-1)!, /Không có chứng thư gốc nào đọc được/);
  assert.equal((await run(["verify"])).code, 2);
});
