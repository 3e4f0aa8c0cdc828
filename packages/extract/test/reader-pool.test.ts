import { test } from "node:test";
import assert from "node:assert/strict";
import { ReaderError, ReaderPool, type ReaderTask } from "@vanthu/extract";
import { manyPagePdf, zipBombDocx } from "./bomb-files.ts";

const letter = (i: number) =>
  new TextEncoder().encode(`UBND TỈNH LẠNG SƠN\nSố: ${i}/UBND-VX\nV/v báo cáo số ${i}\n`);
const fatalCode = (r: { notes: Array<{ code: string; fatal: boolean }> }) =>
  r.notes.find((n) => n.fatal)?.code ?? null;

for (const isolation of ["process", "thread"] as const) {
  test(`reader pool (${isolation}): reads what extractText reads; a timeout replaces the reader`, async () => {
    // 20,000 pages with the page limit lifted: pdfjs's page lookup is quadratic, minutes of work.
    const pool = new ReaderPool({
      workers: 1,
      isolation,
      timeoutMs: 3000,
      limits: { maxPdfPages: 1e6 },
    });
    try {
      const r = await pool.extractText(letter(1), "a.txt");
      assert.match(r.text, /V\/v báo cáo số 1/);
      const slow = await pool.extractText(manyPagePdf(20_000), "long.pdf");
      assert.equal(fatalCode(slow), "READ_TIMEOUT");
      const docx = await pool.extractText(await zipBombDocx(0), "a.docx");
      assert.match(docx.text, /Công văn/);
      assert.equal(pool.started, 2);
    } finally {
      await pool.close();
    }
  });
}

test("reader pool: reads in a reader what extractText reads", async () => {
  const pool = new ReaderPool({ workers: 1 });
  try {
    const bytes = letter(1);
    const r = await pool.extractText(bytes, "a.txt");
    assert.equal(fatalCode(r), null);
    assert.match(r.text, /V\/v báo cáo số 1/);
    assert.equal(bytes.length > 0, true, "the caller's bytes are not taken");
    const docx = await pool.extractText(await zipBombDocx(0), "a.docx");
    assert.match(docx.text, /Công văn/);
  } finally {
    await pool.close();
  }
});

test("reader pool: a second file after an out-of-memory works", async () => {
  // The directory check lifted: the .docx reader meets 40 MB of empty paragraphs with a 160 MB heap
  // (the readers themselves take about 100 MB of it). In a child process: a worker thread that
  // hits its cap this way can abort the whole test process (see reader-process.ts).
  const pool = new ReaderPool({
    workers: 1,
    memoryMb: 160,
    limits: { maxDocxRatio: Infinity, maxDocxXmlBytes: Infinity, maxDocxTotalBytes: Infinity },
  });
  try {
    const r = await pool.extractText(await zipBombDocx(40), "bomb.docx");
    assert.equal(fatalCode(r), "READ_OUT_OF_MEMORY");
    const next = await pool.extractText(await zipBombDocx(0), "a.docx");
    assert.equal(fatalCode(next), null);
    assert.match(next.text, /Công văn/);
  } finally {
    await pool.close();
  }
});

test("reader pool: many small files in a row stay fast (one worker, kept alive)", async () => {
  const pool = new ReaderPool({ workers: 1 });
  try {
    await pool.extractText(letter(0), "warm.txt");
    const start = performance.now();
    for (let i = 1; i <= 100; i++) {
      const r = await pool.extractText(letter(i), `${i}.txt`);
      assert.equal(fatalCode(r), null);
    }
    const perFile = (performance.now() - start) / 100;
    console.log(`reader pool: ${perFile.toFixed(2)} ms per small file after warm-up`);
    assert.equal(pool.started, 1);
  } finally {
    await pool.close();
  }
});

