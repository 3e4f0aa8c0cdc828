/**
 * Untrusted bytes are read in isolation: a pool of readers (child processes by default, worker
 * threads on request: reader-process.ts says why), each with a heap cap, a time limit per task
 * and a bounded queue. A file that runs out of time or memory costs its reader (terminated and
 * replaced), never the caller's event loop or heap. Readers stay alive between files, because
 * starting one (loading tsx, the Word readers, pdfjs) takes about a second.
 *
 * `run(kind, input)` rejects with a ReaderError whose code is stable:
 *   READ_TIMEOUT, READ_OUT_OF_MEMORY, READER_CRASHED, READER_BUSY (queue full), READER_CLOSED.
 * `extractText` turns those into a fatal note, as extractText itself reports a bad file.
 */
import { detectFormat, type ExtractedText, type SourceFormat } from "./extract-text.ts";
import type { ExtractLimits } from "./limits.ts";
import type { VerifyLimits, VerifyResult } from "./verify/verify-pdf.ts";
import { startReader, type ReaderHandle, type ReaderIsolation } from "./reader-process.ts";
import type {
  ReaderReply,
  ReaderTask,
  ReaderTaskInput,
  ReaderTaskKind,
  ReaderTaskOutput,
} from "./reader-tasks.ts";

export interface ReaderOptions {
  /** Readers at most (started on demand). */
  workers?: number;
  /** A child process each (the default: see reader-process.ts) or a worker thread each. */
  isolation?: ReaderIsolation;
  /** Heap cap of each worker (V8 old generation), in MB. */
  memoryMb?: number;
  /**
   * Cap on a reader process's whole memory (resident set), in MB: text recognition's WebAssembly
   * memory is outside the heap cap. A scan page in OCR takes ~800 MB in all. 0: not watched.
   */
  rssMb?: number;
  /**
   * Time one task may take, in milliseconds; a task that reports progress (a page read by OCR)
   * gets this much again from each report, so a scan's budget grows with its pages.
   */
  timeoutMs?: number;
  /** Tasks waiting for a worker at most; more are refused with READER_BUSY. */
  maxQueue?: number;
  /** Limits handed to extractText in the worker. */
  limits?: Partial<ExtractLimits>;
  /**
   * URLs of task modules every reader imports before it is ready (reader-tasks.ts): the work of
   * packages above extract (edXML's `EDXML_READER_MODULE`), run with `runTask`.
   */
  taskModules?: string[];
}

export type ReaderErrorCode =
  | "READ_TIMEOUT"
  | "READ_OUT_OF_MEMORY"
  | "READER_CRASHED"
  | "READER_BUSY"
  | "READER_CLOSED"
  | "READER_FAILED"
  | "READER_UNKNOWN_TASK";

export class ReaderError extends Error {
  constructor(
    readonly code: ReaderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ReaderError";
  }
}

interface Job {
  id: number;
  kind: string;
  input: unknown;
  transfer: ArrayBuffer[];
  resolve(output: unknown): void;
  reject(error: ReaderError): void;
}

interface Slot {
  reader: ReaderHandle;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Heap in use once the readers are loaded (about 100 MB with pdfjs and the Word readers). */
  baseHeapMb: number;
  /** The task in flight reported progress (its time limit is per page). */
  progressed: boolean;
}

/**
 * A copy made a megabyte at a time, letting other work in between: copying 19 MB at once took
 * 40 ms of the event loop (the new memory is touched for the first time), a slice takes 2.
 */
export async function copyInSlices(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = new Uint8Array(bytes.length);
  const slice = 1024 * 1024;
  for (let at = 0; at < bytes.length; at += slice) {
    if (at) await new Promise((resolve) => setImmediate(resolve));
    copy.set(bytes.subarray(at, at + slice), at);
  }
  return copy;
}

