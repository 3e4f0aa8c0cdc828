/**
 * The browser story (e2e/*.spec.ts) in Debian's Chromium against a real `vanthu serve` with a
 * fresh demo world: on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set (as the
 * rest of the suite). Screenshots of every step go to test-results/story/<database>/.
 */
import { existsSync } from "node:fs";
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM))
  console.warn(
    `\nBrowser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).\n`,
  );

const base = Number(process.env.E2E_PORT ?? 3217);
const kinds = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
const servers: NonNullable<PlaywrightTestConfig["webServer"]> = kinds.map((kind, i) => ({
  command: `node --import tsx scripts/build-web.ts --if-stale && node --import tsx scripts/e2e-server.ts${kind === "postgres" ? " --postgres" : ""}`,
  url: `http://127.0.0.1:${base + i}/api/health`,
  timeout: 180_000,
  reuseExistingServer: false,
  // SIGTERM, so that the PostgreSQL database of the run is dropped when the server stops.
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: { PORT: String(base + i), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
}));

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    viewport: { width: 1366, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: kinds.map((kind, i) => ({
    name: kind,
    use: { baseURL: `http://127.0.0.1:${base + i}` },
  })),
  webServer: existsSync(CHROMIUM) ? servers : [],
});
