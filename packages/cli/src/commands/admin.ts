/**
 * Commands that work on the database directly (the same DATA_DIR or DATABASE_URL as the server):
 * `vanthu agency add`, `vanthu user add`, `vanthu user password`, `vanthu import DIR`. On PGlite the server must be
 * stopped first: its data directory belongs to one process.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import {
  AppError,
  ConfigError,
  DataDirLockedError,
  ERROR_MESSAGES_VI,
  createAgency,
  createUser,
  generatePassword,
  importDocument,
  loadConfig,
  openContext,
  registerIncoming,
  renameAgency,
  resetPassword,
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
      io.err(
        `vanthu: ${e.userMessage ?? ERROR_MESSAGES_VI[e.code] ?? e.message} (${e.code}: ${e.message})`,
      );
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

const IMPORTABLE = /\.(txt|md|docx|pdf)$/i;

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
  return (done: number, label: string) => {
    if (tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(
        `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`,
      );
      if (done === total) process.stderr.write("\n");
    } else {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== lastTenth || done === total) {
        lastTenth = tenth;
        io.err(`${done}/${total} (${Math.round((done / total) * 100)}%)`);
      }
    }
  };
}

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
    };
    let files: string[];
    try {
      files = walk(dir);
    } catch {
      io.err(`vanthu import: không đọc được thư mục ${dir}.`);
      return 1;
    }
    const tick = progress(Math.max(files.length, 1), io);
    let imported = 0;
    let existing = 0;
    let registered = 0;
    const failed: string[] = [];
    for (const [i, path] of files.entries()) {
      const name = relative(dir, path) || basename(path);
      try {
        const r = await importDocument(ctx, actor, {
          bytes: readFileSync(path),
          fileName: basename(path),
        });
        if (r.duplicate) existing++;
        else imported++;
        if (o.register) {
          const doc = await ctx.db
            .selectFrom("documents")
            .select("status")
            .where("id", "=", r.id)
            .executeTakeFirstOrThrow();
          if (doc.status === "draft") {
            await registerIncoming(ctx, actor, r.id, {});
            registered++;
          }
        }
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        failed.push(`${name}: ${ERROR_MESSAGES_VI[e.code] ?? e.message} (${e.code})`);
      }
      tick(i + 1, name);
    }
    io.out(
      `Nhập ${files.length} tệp: ${imported} mới, ${existing} đã có từ trước` +
        (o.register ? `, ${registered} vào sổ đến` : "") +
        `, ${failed.length} lỗi.`,
    );
    for (const f of failed) io.err(`  ${f}`);
    return failed.length ? 1 : 0;
  });
}
