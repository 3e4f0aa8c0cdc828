import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import {
  DEFAULT_EDXML_LIMITS,
  EDXML_STATUS_CODES,
  attachment,
  checkEdxmlStructure,
  documentFromParsed,
  documentIdParts,
  edxmlJson,
  edxmlMessageVi,
  edxmlSignatureVi,
  edxmlVerdictVi,
  organ,
  readEdxml,
  statusFor,
  writeEdxmlDocument,
  writeEdxmlStatus,
  type EdxmlDocument,
  type EdxmlOrgan,
  type EdxmlPackage,
  type EdxmlStatus,
  type EdxmlStatusCode,
} from "@vanthu/edxml";
import { parseExtracted } from "@vanthu/extract";
import { loadTrustAnchors, type TrustAnchor } from "@vanthu/signatures";
import { vi } from "../messages.vi.ts";
import { extractBytes, readBytes } from "../read-document.ts";
import { readCapped, readFailure } from "../read-file.ts";
import type { Io } from "../io.ts";

/**
 * `vanthu edxml read FILE... [--json] [--trust DIR_OR_FILE]`: each package as one JSON line
 * (issue 17's field names, edxmlJson; `signature.verified` and its `reason`) or a summary in
 * Vietnamese; an XML signature is checked against the --trust roots (none: at best
 * unknown-chain). Exit 0 when every package was read (warnings allowed, whatever its signature),
 * 1 when one was refused (its code and the reason on stderr), 2 when a file could not be read
 * (or the trust anchors given hold no certificate).
 */
export async function edxmlReadCommand(
  files: string[],
  options: { json: boolean; trust?: string[] },
  io: Io,
): Promise<number> {
  let anchors: TrustAnchor[] = [];
  if (options.trust?.length) {
    const loaded = loadTrustAnchors(options.trust);
    for (const p of loaded.problems)
      io.err(`vanthu edxml read: ${p}: ${vi("TRUST_ANCHOR_UNREADABLE")}`);
    if (!loaded.anchors.length) {
      io.err(`vanthu edxml read: ${vi("NO_TRUST_ANCHORS")}`);
      return 2;
    }
    anchors = loaded.anchors;
  }
  let code = 0;
  for (const file of files) {
    const bytes = readPackageFile(file, DEFAULT_EDXML_LIMITS.maxPackageBytes);
    if (typeof bytes === "string") {
      io.err(`${file}: ${vi(bytes, edxmlMessageVi(bytes))}`);
      code = 2;
      continue;
    }
    const result = readEdxml(bytes, {}, { trustAnchors: anchors });
    if (result.kind === "problem") {
      io.err(
        `${file}: ${edxmlMessageVi(result.code)} (${result.code}${result.path ? ` tại ${result.path}` : ""}: ${result.message})`,
      );
      code = Math.max(code, 1);
      continue;
    }
    io.out(options.json ? JSON.stringify({ file, ...edxmlJson(result) }) : summary(file, result));
  }
  return code;
}

/** The file's bytes (at most `max`, else EDXML_TOO_LARGE), or the code of why not. */
function readPackageFile(path: string, max: number): Uint8Array | string {
  return readCapped(path, max, "EDXML_TOO_LARGE");
}

const BUSINESS_VI = ["văn bản mới", "thu hồi", "cập nhật", "thay thế"];

function organLine(o: EdxmlOrgan | null): string {
  if (!o) return "(không có)";
  return [o.organId ?? "(không mã)", o.organName].filter(Boolean).join(" ");
}

function summary(file: string, p: EdxmlPackage): string {
  const lines = p.kind === "document" ? documentLines(file, p) : statusLines(file, p);
  if (p.signature) {
    const cert = p.signature.certificate?.subject ?? p.signature.subjectName;
    const { verified, reason } = p.signature;
    lines.push(
      `  Chữ ký XML: ${edxmlVerdictVi(verified)}${reason ? ` (${reason}: ${edxmlSignatureVi(reason)})` : ""}${cert ? `; chứng thư: ${cert}` : ""}`,
    );
  }
  if (p.warnings.length) {
    lines.push("  Lưu ý:");
    for (const w of p.warnings) lines.push(`    - ${edxmlMessageVi(w.code)} (${w.path})`);
  }
  return lines.join("\n");
}

