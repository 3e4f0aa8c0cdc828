import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { normalizeRef, parseDocument, type ParsedDocument } from "@vanthu/core";
import { formatSummary } from "../format-summary.ts";
import { readDocument } from "../read-document.ts";
import type { Io } from "../io.ts";

/**
 * `vanthu demo [DIR]` (what `npm start` runs until the server exists): parses the example
 * documents, prints each one's summary, then the links between them: which document cites which.
 */
export async function demoCommand(dir: string, io: Io): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.(?:txt|md|docx|pdf)$/i.test(n)).sort();
  } catch {
    io.err(`vanthu: ${dir}: không tìm thấy thư mục văn bản mẫu.`);
    return 1;
  }
  const docs: Array<{ file: string; doc: ParsedDocument }> = [];
  for (const name of names) {
    const path = join(dir, name);
    const read = await readDocument(path);
    if (!read.ok) continue;
    docs.push({ file: relative(process.cwd(), path), doc: parseDocument(read.text) });
  }
  io.out(`vanthu: đọc ${docs.length} văn bản mẫu trong ${relative(process.cwd(), dir) || "."}\n`);
  for (const { file, doc } of docs) io.out(`${formatSummary(file, doc)}\n`);

  const byRef = new Map<string, string>();
  for (const { file, doc } of docs)
    if (doc.reference && doc.number) byRef.set(normalizeRef(doc.reference), file);
  io.out("Liên kết giữa các văn bản (văn bản dẫn -> văn bản được dẫn):");
  let links = 0;
  for (const { file, doc } of docs) {
    for (const c of doc.citations) {
      const target = byRef.get(normalizeRef(c.reference));
      if (target) {
        io.out(`  ${file} -> ${target} (${c.typeName ?? ""} ${c.reference})`);
        links++;
      }
    }
  }
  if (!links) io.out("  (không có)");
  const total = docs.reduce((n, d) => n + d.doc.citations.length, 0);
  io.out(
    `\n${total} văn bản được dẫn, ${links} tìm thấy trong bộ mẫu. Thử: npx vanthu parse ${docs[0]?.file ?? "FILE"} --json`,
  );
  return 0;
}
