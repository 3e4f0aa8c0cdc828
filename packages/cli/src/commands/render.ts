import { readFile, writeFile } from "node:fs/promises";
import { layoutDocument, parseDocument, type LayoutSource } from "@vanthu/core";
import { renderDocx, renderHtml, renderPdf } from "@vanthu/render";
import { vi } from "../messages.vi.ts";
import { readDocument } from "../read-document.ts";
import type { Io } from "../io.ts";

export const RENDER_FORMATS = ["pdf", "docx", "html"] as const;

/**
 * `vanthu render FILE --format pdf|docx|html -o OUT`: FILE is a text, .docx or PDF document (parsed first)
 * or a JSON document in the parse contract's shape (`vanthu parse --json` output works).
 */
export async function renderCommand(
  file: string,
  options: { format: string; out?: string },
  io: Io,
): Promise<number> {
  if (!(RENDER_FORMATS as readonly string[]).includes(options.format)) {
    io.err(
      `vanthu render: định dạng "${options.format}" chưa hỗ trợ; dùng: ${RENDER_FORMATS.join(", ")}.`,
    );
    return 2;
  }
  if (!options.out) {
    io.err(
      "vanthu render: cần -o TỆP_RA. Ví dụ: vanthu render du-thao.txt --format pdf -o du-thao.pdf",
    );
    return 2;
  }
  let source: LayoutSource;
  if (/\.json$/i.test(file)) {
    try {
      source = JSON.parse(await readFile(file, "utf8")) as LayoutSource;
      if (!source || typeof source !== "object" || !source.issuer || !source.dateParts)
        throw new Error("thiếu issuer hoặc dateParts");
    } catch (error) {
      io.err(
        `vanthu: ${file}: không đọc được văn bản JSON: ${(error as Error).message} [INVALID_DOCUMENT_JSON]`,
      );
      return 1;
    }
  } else {
    const read = await readDocument(file);
    if (!read.ok) {
      for (const n of read.notes.filter((x) => x.fatal))
        io.err(`vanthu: ${file}: ${vi(n.code, n.message)} [${n.code}]`);
      return 1;
    }
    source = parseDocument(read.text);
  }
  const model = layoutDocument(source);
  const title = source.subject ?? "";
  const bytes =
    options.format === "pdf"
      ? await renderPdf(model, { title })
      : options.format === "docx"
        ? await renderDocx(model)
        : new TextEncoder().encode(renderHtml(model, { title }));
  await writeFile(options.out, bytes);
  io.err(`vanthu render: đã ghi ${options.out} (${Math.round(bytes.length / 1024)} KB)`);
  return 0;
}
