/**
 * Vietnamese messages of the command line, keyed by stable codes. Core and extract speak in codes
 * (and English for logs); people read these.
 */
export const VI: Record<string, string> = {
  // Parser notes (WARNING_CODES in @vanthu/core).
  EMPTY_INPUT: "Văn bản trống.",
  NOT_A_DOCUMENT:
    "Không nhận ra đây là văn bản hành chính (không có số, ngày, loại văn bản hay chữ ký).",
  NO_REFERENCE: "Không tìm thấy số, ký hiệu văn bản.",
  BLANK_NUMBER: "Số văn bản để trống (dự thảo).",
  NO_DATE: "Không tìm thấy địa danh và ngày tháng ban hành.",
  INCOMPLETE_DATE: "Ngày tháng ban hành chưa đủ (để trống ngày, tháng hoặc năm).",
  INVALID_DATE: "Ngày tháng ban hành không có thật.",
  NO_TYPE: "Không xác định được loại văn bản.",
  NO_SUBJECT: "Không tìm thấy trích yếu nội dung.",
  NO_SIGNATURE: "Không tìm thấy phần chữ ký.",
  NO_SIGNER_NAME: "Không tìm thấy họ tên người ký.",
  NO_ISSUER: "Không xác định được cơ quan ban hành.",
  REPLACEMENT_CHARACTERS: "Văn bản có ký tự không đọc được (�); một số chữ có thể bị hỏng.",
  INPUT_TRUNCATED: "Văn bản quá dài; chỉ phần đầu được đọc.",
  // File reading (@vanthu/extract).
  FILE_NOT_FOUND: "Không tìm thấy tệp.",
  FILE_UNREADABLE: "Không đọc được tệp.",
  IS_DIRECTORY: "Đây là thư mục, không phải tệp.",
  EMPTY_FILE: "Tệp trống.",
  FILE_TOO_LARGE: "Tệp quá lớn (tối đa 50 MB).",
  NO_TEXT: "Tệp không có nội dung chữ.",
  BINARY_CONTENT: "Tệp không phải văn bản (có dữ liệu nhị phân).",
  NOT_UTF8: "Tệp không ở bảng mã UTF-8; đã đọc theo Windows-1252, cần kiểm tra lại dấu.",
  LEGACY_ENCODING_TCVN3:
    "Tệp dùng bảng mã TCVN3 (ABC); đã chuyển sang Unicode, cần kiểm tra chữ hoa và dấu.",
  LEGACY_ENCODING_VNI:
    "Tệp dùng bảng mã VNI, không chuyển đổi chắc chắn được; hãy chuyển sang Unicode (ví dụ bằng Unikey) rồi thử lại.",
  UNSUPPORTED_FORMAT_DOC:
    "Không đọc tệp Word 97-2003 (.doc); hãy lưu lại dưới dạng .docx hoặc PDF.",
  UNSUPPORTED_FORMAT:
    "Định dạng tệp không được hỗ trợ (chỉ đọc văn bản thuần, .doc, .docx, PDF và ảnh PNG, JPEG, TIFF).",
  UNREADABLE_DOCX: "Tệp .docx bị hỏng hoặc không đọc được.",
  UNREADABLE_DOC: "Tệp Word 97-2003 (.doc) bị hỏng hoặc không đọc được.",
  DOC_ENCRYPTED: "Tệp Word được đặt mật khẩu: hãy gỡ mật khẩu rồi thử lại.",
  UNREADABLE_PDF: "Tệp PDF bị hỏng hoặc không đọc được.",
  PDF_ENCRYPTED: "Tệp PDF được đặt mật khẩu.",
  PDF_NO_TEXT_LAYER: "Tệp PDF không có lớp chữ (bản quét); cần nhận dạng ký tự (OCR).",
  PDF_READER_MISSING: "Không nạp được bộ đọc PDF.",
  FILE_TOO_COMPLEX:
    "Tệp quá phức tạp để đọc: khi giải nén, tệp lớn bất thường (có thể là tệp nén độc hại).",
  PDF_TOO_MANY_PAGES: "Tệp PDF có nhiều trang hơn giới hạn cho phép (MAX_PDF_PAGES).",
  TEXT_TOO_LONG: "Nội dung chữ của tệp dài hơn giới hạn cho phép (MAX_TEXT_MB).",
  READ_TIMEOUT: "Đọc tệp quá lâu nên đã dừng lại (READER_TIMEOUT_S).",
  READ_OUT_OF_MEMORY: "Đọc tệp cần quá nhiều bộ nhớ nên đã dừng lại (READER_MEMORY_MB).",
  READER_CRASHED: "Bộ đọc tệp gặp lỗi khi đọc tệp này.",
  READER_BUSY: "Đang đọc quá nhiều tệp cùng lúc.",
  // Text recognition (OCR) of scans and images (@vanthu/extract, ocr-*.ts).
  OCR_USED:
    "Một số trang được đọc bằng nhận dạng ký tự (OCR) từ ảnh quét: cần kiểm tra lại tên, số và ngày.",
  TEXT_LAYER_REPLACED:
    "Lớp chữ có sẵn trong tệp PDF không đúng với nội dung in (mất dấu, sai chữ, hoặc chỉ có chữ của dấu sao y/chữ ký số); trang đã được đọc lại từ ảnh bằng OCR.",
  SYMBOL_CORRECTED:
    "Chữ viết tắt tên cơ quan trong ký hiệu văn bản do OCR đọc sai một chữ; đã sửa theo ký hiệu in ở chỗ khác trong văn bản (hoặc tên cơ quan): cần kiểm tra lại.",
  NUMBER_HANDWRITTEN:
    'Số văn bản được viết tay vào chỗ trống sau "Số:": văn bản đã ban hành (không phải dự thảo); văn thư cần nhập số văn bản.',
  DAY_HANDWRITTEN:
    "Ngày (hoặc tháng) ban hành được viết tay: văn bản đã ban hành (không phải dự thảo); văn thư cần nhập ngày ban hành.",
  OCR_FAILED: "Không nhận dạng được chữ từ ảnh (OCR gặp lỗi).",
  OCR_PAGE_LIMIT:
    "Tệp có nhiều trang quét hơn giới hạn nhận dạng ký tự (OCR) một lần; các trang sau không được đọc.",
  OCR_DISABLED: "Nhận dạng ký tự (OCR) đang tắt nên không đọc được tệp ảnh.",
  UNREADABLE_IMAGE: "Tệp ảnh bị hỏng hoặc không đọc được.",
  // vanthu verify.
  NOT_A_PDF: "Tệp không phải PDF.",
  TRUST_ANCHOR_UNREADABLE: "Không đọc được chứng thư gốc (cần tệp PEM hoặc DER).",
  NO_TRUST_ANCHORS: "Không có chứng thư gốc nào đọc được trong --trust.",
  // Usage.
  USAGE: "Cách dùng không đúng.",
};

export function vi(code: string, fallback?: string): string {
  return VI[code] ?? fallback ?? code;
}

export const LABELS = {
  format: "Thể thức",
  formatState: "Nhà nước (Nghị định 30/2020/NĐ-CP)",
  formatParty: "Đảng (Hướng dẫn 36-HD/VPTW)",
  issuer: "Cơ quan ban hành",
  inferred: "suy ra từ ký hiệu",
  type: "Loại văn bản",
  reference: "Số, ký hiệu",
  draft: "chưa cấp số",
  handwritten: "số viết tay, cần nhập",
  placeDate: "Địa danh, ngày",
  subject: "Trích yếu",
  addressees: "Kính gửi",
  sections: "Nội dung",
  items: "mục",
  recipients: "Nơi nhận",
  archive: "Lưu",
  signature: "Ký",
  citations: "Văn bản được dẫn",
  links: "Liên kết",
  warnings: "Lưu ý",
  none: "(không có)",
  unknown: "(không rõ)",
  /** A file holding several documents: "tep.pdf (văn bản 2/3)". */
  partOfFile: "văn bản",
} as const;
