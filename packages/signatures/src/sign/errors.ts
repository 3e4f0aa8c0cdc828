/** Errors of signing: a stable code, a message for people (Vietnamese) and one for the log. */
export type SignErrorCode =
  | "SIGNER_BAD_PASSWORD"
  | "SIGNER_BAD_FILE"
  | "SIGNER_NO_KEY"
  | "SIGNER_CERTIFICATE_EXPIRED"
  | "SIGNER_TIMEOUT"
  | "SIGNER_REJECTED"
  | "SIGNER_UNAVAILABLE"
  | "SIGNER_BAD_CREDENTIALS"
  | "SIGNER_UNSUPPORTED_KEY"
  | "TSA_TIMEOUT"
  | "TSA_FAILED"
  | "PDF_NOT_SIGNABLE"
  | "SIGNATURE_TOO_LARGE"
  | "STAMP_NOTHING_TO_DRAW";

const MESSAGES: Record<SignErrorCode, string> = {
  SIGNER_BAD_PASSWORD: "Mật khẩu của tệp chứng thư số (PKCS#12) không đúng.",
  SIGNER_BAD_FILE: "Tệp chứng thư số không đọc được (không phải tệp PKCS#12 hợp lệ).",
  SIGNER_NO_KEY: "Tệp chứng thư số không có khóa bí mật đi kèm chứng thư.",
  SIGNER_CERTIFICATE_EXPIRED: "Chứng thư số đã hết hạn hoặc chưa đến thời gian có hiệu lực.",
  SIGNER_TIMEOUT: "Dịch vụ ký số không trả lời trong thời gian cho phép.",
  SIGNER_REJECTED: "Yêu cầu ký số đã bị từ chối.",
  SIGNER_UNAVAILABLE: "Không kết nối được dịch vụ ký số hoặc dịch vụ trả lời không hợp lệ.",
  SIGNER_BAD_CREDENTIALS: "Dịch vụ ký số từ chối thông tin xác thực đã cấu hình.",
  SIGNER_UNSUPPORTED_KEY: "Loại khóa của chứng thư số chưa được hỗ trợ (chỉ hỗ trợ RSA).",
  TSA_TIMEOUT: "Máy chủ cấp dấu thời gian không trả lời trong thời gian cho phép.",
  TSA_FAILED: "Máy chủ cấp dấu thời gian từ chối hoặc trả lời không hợp lệ.",
  PDF_NOT_SIGNABLE: "Tệp PDF không ký được: cấu trúc tệp không đọc được.",
  SIGNATURE_TOO_LARGE: "Chữ ký số lớn hơn chỗ dành sẵn trong tệp PDF.",
  STAMP_NOTHING_TO_DRAW: "Không có vị trí nào để điền số và ngày văn bản.",
};

export class SignError extends Error {
  /** The message a person reads (Vietnamese). */
  readonly userMessage: string;
  constructor(
    readonly code: SignErrorCode,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = "SignError";
    this.userMessage = MESSAGES[code].normalize("NFC");
  }
}
