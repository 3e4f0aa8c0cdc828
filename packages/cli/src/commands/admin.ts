/**
 * Commands that work on the database directly (the same DATA_DIR or DATABASE_URL as the server):
 * `vanthu agency add`, `vanthu user add`, `vanthu user password`, `vanthu import DIR`. On PGlite the server must be
 * stopped first: its data directory belongs to one process; on PostgreSQL the server may run
 * (an import shares its queue).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { hostname } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import {
  AppError,
  userMessageOf,
  ConfigError,
  DataDirLockedError,
  createAgency,
  createUser,
  generatePassword,
  addFiles,
  batchView,
  createBatch,
  drainBatch,
  loadConfig,
  MAX_ITEMS_PER_BATCH,
  openContext,
  registerIncoming,
  renameAgency,
  resetPassword,
  startImportWorker,
  type Actor,
  type AppContext,
} from "@vanthu/server";
import { ZodError } from "zod";
import type { Io } from "../io.ts";

async function withContext(io: Io, work: (ctx: AppContext) => Promise<number>): Promise<number> {
  let opened;
  try {
    opened = await openContext(loadConfig({ ...process.env, DEMO: "0" }));
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      io.err(
        `vanthu: dữ liệu ${e.dataDir} đang được tiến trình ${e.pid} (máy chủ vanthu?) sử dụng. ` +
          "Dừng máy chủ rồi chạy lại, hoặc dùng PostgreSQL (DATABASE_URL) để chạy song song.",
      );
      return 1;
    }
    if (e instanceof ConfigError) {
      io.err(`vanthu: cấu hình không hợp lệ:\n${e.problems.map((p) => `  - ${p}`).join("\n")}`);
      return 2;
    }
    throw e;
  }
  try {
    return await work(opened.ctx);
  } catch (e) {
    if (e instanceof AppError) {
      io.err(`vanthu: ${userMessageOf(e)} (${e.code}: ${e.message})`);
      for (const i of e.issues) io.err(`  - ${i.path}: ${i.message}`);
      return 1;
    }
    if (e instanceof ZodError) {
      io.err(
        `vanthu: tham số không hợp lệ:\n${e.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`,
      );
      return 2;
    }
    throw e;
  } finally {
    await opened.ctx.reader.close();
    await opened.handle.close();
  }
}

export function agencyAddCommand(
  code: string,
  o: {
    name?: string;
    abbr?: string;
    kind?: string;
    parent?: string;
    parentLine?: string;
    place?: string;
    term?: string;
  },
  io: Io,
): Promise<number> {
  return withContext(io, async (ctx) => {
    const { id } = await createAgency(
      ctx.db,
      null,
      {
        code,
        name: o.name ?? "",
        abbreviation: o.abbr ?? "",
        kind: (o.kind ?? "state") as "state",
        ...(o.parent ? { parentCode: o.parent } : {}),
        ...(o.parentLine ? { parentLine: o.parentLine } : {}),
        ...(o.place ? { place: o.place } : {}),
        ...(o.term ? { term: o.term } : {}),
      },
      ctx.now(),
    );
    io.out(`Đã thêm cơ quan ${code} (${o.name}), id ${id}.`);
    return 0;
  });
}

export function agencyRenameCommand(
  code: string,
  o: { name?: string; reason?: string; validFrom?: string },
  io: Io,
): Promise<number> {
  return withContext(io, async (ctx) => {
    const agency = await ctx.db
      .selectFrom("agencies")
      .select("id")
      .where("code", "=", code)
      .executeTakeFirst();
    if (!agency) {
      io.err(`vanthu agency rename: không có cơ quan mã ${code}.`);
      return 1;
    }
    const r = await renameAgency(ctx, null, agency.id, {
      name: o.name ?? "",
      reason: o.reason ?? "",
      ...(o.validFrom ? { validFrom: o.validFrom } : {}),
    });
    io.out(
      `Đã đổi tên cơ quan ${code}: “${r.oldName}” thành “${r.name}” (tên cũ giữ trong lịch sử).`,
    );
    return 0;
  });
}

export function userAddCommand(
  username: string,
  o: { agency?: string; name?: string; role?: string; password?: string; title?: string },
  io: Io,
): Promise<number> {
  return withContext(io, async (ctx) => {
    const password = o.password ?? process.env.VANTHU_PASSWORD ?? generatePassword();
    const roles = (o.role ?? "specialist").split(",").map((r) => r.trim()) as Array<"clerk">;
    await createUser(
      ctx.db,
      null,
      {
        agencyCode: o.agency ?? "",
        username,
        fullName: o.name ?? username,
        roles,
        password,
        ...(o.title ? { title: o.title } : {}),
      },
      ctx.now(),
    );
    io.out(`Đã thêm người dùng ${username} (${roles.join(", ")}) vào ${o.agency}.`);
    if (!o.password && !process.env.VANTHU_PASSWORD) io.out(`Mật khẩu tạm thời: ${password}`);
    return 0;
  });
}

/**
 * `vanthu user password USERNAME`: sets a new password (under the policy) read from stdin, or
 * asked twice on a terminal; every session of the user ends.
 */
