import { availableParallelism } from "node:os";
import { parseOutput, type ParseOutput } from "../parse-output.ts";
import { startParseThreads, type ParseThreads } from "../parse-threads.ts";
import { progressFor } from "../progress.ts";
import { extractBytes, readBytes, readerLimits } from "../read-document.ts";
import type { Io } from "../io.ts";

/** From this many files on, a few threads parse them (each takes ~50 ms to start). */
export const THREADS_FROM = 32;

/**
 * `vanthu parse FILE... [--json]`: one JSON object per line with "file" first and then the
 * parse contract, or a readable summary, in the order the files were given. Exit 0 when every
 * file parsed, 1 when some failed.
 *
 * Many files are read and parsed by a few threads (parse-threads.ts), by batches, while this
 * thread writes the results: parsing is most of the work (a 20 KB document takes about a
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
  const progress = progressFor(files.length, { json: options.json, io });
  const shown = progress ? progress.wrap(io) : io;
  const output = new Output(shown);
  let failures = 0;
  let first = true;
  try {
    const results = threads
      ? threadOutputs(files, options.json, threads, !!shown.write)
      : oneByOne(files, options.json);
    let done = 0;
    for await (const result of results) {
      progress?.tick(++done, files[done - 1]!);
      if (!result.ok) failures++;
      if (result.err.length) output.flush();
      for (const line of result.err) shown.err(line);
      if (result.out === null) continue;
      if (!first && !options.json) output.line("");
      if (result.bytes && shown.write) output.bytes(result.bytes);
      else output.line(result.out);
      first = false;
    }
  } finally {
    output.flush();
    progress?.end();
    await threads?.close();
  }
  return failures ? 1 : 0;
}

/** Files parsed here, one after the other. */
async function* oneByOne(files: string[], json: boolean): AsyncGenerator<ParseOutput> {
  for (const file of files) yield parseFile(file, json);
}

/**
 * Files parsed by the threads, in batches, a few batches in flight; the results in the order of
 * the files. What a thread hands back (a .docx, a PDF, standard input) is read here, in the
 * reader, as soon as its batch is back, a few files at a time (the reader's queue is bounded).
 */
async function* threadOutputs(
  files: string[],
  json: boolean,
  threads: ParseThreads,
  encode: boolean,
): AsyncGenerator<ParseOutput> {
  // Batches small enough that every thread has a few, and the bytes in flight stay small; a few
  // batches queued for each thread, so that none waits while this thread writes (with two, a
  // thread sat idle a twentieth of the time on a busy machine).
  const batch = Math.max(1, Math.min(BATCH_FILES, Math.ceil(files.length / (threads.size * 4))));
  const inFlight = threads.size * 4;
  const fallback = limited(8);
  const pending: Array<Promise<Array<Promise<ParseOutput> | ParseOutput>>> = [];
  let next = 0;
  const fill = (): void => {
    while (next < files.length && pending.length < inFlight) {
      const names = files.slice(next, next + batch);
      next += names.length;
      pending.push(
        threads
          .parseFiles({ files: names, json, encode })
          .then((outputs) =>
            outputs.map((o, i) => o ?? fallback(() => parseFile(names[i]!, json))),
          ),
      );
    }
  };
  fill();
  while (pending.length) {
    const outputs = await pending.shift()!;
    fill();
    for (const output of outputs) yield await output;
  }
}

/** Files in a batch for a parse thread, at most. */
const BATCH_FILES = 32;

/** Runs at most `max` of the functions it is given at once; the others wait their turn. */
function limited(max: number): <T>(run: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (run) => {
    while (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await run();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * Standard output for many results: consecutive bytes of one buffer (the lines of a thread's
 * batch) written at once, rather than a write per line.
 */
class Output {
  private run: Uint8Array | null = null;

  constructor(private readonly io: Io) {}

  bytes(bytes: Uint8Array): void {
    const run = this.run;
    if (run && run.buffer === bytes.buffer && run.byteOffset + run.byteLength === bytes.byteOffset)
      this.run = new Uint8Array(run.buffer, run.byteOffset, run.byteLength + bytes.byteLength);
    else {
      this.flush();
      this.run = bytes;
    }
  }

  line(text: string): void {
    this.flush();
    this.io.out(text);
  }

  flush(): void {
    if (this.run) this.io.write!(this.run);
    this.run = null;
  }
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

/** A file read and parsed here (plain text) or in the reader. */
async function parseFile(file: string, json: boolean): Promise<ParseOutput> {
  const bytes = await readBytes(file);
  if (!(bytes instanceof Uint8Array)) return parseOutput(file, bytes, json);
  return parseOutput(file, await extractBytes(bytes, file), json);
}
