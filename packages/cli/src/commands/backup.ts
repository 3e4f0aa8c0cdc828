/**
 * `vanthu backup DIR` and `vanthu restore DIR [--force]`: the database and the stored files, with
 * a manifest of checksums that restore checks before it writes anything (server/src/backup/).
 * On PGlite the server must be stopped; on PostgreSQL pg_dump / pg_restore do the database.
 */
import {
  AppError,
  ConfigError,
  DataDirLockedError,
  userMessageOf,
  createBackup,
  loadConfig,
  restoreBackup,
} from "@vanthu/server";
import type { Io } from "../io.ts";

const size = (n: number) =>
  n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Failures as the other commands print them; returns the exit code. */
function report(e: unknown, io: Io, command: string): number {
  if (e instanceof DataDirLockedError) {
    io.err(
      `vanthu ${command}: dữ liệu ${e.dataDir} đang được tiến trình ${e.pid} (máy chủ vanthu?) sử dụng. ` +
        "Dừng máy chủ rồi chạy lại (DATA_DIR_LOCKED).",
    );
    return 1;
  }
  if (e instanceof ConfigError) {
    io.err(`vanthu: cấu hình không hợp lệ:\n${e.problems.map((p) => `  - ${p}`).join("\n")}`);
    return 2;
  }
  if (e instanceof AppError) {
    io.err(`vanthu ${command}: ${userMessageOf(e)} (${e.code}: ${e.message})`);
    for (const i of e.issues) io.err(`  - ${i.path}${i.message ? `: ${i.message}` : ""}`);
    return 1;
  }
  throw e;
}

export async function backupCommand(dir: string, io: Io): Promise<number> {
  try {
    const { manifest, notes } = await createBackup(loadConfig({ ...process.env, DEMO: "0" }), dir);
    io.out(
      `Đã sao lưu vào ${dir}: cơ sở dữ liệu ${manifest.database} (${manifest.documents} văn bản, ` +
        `${manifest.migrations.length} bước cấu trúc), ${manifest.files.count} tệp (${size(manifest.files.bytes)}); ` +
        `${manifest.entries.length} mục có mã kiểm tra sha256 trong manifest.json.`,
    );
    for (const note of notes) {
      const [kind, rest] = [note.slice(0, note.indexOf(":")), note.slice(note.indexOf(":") + 2)];
      if (kind === "pg_dump") io.out(`Đã chạy pg_dump: cơ sở dữ liệu PostgreSQL ở ${rest}.`);
      else if (kind === "pg_dump-missing")
        io.out(
          `Không tìm thấy pg_dump: bản sao lưu chỉ có các tệp. Sao lưu cơ sở dữ liệu PostgreSQL bằng lệnh:\n  ${rest}`,
        );
      else if (kind === "secret-key")
        io.out(
          `Khóa bí mật của hệ thống (${rest}) không nằm trong bản sao lưu: hãy cất riêng tệp này (hoặc đặt VANTHU_SECRET_KEY); khi khôi phục, chép lại vào thư mục dữ liệu, nếu không phải cấu hình lại chữ ký số.`,
        );
      else if (kind === "damaged")
        io.err(`Cảnh báo: tệp lưu trữ ${rest} không khớp với mã sha256 của nó (đã hỏng từ trước).`);
    }
    return 0;
  } catch (e) {
    return report(e, io, "backup");
  }
}

export async function restoreCommand(
  dir: string,
  options: { force: boolean },
  io: Io,
): Promise<number> {
  try {
    const { manifest, notes } = await restoreBackup(
      loadConfig({ ...process.env, DEMO: "0" }),
      dir,
      options,
    );
    io.out(
      `Đã kiểm tra và khôi phục bản sao lưu ngày ${manifest.createdAt}: cơ sở dữ liệu ${manifest.database}, ` +
        `${manifest.files.count} tệp.`,
    );
    for (const note of notes) {
      const [kind, rest] = [note.split(":")[0], note.slice(note.indexOf(":") + 2)];
      if (kind === "kept") io.out(`Dữ liệu cũ được giữ ở ${rest} (xóa khi không cần nữa).`);
      else if (kind === "pg_restore") io.out(`Đã chạy pg_restore: ${rest}.`);
      else if (kind === "pg_restore-missing")
        io.out(
          `Không tìm thấy pg_restore. Khôi phục cơ sở dữ liệu PostgreSQL bằng lệnh:\n  ${rest}`,
        );
      else if (kind === "no-dump")
        io.out(
          "Bản sao lưu không có cơ sở dữ liệu (pg_dump không chạy khi sao lưu): khôi phục nó từ bản pg_dump của bạn bằng pg_restore.",
        );
    }
    io.out("Chạy vanthu serve để khởi động trên dữ liệu đã khôi phục.");
    return 0;
  } catch (e) {
    return report(e, io, "restore");
  }
}
