/**
 * Stable codes of what the edXML reader refuses (a problem: the package is not read) and of what it
 * reads with a remark (a warning: the package is read, the remark travels with it). Each has an
 * English message (in `problem.message`) and a Vietnamese one for people (`edxmlMessageVi`).
 */

/** Refusals: nothing of the package is used. */
export const EDXML_PROBLEM_CODES = [
  "EDXML_EMPTY",
  "EDXML_TOO_LARGE",
  "EDXML_ENCODING",
  "EDXML_MALFORMED",
  "EDXML_DOCTYPE",
  "EDXML_ENTITY",
  "EDXML_TOO_COMPLEX",
  "EDXML_NOT_EDXML",
  "EDXML_WRONG_NAMESPACE",
  "EDXML_NO_ENVELOPE",
  "EDXML_NO_HEADER",
  "EDXML_TOO_MANY_ATTACHMENTS",
  "EDXML_ATTACHMENTS_TOO_LARGE",
  "EDXML_TOO_DEEP",
  "EDXML_UNREADABLE",
  // The isolated reader gave up on the package (reader-task.ts, the server's read-package.ts).
  "EDXML_READ_TIMEOUT",
  "EDXML_READ_OUT_OF_MEMORY",
  "EDXML_READER_BUSY",
] as const;
export type EdxmlProblemCode = (typeof EDXML_PROBLEM_CODES)[number];

/** Remarks on a package that is read all the same. */
export const EDXML_WARNING_CODES = [
  "EDXML_UNBOUND_PREFIX",
  "EDXML_UNCLOSED_ELEMENT",
  "EDXML_NESTED_ORGAN",
  "EDXML_MISSING_FIELD",
  "EDXML_IMPOSSIBLE_DATE",
  "EDXML_UNREADABLE_DATE",
  "EDXML_UNKNOWN_BUSINESS_TYPE",
  "EDXML_NO_BUSINESS",
  "EDXML_UNKNOWN_STATUS",
  "EDXML_ATTACHMENT_PLACEHOLDER",
  "EDXML_ATTACHMENT_BAD_BASE64",
  "EDXML_ATTACHMENT_MISSING",
  "EDXML_ATTACHMENT_NOT_IN_MANIFEST",
  "EDXML_ATTACHMENT_MISMATCH",
  "EDXML_NESTED_UNREADABLE",
  "EDXML_SIGNATURE_CERTIFICATE_UNREADABLE",
] as const;
export type EdxmlWarningCode = (typeof EDXML_WARNING_CODES)[number];

export type EdxmlCode = EdxmlProblemCode | EdxmlWarningCode;

/** What could not be read, where (an element path such as `/edXML/edXML:edXMLEnvelope`), and why. */
export interface EdxmlIssue<C extends string = EdxmlCode> {
  code: C;
  /** Element path, with [n] for the n-th (n > 1) of same-named siblings; "" for the whole file. */
  path: string;
  /** In English; `edxmlMessageVi(code)` gives the Vietnamese. */
  message: string;
}

export type EdxmlProblem = EdxmlIssue<EdxmlProblemCode>;
export type EdxmlWarning = EdxmlIssue<EdxmlWarningCode>;

