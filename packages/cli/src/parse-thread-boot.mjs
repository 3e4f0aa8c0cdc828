// A parse thread's entry when vanthu runs from its TypeScript sources: a worker thread does not
// inherit the tsx loader its parent registered, so it registers tsx itself (see
// extract/src/reader-worker-boot.mjs). The build runs parse-thread.js directly.
import { register } from "tsx/esm/api";

register();
await import("./parse-thread.ts");