export class ReaderPool {
  readonly workers: number;
  readonly memoryMb: number;
  readonly rssMb: number;
  readonly timeoutMs: number;
  readonly maxQueue: number;
  readonly isolation: ReaderIsolation;
  readonly limits: Partial<ExtractLimits>;
  readonly taskModules: readonly string[];
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers started so far (replacements included): tests read it. */
  started = 0;

  constructor(options: ReaderOptions = {}) {
    this.workers = Math.max(1, options.workers ?? 2);
    this.memoryMb = options.memoryMb ?? 512;
    this.rssMb = options.rssMb ?? Math.max(2048, this.memoryMb * 3);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxQueue = options.maxQueue ?? 32;
    this.isolation = options.isolation ?? "process";
    this.limits = options.limits ?? {};
    this.taskModules = [...new Set(options.taskModules ?? [])];
  }

  /** Runs one task in a worker. Buffers in `transfer` move to the worker and are detached here. */
  run<K extends ReaderTaskKind>(
    kind: K,
    input: ReaderTaskInput<K>,
    transfer: ArrayBuffer[] = [],
  ): Promise<ReaderTaskOutput<K>> {
    return this.enqueue(kind, input, transfer) as Promise<ReaderTaskOutput<K>>;
  }

  /**
   * Runs a task of a task module given at creation (`taskModules`), as `run` does its own: the
   * same queue (READER_BUSY), time limit and heap cap. READER_UNKNOWN_TASK when its module was
   * not given to this pool.
   */
  runTask<I, O>(task: ReaderTask<I, O>, input: I, transfer: ArrayBuffer[] = []): Promise<O> {
    if (!this.taskModules.includes(task.module))
      return Promise.reject(
        new ReaderError(
          "READER_UNKNOWN_TASK",
          `The reader was not given the module of ${task.name} (${task.module}).`,
        ),
      );
    return this.enqueue(task.name, input, transfer) as Promise<O>;
  }

