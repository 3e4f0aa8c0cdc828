import { test } from "node:test";
import assert from "node:assert/strict";
import { fork, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { main, type Io } from "@vanthu/cli";
import { buildState, sha256 } from "../bin/build-state.js";
import { THREADS_FROM } from "../src/commands/parse.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

test("build state: fresh while every input matches; a changed or missing input makes it stale", () => {
  const dir = mkdtempSync(join(tmpdir(), "vanthu-build-state-"));
  try {
    const dist = join(dir, "dist/");
    mkdirSync(dist);
    mkdirSync(join(dir, "src"));
    const source = join(dir, "src", "a.ts");
    const cases: Array<[string, () => void, boolean]> = [
      ["as built", () => {}, true],
      ["time changed, same content (a checkout)", () => utimesSync(source, 1, 1), true],
      ["content changed, same size", () => writeFileSync(source, "export const a = 2;\n"), false],
      ["size changed", () => writeFileSync(source, "export const a = 10;\n"), false],
      ["gone", () => rmSync(source), false],
    ];
    for (const [name, change, fresh] of cases) {
      writeFileSync(source, "export const a = 1;\n");
      utimesSync(source, 1000, 1000);
      const info = { size: 20, mtimeMs: 1000 * 1000, sha256: sha256(source) };
      writeFileSync(join(dist, "build.json"), JSON.stringify({ inputs: { "../src/a.ts": info } }));
      change();
      const state = buildState(dist);
      assert.equal(state.built, true, name);
      assert.equal(state.fresh, fresh, name);
      if (!fresh) assert.equal(state.changed, source, name);
    }
    rmSync(join(dist, "build.json"));
    assert.deepEqual(buildState(dist), { built: false, fresh: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function inProcess(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io: Io = { out: (l) => void out.push(l), err: () => {} };
  const code = await main(args, io);
  return { code, out: out.join("\n") };
}

test("the build: each command from JavaScript, with the sources' paths, readers and threads", async () => {
  // Beside packages/cli/dist, as deep: the build writes the sources' paths relative to it.
  const dist = join(ROOT, "packages", "cli", `dist-test-${process.pid}`);
  const work = mkdtempSync(join(tmpdir(), "vanthu-built-"));
  try {
    const build = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/build-cli.ts", "--out", dist],
      { cwd: ROOT, encoding: "utf8" },
    );
    assert.equal(build.status, 0, build.stderr);
    assert.ok(existsSync(join(dist, "build.json")));
    const manifest = JSON.parse(readFileSync(join(dist, "build.json"), "utf8"));
    assert.ok(manifest.inputs["../src/main.ts"], "the sources are listed");
    assert.ok(buildState(`${dist}/`).fresh);

    const built = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const { main } = await import(${JSON.stringify(join(dist, "main.js"))});
           process.exitCode = await main(process.argv.slice(1));`,
          "--",
          ...args,
        ],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } },
      );
    const version = built(["--version"]);
    assert.equal(version.stdout, "vanthu 0.1.0\n");

    const files: string[] = [];
    for (let i = 0; i < THREADS_FROM; i++) {
      files.push(join(work, `${i}.txt`));
      copyFileSync(join(ROOT, "examples", "04-cong-van-cuc-thue.txt"), files.at(-1)!);
    }
    files.push(join(ROOT, "packages", "extract", "test", "fixtures", "cong-van.pdf"));
    const cases: Array<[string, string[]]> = [
      ["one text file", ["parse", "examples/02-ke-hoach-tinh-uy.txt", "--json"]],
      ["a PDF (the built reader) and parse threads", ["parse", ...files, "--json"]],
      ["summaries from parse threads", ["parse", ...files]],
      ["demo (examples/ found from the build)", ["demo"]],
    ];
    for (const [name, args] of cases) {
      const r = built(args);
      assert.equal(r.status, 0, `${name}: ${r.stderr}`);
      assert.equal(r.stdout, `${(await inProcess(args)).out}\n`, name);
    }
    // The built reader with edxml's built task module (as the server's pool starts it): a
    // package read there.
    const readerWorker = fork(
      join(dist, "reader-worker.js"),
      [`--task-module=${pathToFileURL(join(dist, "edxml-reader-task.js")).href}`],
      { serialization: "advanced", stdio: ["ignore", "ignore", "inherit", "ipc"] },
    );
    const status = await new Promise<unknown>((resolve) => {
      readerWorker.on("message", (m: { ready?: boolean; ok?: boolean; output?: unknown }) => {
        if (!m.ready) return resolve(m.ok ? m.output : m);
        const bytes = readFileSync(
          join(ROOT, "packages", "edxml", "test", "fixtures", "quirks.edxml"),
        );
        readerWorker.send({
          id: 1,
          kind: "readEdxml",
          input: { bytes: new Uint8Array(bytes), limits: {}, anchors: [], now: null },
        });
      });
    });
    readerWorker.kill();
    assert.equal((status as { kind?: string }).kind, "document", JSON.stringify(status));
    // The database's migrations, found relative to their sources.
    const agency = built(
      ["agency", "add", "syt-b", "--name", "Sở Y tế", "--abbr", "SYT", "--kind", "state"],
      { DATA_DIR: join(work, "data") },
    );
    assert.equal(agency.status, 0, agency.stderr);
    assert.match(agency.stdout, /Đã thêm cơ quan syt-b/);
  } finally {
    rmSync(dist, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
});
