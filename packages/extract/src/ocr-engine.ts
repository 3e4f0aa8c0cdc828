/**
 * The text recogniser: tesseract.js (Tesseract's LSTM engine in WebAssembly) with the Vietnamese
 * model that @tesseract.js-data/vie ships on npm. Nothing is downloaded: the model is read from
 * that package's folder (`langPath`) and never cached elsewhere (`cacheMethod: "none"`), and the
 * engine's core comes from tesseract.js-core in node_modules.
 *
 * One engine per process, made on first use and kept: creating it (loading the WebAssembly core,
 * unpacking the model) takes ~0.5 s, a page takes 1.5–3 s. tesseract.js runs it in a worker
 * thread of the calling process: in the reader pool, a thread of the reader's child process, so
 * the reader's time limit and its end on a crash cover it.
 */
import { createRequire } from "node:module";
import type Tesseract from "tesseract.js";
import { toPgm, type GrayImage } from "./ocr-image.ts";

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrSymbol {
  text: string;
  /** 0..100 */
  confidence: number;
  bbox: OcrBox;
}

export interface OcrWord {
  text: string;
  /** 0..100, the recogniser's own. */
  confidence: number;
  bbox: OcrBox;
  symbols: OcrSymbol[];
}

export interface OcrLine {
  words: OcrWord[];
  bbox: OcrBox;
  /** Baseline's height at the line's left and right ends (pixels from the top). */
  baseline: { y0: number; y1: number };
  /** Height of the line's capitals (Tesseract's row height less descenders), in pixels. */
  rowHeight: number;
}

export interface OcrResult {
  lines: OcrLine[];
  /** Mean word confidence, 0..100. */
  confidence: number;
}

/**
 * A whole page (one block of lines, read across: columns are split later by geometry), or one
 * line (a number's or a date's line read again on its own).
 */
export type OcrMode = "page" | "line";

export interface OcrEngine {
  recognize(image: GrayImage, mode?: OcrMode): Promise<OcrResult>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** Where the Vietnamese model lies (the package's "4.0.0" folder: LSTM, integer weights). */
export function vieModelPath(): string {
  const model = require.resolve("@tesseract.js-data/vie/4.0.0/vie.traineddata.gz");
  return model.slice(0, Math.max(model.lastIndexOf("/"), model.lastIndexOf("\\")));
}

let shared: Promise<OcrEngine> | null = null;
let idle: NodeJS.Timeout | null = null;
/** An engine unused this long is ended (its thread would keep a process alive, its model memory). */
const IDLE_MS = 20_000;

/** The process's engine, made on first use and ended after a while unused. */
export function sharedOcrEngine(): Promise<OcrEngine> {
  if (idle) clearTimeout(idle);
  idle = null;
  shared ??= createOcrEngine().catch((e: unknown) => {
    shared = null;
    throw e;
  });
  return shared.then((engine) => ({
    recognize: async (image, mode) => {
      if (idle) clearTimeout(idle);
      try {
        return await engine.recognize(image, mode);
      } finally {
        idle = setTimeout(() => void closeSharedOcrEngine(), IDLE_MS);
        idle.unref();
      }
    },
    close: () => closeSharedOcrEngine(),
  }));
}

/** Ends the process's engine (tests; a reader process ends it by exiting). */
export async function closeSharedOcrEngine(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const engine = shared;
  shared = null;
  if (engine) await (await engine).close();
}

export async function createOcrEngine(): Promise<OcrEngine> {
  const tesseract = (await import("tesseract.js")).default;
  const worker = await tesseract.createWorker("vie", tesseract.OEM.LSTM_ONLY, {
    langPath: vieModelPath(),
    gzip: true,
    cacheMethod: "none",
    cachePath: vieModelPath(),
    logger: () => {},
    errorHandler: () => {},
  });
  await worker.setParameters({
    tessedit_pageseg_mode: (process.env.OCR_PSM ?? "6") as Tesseract.PSM,
    preserve_interword_spaces: "1",
    user_defined_dpi: "300",
  });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    recognize(image, mode = "page") {
      // One page at a time in the one worker.
      const run = queue.then(() => recognizeWith(worker, image, mode));
      queue = run.catch(() => {});
      return run;
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** NFC, and the Icelandic eth the model sometimes gives for Vietnamese đ (same glyph). */
function vietnameseLetters(s: string): string {
  return s.normalize("NFC").replace(/Ð/g, "Đ").replace(/ð/g, "đ");
}

/** Per-call parameters: Tesseract's own, set for the call and restored after it. */
const LINE = { tessedit_pageseg_mode: "7" };

async function recognizeWith(
  worker: Tesseract.Worker,
  image: GrayImage,
  mode: OcrMode,
): Promise<OcrResult> {
  const { data } = await worker.recognize(
    Buffer.from(toPgm(image).buffer),
    (mode === "line" ? LINE : {}) as Partial<Tesseract.RecognizeOptions>,
    { blocks: true, text: false },
  );
  const lines: OcrLine[] = [];
  let confSum = 0;
  let confN = 0;
  for (const block of data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const words: OcrWord[] = [];
        for (const w of line.words) {
          const text = vietnameseLetters(w.text);
          if (!text.trim()) continue;
          words.push({
            text,
            confidence: w.confidence,
            bbox: { ...w.bbox },
            symbols: w.symbols.map((s) => ({
              text: vietnameseLetters(s.text),
              confidence: s.confidence,
              bbox: { ...s.bbox },
            })),
          });
          confSum += w.confidence * text.length;
          confN += text.length;
        }
        if (!words.length) continue;
        const ra = line.rowAttributes;
        lines.push({
          words,
          bbox: { ...line.bbox },
          baseline: { y0: line.baseline.y0, y1: line.baseline.y1 },
          rowHeight: Math.max(
            1,
            (ra?.rowHeight ?? line.bbox.y1 - line.bbox.y0) - (ra?.descenders ?? 0),
          ),
        });
      }
    }
  }
  return { lines, confidence: confN ? confSum / confN : 0 };
}
