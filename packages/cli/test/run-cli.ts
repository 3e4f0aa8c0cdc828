/** The CLI's `main` called in this process with its output collected: what the CLI tests share. */
import { main, type Io } from "@vanthu/cli";

/** The exit code and the lines written to standard output and standard error. */
export async function runCli(
  args: string[],
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => void out.push(l), err: (l) => void err.push(l) };
  const code = await main(args, io);
  return { code, out, err };
}

/** The same, each stream's lines joined into one text. */
export async function runCliText(
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  const r = await runCli(args);
  return { code: r.code, out: r.out.join("\n"), err: r.err.join("\n") };
}
