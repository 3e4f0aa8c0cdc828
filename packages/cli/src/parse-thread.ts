/**
 * One parse thread of `vanthu parse` (parse-threads.ts): reads a batch of files, decodes those
 * that are plain text and parses them, and sends back what the command prints for each, in one
 * message per batch.
 */
import { parentPort, workerData } from "node:worker_threads";
import { extractText, type ExtractLimits } from "@vanthu/extract";
import { joinParts, parseOutputParts } from "./parse-output.ts";
import { isInlineText, readFileBytes } from "./read-file.ts";
import { readResult } from "./read-result.ts";
import type { ParseRequest, ParseReply, ThreadOutput } from "./parse-threads.ts";

const limits = (workerData as { limits: Partial<ExtractLimits> }).limits;
const port = parentPort!;

/**
 * The batch's lines as UTF-8, written one after the other into one buffer (its own memory, not
 * Buffer's shared pool) that grows as needed, then moved (not copied) to the command's thread.
 */
let scratch = Buffer.allocUnsafeSlow(1 << 20);

type Parts = ReturnType<typeof parseOutputParts>;

/** What the command prints for a file, in parts: null when this thread does not take it. */
async function parseOne(file: string, json: boolean): Promise<Parts | null> {
  if (file === "-") return null; // standard input is the command's
  const bytes = readFileBytes(file);
  if (!(bytes instanceof Uint8Array)) return parseOutputParts(file, bytes, json);
  if (!isInlineText(bytes, file)) return null; // a .docx, a PDF...: the reader's
  return parseOutputParts(file, readResult(await extractText(bytes, file, limits)), json);
}

/** Room for `bytes` more bytes at `at` in the scratch buffer, whose first `at` are kept. */
function ensure(at: number, bytes: number): void {
  if (scratch.length - at >= bytes) return;
  const grown = Buffer.allocUnsafeSlow(Math.max(scratch.length * 2, at + bytes));
  scratch.copy(grown, 0, 0, at);
  scratch = grown;
}

/** Writes `text` as UTF-8 at `at` in the scratch buffer, grown as needed; the bytes' end. */
function writeUtf8(text: string, at: number): number {
  ensure(at, text.length * 3); // at most three bytes per UTF-16 unit
  return at + scratch.write(text, at, "utf8");
}

/** Copies the scratch buffer's bytes [from, to) to `at`, grown as needed; the bytes' end. */
function copyBytes(from: number, to: number, at: number): number {
  ensure(at, to - from);
  scratch.copy(scratch, at, from, to);
  return at + (to - from);
}

async function parseBatch(request: ParseRequest): Promise<void> {
  const outputs: Array<ThreadOutput | null> = [];
  let length = 0;
  for (const file of request.files) {
    const output = await parseOne(file, request.json);
    if (!output) {
      outputs.push(null);
      continue;
    }
    const { parts, ok, err } = output;
    if (!request.encode || parts === null) {
      outputs.push({ ok, err, out: parts && joinParts(parts) });
      continue;
    }
    // Each part written as it is (joined, the line would be copied once more); a part given
    // again is copied as bytes, not encoded again.
    const start = length;
    const at: number[] = [];
    for (const part of parts) {
      at.push(length);
      if (typeof part === "string") length = writeUtf8(part, length);
      else length = copyBytes(at[part]!, at[part + 1]!, length);
    }
    length = writeUtf8("\n", length);
    outputs.push({ ok, err, out: "", range: [start, length] });
  }
  if (!length) {
    port.postMessage({ id: request.id, outputs } satisfies ParseReply);
    return;
  }
  // The buffer itself goes, and the next batch writes into a new one (not zeroed).
  const bytes = new Uint8Array(scratch.buffer, scratch.byteOffset, length);
  const capacity = scratch.length;
  port.postMessage({ id: request.id, outputs, bytes } satisfies ParseReply, [scratch.buffer]);
  scratch = Buffer.allocUnsafeSlow(capacity);
}

// One batch at a time, in the order sent: they share `scratch`.
let queue = Promise.resolve();
port.on("message", (request: ParseRequest) => {
  queue = queue
    .then(() => parseBatch(request))
    .catch((error: unknown) =>
      port.postMessage({ id: request.id, error: String(error) } satisfies ParseReply),
    );
});
