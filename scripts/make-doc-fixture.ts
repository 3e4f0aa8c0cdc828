/**
 * Writes the Word 97-2003 fixtures of packages/extract/test/fixtures: our own .docx documents
 * (packages/extract/test/word-fixtures.ts) saved as .doc by LibreOffice, so that .doc reading is
 * tested on files a word processor wrote. The text is our own.
 *
 *   node --import tsx scripts/make-doc-fixture.ts
 *
 * Needs LibreOffice Writer (Debian: apt-get install libreoffice-writer-nogui). The .doc files
 * are committed: neither the tests nor the product need LibreOffice.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDocx, chiThiTabParts, congVanParts } from "../packages/extract/test/word-fixtures.ts";

const fixtures = fileURLToPath(new URL("../packages/extract/test/fixtures/", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "vanthu-doc-"));
try {
  for (const [name, parts] of [
    ["cong-van", congVanParts()],
    ["chi-thi-tab", chiThiTabParts()],
  ] as const) {
    const docx = join(work, `${name}.docx`);
    writeFileSync(docx, await buildDocx(parts));
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(work, "profile")}`,
        "--headless",
        "--convert-to",
        "doc",
        "--outdir",
        work,
        docx,
      ],
      { stdio: "inherit" },
    );
    copyFileSync(join(work, `${name}.doc`), join(fixtures, `${name}.doc`));
    console.log(`wrote ${join(fixtures, `${name}.doc`)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
