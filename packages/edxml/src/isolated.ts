/**
 * Reading a package in extract's isolated reader: `EDXML_READER_MODULE` is given to the pool when
 * it is made (`new ReaderPool({taskModules: [EDXML_READER_MODULE]})`: extract cannot import
 * edxml, which sits above it), and `readEdxmlIsolated` runs reader-task.ts's `readEdxml` there.
 * What the reader gives up on (time, memory, a full queue) comes back as a refusal with its
 * stable code, as readEdxml reports a bad package: EDXML_READ_TIMEOUT, EDXML_READ_OUT_OF_MEMORY,
 * EDXML_READER_BUSY (the package was not read: a sender may try again), else EDXML_UNREADABLE.
 */
import { pathToFileURL } from "node:url";
import { copyInSlices, ReaderError, type ReaderPool, type ReaderTask } from "@vanthu/extract";
import type { EdxmlProblemCode } from "./codes.ts";
import type { EdxmlLimits } from "./model.ts";
import type { EdxmlReadResult } from "./read.ts";
import type { EdxmlReadInput } from "./reader-task.ts";

/**
 * The task module's URL: the TypeScript source (the reader registers tsx), or, from the build of
 * the command (scripts/build-cli.ts), its built entry beside the running bundle, as
 * reader-process.ts finds the reader itself.
 */
export const EDXML_READER_MODULE: string = import.meta.filename.endsWith(".ts")
  ? new URL("./reader-task.ts", import.meta.url).href
  : new URL("./edxml-reader-task.js", pathToFileURL(import.meta.filename)).href;

export const EDXML_READ_TASK: ReaderTask<EdxmlReadInput, EdxmlReadResult> = {
  module: EDXML_READER_MODULE,
  name: "readEdxml",
};

const CODES: Partial<Record<string, EdxmlProblemCode>> = {
  READ_TIMEOUT: "EDXML_READ_TIMEOUT",
  READ_OUT_OF_MEMORY: "EDXML_READ_OUT_OF_MEMORY",
  READER_BUSY: "EDXML_READER_BUSY",
};

/**
 * readEdxml in one of `pool`'s readers (made with EDXML_READER_MODULE), the signature judged
 * against `options.trustAnchors` (DER or PEM) at `options.now`. Never throws for the package or
 * the reader: their failures are refusals.
 */
export async function readEdxmlIsolated(
  pool: ReaderPool,
  bytes: Uint8Array,
  limits: Partial<EdxmlLimits> = {},
  options: { trustAnchors?: Uint8Array[]; now?: Date } = {},
): Promise<EdxmlReadResult> {
  const copy = await copyInSlices(bytes); // the reader takes the copy's buffer
  try {
    return await pool.runTask(
      EDXML_READ_TASK,
      { bytes: copy, limits, anchors: options.trustAnchors ?? [], now: options.now ?? null },
      [copy.buffer as ArrayBuffer],
    );
  } catch (e) {
    if (!(e instanceof ReaderError)) throw e;
    return {
      kind: "problem",
      code: CODES[e.code] ?? "EDXML_UNREADABLE",
      path: "",
      message: e.message,
    };
  }
}
