/**
 * One parse thread of `vanthu parse` (parse-threads.ts): decodes plain text and parses it, and
 * sends back what the command prints, one file at a time.
 */
import { parentPort, workerData } from "node:worker_threads";
import { extractText, type ExtractLimits } from "@vanthu/extract";
import { parseOutput } from "./parse-output.ts";
import { readResult } from "./read-result.ts";
import type { ParseRequest, ParseReply } from "./parse-threads.ts";

const limits = (workerData as { limits: Partial<ExtractLimits> }).limits;
const port = parentPort!;

const utf8 = new TextEncoder();

port.on("message", (request: ParseRequest) => {
  void extractText(request.bytes, request.file, limits).then(
    (extracted) => {
      const output = parseOutput(request.file, readResult(extracted), request.json);
      if (request.encode && output.out !== null) {
        // A buffer of its own (TextEncoder's, not Buffer's shared pool) can be moved; the text
        // itself need not be copied as well.
        const bytes = utf8.encode(`${output.out}\n`);
        const reply: ParseReply = { id: request.id, output: { ...output, out: "", bytes } };
        port.postMessage(reply, [bytes.buffer]);
      } else port.postMessage({ id: request.id, output } satisfies ParseReply);
    },
    (error: unknown) =>
      port.postMessage({ id: request.id, error: String(error) } satisfies ParseReply),
  );
});
