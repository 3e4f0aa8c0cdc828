/**
 * One page image to text: turned the right way up, deskewed, recognised, laid out.
 *
 * Which way up: the projection profiles (ocr-image.ts) tell whether lines run across or down the
 * page, and the lean; upside down or the wrong quarter shows in the recognition itself: when the
 * words read poorly (low confidence, few Vietnamese syllables), a band of the page is read in
 * each of the four turns and the page is read again in the one that reads best.
 */
import type { ExtractNote } from "./extract-text.ts";
import type { OcrEngine, OcrResult } from "./ocr-engine.ts";
import {
  clearStreaks,
  findStreaks,
  measureGeometry,
  rotateQuarter,
  rotateSmall,
  type GrayImage,
} from "./ocr-image.ts";
import { layoutOcrPage, type BlankReading, type OcrWordSpan } from "./ocr-layout.ts";
import type { RenderedPage } from "./ocr-render.ts";
import { checkSyllable } from "./text-layer-quality.ts";

export interface OcrPageOutcome {
  text: string;
  words: OcrWordSpan[];
  notes: ExtractNote[];
  blanks: BlankReading[];
  /** Mean word confidence, 0..1. */
  confidence: number;
  /** Quarter turns applied (clockwise degrees) and the skew undone. */
  rotation: 0 | 90 | 180 | 270;
  skew: number;
  /** Recognitions run (1 when the page read well at once). */
  passes: number;
  /** The recognition itself (diagnostics). */
  result: OcrResult;
}

type Quarter = 0 | 90 | 180 | 270;

/** How well a recognition reads: confident words that are Vietnamese syllables, and their share. */
export function readingScore(result: OcrResult): { good: number; share: number; words: number } {
  let good = 0;
  let words = 0;
  for (const line of result.lines)
    for (const w of line.words) {
      const letters = w.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
      if (!letters) continue;
      words++;
      if (w.confidence >= 70 && /^\p{L}+$/u.test(letters) && checkSyllable(letters).valid) good++;
    }
  return { good, share: words ? good / words : 0, words };
}

/**
 * Read the right way up: a page read upside down or sideways gives almost no Vietnamese
 * syllables (measured: under 10% of its "words"); a poor scan read the right way gives 50–85%.
 */
const readsWell = (r: OcrResult): boolean => {
  const s = readingScore(r);
  return s.words >= 8 && s.share >= 0.3;
};

function turn(image: GrayImage, q: Quarter, skew: number): GrayImage {
  return rotateSmall(rotateQuarter(image, q), -skew);
}

/** A band across the middle of the page, for trying the turns cheaply. */
function band(image: GrayImage): GrayImage {
  const y0 = Math.floor(image.height * 0.3);
  const y1 = Math.floor(image.height * 0.6);
  return {
    width: image.width,
    height: y1 - y0,
    data: image.data.subarray(y0 * image.width, y1 * image.width),
  };
}

export async function recognizePage(
  page: RenderedPage,
  engine: OcrEngine,
  pageNumber: number,
): Promise<OcrPageOutcome> {
  const streaks = findStreaks(page.print);
  if (streaks.length)
    page = {
      ...page,
      print: clearStreaks(page.print, streaks),
      ink: clearStreaks(page.ink, streaks),
    };
  let geometry = measureGeometry(page.print);
  let quarter: Quarter = geometry.quarter;
  if (quarter) geometry = { ...measureGeometry(rotateQuarter(page.print, quarter)), quarter };
  let skew = geometry.skew;
  let print = turn(page.print, quarter, skew);
  let result = await engine.recognize(print);
  let passes = 1;
  if (!readsWell(result)) {
    // Try the other turns on a band of the page, then read the whole page in the best one.
    const upright = rotateQuarter(page.print, quarter);
    let best = { q: 0 as Quarter, score: readingScore(await engine.recognize(band(print))).good };
    passes++;
    for (const q of [180, 90, 270] as const) {
      const turned = rotateSmall(rotateQuarter(upright, q), q === 180 ? -skew : 0);
      const score = readingScore(await engine.recognize(band(turned))).good;
      passes++;
      if (score > best.score * 1.5 + 2) best = { q, score };
    }
    if (best.q) {
      quarter = ((quarter + best.q) % 360) as Quarter;
      const g = measureGeometry(rotateQuarter(page.print, quarter));
      skew = g.quarter ? 0 : g.skew;
      print = turn(page.print, quarter, skew);
      const again = await engine.recognize(print);
      passes++;
      if (readingScore(again).good > readingScore(result).good) result = again;
      else {
        quarter = geometry.quarter;
        skew = geometry.skew;
        print = turn(page.print, quarter, skew);
      }
    }
  }
  const ink = turn(page.ink, quarter, skew);
  const turnedSideways = quarter === 90 || quarter === 270;
  const laid = await layoutOcrPage({
    result,
    print,
    ink,
    scale: page.scale,
    widthPt: turnedSideways ? page.heightPt : page.widthPt,
    heightPt: turnedSideways ? page.widthPt : page.heightPt,
    page: pageNumber,
    rereadLine: (crop) => engine.recognize(crop, "line"),
  });
  return {
    text: laid.text,
    words: laid.words,
    notes: laid.notes,
    blanks: laid.blanks,
    confidence: result.confidence / 100,
    rotation: quarter,
    skew,
    passes,
    result,
  };
}