function documentLines(file: string, d: EdxmlDocument): string[] {
  const j = edxmlJson(d) as { reference: string | null; businessType: number | null };
  const lines = [`${file}: gói văn bản edXML`];
  lines.push(`  Mã văn bản (DocumentId): ${d.documentId ?? "(không có)"}`);
  lines.push(`  Nơi gửi: ${organLine(d.from)}`);
  lines.push(`  Nơi nhận: ${d.to.map(organLine).join("; ") || "(không có)"}`);
  lines.push(`  Số, ký hiệu: ${j.reference ?? "(không có)"}`);
  lines.push(
    `  Địa danh, ngày: ${[d.promulgation.place, d.promulgation.date].filter(Boolean).join(", ") || "(không có)"}`,
  );
  lines.push(`  Loại văn bản: ${d.documentType.typeName ?? "(không có)"}`);
  lines.push(`  Trích yếu: ${d.subject ?? "(không có)"}`);
  const signer = [d.signer.competence, d.signer.position, d.signer.fullName].filter(Boolean);
  lines.push(`  Người ký: ${signer.join(", ") || "(không có)"}`);
  const b = j.businessType;
  lines.push(
    `  Nghiệp vụ: ${b === null ? "(không rõ)" : `${b} (${BUSINESS_VI[b]})`}${d.business?.reason ? `: ${d.business.reason}` : ""}`,
  );
  for (const a of d.attachments) {
    const size = a.size === null ? "không có nội dung" : `${a.size} byte`;
    const inner = a.package
      ? `; chứa gói edXML ${a.package.kind === "document" ? (a.package.subject ?? "") : `trạng thái ${a.package.statusCode}`}`
      : "";
    lines.push(
      `  Tệp đính kèm: ${a.name ?? a.contentId ?? "(không tên)"} (${a.contentType ?? "?"}, ${size})${inner}`,
    );
  }
  return lines;
}

function statusLines(file: string, s: EdxmlStatus): string[] {
  const name =
    s.statusCode && Object.hasOwn(EDXML_STATUS_CODES, s.statusCode)
      ? EDXML_STATUS_CODES[s.statusCode as EdxmlStatusCode]
      : "(mã không có trong QCVN 102)";
  const lines = [`${file}: gói trạng thái edXML ${s.statusCode ?? "?"}: ${name}`];
  lines.push(
    `  Trả lời văn bản: ${s.responseFor?.documentId ?? "(không có)"}${s.responseFor?.code ? ` (${s.responseFor.code})` : ""}`,
  );
  lines.push(`  Từ: ${organLine(s.from)}`);
  lines.push(`  Lúc: ${s.timestamp ?? "(không có)"}`);
  if (s.description) lines.push(`  Mô tả: ${s.description}`);
  if (s.staff?.staff)
    lines.push(`  Người xử lý: ${[s.staff.staff, s.staff.department].filter(Boolean).join(", ")}`);
  return lines;
}

/** "CODE" or "CODE=Tên cơ quan". */
function organArg(value: string): EdxmlOrgan {
  const at = value.indexOf("=");
  return at < 0
    ? organ(value.trim())
    : organ(value.slice(0, at).trim(), value.slice(at + 1).trim() || null);
}

/** A QCVN 102 agency code: dot-separated groups of letters and digits ("000.00.00.H41"). */
const ORGAN_ID = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+$/;

function badOrgan(o: EdxmlOrgan): boolean {
  return !ORGAN_ID.test(o.organId ?? "");
}

/**
 * `vanthu edxml write DOC --from CODE[=Tên] --to CODE[=Tên]... -o FILE.edxml`: a new document
 * package carrying DOC, its header filled from DOC's parse (the same extraction and parser as
 * `vanthu parse`). Exit 0 written, 1 DOC could not be read, 2 usage.
 */