const VI: Record<EdxmlCode, string> = {
  EDXML_EMPTY: "Tệp rỗng, không phải gói edXML.",
  EDXML_TOO_LARGE: "Gói edXML quá lớn.",
  EDXML_ENCODING: "Gói edXML không phải văn bản UTF-8 hợp lệ.",
  EDXML_MALFORMED: "Gói edXML không phải XML hợp lệ.",
  EDXML_DOCTYPE: "Gói edXML có khai báo DOCTYPE: bị từ chối vì lý do an toàn.",
  EDXML_ENTITY: "Gói edXML dùng thực thể XML không được phép: bị từ chối vì lý do an toàn.",
  EDXML_TOO_COMPLEX: "Gói edXML có cấu trúc quá sâu hoặc quá nhiều phần tử.",
  EDXML_NOT_EDXML: "Tệp XML không phải gói edXML (QCVN 102:2016/BTTTT).",
  EDXML_WRONG_NAMESPACE: "Gói edXML không dùng không gian tên của QCVN 102:2016/BTTTT.",
  EDXML_NO_ENVELOPE: "Gói edXML thiếu phần edXMLEnvelope.",
  EDXML_NO_HEADER: "Gói edXML thiếu phần tiêu đề (edXMLHeader/MessageHeader).",
  EDXML_TOO_MANY_ATTACHMENTS: "Gói edXML có quá nhiều tệp đính kèm.",
  EDXML_ATTACHMENTS_TOO_LARGE: "Tệp đính kèm của gói edXML quá lớn.",
  EDXML_TOO_DEEP: "Gói edXML lồng trong tệp đính kèm quá nhiều tầng.",
  EDXML_UNREADABLE: "Không đọc được gói edXML.",
  EDXML_READ_TIMEOUT: "Đọc gói edXML quá thời gian cho phép.",
  EDXML_READ_OUT_OF_MEMORY: "Đọc gói edXML cần quá nhiều bộ nhớ.",
  EDXML_READER_BUSY: "Bộ đọc tệp đang bận; gói edXML chưa được đọc, hãy gửi lại sau.",
  EDXML_UNBOUND_PREFIX: "Tiền tố không gian tên chưa được khai báo (đọc như edXML).",
  EDXML_UNCLOSED_ELEMENT: "Một phần tử thiếu thẻ đóng; đọc như đóng cùng phần tử lồng bên trong.",
  EDXML_NESTED_ORGAN: "Thông tin cơ quan nằm lồng trong một phần tử cùng tên.",
  EDXML_MISSING_FIELD: "Thiếu một trường của gói edXML.",
  EDXML_IMPOSSIBLE_DATE: "Ngày không có thật; giữ nguyên như khi nhận.",
  EDXML_UNREADABLE_DATE: "Không đọc được ngày; giữ nguyên như khi nhận.",
  EDXML_UNKNOWN_BUSINESS_TYPE: "Loại nghiệp vụ (BussinessDocType) không thuộc 0–3.",
  EDXML_NO_BUSINESS: "Gói không có thông tin nghiệp vụ; coi là văn bản mới.",
  EDXML_UNKNOWN_STATUS: "Mã trạng thái không thuộc danh sách của QCVN 102.",
  EDXML_ATTACHMENT_PLACEHOLDER: "Tệp đính kèm chỉ là chỗ giữ chỗ, không phải nội dung tệp.",
  EDXML_ATTACHMENT_BAD_BASE64: "Nội dung tệp đính kèm không phải base64 hợp lệ.",
  EDXML_ATTACHMENT_MISSING: "Tệp đính kèm có trong danh mục nhưng không có nội dung.",
  EDXML_ATTACHMENT_NOT_IN_MANIFEST: "Tệp đính kèm không có trong danh mục (edXMLManifest).",
  EDXML_ATTACHMENT_MISMATCH: "Danh mục và tệp đính kèm ghi khác nhau.",
  EDXML_NESTED_UNREADABLE: "Tệp đính kèm giống gói edXML lồng bên trong nhưng không đọc được.",
  EDXML_SIGNATURE_CERTIFICATE_UNREADABLE:
    "Không đọc được chứng thư số của chữ ký XML (có thể bị cắt ngắn).",
};

/** The Vietnamese sentence of a code (the code itself when it is not one of ours). */
export function edxmlMessageVi(code: string): string {
  return (VI as Record<string, string>)[code] ?? code;
}

/** True for a refusal code (not a warning). */
export function isEdxmlProblemCode(code: string): code is EdxmlProblemCode {
  return (EDXML_PROBLEM_CODES as readonly string[]).includes(code);
}

/**
 * Why an XML signature is not "valid" (`EdxmlSignatureReport.reason`), by verdict:
 * unverified (nothing is claimed either way), invalid (the package or the signature was
 * changed), invalid-certificate, unknown-chain.
 */
