import { copyFile, readFile, writeFile } from "node:fs/promises";
import {
  applyFixes,
  lintReport,
  normalizeText,
  parseDocument,
  type AgencyProfile,
  type Diagnostic,
} from "@vanthu/core";
import { vi } from "../messages.vi.ts";
import { readDocument } from "../read-document.ts";
import type { Io } from "../io.ts";

export interface LintOptions {
  json: boolean;
  fix: boolean;
  issued: boolean;
  today?: string;
  agency?: string;
}

/**
 * Findings printed per file. Every finding is still counted (stopAfter: Infinity: the CLI runs on
 * the user's own machine and its exit code and totals must be exact), but a file with thousands
 * prints the first ones by position and "… và N phát hiện khác".
 */
export const CLI_MAX_FINDINGS = 500;

const SEVERITY_VI: Record<Diagnostic["severity"], string> = {
  error: "lỗi",
  warning: "cảnh báo",
  info: "lưu ý",
};

/**
 * `vanthu lint FILE... [--json] [--fix] [--agency FILE.json] [--issued] [--today YYYY-MM-DD]`.
 * Exit 1 when a file has an error or cannot be read, 2 on bad usage. `--fix` applies the safe
 * fixes to text files and writes them back, keeping the original as FILE.orig.
 */
export async function lintCommand(files: string[], options: LintOptions, io: Io): Promise<number> {
  let agency: AgencyProfile | undefined;
  if (options.agency) {
    try {
      agency = JSON.parse(await readFile(options.agency, "utf8")) as AgencyProfile;
    } catch (error) {
      io.err(
        `vanthu lint: ${options.agency}: không đọc được hồ sơ cơ quan (JSON): ${(error as Error).message} [AGENCY_UNREADABLE]`,
      );
      return 2;
    }
  }
  if (options.today && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
    io.err(`vanthu lint: --today phải có dạng YYYY-MM-DD, không phải "${options.today}".`);
    return 2;
  }
  let status = 0;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const file of files) {
    const read = await readDocument(file);
    if (!read.ok) {
      status = 1;
      for (const n of read.notes.filter((x) => x.fatal))
        io.err(`vanthu: ${file}: ${vi(n.code, n.message)} [${n.code}]`);
      continue;
    }
    const text = normalizeText(read.text);
    const context = {
      text,
      status: options.issued ? ("issued" as const) : ("draft" as const),
      ...(agency ? { agency } : {}),
      ...(options.today ? { today: options.today } : {}),
    };
    const report = lintReport(parseDocument(text), context, {
      maxFindings: CLI_MAX_FINDINGS,
      stopAfter: Infinity,
    });
    const { diagnostics, counts, total } = report;
    errors += counts.error;
    warnings += counts.warning;
    infos += counts.info;
    if (counts.error) status = 1;
    if (options.json) {
      io.out(
        JSON.stringify({
          file,
          diagnostics: diagnostics.map(({ params: _p, ...d }) => d),
          total,
          truncated: report.truncated,
        }),
      );
    } else {
      for (const d of diagnostics)
        io.out(
          `${file}:${d.line}:${d.column}: ${SEVERITY_VI[d.severity]}: ${d.message} [${d.code}]${d.fix ? " (sửa được)" : ""}`,
        );
      if (report.truncated)
        io.out(`${file}: … và ${total - diagnostics.length} phát hiện khác (không in ra).`);
    }
    if (options.fix) {
      if (!/\.(?:txt|md|markdown)$/i.test(file) || file === "-") {
        io.err(
          `vanthu lint: ${file}: --fix chỉ sửa tệp văn bản (.txt, .md); tệp này được giữ nguyên.`,
        );
        continue;
      }
      const { text: fixed, applied } = applyFixes(text, diagnostics);
      if (applied) {
        await copyFile(file, `${file}.orig`);
        await writeFile(file, fixed);
        io.err(`vanthu lint: ${file}: đã sửa ${applied} chỗ; bản gốc lưu ở ${file}.orig`);
      }
    }
  }
  if (!options.json)
    io.out(`${errors} lỗi, ${warnings} cảnh báo, ${infos} lưu ý trong ${files.length} tệp.`);
  return status;
}