export async function userPasswordCommand(
  username: string,
  io: Io,
  readPassword: () => Promise<string | null> = readNewPassword,
): Promise<number> {
  const password = await readPassword();
  if (password === null) {
    io.err("vanthu user password: hai lần nhập mật khẩu không giống nhau.");
    return 2;
  }
  if (!password) {
    io.err(
      "vanthu user password: cần mật khẩu mới trên đầu vào chuẩn. Ví dụ: vanthu user password stttt-ls.vanthu < mat-khau.txt",
    );
    return 2;
  }
  return withContext(io, async (ctx) => {
    const r = await resetPassword(ctx, null, { username }, { password });
    io.out(
      `Đã đặt mật khẩu mới cho ${r.username}; ${r.sessionsEnded} phiên đăng nhập đã kết thúc.`,
    );
    return 0;
  });
}

/** The first line of stdin; on a terminal, asked twice without echo (null: the two differ). */
async function readNewPassword(): Promise<string | null> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0]!.normalize("NFC");
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stderr.write(prompt);
      let typed = "";
      stdin.setRawMode(true);
      stdin.resume();
      stdin.setEncoding("utf8");
      const onData = (s: string) => {
        for (const ch of s) {
          if (ch === "\r" || ch === "\n" || ch === "\u0004") {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off("data", onData);
            process.stderr.write("\n");
            resolve(typed.normalize("NFC"));
            return;
          }
          if (ch === "\u0003") process.exit(130);
          if (ch === "\u007f") typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      stdin.on("data", onData);
    });
  const first = await ask("Mật khẩu mới: ");
  const again = await ask("Nhập lại mật khẩu mới: ");
  return first === again ? first : null;
}

const IMPORTABLE = /\.(txt|md|docx|doc|pdf|png|jpe?g|tiff?)$/i;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (IMPORTABLE.test(name)) out.push(path);
  }
  return out;
}

