import { parseExtracted } from "@vanthu/extract";
import { formatSummary } from "../format-summary.ts";
import { LABELS, vi } from "../messages.vi.ts";
import { readDocument } from "../read-document.ts";
import type { Io } from "../io.ts";

/**
 * `vanthu parse FILE... [--json]`: one JSON object per line with "file" first and then the
 * parse contract of the file (`parseExtracted`: the fields, where each came from, the notes of
 * the reading and the parser, and `documents`, one result per document the file holds), or a
 * readable summary of each document. Exit 0 when every file parsed, 1 when some failed.
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
    const parsed = parseExtracted(read.extracted);
    if (options.json) io.out(JSON.stringify({ file, ...parsed }));
    else
      for (const [i, doc] of parsed.documents.entries()) {
        if (!first || i) io.out("");
        // The notes of the reading are among each document's own.
        const n = parsed.documents.length;
        io.out(formatSummary(n > 1 ? `${file} (${LABELS.partOfFile} ${i + 1}/${n})` : file, doc));
      }
    first = false;
  }
  return failures ? 1 : 0;
}
