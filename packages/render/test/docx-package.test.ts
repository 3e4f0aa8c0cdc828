import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { layoutDocument, parseDocument, type LayoutModel, type LayoutSource } from "@vanthu/core";
import { renderDocx } from "@vanthu/render";
import { renderDocxWithPacker } from "../src/render-docx.ts";
import { longPlan } from "./fixtures.ts";

/** Every part of a package, by name in its order; the properties' dates blanked. */
async function unzip(docx: Uint8Array): Promise<Array<[string, string]>> {
  const zip = await JSZip.loadAsync(docx);
  const out: Array<[string, string]> = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const text = await file.async("string");
    out.push([name, text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, "$1")]);
  }
  return out;
}

/** The number of entries in a ZIP's directory. */
function entries(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return view.getUint16(zip.length - 22 + 10, true);
}

function long(format: "state" | "party", item: (n: number) => string): LayoutSource {
  return {
    ...longPlan(format, item),
    issuer: {
      name: format === "party" ? "Tỉnh ủy Cao Nguyên" : "Sở Y tế",
      parent: null,
      code: null,
    },
    recipients: ["Như trên"],
    archive: ["VT"],
    signature: { authority: "TM", authorityTitle: "BAN", signerTitle: "PHÓ", signerName: "Lê An" },
  };
}

const dir = join(import.meta.dirname, "../../../examples");
const models: Array<[string, LayoutModel]> = [
  ...readdirSync(dir)
    .filter((n) => /\.(txt|md)$/.test(n))
    .map((n): [string, LayoutModel] => [
      n,
      layoutDocument(parseDocument(readFileSync(join(dir, n), "utf8"))),
    ]),
  ["long state plan", layoutDocument(long("state", (n) => `Việc số ${n} <&> "x" 'y'.`))],
  ["long party plan", layoutDocument(long("party", (n) => `Mục ${n}.`))],
];

test(".docx from the kept parts: every part as docx's Packer writes it, the body included", async () => {
  for (const [name, model] of models) {
    const fast = await renderDocx(model);
    const packer = await renderDocxWithPacker(model);
    assert.deepEqual(await unzip(fast), await unzip(packer), name);
    // Written here, not by Packer (whose ZIP lists the folders too).
    assert.equal(entries(fast), (await unzip(fast)).length, name);
    assert.ok(entries(packer) > entries(fast));
  }
});

test(".docx properties carry the time of rendering, not the template's", async () => {
  const model = models[0]![1];
  await renderDocx(model);
  await new Promise((r) => setTimeout(r, 20));
  const before = new Date().toISOString();
  const zip = await JSZip.loadAsync(await renderDocx(model));
  const core = await zip.file("docProps/core.xml")!.async("string");
  const created = /<dcterms:created[^>]*>([^<]*)</.exec(core)![1]!;
  assert.ok(created >= before, `${created} >= ${before}`);
});

test(".docx of another page set-up or font gets its own parts", async () => {
  const model = models[0]![1];
  const other: LayoutModel = {
    ...model,
    fontFamily: "Liberation Serif",
    page: { ...model.page, margin: { ...model.page.margin, left: 35 } },
  };
  assert.deepEqual(
    await unzip(await renderDocx(other)),
    await unzip(await renderDocxWithPacker(other)),
  );
  const doc = Object.fromEntries(await unzip(await renderDocx(other)));
  assert.match(doc["word/document.xml"]!, /w:left="1984"/);
  assert.match(doc["word/styles.xml"]!, /Liberation Serif/);
});
