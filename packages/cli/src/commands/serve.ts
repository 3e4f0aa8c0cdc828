/**
 * `vanthu serve`: the service on PGlite (DATA_DIR, default ./data) or PostgreSQL (DATABASE_URL),
 * with the demo world on first start unless --no-demo or DEMO=0. Stops cleanly on Ctrl-C.
 */
import { ConfigError, isDatabaseUnavailable, loadConfig, startServer } from "@vanthu/server";
import type { Io } from "../io.ts";

export async function serveCommand(
  options: { demo: boolean; port?: string },
  io: Io,
): Promise<number> {
  let config;
  try {
    config = loadConfig({
      ...process.env,
      ...(options.demo ? {} : { DEMO: "0" }),
      ...(options.port ? { PORT: options.port } : {}),
    });
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(
        `vanthu serve: cấu hình không hợp lệ:\n${e.problems.map((p) => `  - ${p}`).join("\n")}`,
      );
      return 2;
    }
    throw e;
  }
  let server;
  try {
    server = await startServer(config, { print: io.out });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EADDRINUSE") {
      io.err(
        `vanthu serve: cổng ${config.port} đang được dùng. Chọn cổng khác: PORT=3001 npm start`,
      );
      return 1;
    }
    if (isDatabaseUnavailable(e)) {
      io.err(
        `vanthu serve: không kết nối được PostgreSQL sau ${config.databaseWaitSeconds} giây chờ (${err.message}). Kiểm tra máy chủ cơ sở dữ liệu và DATABASE_URL; thời gian chờ đặt bằng DATABASE_WAIT_SECONDS.`,
      );
      return 1;
    }
    if (err.code === "28P01" || err.code === "3D000") {
      io.err(
        `vanthu serve: không kết nối được PostgreSQL (${err.message}). Kiểm tra DATABASE_URL.`,
      );
      return 1;
    }
    throw e;
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      io.out(`\n${signal}: stopping...`);
      void server.close().then(resolve);
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
  return 0;
}
