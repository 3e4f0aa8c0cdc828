/**
 * `vanthu edxml read|write|status` (issue 17): the JSON line with the field names, a
 * package written from a document (its header from the document's own parse) and read back, a
 * status package, the exit codes (0 read or written, 1 refused, 2 unreadable file or bad usage)
 * and the Vietnamese messages.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkEdxmlStructure, signEdxml, writeEdxmlStatus } from "@vanthu/edxml";
import { createDevelopmentPki, Pkcs12Signer } from "@vanthu/signatures";
import { status } from "../../edxml/test/fixtures.ts";
import { runCli as run } from "./run-cli.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const EXAMPLE = join(ROOT, "examples", "03-quyet-dinh-ubnd.txt");
const REAL = fileURLToPath(new URL("../../../../shared/interop/edxml/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "vanthu-edxml-cli-"));
const file = (name: string) => join(dir, name);
after(() => rmSync(dir, { recursive: true, force: true }));

test("edxml write from a text document, then read --json: the header is the document's own", async () => {
  const w = await run([
    "edxml",
    "write",
    EXAMPLE,
    "--from",
    "000.00.00.H99=UBND tỉnh Cao Nguyên",
    "--to",
    "000.00.21.H99=Sở Thông tin và Truyền thông",
    "--to",
    "000.00.22.H99",
    "-o",
    file("qd.edxml"),
  ]);
  assert.equal(w.code, 0, w.err.join("\n"));
  assert.match(
    w.out[0]!,
    /^Đã ghi .*qd\.edxml: 0287\/QĐ-UBND, DocumentId 000\.00\.00\.H99,2026\/02\/09,0287\/QĐ-UBND, 2 nơi nhận/,
  );
  assert.ok(checkEdxmlStructure(readFileSync(file("qd.edxml"))).ok);
  const r = await run(["edxml", "read", file("qd.edxml"), "--json"]);
  assert.equal(r.code, 0);
  assert.deepEqual(r.err, []);
  assert.equal(r.out.length, 1);
  const j = JSON.parse(r.out[0]!);
  const names = [
    "file",
    "kind",
    "documentId",
    "from",
    "to",
    "reference",
    "number",
    "symbol",
    "date",
  ];
  assert.deepEqual(Object.keys(j).slice(0, names.length), names);
  assert.equal(j.kind, "document");
  assert.equal(j.documentId, "000.00.00.H99,2026/02/09,0287/QĐ-UBND");
  assert.deepEqual([j.from.organId, j.from.organName], ["000.00.00.H99", "UBND tỉnh Cao Nguyên"]);
  assert.deepEqual(
    j.to.map((t: { organId: string; organName: string | null }) => [t.organId, t.organName]),
    [
      ["000.00.21.H99", "Sở Thông tin và Truyền thông"],
      ["000.00.22.H99", null],
    ],
  );
  assert.deepEqual(
    [j.reference, j.number, j.symbol, j.date],
    ["0287/QĐ-UBND", "0287", "QĐ-UBND", "2026-02-09"],
  );
  assert.deepEqual(j.type, { code: "QĐ", name: "Quyết định", edxmlType: "1", typeDetail: "0" });
  assert.equal(j.place, "Cao Nguyên");
  assert.deepEqual(Object.keys(j.signer), ["competence", "position", "fullName"]);
  assert.equal(j.signer.fullName, "Vương Đình Quý");
  assert.equal(j.businessType, 0);
  assert.equal(j.dueDate, null);
  const size = readFileSync(EXAMPLE).length;
  assert.deepEqual(
    j.attachments.map((a: Record<string, unknown>) => [a.name, a.contentType, a.bytes]),
    [["03-quyet-dinh-ubnd.txt", "text/plain", size]],
  );
  assert.match(j.attachments[0].contentId, /^cid:[0-9a-f-]{36}$/);
  assert.deepEqual(j.warnings, []);
});

test("edxml write from a PDF read by the reader; the summary in Vietnamese", async () => {
  const pdf = file("qd.pdf");
  const rendered = await run(["render", EXAMPLE, "--format", "pdf", "-o", pdf]);
  assert.equal(rendered.code, 0, rendered.err.join("\n"));
  const w = await run([
    "edxml",
    "write",
    pdf,
    "--from",
    "000.00.00.H99",
    "--to",
    "000.00.00.G99",
    "--attach",
    EXAMPLE,
    "-o",
    file("pdf.edxml"),
  ]);
  assert.equal(w.code, 0, w.err.join("\n"));
  const r = await run(["edxml", "read", file("pdf.edxml")]);
  assert.equal(r.code, 0);
  const text = r.out.join("\n");
  assert.match(text, /gói văn bản edXML/);
  assert.match(text, /Số, ký hiệu: 0287\/QĐ-UBND/);
  assert.match(text, /Loại văn bản: Quyết định/);
  assert.match(text, /Tệp đính kèm: qd\.pdf \(application\/pdf, \d+ byte\)/);
  assert.match(text, /Nghiệp vụ: 0 \(văn bản mới\)/);
  assert.equal(text, text.normalize("NFC"));
  assert.match(w.out[0]!, /2 tệp đính kèm/);
  const json = JSON.parse((await run(["edxml", "read", file("pdf.edxml"), "--json"])).out[0]!);
  assert.deepEqual(
    json.attachments.map((a: { name: string; bytes: number }) => [a.name, a.bytes]),
    [
      ["qd.pdf", readFileSync(pdf).length],
      ["03-quyet-dinh-ubnd.txt", readFileSync(EXAMPLE).length],
    ],
  );
});

test("edxml status: a status package for a DocumentId, read back", async () => {
  const w = await run([
    "edxml",
    "status",
    "--for",
    "000.00.00.H99,2026/02/09,0287/QĐ-UBND",
    "--code",
    "03",
    "--from",
    "000.00.21.H99=Sở Thông tin và Truyền thông",
    "--description",
    "Văn thư Sở: đã vào sổ văn bản đến",
    "-o",
    file("st.edxml"),
  ]);
  assert.equal(w.code, 0, w.err.join("\n"));
  assert.match(w.out[0]!, /trạng thái 03 \(Đã tiếp nhận, vào sổ\)/);
  const j = JSON.parse((await run(["edxml", "read", file("st.edxml"), "--json"])).out[0]!);
  assert.deepEqual(Object.keys(j).slice(0, 4), ["file", "kind", "statusCode", "responseFor"]);
  assert.equal(j.kind, "status");
  assert.equal(j.statusCode, "03");
  assert.deepEqual(j.responseFor, {
    organId: "000.00.00.H99",
    code: "0287/QĐ-UBND",
    documentId: "000.00.00.H99,2026/02/09,0287/QĐ-UBND",
    promulgationDate: "2026-02-09",
    promulgationDateAsWritten: "2026/02/09",
  });
  assert.equal(j.from.organId, "000.00.21.H99");
  assert.match(j.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
  assert.equal(j.description, "Văn thư Sở: đã vào sổ văn bản đến");
  assert.ok("staff" in j);
  // A UUID DocumentId needs --to: nothing is derived from it.
  const uuid = [
    "edxml",
    "status",
    "--for",
    "5d1f0a3c-7e2b-4c9a-8f10-2a6b3c4d5e6f",
    "--code",
    "02",
    "--from",
    "000.00.21.H99",
    "-o",
    file("u.edxml"),
  ];
  const refused = await run(uuid);
  assert.equal(refused.code, 2);
  assert.match(refused.err[0]!, /cho biết nơi nhận bằng --to/);
  assert.equal((await run([...uuid, "--to", "000.00.00.H99"])).code, 0);
});

test("edxml: exit 1 for a refused package, 2 for an unreadable file or bad usage; messages in Vietnamese", async () => {
  writeFileSync(
    file("doctype.edxml"),
    '<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x "y">]><edXML/>',
  );
  writeFileSync(file("other.edxml"), '<edXML xmlns="urn:khac"/>');
  const r = await run([
    "edxml",
    "read",
    file("doctype.edxml"),
    file("other.edxml"),
    file("st.edxml"),
    "--json",
  ]);
  assert.equal(r.code, 1);
  assert.equal(r.out.length, 1);
  assert.match(
    r.err[0]!,
    /doctype\.edxml: Gói edXML có khai báo DOCTYPE: bị từ chối vì lý do an toàn\. \(EDXML_DOCTYPE/,
  );
  assert.match(
    r.err[1]!,
    /other\.edxml: Gói edXML không dùng không gian tên của QCVN 102:2016\/BTTTT\. \(EDXML_WRONG_NAMESPACE tại \/edXML/,
  );
  const missing = await run(["edxml", "read", file("khong-co.edxml")]);
  assert.equal(missing.code, 2);
  assert.deepEqual(missing.err, [`${file("khong-co.edxml")}: Không tìm thấy tệp.`]);
  // A status code QCVN 102 does not have: a usage error that lists the ones it has.
  const badStatus = [
    "edxml",
    "status",
    "--for",
    "a,b,c",
    "--code",
    "07",
    "--from",
    "000.00.21.H99",
    "-o",
    file("x.edxml"),
  ];
  for (const args of [
    ["edxml"],
    ["edxml", "read"],
    ["edxml", "write", EXAMPLE, "--to", "000.00.00.G99", "-o", file("x.edxml")],
    [
      "edxml",
      "write",
      EXAMPLE,
      "--from",
      "UBND tỉnh",
      "--to",
      "000.00.00.G99",
      "-o",
      file("x.edxml"),
    ],
    badStatus,
  ]) {
    const u = await run(args);
    assert.equal(u.code, 2, args.join(" "));
    assert.ok(u.err.length, args.join(" "));
  }
  assert.match(
    (await run(badStatus)).err[0]!,
    /mã trạng thái "07" không có; dùng một trong 01, 02, 03, 04, 05, 06, 13, 15, 16/,
  );
  const noDoc = await run([
    "edxml",
    "write",
    file("khong-co.pdf"),
    "--from",
    "000.00.00.H99",
    "--to",
    "000.00.00.G99",
    "-o",
    file("x.edxml"),
  ]);
  assert.equal(noDoc.code, 1);
  assert.match(noDoc.err[0]!, /Không tìm thấy tệp/);
  assert.equal(existsSync(file("x.edxml")), false);
});

test(
  "edxml read --json on every real package",
  { skip: existsSync(REAL) ? false : `the real edXML packages are not here (${REAL}): skipped` },
  async () => {
    const files = readdirSync(REAL).sort();
    assert.equal(files.length, 15);
    const r = await run(["edxml", "read", ...files.map((f) => join(REAL, f)), "--json"]);
    assert.equal(r.code, 0, r.err.join("\n"));
    const lines = r.out.map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((l) => [l.kind, l.kind === "document" ? l.businessType : l.statusCode]),
      [
        ["document", 0],
        ["document", 0],
        ["document", 3],
        ["document", 1],
        ["document", 2],
        ["status", "01"],
        ["status", "03"],
        ["status", "04"],
        ["status", "13"],
        ["status", "15"],
        ["status", "16"],
        ["status", "06"],
        ["status", "01"],
        ["status", "05"],
        ["status", "02"],
      ],
    );
    const update = lines[4];
    assert.equal(update.reference, "7816/VPCP-TTĐT");
    assert.equal(update.date, "2018-09-28");
    assert.equal(update.to.length, 3);
    assert.equal(update.attachments[0].bytes, 270823);
    assert.equal(update.attachments[0].package.kind, "document");
  },
);

test("edxml read: a signed package's verdict, against the --trust roots", async () => {
  const pki = await createDevelopmentPki();
  const id = await pki.agency({ name: "Sở Thông tin và Truyền thông", password: "p" });
  const unsigned = new TextEncoder().encode(writeEdxmlStatus(status("03", "Đã vào sổ")));
  writeFileSync(file("signed.edxml"), await signEdxml(unsigned, Pkcs12Signer.open(id.p12, "p")));
  writeFileSync(file("root.pem"), pki.rootPem);
  const cases: Array<[string[], string, RegExp]> = [
    [["--trust", file("root.pem")], "valid", /Chữ ký XML: hợp lệ; chứng thư: CN=Sở Thông tin/],
    [[], "unknown-chain", /Chữ ký XML: đúng, nhưng .*\(CERTIFICATE_UNKNOWN_ISSUER: /],
  ];
  for (const [trust, verified, line] of cases) {
    const j = await run(["edxml", "read", file("signed.edxml"), "--json", ...trust]);
    assert.equal(j.code, 0, j.err.join("\n"));
    assert.equal(JSON.parse(j.out[0]!).signature.verified, verified);
    const s = await run(["edxml", "read", file("signed.edxml"), ...trust]);
    assert.match(s.out[0]!, line);
  }
  const none = await run(["edxml", "read", file("signed.edxml"), "--trust", file("st.edxml")]);
  assert.equal(none.code, 2);
});
