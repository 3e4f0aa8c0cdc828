#!/usr/bin/env node
// Entry point of the `vanthu` command. The sources are TypeScript; tsx compiles them on load,
// so `npx vanthu` works right after `npm install` with no build step to remember.
import { register } from "tsx/esm/api";

// A closed pipe (`vanthu parse ... | head`) ends the command quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
