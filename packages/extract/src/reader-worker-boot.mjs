// A reader worker's entry. The sources are TypeScript compiled on load by tsx, and a worker does
// not inherit a loader registered with tsx's API (`vanthu` does that) nor, measured on Node 20,
// one given as `--import tsx` (the import of a .ts file failed in the worker either way), so the
// worker registers tsx itself before it loads the reader. (The build of the command,
// scripts/build-cli.ts, starts its bundled reader-worker.js instead: reader-process.ts.)
import { register } from "tsx/esm/api";

register();
await import("./reader-worker.ts");
