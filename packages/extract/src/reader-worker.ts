/**
 * One reader worker: runs the tasks the pool sends, one at a time, and reports its heap after
 * each so the pool can retire a worker a large file left swollen.
 */
import { parentPort } from "node:worker_threads";
import { getHeapStatistics } from "node:v8";
import { loadPdfjs } from "./pdfjs.ts";
import {
  READER_TASKS,
  TASK_MODULE_ARG,
  type ReaderReply,
  type ReaderRequest,
  type ReaderTaskTable,
} from "./reader-tasks.ts";

// In a worker thread, its port; in a child process (the default), the IPC channel, and the
// reader ends with its parent.
const port = parentPort ?? {
  on: (_event: "message", listener: (request: ReaderRequest) => void) =>
    process.on("message", listener),
  postMessage: (message: ReaderReply) => process.send!(message),
};
if (!parentPort) process.on("disconnect", () => process.exit(0));
// The whole process's memory, WebAssembly included (text recognition lives there): past the cap
// the reader ends itself, and the pool reports the file as needing too much memory.
const rssCap = Number(
  /^--rss-mb=(\d+)$/.exec(process.argv.find((a) => a.startsWith("--rss-mb=")) ?? "")?.[1] ?? 0,
);
const RSS_EXIT = 86; // reader-process.ts
if (rssCap > 0 && !parentPort)
  setInterval(() => {
    if (process.memoryUsage.rss() > rssCap * 1024 * 1024) process.exit(RSS_EXIT);
  }, 250).unref();
const heapMb = () => Math.round(getHeapStatistics().used_heap_size / 1024 / 1024);
const reply = (message: ReaderReply) => port.postMessage(message);
const rssMb = () => Math.round(process.memoryUsage.rss() / 1024 / 1024);

/** Every task this reader runs: its own, and those of the task modules it was given. */
const tasks: ReaderTaskTable = { ...READER_TASKS };

port.on("message", (request: ReaderRequest) => {
  const task = Object.hasOwn(tasks, request.kind) ? tasks[request.kind] : undefined;
  if (!task) {
    const error = { code: "READER_UNKNOWN_TASK", message: `No reader task ${request.kind}.` };
    reply({ id: request.id, ok: false, error, heapMb: heapMb() });
    return;
  }
  task(request.input, () => reply({ id: request.id, progress: true })).then(
    (output) => reply({ id: request.id, ok: true, output, heapMb: heapMb(), rssMb: rssMb() }),
    (e: unknown) => {
      const error = { code: "READER_FAILED", message: (e as Error)?.message ?? String(e) };
      reply({ id: request.id, ok: false, error, heapMb: heapMb() });
    },
  );
});
// The readers are loaded before the worker says it is ready, so that a task's time limit counts
// reading, not loading: on a busy machine the first PDF in a fresh worker spent over a second
// loading pdfjs and its (in-thread) worker half (pdfjs.ts).
await Promise.allSettled([
  import("saxes"),
  import("word-extractor/lib/word-ole-extractor.js"),
  loadPdfjs(),
]);
// The task modules the pool's creator named (ReaderOptions.taskModules): a module that does not
// load, or names a task already taken, ends the reader before it is ready (READER_CRASHED).
for (const arg of process.argv)
  if (arg.startsWith(TASK_MODULE_ARG)) {
    const url = arg.slice(TASK_MODULE_ARG.length);
    const loaded = ((await import(url)) as { readerTasks?: ReaderTaskTable }).readerTasks;
    if (!loaded) throw new Error(`${url} exports no readerTasks.`);
    for (const [name, task] of Object.entries(loaded)) {
      if (Object.hasOwn(tasks, name)) throw new Error(`The reader task ${name} is taken.`);
      tasks[name] = task;
    }
  }
reply({ ready: true, heapMb: heapMb() });
