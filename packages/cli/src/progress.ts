import type { Io, Terminal } from "./io.ts";

/** Commands over fewer files than this show no progress. */
export const PROGRESS_FROM = 20;

/** Redraws at most this often, in ms: drawing on every file of thousands costs time. */
const REDRAW_MS = 100;

/**
 * A progress bar on stderr for a command over many files. Drawn only when stderr is a terminal,
 * and not when --json output goes to a pipe (a program reads it). Lines the command writes to
 * the terminal meanwhile clear the bar first; the next tick draws it again.
 */
export interface Progress {
  tick(done: number, current: string): void;
  /** `io` whose lines clear the bar before they are written. */
  wrap(io: Io): Io;
  /** Clears the bar for good. */
  end(): void;
}

export function progressFor(total: number, o: { json: boolean; io: Io }): Progress | null {
  const terminal = o.io.terminal;
  if (!terminal || total < PROGRESS_FROM) return null;
  if (o.json && terminal.stdoutIsPipe) return null;
  return progressBar(total, terminal);
}

export function progressBar(
  total: number,
  terminal: Terminal,
  now: () => number = () => performance.now(),
): Progress {
  const started = now();
  let drawnAt = -Infinity;
  let shown = false;
  const stdoutShared = terminal.stdoutIsTerminal;
  const clear = (): void => {
    if (shown) terminal.write("\r\x1b[K");
    shown = false;
  };
  return {
    tick(done, current) {
      const at = now();
      if (done < total && at - drawnAt < REDRAW_MS) return;
      drawnAt = at;
      terminal.write(
        `\r${progressLine(done, total, (at - started) / 1000, current, terminal.columns)}\x1b[K`,
      );
      shown = true;
    },
    wrap(io) {
      const write = io.write?.bind(io);
      return {
        out(line) {
          if (stdoutShared) clear();
          io.out(line);
        },
        ...(write && {
          write(bytes: Uint8Array) {
            if (stdoutShared) clear();
            write(bytes);
          },
        }),
        err(line) {
          clear();
          io.err(line);
        },
        terminal: io.terminal,
      };
    },
    end: clear,
  };
}

/** "[#########.........] 1200/3000 40% 1530 tệp/s  name" fitted to `columns`. */
export function progressLine(
  done: number,
  total: number,
  seconds: number,
  current: string,
  columns: number,
): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  const rate = seconds > 0 ? ` ${Math.round(done / seconds)} tệp/s` : "";
  const head = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${Math.floor((done / total) * 100)}%${rate}`;
  const room = columns - 1 - head.length - 2;
  if (room < 8) return head.slice(0, Math.max(0, columns - 1));
  const name = current.length > room ? `…${current.slice(current.length - room + 1)}` : current;
  return `${head}  ${name}`;
}
