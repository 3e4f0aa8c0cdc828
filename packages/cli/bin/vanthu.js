#!/usr/bin/env node
// Entry point of the `vanthu` command. The sources are TypeScript; tsx compiles them on load,
// so `npx vanthu` works right after `npm install` with no build step to remember.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
