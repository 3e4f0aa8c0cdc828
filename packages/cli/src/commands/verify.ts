import {
  DEFAULT_VERIFY_LIMITS,
  SIGNATURE_STATUS_VI,
  loadTrustAnchors,
  signatureSentence,
  verifyPdf,
  type SignatureReport,
  type TrustAnchor,
} from "@vanthu/signatures";
import { vi } from "../messages.vi.ts";
import { readerConfig } from "../read-document.ts";
import { readCapped } from "../read-file.ts";
import type { Io } from "../io.ts";

/**
 * `vanthu verify FILE.pdf... [--json] [--trust DIR_OR_FILE]`: every signature of each file, in
 * the order they were made. --json: one line per file, {"file","signatures":[...]}; else a
 * summary in Vietnamese. Exit 0 when every signature is intact, 1 when some is not, 2 when a file
 * could not be read (or the trust anchors given hold no certificate).
 *
 * A file is read up to the verifier's size limit (50 MB), and verified within the reader's time
 * limit (READER_TIMEOUT_S): signatures not reached by then are reported, not verified.
 */
export async function verifyCommand(
  files: string[],
  options: { json: boolean; trust: string[] },
  io: Io,
): Promise<number> {
  let anchors: TrustAnchor[] = [];
  if (options.trust.length) {
    const loaded = loadTrustAnchors(options.trust);
    for (const p of loaded.problems)
      io.err(`vanthu verify: ${p}: ${vi("TRUST_ANCHOR_UNREADABLE")}`);
    if (!loaded.anchors.length) {
      io.err(`vanthu verify: ${vi("NO_TRUST_ANCHORS")}`);
      return 2;
    }
    anchors = loaded.anchors;
  }
  const maxMs = readerConfig().timeoutMs;
  let code = 0;
  for (const file of files) {
    const bytes = readPdf(file, DEFAULT_VERIFY_LIMITS.maxFileBytes);
    if (typeof bytes === "string") {
      io.err(`${file}: ${vi(bytes)}`);
      code = 2;
      continue;
    }
    const result = verifyPdf(bytes, { trustAnchors: anchors, limits: { maxMs } });
    if (result.problem) {
      io.err(
        `${file}: ${vi(result.problem, SIGNATURE_STATUS_VI[result.problem as "PDF_UNREADABLE"])}`,
      );
      code = 2;
      continue;
    }
    if (result.signatures.some((s) => !s.intact)) code = Math.max(code, 1);
    if (options.json)
      io.out(JSON.stringify({ file, signatures: result.signatures.map(jsonSignature) }));
    else io.out(summary(file, result.signatures));
  }
  return code;
}

/** The file's bytes, at most `max`, or the code of why not (NOT_A_PDF without a PDF header). */
function readPdf(path: string, max: number): Uint8Array | string {
  const bytes = readCapped(path, max, "FILE_TOO_LARGE");
  if (typeof bytes === "string") return bytes;
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-") ? bytes : "NOT_A_PDF";
}

/** A signature in the JSON shape of issue 16 (the named fields first), with the clerk's sentence. */
function jsonSignature(s: SignatureReport): Record<string, unknown> {
  return {
    field: s.field,
    signer: s.signer,
    issuer: s.issuer,
    signingTime: s.signingTime,
    hash: s.hash,
    type: s.type,
    intact: s.intact,
    coversWholeFile: s.coversWholeFile,
    certificate: s.certificate,
    revisions: s.revisions,
    timestamp: s.timestamp,
    revocation: s.revocation,
    level: s.level,
    status: s.status,
    message: signatureSentence(s),
  };
}

const TIME = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

function when(iso: string | null): string {
  return iso ? TIME.format(new Date(iso)) : "(không rõ)";
}

/** The readable summary of one file. */
function summary(file: string, signatures: SignatureReport[]): string {
  if (!signatures.length) return `${file}: không có chữ ký số.`;
  const lines = [`${file}: ${signatures.length} chữ ký số`];
  signatures.forEach((s, i) => {
    const names = [s.signer.commonName, s.signer.organization].filter((n): n is string => !!n);
    const who =
      [...new Set(names.map((n) => n.toLocaleLowerCase("vi")))].length < names.length
        ? names[0]!
        : names.join(", ");
    lines.push(`  ${i + 1}. ${s.field ?? "(không tên)"}: ${who || "(không rõ người ký)"}`);
    lines.push(`     ${signatureSentence(s)}`);
    const stamp = s.timestamp
      ? `; dấu thời gian ${when(s.timestamp.time)}${s.timestamp.issuer ? ` (${s.timestamp.issuer})` : ""}${s.timestamp.valid ? "" : ", không khớp"}`
      : "";
    lines.push(`     Ký lúc ${when(s.signingTime)} (giờ Việt Nam)${stamp}`);
    lines.push(
      `     ${s.type ?? "(không rõ loại)"}, ${s.hash ?? "?"}; ${s.coversWholeFile ? "chữ ký bao trọn tệp" : "có phần thêm vào sau chữ ký"}; cấp bởi ${s.issuer ?? "(không rõ)"}`,
    );
  });
  return lines.join("\n");
}