test("reader pool: the queue is bounded and a closed pool refuses", async () => {
  const pool = new ReaderPool({ workers: 1, maxQueue: 2 });
  const results = await Promise.all(
    [1, 2, 3, 4].map((i) => pool.extractText(letter(i), `${i}.txt`)),
  );
  assert.deepEqual(results.map(fatalCode), [null, null, "READER_BUSY", "READER_BUSY"]);
  await pool.close();
  assert.equal(fatalCode(await pool.extractText(letter(5), "5.txt")), "READER_CLOSED");
});

test("reader pool: a worker that cannot start fails the task that waits, without a loop", async () => {
  // pdfjs and the Word readers alone take about 100 MB of heap.
  const pool = new ReaderPool({ workers: 1, memoryMb: 48 });
  try {
    const r = await pool.extractText(letter(1), "a.txt");
    assert.equal(fatalCode(r), "READER_CRASHED");
    assert.match(r.notes[0]!.message, /could not start/);
    assert.equal(pool.started, 1);
  } finally {
    await pool.close();
  }
});

const TASKS = new URL("./fixtures/reader-task-module.ts", import.meta.url).href;
const TAKEN = new URL("./fixtures/reader-task-taken.ts", import.meta.url).href;
const task = <I, O>(name: string, module = TASKS): ReaderTask<I, O> => ({ module, name });
const echo = task<{ bytes: Uint8Array; note: string }, { size: number; note: string }>("echo");

for (const isolation of ["process", "thread"] as const) {
  test(`reader pool (${isolation}): a task module given at creation runs under the same limits`, async () => {
    const pool = new ReaderPool({ workers: 1, isolation, timeoutMs: 3000, taskModules: [TASKS] });
    try {
      const out = await pool.runTask(echo, { bytes: new Uint8Array(5), note: "gói" });
      assert.equal(out.size, 5);
      assert.match(out.note, /^gói, read in \d+$/);
      // Its own tasks are still there.
      const r = await pool.extractText(letter(2), "a.txt");
      assert.match(r.text, /số 2/);
      const cases: Array<[string, ReaderTask<unknown, unknown>, string]> = [
        ["a task that never ends", task("spin"), "READ_TIMEOUT"],
        ["a task that throws", task("fail"), "READER_FAILED"],
        ["a task the module lacks", task("missing"), "READER_UNKNOWN_TASK"],
        ["a module not given", task("echo", "file:///nowhere.ts"), "READER_UNKNOWN_TASK"],
      ];
      for (const [name, t, code] of cases)
        await assert.rejects(
          pool.runTask(t, {}),
          (e: unknown) => e instanceof ReaderError && e.code === code,
          name,
        );
      // After the timeout, a fresh reader with the module again.
      assert.equal((await pool.runTask(echo, { bytes: new Uint8Array(1), note: "x" })).size, 1);
    } finally {
      await pool.close();
    }
  });
}

test("reader pool: a full queue refuses a module's task with READER_BUSY", async () => {
  const pool = new ReaderPool({ workers: 1, maxQueue: 2, timeoutMs: 3000, taskModules: [TASKS] });
  try {
    const first = pool.runTask(task("spin"), {});
    const second = pool.runTask(echo, { bytes: new Uint8Array(1), note: "x" });
    await assert.rejects(
      pool.runTask(echo, { bytes: new Uint8Array(1), note: "y" }),
      (e: unknown) => e instanceof ReaderError && e.code === "READER_BUSY",
    );
    await assert.rejects(first, (e: unknown) => e instanceof ReaderError);
    assert.equal((await second).size, 1);
  } finally {
    await pool.close();
  }
});

test("reader pool: a module naming a task already taken stops the reader from starting", async () => {
  const pool = new ReaderPool({ workers: 1, taskModules: [TAKEN] });
  try {
    await assert.rejects(
      pool.runTask(echo, { bytes: new Uint8Array(1), note: "x" }),
      (e: unknown) => e instanceof ReaderError && e.code === "READER_UNKNOWN_TASK",
    );
    const r = await pool.extractText(letter(3), "a.txt");
    assert.equal(fatalCode(r), "READER_CRASHED");
  } finally {
    await pool.close();
  }
});
