#!/usr/bin/env node
// Entry point of the `vanthu` command. It runs the JavaScript build in packages/cli/dist (made by
// `npm install` through `prepare`: scripts/build-cli.ts) while that build matches the sources.
// Otherwise (never built, sources edited since, or VANTHU_FROM_SOURCE=1) it runs the TypeScript
// sources through tsx: a second slower to start, never stale.
import { relative } from "node:path";
import { buildState } from "./build-state.js";

// A closed pipe (`vanthu parse ... | head`) ends the command quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const state = process.env.VANTHU_FROM_SOURCE === "1" ? null : buildState();
let main;
if (state?.fresh) {
  ({ main } = await import("../dist/main.js"));
} else {
  if (state?.built && process.stderr.isTTY)
    process.stderr.write(
      `vanthu: ${relative(process.cwd(), state.changed)} đã đổi sau lần dựng gần nhất; chạy từ mã nguồn (chậm hơn). ` +
        "Dựng lại: npm run build:cli\n",
    );
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