  private enqueue(kind: string, input: unknown, transfer: ArrayBuffer[]): Promise<unknown> {
    if (this.closed)
      return Promise.reject(new ReaderError("READER_CLOSED", "The reader is closed."));
    if (this.queue.length >= this.maxQueue)
      return Promise.reject(
        new ReaderError("READER_BUSY", `${this.queue.length} files are already waiting.`),
      );
    return new Promise((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        kind,
        input,
        transfer,
        resolve: resolve as (output: unknown) => void,
        reject,
      };
      this.queue.push(job);
      this.pump();
    });
  }

  /** extractText in a worker; a worker's failure comes back as a fatal note with its code. */
  async extractText(bytes: Uint8Array, fileName = ""): Promise<ExtractedText> {
    const copy = await copyInSlices(bytes); // the worker takes the copy's buffer
    try {
      return await this.run("extractText", { bytes: copy, fileName, limits: this.limits }, [
        copy.buffer as ArrayBuffer,
      ]);
    } catch (e) {
      if (!(e instanceof ReaderError)) throw e;
      const found = detectFormat(bytes, fileName);
      const format: SourceFormat = found === "zip" ? "text" : found;
      return { text: "", format, notes: [{ code: e.code, message: e.message, fatal: true }] };
    }
  }

  /**
   * Every signature of a PDF, checked in a worker against `anchors` (DER certificates). A
   * worker's failure (time, memory) rejects with its ReaderError: the caller records the file
   * as not verified, rather than as unsigned.
   */
  async verifyPdf(
    bytes: Uint8Array,
    anchors: Uint8Array[],
    now: Date,
    limits?: Partial<VerifyLimits>,
  ): Promise<VerifyResult> {
    const copy = await copyInSlices(bytes);
    return this.run("verifyPdf", { bytes: copy, anchors, now, limits }, [
      copy.buffer as ArrayBuffer,
    ]);
  }

  /** Refuses what waits, ends every worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0))
      job.reject(new ReaderError("READER_CLOSED", "The reader is closed."));
    const slots = this.slots.splice(0);
    for (const slot of slots) this.finish(slot, new ReaderError("READER_CLOSED", "closed"));
    await Promise.all(slots.map((s) => s.reader.terminate()));
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      const idle = this.slots.find((s) => s.ready && !s.job);
      if (!idle) {
        if (this.slots.length < this.workers) this.spawn();
        return;
      }
      this.assign(idle, this.queue.shift()!);
    }
  }

  private spawn(): void {
    this.started++;
    const slot: Slot = {
      reader: null as unknown as ReaderHandle,
      ready: false,
      job: null,
      timer: null,
      baseHeapMb: 0,
      progressed: false,
    };
    // Referenced while it starts (a task waits for it), unreferenced whenever it is idle.
    slot.reader = startReader(
      this.isolation,
      this.memoryMb,
      {
        message: (m) => this.onReply(slot, m),
        died: ({ oom, rss, message }) => {
          const cap = rss ? this.rssMb : this.memoryMb;
          let error: ReaderError;
          if (!slot.ready)
            error = new ReaderError(
              "READER_CRASHED",
              `The reader could not start: ${oom ? `${cap} MB of memory is too little` : message.replace(/\.$/, "")}.`,
            );
          else if (oom)
            error = new ReaderError(
              "READ_OUT_OF_MEMORY",
              `Reading the file needed more than ${cap} MB of memory.`,
            );
          else error = new ReaderError("READER_CRASHED", `The reader failed: ${message}`);
          this.retire(slot, error);
        },
      },
      this.isolation === "process" ? this.rssMb : 0,
      this.taskModules,
    );
    this.slots.push(slot);
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.reader.ref(); // a task in flight keeps the process alive (the CLI waits for it)
    this.arm(slot);
    slot.reader.post({ id: job.id, kind: job.kind, input: job.input }, job.transfer);
  }

  /** (Re)starts the slot's time limit. */
  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(
      () =>
        this.retire(
          slot,
          new ReaderError(
            "READ_TIMEOUT",
            `Reading the file took more than ${Math.round(this.timeoutMs / 1000)} s${slot.progressed ? " for one page" : ""}.`,
          ),
        ),
      this.timeoutMs,
    );
  }

  private onReply(slot: Slot, m: ReaderReply): void {
    if ("ready" in m) {
      slot.ready = true;
      slot.baseHeapMb = m.heapMb;
      this.pump();
      if (!slot.job) slot.reader.unref();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    if ("progress" in m) {
      slot.progressed = true;
      this.arm(slot);
      return;
    }
    this.finish(slot, null);
    if (m.ok) job.resolve(m.output);
    else job.reject(new ReaderError(m.error.code as ReaderErrorCode, m.error.message));
    // A large file can leave a worker's heap swollen until V8 decides to shrink it: start afresh.
    if (m.heapMb > slot.baseHeapMb + this.memoryMb / 4) this.retire(slot, null);
    // Near its memory cap (the recogniser's WebAssembly memory only grows): start afresh.
    else if (m.rssMb !== undefined && this.rssMb > 0 && m.rssMb > this.rssMb * 0.75)
      this.retire(slot, null);
    this.pump();
  }

  /** Clears the slot's task; rejects it with `error` when given. */
  private finish(slot: Slot, error: ReaderError | null): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    slot.progressed = false;
    slot.reader.unref();
    if (job && error) job.reject(error);
  }

  /** Takes a worker out of the pool (terminated) and fails its task; a new one starts on demand. */
  private retire(slot: Slot, error: ReaderError | null): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    const startedUp = slot.ready;
    this.finish(slot, error);
    void slot.reader.terminate();
    // A worker that dies before it is ready would die again: fail one waiting task, not loop.
    if (!startedUp && error && !this.closed)
      this.queue.shift()?.reject(new ReaderError("READER_CRASHED", error.message));
    this.pump();
  }
}
