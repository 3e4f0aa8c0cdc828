import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { manyPagePdf } from "../../extract/test/bomb-files.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

test("vanthu parse reads in the reader's worker, under the command's own loader, with the server's limits", () => {
  const dir = mkdtempSync(join(tmpdir(), "vanthu-reader-"));
  try {
    const pdf = join(dir, "long.pdf");
    writeFileSync(pdf, manyPagePdf(20));
    const bin = join(ROOT, "node_modules", ".bin", "vanthu");
    const refused = spawnSync(bin, ["parse", pdf], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, MAX_PDF_PAGES: "10" },
    });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /nhiều trang hơn giới hạn.*\[PDF_TOO_MANY_PAGES\]/);
    const read = spawnSync(bin, ["parse", pdf, "--json"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(read.status, 0, read.stderr);
    assert.equal(JSON.parse(read.stdout).file, pdf);
    const bad = spawnSync(bin, ["parse", pdf], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, MAX_PDF_PAGES: "many" },
    });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /MAX_PDF_PAGES/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