export const EDXML_SIGNATURE_REASONS = [
  // unverified
  "SIGNATURE_NO_NAMESPACE",
  "SIGNATURE_NOT_CANONICAL",
  "SIGNATURE_MALFORMED",
  "SIGNATURE_UNSUPPORTED_ALGORITHM",
  "SIGNATURE_PARTIAL_REFERENCE",
  "SIGNATURE_NO_CERTIFICATE",
  "SIGNATURE_CERTIFICATE_UNREADABLE",
  "SIGNATURE_TOO_LARGE",
  "SIGNATURE_NOT_CHECKED",
  // invalid
  "SIGNATURE_DIGEST_MISMATCH",
  "SIGNATURE_VALUE_MISMATCH",
  // invalid-certificate
  "CERTIFICATE_NOT_VALID_NOW",
  "CERTIFICATE_CHAIN_INVALID",
  // unknown-chain
  "CERTIFICATE_UNKNOWN_ISSUER",
] as const;
export type EdxmlSignatureReason = (typeof EDXML_SIGNATURE_REASONS)[number];

const SIGNATURE_VI: Record<EdxmlSignatureReason, string> = {
  SIGNATURE_NO_NAMESPACE:
    "Chữ ký XML ghi không có không gian tên XML-DSig: không kiểm tra được theo chuẩn.",
  SIGNATURE_NOT_CANONICAL:
    "Gói có tiền tố chưa khai báo hoặc thẻ thiếu đóng: không có dạng chuẩn hoá để kiểm tra chữ ký.",
  SIGNATURE_MALFORMED: "Chữ ký XML thiếu thành phần bắt buộc (SignedInfo, SignatureValue).",
  SIGNATURE_UNSUPPORTED_ALGORITHM: "Chữ ký XML dùng thuật toán chưa được hỗ trợ.",
  SIGNATURE_PARTIAL_REFERENCE: "Chữ ký XML không ký toàn bộ gói.",
  SIGNATURE_NO_CERTIFICATE: "Chữ ký XML không kèm chứng thư số.",
  SIGNATURE_CERTIFICATE_UNREADABLE:
    "Không đọc được chứng thư số của chữ ký XML (có thể bị cắt ngắn).",
  SIGNATURE_TOO_LARGE: "Gói quá lớn để kiểm tra chữ ký XML.",
  SIGNATURE_NOT_CHECKED: "Chưa kiểm tra được chữ ký XML.",
  SIGNATURE_DIGEST_MISMATCH: "Nội dung gói đã bị thay đổi sau khi ký.",
  SIGNATURE_VALUE_MISMATCH: "Giá trị chữ ký XML không khớp với chứng thư số.",
  CERTIFICATE_NOT_VALID_NOW: "Chứng thư số của chữ ký XML đã hết hạn hoặc chưa có hiệu lực.",
  CERTIFICATE_CHAIN_INVALID: "Chuỗi chứng thư số của chữ ký XML không hợp lệ.",
  CERTIFICATE_UNKNOWN_ISSUER:
    "Chữ ký XML đúng nhưng chứng thư số không thuộc tổ chức chứng thực được tin cậy.",
};

/** The Vietnamese sentence of a signature's verdict: its reason's, or that it holds. */
export function edxmlSignatureVi(reason: string | null): string {
  if (reason === null) return "Chữ ký XML hợp lệ.";
  return (SIGNATURE_VI as Record<string, string>)[reason] ?? reason;
}

const VERDICT_VI: Record<string, string> = {
  valid: "hợp lệ",
  "unknown-chain": "đúng, nhưng chứng thư số không thuộc tổ chức chứng thực được tin cậy",
  "invalid-certificate": "đúng, nhưng chứng thư số không hợp lệ",
  invalid: "bị phá vỡ (gói đã bị thay đổi sau khi ký)",
  unverified: "chưa kiểm tra được",
};

/** A signature's verdict (EdxmlSignatureReport.verified) in a few Vietnamese words. */
export function edxmlVerdictVi(verified: string): string {
  return VERDICT_VI[verified] ?? verified;
}
