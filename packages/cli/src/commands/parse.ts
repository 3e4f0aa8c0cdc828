import { availableParallelism } from "node:os";
import { parseOutput, type ParseOutput } from "../parse-output.ts";
import { startParseThreads, type ParseThreads } from "../parse-threads.ts";
import { progressFor } from "../progress.ts";
import { extractBytes, isInlineText, readBytes, readerLimits } from "../read-document.ts";
import type { Io } from "../io.ts";

/** From this many files on, a few threads parse them (each takes ~50 ms to start). */
export const THREADS_FROM = 32;

/**
 * `vanthu parse FILE... [--json]`: one JSON object per line with "file" first and then the
 * parse contract, or a readable summary, in the order the files were given. Exit 0 when every
 * file parsed, 1 when some failed.
 *
 * Many files are parsed by a few threads (parse-threads.ts) while this thread reads the next
 * files and writes the results: parsing is most of the work (a 20 KB document takes about a
 * millisecond), and one thread held batch parsing to what one core parses. A .docx or a PDF is
 * read in the reader, as one file alone is.
 */
export async function parseCommand(
  files: string[],
  options: { json: boolean },
  io: Io,
): Promise<number> {
  const limits = readerLimits(); // a bad variable fails here, before any thread starts
  const size = parseThreadCount(files.length);
  const threads = size ? startParseThreads(limits, size) : null;
  // Files read and not yet written, at most: enough to keep the threads busy, few enough that
  // their bytes stay small and the reader's queue (32) is never full.
  const window = threads ? Math.min(16, threads.size * 4) : 1;
  const progress = progressFor(files.length, { json: options.json, io });
  const shown = progress ? progress.wrap(io) : io;
  let failures = 0;
  let first = true;
  try {
    // A window of files in flight; results are written in the order of the files.
    const pending: Array<Promise<ParseOutput>> = [];
    let next = 0;
    const fill = (): void => {
      while (next < files.length && pending.length < window)
        pending.push(parseFile(files[next++]!, options.json, threads, !!shown.write));
    };
    fill();
    for (let done = 0; done < files.length; done++) {
      const result = await pending.shift()!;
      fill();
      progress?.tick(done + 1, files[done]!);
      if (!result.ok) failures++;
      for (const line of result.err) shown.err(line);
      if (result.out === null) continue;
      if (!first && !options.json) shown.out("");
      if (result.bytes && shown.write) shown.write(result.bytes);
      else shown.out(result.out);
      first = false;
    }
  } finally {
    progress?.end();
    await threads?.close();
  }
  return failures ? 1 : 0;
}

/**
 * Parse threads for a batch: one per core (four at most) from THREADS_FROM files on, none on a
 * single core; VANTHU_PARSE_THREADS=N sets the number (0: none).
 */
export function parseThreadCount(
  files: number,
  env: Record<string, string | undefined> = process.env,
  cores = availableParallelism(),
): number {
  const asked = env.VANTHU_PARSE_THREADS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), 16);
  return files >= THREADS_FROM && cores > 1 ? Math.min(cores, 4) : 0;
}

/** `encode`: a thread's output may come as UTF-8 bytes, which `Io.write` takes as they are. */
async function parseFile(
  file: string,
  json: boolean,
  threads: ParseThreads | null,
  encode: boolean,
): Promise<ParseOutput> {
  const bytes = await readBytes(file);
  if (!(bytes instanceof Uint8Array)) return parseOutput(file, bytes, json);
  if (threads && isInlineText(bytes, file)) {
    const output = await threads.parseText({ file, bytes, json, encode });
    if (output) return output;
  }
  return parseOutput(file, await extractBytes(bytes, file), json);
}
