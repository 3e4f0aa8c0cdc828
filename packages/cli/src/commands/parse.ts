import { parseDocument } from "@vanthu/core";
import { formatSummary } from "../format-summary.ts";
import { vi } from "../messages.vi.ts";
import { readDocument } from "../read-document.ts";
import type { Io } from "../io.ts";

/**
 * `vanthu parse FILE... [--json]`: one JSON object per line with "file" first and then the
 * parse contract, or a readable summary. Exit 0 when every file parsed, 1 when some failed.
 */
export async function parseCommand(
  files: string[],
  options: { json: boolean },
  io: Io,
): Promise<number> {
  let failures = 0;
  let first = true;
  for (const file of files) {
    const read = await readDocument(file);
    const fatal = read.notes.filter((n) => n.fatal);
    if (!read.ok) {
      failures++;
      for (const n of fatal) io.err(`vanthu: ${file}: ${vi(n.code, n.message)} [${n.code}]`);
      continue;
    }
    const doc = parseDocument(read.text);
    const readNotes = read.notes.map((n) => ({ code: n.code, message: n.message }));
    if (options.json) {
      const notes = [...readNotes, ...doc.notes];
      io.out(JSON.stringify({ file, ...doc, warnings: notes.map((n) => n.message), notes }));
    } else {
      if (!first) io.out("");
      io.out(
        formatSummary(
          file,
          doc,
          read.notes.map((n) => vi(n.code, n.message)),
        ),
      );
    }
    first = false;
  }
  return failures ? 1 : 0;
}
