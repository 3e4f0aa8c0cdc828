// Public surface of @vanthu/cli (for tests and for tools that embed the commands).
export { main } from "./main.ts";
export type { Io } from "./io.ts";
