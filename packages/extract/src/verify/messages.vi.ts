/**
 * What a clerk reads about each signature, in Vietnamese: one sentence for its level, and the
 * messages of the stable status codes.
 */
import type { SignatureReport, SignatureStatus } from "./verify-pdf.ts";

export const SIGNATURE_STATUS_VI: Record<
  SignatureStatus | "FILE_TOO_LARGE" | "PDF_UNREADABLE" | "TOO_MANY_SIGNATURES",
  string
> = {
  OK: "Chữ ký đọc được.",
  SIGNATURE_UNREADABLE: "Không đọc được dữ liệu chữ ký số.",
  SIGNATURE_TOO_LARGE: "Dữ liệu chữ ký số quá lớn, không kiểm tra.",
  TOO_MANY_CERTIFICATES: "Chữ ký số mang quá nhiều chứng thư, không kiểm tra.",
  BYTE_RANGE_INVALID: "Phạm vi ký (/ByteRange) không hợp lệ.",
  SIGNER_CERTIFICATE_MISSING: "Chữ ký số không kèm chứng thư của người ký.",
  UNSUPPORTED_ALGORITHM: "Thuật toán băm của chữ ký số chưa được hỗ trợ.",
  CERTIFICATE_UNREADABLE: "Không đọc được chứng thư số của người ký.",
  DIGEST_MISMATCH: "Nội dung đã ký không khớp với chữ ký: văn bản đã bị thay đổi.",
  SIGNATURE_INVALID: "Chữ ký số không khớp với chứng thư của người ký.",
  CHAIN_INVALID: "Chuỗi chứng thư số không hợp lệ.",
  CHANGED_AFTER_SIGNING: "Sau khi ký, nội dung trang đã bị vẽ thêm hoặc thay đổi.",
  TIME_LIMIT: "Kiểm tra chữ ký quá thời gian cho phép; chữ ký này chưa được kiểm tra.",
  FILE_TOO_LARGE: "Tệp quá lớn, không kiểm tra chữ ký.",
  TOO_MANY_SIGNATURES: "Tệp có quá nhiều chữ ký số: chỉ một phần được kiểm tra.",
  PDF_UNREADABLE: "Không đọc được tệp PDF.",
};

/** Who signed, as a clerk names them: the organization for an agency's seal, else the person. */
function signerName(s: SignatureReport): string {
  const cn = s.signer.commonName;
  const org = s.signer.organization;
  if (cn && org && cn.toLocaleLowerCase("vi") !== org.toLocaleLowerCase("vi"))
    return `${cn} (${org})`;
  return cn ?? org ?? "người ký không rõ";
}

/** One sentence for the clerk about signature `s` (NFC). */
export function signatureSentence(s: SignatureReport): string {
  const who = signerName(s);
  let sentence: string;
  switch (s.level) {
    case "broken":
      sentence =
        s.status === "DIGEST_MISMATCH" || s.status === "SIGNATURE_INVALID"
          ? `Văn bản đã bị sửa sau khi ký: chữ ký của ${who} không còn khớp với nội dung.`
          : s.status === "CHANGED_AFTER_SIGNING"
            ? `Văn bản đã bị sửa sau khi ký: phần ${who} đã ký không đổi, nhưng sau đó nội dung trang đã bị vẽ thêm hoặc thay đổi.`
            : `Không kiểm tra được chữ ký${s.signer.commonName ? ` của ${who}` : ""}: ${SIGNATURE_STATUS_VI[s.status]}`;
      break;
    case "unknown-chain":
      sentence = `Chữ ký của ${who} khớp với nội dung, ${s.revisions.count ? "phần đã ký không bị thay đổi" : "văn bản không bị thay đổi sau khi ký"}; chưa xác định được tổ chức cấp chứng thư số của ${s.issuer ?? "người ký"} (quản trị hệ thống chưa thêm chứng thư số gốc của tổ chức này).`;
      break;
    case "invalid-certificate":
      sentence =
        s.revocation === "revoked"
          ? `Chữ ký của ${who} khớp với nội dung, nhưng chứng thư số đã bị thu hồi.`
          : s.certificate && !s.certificate.validAtSigningTime
            ? `Chữ ký của ${who} khớp với nội dung, nhưng chứng thư số không còn hiệu lực vào thời điểm ký.`
            : `Chữ ký của ${who} khớp với nội dung, nhưng chuỗi chứng thư số không hợp lệ.`;
      break;
    default:
      sentence = s.revisions.count
        ? `Chữ ký của ${who} hợp lệ, phần đã ký không bị thay đổi.`
        : `Chữ ký của ${who} hợp lệ, văn bản không bị thay đổi sau khi ký.`;
  }
  if (s.level !== "broken" && s.revisions.count > 0) {
    const what = s.revisions.changes.map((c) => CHANGE_VI[c]).join(", ");
    sentence += ` Sau chữ ký này văn bản có thêm ${s.revisions.count} lần cập nhật${what ? ` (${what})` : ""}.`;
  }
  return sentence.normalize("NFC");
}

const CHANGE_VI: Record<string, string> = {
  signature: "chữ ký khác",
  annotation: "ghi chú",
  widget: "ô biểu mẫu",
  "form-field": "điền biểu mẫu",
  "page-content": "nội dung vẽ thêm lên trang",
  "validation-data": "dữ liệu kiểm tra chứng thư",
  other: "thay đổi khác",
};
