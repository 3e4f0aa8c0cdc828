import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseExtracted } from "@vanthu/extract";
import { main, type Io } from "@vanthu/cli";
import { THREADS_FROM } from "../src/commands/parse.ts";
import { contractJson } from "../src/parse-output.ts";
import type { Terminal } from "../src/io.ts";
import { PROGRESS_FROM, progressBar, progressFor, progressLine } from "../src/progress.ts";

const EXAMPLES = fileURLToPath(new URL("../../../examples/", import.meta.url));
const PDF = fileURLToPath(new URL("../../extract/test/fixtures/cong-van.pdf", import.meta.url));

async function run(args: string[], io?: Partial<Io>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (l) => void out.push(l),
    err: (l) => void err.push(l),
    ...io,
  });
  return { code, out, err };
}

test("parse over many files (parse threads): the same lines, in the order given, as one at a time", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vanthu-batch-"));
  try {
    const sources = [
      "02-ke-hoach-tinh-uy.txt",
      "04-cong-van-cuc-thue.txt",
      "06-cong-van-xa-cascade.md",
    ];
    const files: string[] = [];
    for (let i = 0; i < THREADS_FROM + 8; i++) {
      const file = join(dir, `${String(i).padStart(2, "0")}-${sources[i % 3]}`);
      copyFileSync(join(EXAMPLES, sources[i % 3]!), file);
      files.push(file);
    }
    // Files the threads do not take, in the middle: missing, a directory, a PDF, VNI, empty.
    mkdirSync(join(dir, "thu-muc"));
    writeFileSync(
      join(dir, "vni.txt"),
      Buffer.from("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do.", "latin1"),
    );
    writeFileSync(join(dir, "rong.txt"), "");
    copyFileSync(PDF, join(dir, "cong-van.pdf"));
    const odd = ["khong-co.txt", "thu-muc", "cong-van.pdf", "vni.txt", "rong.txt"].map((f) =>
      join(dir, f),
    );
    files.splice(5, 0, ...odd);

    for (const json of [true, false]) {
      const flags = json ? ["--json"] : [];
      const batch = await run(["parse", ...files, ...flags]);
      const one: { out: string[]; err: string[]; code: number[] } = { out: [], err: [], code: [] };
      for (const f of files) {
        const r = await run(["parse", f, ...flags]);
        if (r.out.length && one.out.length && !json) one.out.push("");
        one.out.push(...r.out);
        one.err.push(...r.err);
        one.code.push(r.code);
      }
      assert.equal(batch.code, 1);
      assert.deepEqual(batch.out, one.out, json ? "--json" : "summaries");
      assert.deepEqual(batch.err, one.err);
      assert.equal(batch.err.length, 4, batch.err.join("\n"));
    }
    const lines = (await run(["parse", ...files, "--json"])).out.map((l) => JSON.parse(l).file);
    assert.deepEqual(
      lines,
      files.filter((f) => !/khong-co|thu-muc|vni|rong/.test(f)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("parse over many files, written as bytes: the same output as written line by line", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vanthu-batch-bytes-"));
  try {
    const sources = ["01-cong-van-so-tttt-du-thao.txt", "03-quyet-dinh-ubnd.txt"];
    const files: string[] = [];
    for (let i = 0; i < THREADS_FROM + 5; i++) {
      const file = join(dir, `${String(i).padStart(2, "0")}-${sources[i % 2]}`);
      copyFileSync(join(EXAMPLES, sources[i % 2]!), file);
      files.push(file);
    }
    files.splice(7, 0, join(dir, "khong-co.txt"), PDF);
    for (const json of [true, false]) {
      const flags = json ? ["--json"] : [];
      const lines = await run(["parse", ...files, ...flags]);
      const chunks: Uint8Array[] = [];
      // Lines and bytes in the order written: blank lines between summaries come as lines.
      const bytes = await run(["parse", ...files, ...flags], {
        out: (l) => void chunks.push(Buffer.from(`${l}\n`)),
        write: (b) => void chunks.push(Buffer.from(b)),
      });
      assert.equal(bytes.code, lines.code);
      assert.equal(
        Buffer.concat(chunks).toString("utf8"),
        lines.out.map((l) => `${l}\n`).join(""),
        json ? "--json" : "summaries",
      );
      assert.deepEqual(bytes.err, lines.err);
      // Many lines to a write: a batch's lines are written together.
      if (json) assert.ok(chunks.length < files.length / 2, `${chunks.length} writes`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("contractJson: the line JSON.stringify({ file, ...parsed }) writes, the first document once", () => {
  const text = (name: string): string => readFileSync(join(EXAMPLES, name), "utf8");
  const one = parseExtracted({ text: text("04-cong-van-cuc-thue.txt"), format: "text", notes: [] });
  const letter = (number: string, to: string): string =>
    [
      "BỘ VĂN HÓA VÀ TRUYỀN THÔNG",
      `Số: ${number}/BVHTT-TTCS`,
      "V/v phối hợp tuyên truyền",
      "",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Hà Nội, ngày 12 tháng 3 năm 2026",
      `Kính gửi: ${to}`,
      "Bộ Văn hóa và Truyền thông đề nghị quý cơ quan phối hợp tuyên truyền.",
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT, TTCS.",
      "KT. BỘ TRƯỞNG",
      "THỨ TRƯỞNG",
      "Đinh Công Lý",
      "",
    ].join("\n");
  const letters = [letter("101", "Sở Nội vụ"), letter("102", "Sở Tư pháp")];
  const several = parseExtracted({ text: letters.join("\n"), format: "text", notes: [] });
  assert.equal(several.documents.length, 2);
  for (const parsed of [one, several])
    for (const file of ["a.txt", 'thư mục/"b".txt'])
      assert.equal(contractJson(file, parsed), JSON.stringify({ file, ...parsed }));
  // Not the shape parseExtracted gives (a field changed at the top): written in full.
  const changed = { ...one, subject: "khác" };
  assert.equal(contractJson("a.txt", changed), JSON.stringify({ file: "a.txt", ...changed }));
});

function fakeTerminal(o: { stdoutIsTerminal?: boolean; stdoutIsPipe?: boolean; columns?: number }) {
  const written: string[] = [];
  const terminal: Terminal = {
    write: (t) => void written.push(t),
    columns: o.columns ?? 80,
    stdoutIsTerminal: o.stdoutIsTerminal ?? false,
    stdoutIsPipe: o.stdoutIsPipe ?? false,
  };
  return { terminal, written };
}

test("progress: shown on a terminal for many files, not for few, not for --json into a pipe", () => {
  const io = (t?: Terminal): Io => ({ out: () => {}, err: () => {}, terminal: t });
  const cases: Array<[string, number, boolean, Terminal | undefined, boolean]> = [
    ["stderr not a terminal", 1000, false, undefined, false],
    ["few files", PROGRESS_FROM - 1, false, fakeTerminal({}).terminal, false],
    [
      "summaries on the terminal",
      PROGRESS_FROM,
      false,
      fakeTerminal({ stdoutIsTerminal: true }).terminal,
      true,
    ],
    ["--json into a file", 1000, true, fakeTerminal({}).terminal, true],
    ["--json into a pipe", 1000, true, fakeTerminal({ stdoutIsPipe: true }).terminal, false],
    ["summaries into a pipe", 1000, false, fakeTerminal({ stdoutIsPipe: true }).terminal, true],
  ];
  for (const [name, total, json, terminal, shown] of cases)
    assert.equal(progressFor(total, { json, io: io(terminal) }) !== null, shown, name);
});

test("progress line: bar, count, percentage, rate and the file, fitted to the width", () => {
  const cases: Array<[number, number, number, string, number, string]> = [
    [0, 100, 0, "a.txt", 80, "[........................] 0/100 0%  a.txt"],
    [50, 100, 2, "a.txt", 80, "[############............] 50/100 50% 25 tệp/s  a.txt"],
    [100, 100, 4, "b.txt", 80, "[########################] 100/100 100% 25 tệp/s  b.txt"],
    [
      1,
      3,
      1,
      "thu-muc-rat-dai/van-ban.txt",
      64,
      "[########................] 1/3 33% 1 tệp/s  …at-dai/van-ban.txt",
    ],
    [1, 3, 1, "x.txt", 30, "[########................] 1/"],
  ];
  for (const [done, total, seconds, file, columns, line] of cases) {
    const got = progressLine(done, total, seconds, file, columns);
    assert.equal(got, line, `${done}/${total} in ${columns}`);
    assert.ok(got.length < columns, got);
  }
});

test("progress bar: redrawn at most every 100 ms and at the end; lines clear it first", () => {
  let now = 0;
  const { terminal, written } = fakeTerminal({ stdoutIsTerminal: true });
  const bar = progressBar(5, terminal, () => now);
  const lines: string[] = [];
  const io = bar.wrap({
    out: (l) => void lines.push(`out ${l}`),
    err: (l) => void lines.push(`err ${l}`),
  });
  bar.tick(1, "a");
  now = 50;
  bar.tick(2, "b"); // too soon
  assert.equal(written.length, 1);
  io.out("kết quả");
  assert.deepEqual(written.slice(1), ["\r\x1b[K"]);
  io.err("lỗi"); // nothing drawn since: nothing to clear
  assert.equal(written.length, 2);
  now = 200;
  bar.tick(3, "c");
  now = 210;
  bar.tick(5, "e"); // the last one is always drawn
  assert.match(written.at(-1)!, /5\/5 100%/);
  bar.end();
  assert.equal(written.at(-1), "\r\x1b[K");
  assert.deepEqual(lines, ["out kết quả", "err lỗi"]);
});
