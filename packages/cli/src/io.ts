import { fstatSync } from "node:fs";

/** Where a command writes: injected so that tests capture it. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Writes UTF-8 bytes to standard output as they are (lines already ended), when it can. */
  write?(bytes: Uint8Array): void;
  /** The terminal stderr is on, when it is one: commands draw progress there. */
  readonly terminal?: Terminal | undefined;
}

export interface Terminal {
  /** Writes to stderr as is (no newline added). */
  write(text: string): void;
  /** Width in characters. */
  readonly columns: number;
  /** Standard output is the same terminal: a line written there clears the progress first. */
  readonly stdoutIsTerminal: boolean;
  /** Standard output is a pipe (`vanthu parse --json ... | jq`). */
  readonly stdoutIsPipe: boolean;
}

const stderrTerminal: Terminal = {
  write: (text) => void process.stderr.write(text),
  get columns() {
    return process.stderr.columns || 80;
  },
  get stdoutIsTerminal() {
    return !!process.stdout.isTTY;
  },
  get stdoutIsPipe() {
    try {
      const info = fstatSync(1);
      return info.isFIFO() || info.isSocket();
    } catch {
      return false;
    }
  },
};

export const processIo: Io = {
  out: (line) => void process.stdout.write(`${line}\n`),
  write: (bytes) => void process.stdout.write(bytes),
  err: (line) => void process.stderr.write(`${line}\n`),
  get terminal() {
    return process.stderr.isTTY ? stderrTerminal : undefined;
  },
};