/** A progress bar on a terminal; a line every tenth otherwise (logs, CI). */
function progress(total: number, io: Io) {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  let lastDone = -1;
  return (done: number, label: string) => {
    if (tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(
        `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`,
      );
      if (done === total && lastDone !== total) process.stderr.write("\n");
    } else {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== lastTenth || (done === total && lastDone !== total)) {
        lastTenth = tenth;
        io.err(
          `${done}/${total} (${Math.round((done / total) * 100)}%)${label ? ` ${label}` : ""}`,
        );
      }
    }
    lastDone = done;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `vanthu import DIR --as USER [--register]`: the files of DIR (and its subdirectories) become
 * an import batch, read by the same worker as the server's uploads: this command reads them, and
 * a server running on the same PostgreSQL takes part. Files already imported into the agency are
 * found by their hash and skipped without being read, so running it again after an interruption
 * goes on where it stopped; a file the interrupted run was reading is taken again once its lease
 * runs out. Progress on stderr.
 */
export function importCommand(
  dir: string,
  o: { as?: string; register: boolean },
  io: Io,
): Promise<number> {
  return withContext(io, async (ctx) => {
    if (!o.as) {
      io.err(
        "vanthu import: cần --as TÊN_ĐĂNG_NHẬP (văn thư của cơ quan nhận). Ví dụ: --as stttt-ls.vanthu",
      );
      return 2;
    }
    const user = await ctx.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", o.as)
      .executeTakeFirst();
    if (!user) {
      io.err(`vanthu import: không có người dùng ${o.as}.`);
      return 1;
    }
    const actor: Actor = {
      userId: user.id,
      agencyId: user.agency_id,
      username: user.username,
      fullName: user.full_name,
      roles: user.roles,
      unitId: user.unit_id,
      unitHead: user.unit_head,
    };
    let files: string[];
    try {
      files = walk(dir);
    } catch {
      io.err(`vanthu import: không đọc được thư mục ${dir}.`);
      return 1;
    }
    const total = Math.max(files.length, 1);
    const tick = progress(total, io);
    // Earlier runs for this directory that were interrupted: their files left in the queue are
    // taken at the end (found imported by then, they are not read again).
    const label = resolve(dir);
    const interrupted = await ctx.db
      .selectFrom("import_batches")
      .innerJoin("import_items", "import_items.batch_id", "import_batches.id")
      .select("import_batches.id")
      .distinct()
      .where("import_batches.source", "=", "cli")
      .where("import_batches.created_by", "=", user.id)
      .where("import_batches.label", "=", label)
      .where("import_items.status", "in", ["queued", "reading"])
      .execute();
    // A batch per MAX_ITEMS_PER_BATCH files, each read by this process's worker (and any
    // server's) while its files are still being added.
    const batches: string[] = [];
    const unreadable: string[] = [];
    for (let from = 0; from < files.length; from += MAX_ITEMS_PER_BATCH) {
      const slice = files.slice(from, from + MAX_ITEMS_PER_BATCH);
      const batchId = await createBatch(ctx, actor, { source: "cli", label });
      batches.push(batchId);
      const worker = startImportWorker(ctx, {
        worker: `cli:${hostname()}:${process.pid}`,
        batchId,
        pollMs: 500,
        // Nothing else to serve here: every reader of the pool reads.
        concurrency: ctx.config.reader.workers,
      });
      try {
        const read = function* () {
          for (const path of slice) {
            const name = relative(dir, path) || basename(path);
            try {
              yield { path: name, bytes: readFileSync(path) };
            } catch (e) {
              unreadable.push(`${name}: ${(e as Error).message}`);
            }
          }
        };
        let added = false;
        const adding = addFiles(ctx, actor, batchId, read(), () => worker.wake()).finally(() => {
          added = true;
        });
        adding.catch(() => undefined); // awaited below
        for (;;) {
          const c = (await batchView(ctx, actor, batchId)).counts;
          tick(from + c.done + c.failed, c.reading ? `đang đọc ${c.reading} tệp` : "");
          if (added && c.queued + c.reading === 0) break;
          await sleep(300);
        }
        await adding;
      } finally {
        await worker.stop();
      }
    }

    for (const b of interrupted)
      await drainBatch(ctx, `cli:${hostname()}:${process.pid}`, b.id, ctx.config.reader.workers);

    let imported = 0;
    let existing = 0;
    let documents = 0;
    let registered = 0;
    const failed: string[] = [...unreadable];
    for (const batchId of batches) {
      const view = await batchView(ctx, actor, batchId);
      for (const item of view.items) {
        if (item.status === "failed") {
          failed.push(`${item.path}: ${item.error?.message ?? ""} (${item.error?.code ?? ""})`);
          continue;
        }
        if (item.documents.some((d) => d.created)) imported++;
        else existing++;
        documents += item.documents.filter((d) => d.created).length;
        if (!o.register) continue;
        for (const d of item.documents)
          if (d.status === "draft") {
            await registerIncoming(ctx, actor, d.id, {});
            registered++;
          }
      }
    }
    io.out(
      `Nhập ${files.length} tệp: ${imported} mới, ${existing} đã có từ trước` +
        (o.register ? `, ${registered} vào sổ đến` : "") +
        `, ${failed.length} lỗi.` +
        // A file may hold several documents (a PDF with three letters).
        (documents !== imported ? ` Tạo ${documents} văn bản đến từ ${imported} tệp mới.` : ""),
    );
    for (const f of failed) io.err(`  ${f}`);
    return failed.length ? 1 : 0;
  });
}