export async function edxmlWriteCommand(
  file: string,
  options: { from?: string; to: string[]; attach?: string[]; out?: string; now?: Date },
  io: Io,
): Promise<number> {
  if (!options.from || !options.to.length || !options.out)
    return usage(
      io,
      "vanthu edxml write: cần --from, ít nhất một --to và -o. Ví dụ: vanthu edxml write cong-van.pdf --from 000.00.00.H41 --to 000.00.00.G22 -o cong-van.edxml",
    );
  const from = organArg(options.from);
  const to = options.to.map(organArg);
  const wrong = [from, ...to].find(badOrgan);
  if (wrong)
    return usage(
      io,
      `vanthu edxml write: mã định danh không hợp lệ: "${wrong.organId}" (dạng 000.00.00.H41).`,
    );
  const bytes = await readBytes(file);
  if (!(bytes instanceof Uint8Array)) {
    io.err(`${file}: ${vi(bytes.notes[0]!.code, bytes.notes[0]!.message)}`);
    return 1;
  }
  const read = await extractBytes(bytes, file);
  if (!read.ok) {
    const fatal = read.notes.find((n) => n.fatal) ?? read.notes[0]!;
    io.err(`${file}: ${vi(fatal.code, fatal.message)}`);
    return 1;
  }
  const extra = [];
  for (const path of options.attach ?? []) {
    const more = await readBytes(path);
    if (!(more instanceof Uint8Array)) {
      io.err(`${path}: ${vi(more.notes[0]!.code, more.notes[0]!.message)}`);
      return 1;
    }
    extra.push(attachment(basename(path), more));
  }
  const parsed = parseExtracted(read.extracted);
  const pages = parsed.pages?.[1] ?? null;
  const model = documentFromParsed(parsed, {
    from,
    to,
    attachments: [attachment(basename(file), bytes), ...extra],
    now: options.now ?? new Date(),
    pages,
  });
  const xml = writeEdxmlDocument(model);
  const check = checkEdxmlStructure(xml);
  if (!check.ok) {
    // Never expected: what the writer writes passes the check (tests); refuse rather than send.
    io.err(
      `vanthu edxml write: gói viết ra không đúng cấu trúc: ${JSON.stringify(check.problems)}`,
    );
    return 1;
  }
  try {
    writeFileSync(options.out, xml);
  } catch (error) {
    io.err(`${options.out}: ${vi(readFailure(error).notes[0]!.code)}`);
    return 1;
  }
  for (const note of parsed.notes.filter((n) =>
    [
      "NO_REFERENCE",
      "BLANK_NUMBER",
      "NO_DATE",
      "INCOMPLETE_DATE",
      "INVALID_DATE",
      "NO_SUBJECT",
    ].includes(n.code),
  ))
    io.err(`${file}: lưu ý: ${vi(note.code, note.message)}`);
  io.out(
    `Đã ghi ${options.out}: ${parsed.reference ?? "(chưa có số, ký hiệu)"}, DocumentId ${model.documentId}, ${to.length} nơi nhận, ${model.attachments.length} tệp đính kèm (${model.attachments.reduce((n, a) => n + a.bytes!.length, 0)} byte).`,
  );
  return 0;
}

/**
 * `vanthu edxml status --for DOCUMENT_ID --code 03 --from CODE[=Tên] [--to CODE]
 * [--description ...] -o FILE`: a status package. Exit 0 written, 1 not written, 2 usage.
 */
export async function edxmlStatusCommand(
  options: {
    for?: string;
    code?: string;
    from?: string;
    to?: string[];
    description?: string;
    out?: string;
    now?: Date;
  },
  io: Io,
): Promise<number> {
  const codes = Object.keys(EDXML_STATUS_CODES).sort().join(", ");
  if (!options.for || !options.code || !options.from || !options.out)
    return usage(
      io,
      'vanthu edxml status: cần --for, --code, --from và -o. Ví dụ: vanthu edxml status --for "000.00.00.G22,2026/12/01,123/VPCP-TTĐT" --code 03 --from 000.00.00.H41 -o trang-thai.edxml',
    );
  if (!Object.hasOwn(EDXML_STATUS_CODES, options.code))
    return usage(
      io,
      `vanthu edxml status: mã trạng thái "${options.code}" không có; dùng một trong ${codes}.`,
    );
  const from = organArg(options.from);
  const to = options.to?.[0]?.trim() || null;
  if (badOrgan(from) || (to !== null && !ORGAN_ID.test(to)))
    return usage(io, "vanthu edxml status: mã định danh không hợp lệ (dạng 000.00.00.H41).");
  if (!to && !documentIdParts(options.for))
    return usage(
      io,
      'vanthu edxml status: DocumentId không có dạng "mã,yyyy/MM/dd,số/ký hiệu"; cho biết nơi nhận bằng --to.',
    );
  const xml = writeEdxmlStatus(
    statusFor({
      documentId: options.for,
      code: options.code as EdxmlStatusCode,
      from,
      to,
      description: options.description ?? null,
      now: options.now ?? new Date(),
    }),
  );
  try {
    writeFileSync(options.out, xml);
  } catch (error) {
    io.err(`${options.out}: ${vi(readFailure(error).notes[0]!.code)}`);
    return 1;
  }
  io.out(
    `Đã ghi ${options.out}: trạng thái ${options.code} (${EDXML_STATUS_CODES[options.code as EdxmlStatusCode]}) cho ${options.for}.`,
  );
  return 0;
}

function usage(io: Io, message: string): number {
  io.err(message);
  return 2;
}
