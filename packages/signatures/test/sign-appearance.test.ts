/**
 * The appearance of Phụ lục I, read back from the signed PDF: the signature image between the
 * signer's title and name, the seal overlapping about a third of it from the left.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { latin1, PdfFile, type PdfName, type PdfRef, PdfXref, pageTree } from "@vanthu/extract";
import {
  firstPageCornerAppearance,
  issueStamps,
  Pkcs12Signer,
  signatureBlockAppearance,
  signPdf,
  stampText,
} from "../src/index.ts";
import {
  hasTool,
  pdfsig,
  PERSON,
  renderDraft,
  sealImage,
  signatureImage,
  testPki,
} from "./sign-fixtures.ts";

type Box = { x1: number; y1: number; x2: number; y2: number };

/** The images the signature widgets of page 1 draw, in page coordinates, in drawing order. */
function placedImages(pdf: Uint8Array): Box[][] {
  const file = new PdfFile(pdf, latin1(pdf));
  const text = file.text;
  const start = Number(/startxref\s+(\d+)\s*%%EOF\s*$/.exec(text)![1]);
  const xref = new PdfXref(file, start);
  const [page] = pageTree(xref, 10);
  const out: Box[][] = [];
  for (const a of (xref.resolve(page!.dict.get("Annots")) as PdfRef[]) ?? []) {
    const annot = xref.get(a.num) as Map<string, unknown>;
    if ((annot.get("FT") as PdfName | undefined)?.name !== "Sig") continue;
    const rect = (annot.get("Rect") as number[]).map(Number);
    const ap = annot.get("AP") as Map<string, unknown> | undefined;
    // An invisible signature draws nothing.
    if (!ap) {
      out.push([]);
      continue;
    }
    const form = xref.stream((ap.get("N") as PdfRef).num)!;
    const content = Buffer.from(form.data).toString("latin1");
    const boxes: Box[] = [];
    for (const m of content.matchAll(
      /q ([\d.-]+) 0 0 ([\d.-]+) ([\d.-]+) ([\d.-]+) cm \/Im\d+ Do Q/g,
    )) {
      const [w, h, x, y] = m.slice(1).map(Number) as [number, number, number, number];
      boxes.push({
        x1: rect[0]! + x,
        y1: rect[1]! + y,
        x2: rect[0]! + x + w,
        y2: rect[1]! + y + h,
      });
    }
    out.push(boxes);
  }
  return out;
}

describe("signature appearance (ND30 Phụ lục I)", () => {
  it("signature image between title and name, seal over its left third", async (t) => {
    const pki = await testPki();
    const id = await pki.person({ ...PERSON, password: "p" });
    const { pdf, placements } = renderDraft();
    const block = placements.signature!;
    const signed = await signPdf(pdf, Pkcs12Signer.open(id.p12, "p"), {
      appearance: signatureBlockAppearance(
        block,
        { png: signatureImage(), aspect: 3 },
        { png: sealImage(), aspect: 1 },
      ),
    });
    const [boxes] = placedImages(signed);
    assert.equal(boxes?.length, 2);
    const [sig, seal] = boxes as [Box, Box];
    // Between the bottom of the title lines (top) and the top of the name (bottom).
    assert.ok(sig.y2 <= block.top && sig.y1 >= block.bottom, JSON.stringify({ sig, block }));
    assert.ok(sig.x1 >= block.x && sig.x2 <= block.x + block.width);
    // The seal covers the signature image's left third: its right edge there, its left beyond.
    const third = (sig.x2 - sig.x1) / 3;
    assert.ok(Math.abs(seal.x2 - (sig.x1 + third)) < 1, JSON.stringify({ sig, seal }));
    assert.ok(seal.x1 < sig.x1);
    // Vertically over the signature image.
    assert.ok(seal.y1 < sig.y2 && seal.y2 > sig.y1);
    if (!hasTool("pdfsig")) return t.skip("pdfsig (poppler-utils) is not installed");
    assert.equal((await pdfsig(signed))[0]!["Signature Validation"], "Signature is Valid.");
  });

  it("an issued document: the leader's images stay in place after the stamp and the agency's signature", async (t) => {
    const pki = await testPki();
    const leader = await pki.person({ ...PERSON, password: "p" });
    const agency = await pki.agency({ name: "UBND tỉnh Cao Nguyên", password: "p" });
    const { pdf, placements } = renderDraft();
    const block = placements.signature!;
    const signed = await signPdf(pdf, Pkcs12Signer.open(leader.p12, "p"), {
      appearance: signatureBlockAppearance(
        block,
        { png: signatureImage(), aspect: 3 },
        { png: sealImage(), aspect: 1 },
      ),
    });
    const stamped = stampText(
      signed,
      issueStamps(placements, { number: "25", day: 3, month: 12, year: 2026 }),
    );
    const issued = await signPdf(stamped, Pkcs12Signer.open(agency.p12, "p"));
    // As the last revision's page has them: the leader's widget with its two images, the
    // agency's invisible (no image), in the order signed.
    const widgets = placedImages(issued);
    assert.equal(widgets.length, 2);
    assert.deepEqual(widgets[0], placedImages(signed)[0]);
    assert.deepEqual(widgets[1], []);
    const [sig] = widgets[0] as [Box, Box];
    assert.ok(sig.y2 <= block.top && sig.y1 >= block.bottom);
    if (!hasTool("pdfsig")) return t.skip("pdfsig (poppler-utils) is not installed");
    const sigs = await pdfsig(issued);
    assert.deepEqual(
      sigs.map((s) => s["Signature Validation"]),
      ["Signature is Valid.", "Signature is Valid."],
    );
  });

  it("a copy's agency signature at the top right of the first page", async (t) => {
    const pki = await testPki();
    const id = await pki.agency({ name: "UBND tỉnh Cao Nguyên", password: "p" });
    const { pdf, placements } = renderDraft();
    const page = { width: placements.pageWidth, height: placements.pageHeight };
    const signed = await signPdf(pdf, Pkcs12Signer.open(id.p12, "p"), {
      appearance: firstPageCornerAppearance(
        page,
        { png: sealImage(), aspect: 1 },
        { lines: ["UBND tỉnh Cao Nguyên", "Thời gian ký: 02.12.2026 10:00:00 +07:00"] },
      ),
    });
    const [[seal]] = placedImages(signed) as [[Box]];
    assert.ok(seal.x2 <= page.width && seal.x1 > page.width * 0.55);
    assert.ok(seal.y2 <= page.height && seal.y1 > page.height * 0.85);
    // The information line is text (our serif embedded in the update), read back by poppler.
    if (!hasTool("pdftotext")) return t.skip("pdftotext (poppler-utils) is not installed");
    const dir = mkdtempSync(join(tmpdir(), "vanthu-copy-"));
    try {
      writeFileSync(join(dir, "c.pdf"), signed);
      const text = execFileSync("pdftotext", ["-l", "1", join(dir, "c.pdf"), "-"], {
        encoding: "utf8",
      });
      assert.match(text, /UBND tỉnh Cao Nguyên\s+Thời gian ký: 02\.12\.2026/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
