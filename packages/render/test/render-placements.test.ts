/**
 * renderPdfPlaced: where the blanks of a draft's number and date are, and the signature block,
 * so that stamping and signing at issuing draw into the right places.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { layoutDocument, type LayoutSource } from "@vanthu/core";
import { renderPdfPlaced, renderPdfSync } from "../src/index.ts";
import { example } from "./fixtures.ts";

const creationDate = new Date("2026-12-01T00:00:00Z");
const decision = example("03-quyet-dinh-ubnd.txt");
const draft = layoutDocument({
  ...decision,
  number: null,
  dateParts: { day: null, month: null, year: null },
} as unknown as LayoutSource);

describe("renderPdfPlaced", () => {
  it("without stampBlanks: the same bytes as renderPdfSync, no blanks", () => {
    const { pdf, placements } = renderPdfPlaced(draft, { creationDate });
    assert.deepEqual(Buffer.from(pdf), Buffer.from(renderPdfSync(draft, { creationDate })));
    assert.equal(placements.number, null);
    assert.equal(placements.day, null);
  });

  it("a draft's blanks: the number left of the symbol, day, month and year in order, wide enough", () => {
    const { placements: p } = renderPdfPlaced(draft, { creationDate, stampBlanks: true });
    const { number, day, month, year } = p;
    assert.ok(number && day && month && year);
    assert.equal(number.font, "FR");
    assert.equal(day.font, "FI");
    // Room for "1234" at 13 pt (digits are half an em) and "2026" at 14 pt.
    assert.ok(number.width >= 4 * 0.5 * number.size, String(number.width));
    assert.ok(year.width >= 4 * 0.5 * year.size, String(year.width));
    assert.ok(day.x + day.width < month.x && month.x + month.width < year.x);
    // The number in the left header column, the date in the right one, near the top.
    assert.ok(number.x + number.width < p.pageWidth * 0.45 && day.x > p.pageWidth * 0.45);
    assert.ok(number.baseline > p.pageHeight * 0.8 && day.baseline > p.pageHeight * 0.8);
    // The signature block below both, with its room between the title and the name.
    const s = p.signature!;
    assert.ok(s.top - s.bottom > 70 && s.top < day.baseline);
  });

  it("nothing to stamp in a document with its number and date", () => {
    const { placements } = renderPdfPlaced(layoutDocument(decision), {
      creationDate,
      stampBlanks: true,
    });
    assert.equal(placements.number, null);
    assert.equal(placements.year, null);
    assert.ok(placements.signature);
  });

  it("a Party draft (Số -KH/TU, the date on the right) has its blanks too", () => {
    const plan = example("02-ke-hoach-tinh-uy.txt");
    const model = layoutDocument({
      ...plan,
      number: null,
      dateParts: { day: null, month: null, year: null },
    } as unknown as LayoutSource);
    const { placements: p } = renderPdfPlaced(model, { creationDate, stampBlanks: true });
    assert.ok(p.number && p.day && p.month && p.year);
    assert.ok(p.year.x + p.year.width <= p.pageWidth - 40);
  });
});
