/**
 * edXML's task module for extract's isolated reader (reader-tasks.ts): every reader of a pool
 * made with `taskModules: [EDXML_READER_MODULE]` imports this file before it is ready, so that a
 * package is read (and its signature checked) under the reader's heap cap and time limit. Its
 * input and output cross a process boundary by structured clone: the trust anchors go as DER.
 */
import { trustAnchorsFrom } from "@vanthu/extract";
import type { EdxmlLimits } from "./model.ts";
import { readEdxml, type EdxmlReadResult } from "./read.ts";

export interface EdxmlReadInput {
  bytes: Uint8Array;
  limits: Partial<EdxmlLimits>;
  /** DER (or PEM) certificates the signature may chain to. */
  anchors: Uint8Array[];
  now: Date | null;
}

export const readerTasks = {
  readEdxml: async (input: EdxmlReadInput): Promise<EdxmlReadResult> =>
    readEdxml(input.bytes, input.limits, {
      trustAnchors: input.anchors.flatMap((der) => trustAnchorsFrom(der)),
      ...(input.now ? { now: input.now } : {}),
    }),
};
