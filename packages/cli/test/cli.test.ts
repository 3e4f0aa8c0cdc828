import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli as run } from "./run-cli.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const EX = (name: string): string => join(ROOT, "examples", name);

test('parse --json: one object per line, the path as given in a leading "file" key', async () => {
  const a = EX("02-ke-hoach-tinh-uy.txt");
  const b = EX("04-cong-van-cuc-thue.txt");
  const r = await run(["parse", a, b, "--json"]);
  assert.equal(r.code, 0);
  assert.deepEqual(r.err, []);
  assert.equal(r.out.length, 2);
  const first = JSON.parse(r.out[0]!);
  assert.equal(Object.keys(first)[0], "file");
  assert.equal(first.file, a);
  assert.equal(first.reference, "45-KH/TU");
  assert.equal(first.format, "party");
  assert.equal(JSON.parse(r.out[1]!).reference, "1208/CT-CS");
});

test("parse: a missing file is reported on stderr with its name; the others still parse; exit 1", async () => {
  const r = await run(["parse", "khong-co.txt", EX("02-ke-hoach-tinh-uy.txt"), "--json"]);
  assert.equal(r.code, 1);
  assert.equal(r.out.length, 1);
  assert.equal(r.err.length, 1);
  assert.match(r.err[0]!, /khong-co\.txt: Không tìm thấy tệp\. \[FILE_NOT_FOUND\]/);
});

test("parse: unreadable content (VNI encoding, a directory) fails with a clear message", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vanthu-"));
  const vni = join(dir, "vni.txt");
  writeFileSync(
    vni,
    Buffer.from(
      "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. Kính göûi: Sôû Y teá.",
      "latin1",
    ),
  );
  const r = await run(["parse", vni, dir]);
  assert.equal(r.code, 1);
  assert.match(r.err.join("\n"), /vni\.txt: .*VNI.*\[LEGACY_ENCODING_VNI\]/);
  assert.match(r.err.join("\n"), /Đây là thư mục.*\[IS_DIRECTORY\]/);
});

test("parse without --json: a readable Vietnamese summary", async () => {
  const r = await run(["parse", EX("01-cong-van-so-tttt-du-thao.txt")]);
  assert.equal(r.code, 0);
  const text = r.out.join("\n");
  assert.match(text, /Số, ký hiệu:\s+\/SVHTT-TTBC \(chưa cấp số\)/);
  assert.match(text, /Ký:\s+KT\. GIÁM ĐỐC \/ PHÓ GIÁM ĐỐC \/ Đinh Thị Thu Hương/);
  assert.match(text, /Văn bản được dẫn \(5\):/);
  assert.match(text, /! Số văn bản để trống \(dự thảo\)\./);
});

test("bad usage exits 2 with a hint", async () => {
  for (const args of [[], ["parse"], ["frobnicate"], ["parse", "x.txt", "--bogus"]]) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.ok(r.err.length > 0, args.join(" "));
  }
  const help = await run(["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.out.join("\n"), /vanthu parse FILE/);
});

test("demo parses the examples and links the plan that the công văn cites", async () => {
  const r = await run(["demo"]);
  assert.equal(r.code, 0);
  assert.match(
    r.out.join("\n"),
    /01-cong-van-so-tttt-du-thao\.txt -> examples\/02-ke-hoach-tinh-uy\.txt \(Kế hoạch 45-KH\/TU\)/,
  );
});

test("the installed command runs from the repository root (npx vanthu)", () => {
  const bin = join(ROOT, "node_modules", ".bin", "vanthu");
  const out = execFileSync(bin, ["parse", "examples/05-thong-bao-mot-dong.txt", "--json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  assert.equal(JSON.parse(out).file, "examples/05-thong-bao-mot-dong.txt");
  const stdin = spawnSync(bin, ["parse", "-", "--json"], {
    cwd: ROOT,
    input: "Số: 12/UBND-VP\n\nCao Nguyên, ngày 01 tháng 6 năm 2026\n",
    encoding: "utf8",
  });
  assert.equal(stdin.status, 0);
  assert.equal(JSON.parse(stdin.stdout).reference, "12/UBND-VP");
  const bad = spawnSync(bin, ["parse", "nope.txt"], { cwd: ROOT, encoding: "utf8" });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /nope\.txt/);
});

test("render: a text document and a parse --json output to PDF; bad format and missing -o are usage errors", async () => {
  const { mkdtempSync: mk, readFileSync: read, writeFileSync: write } = await import("node:fs");
  const dir = mk(join(tmpdir(), "vanthu-render-"));
  const out = join(dir, "a.pdf");
  const r = await run(["render", EX("06-cong-van-xa-cascade.md"), "--format", "pdf", "-o", out]);
  assert.equal(r.code, 0);
  assert.equal(new TextDecoder().decode(read(out).subarray(0, 5)), "%PDF-");
  const json = join(dir, "doc.json");
  const parsed = await run(["parse", EX("05-thong-bao-mot-dong.txt"), "--json"]);
  write(json, parsed.out[0]!);
  assert.equal((await run(["render", json, "-o", join(dir, "b.pdf")])).code, 0);
  assert.equal(
    (await run(["render", EX("06-cong-van-xa-cascade.md"), "--format", "rtf", "-o", out])).code,
    2,
  );
  assert.equal((await run(["render", EX("06-cong-van-xa-cascade.md")])).code, 2);
  write(join(dir, "bad.json"), "{}");
  const bad = await run(["render", join(dir, "bad.json"), "-o", out]);
  assert.equal(bad.code, 1);
  assert.match(bad.err[0]!, /INVALID_DOCUMENT_JSON/);
});
