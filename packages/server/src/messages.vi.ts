/**
 * What people read when a request fails, by stable error code. Programs switch on the code; the
 * message is for the person in front of the screen.
 */
export const ERROR_MESSAGES_VI: Record<string, string> = {
  VALIDATION_FAILED: "Dữ liệu gửi lên không hợp lệ.",
  MALFORMED_JSON: "Nội dung gửi lên không phải JSON hợp lệ.",
  EMPTY_BODY: "Yêu cầu không có nội dung.",
  UNSUPPORTED_MEDIA_TYPE: "Định dạng nội dung không được hỗ trợ.",
  PAYLOAD_TOO_LARGE: "Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép.",
  UNAUTHENTICATED: "Bạn cần đăng nhập để thực hiện thao tác này.",
  INVALID_CREDENTIALS: "Tên đăng nhập hoặc mật khẩu không đúng.",
  ACCOUNT_DISABLED: "Tài khoản đã bị khóa.",
  TOO_MANY_ATTEMPTS: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.",
  WEAK_PASSWORD: "Mật khẩu chưa đủ mạnh (xem chi tiết bên dưới).",
  WRONG_CURRENT_PASSWORD: "Mật khẩu hiện tại không đúng.",
  CSRF_FAILED: "Phiên làm việc không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.",
  FORBIDDEN: "Bạn không có quyền thực hiện thao tác này.",
  PUBLISH_NOT_ALLOWED: "Bạn không có quyền công bố văn bản trên cổng công khai.",
  NOT_FOUND: "Không tìm thấy.",
  DOCUMENT_NOT_FOUND: "Không tìm thấy văn bản.",
  FILE_NOT_FOUND: "Không tìm thấy tệp.",
  ALREADY_ISSUED:
    "Văn bản đã được ban hành; muốn sửa phải ban hành văn bản đính chính hoặc thay thế.",
  NOT_A_DRAFT: "Chỉ sửa được văn bản đang soạn thảo.",
  NOT_PUBLISHABLE: "Chỉ công bố được văn bản đi đã ban hành của cơ quan mình.",
  ALREADY_REGISTERED: "Văn bản đến đã được vào sổ.",
  DELIVERY_UNCONFIRMED:
    "Nơi nhận có nhóm cơ quan hoặc tên trùng: văn thư cần xác nhận danh sách cơ quan nhận trước khi ban hành.",
  NOT_DELIVERED: "Văn bản này không được gửi đến qua hệ thống.",
  INVALID_STATUS_CHANGE: "Không chuyển được sang trạng thái này.",
  TASK_NOT_FOUND: "Không tìm thấy nhiệm vụ.",
  MISSING_FIELDS: "Văn bản còn thiếu thông tin bắt buộc để ban hành.",
  UNSUPPORTED_FILE_TYPE: "Chỉ nhận tệp .txt, .docx hoặc .pdf.",
  CORRUPT_FILE: "Không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng.",
  EMPTY_FILE: "Tệp trống: không có nội dung để đọc.",
  FILE_ENCRYPTED: "Tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi tải lên lại.",
  LEGACY_ENCODING_VNI:
    "Tệp dùng bảng mã VNI, không chuyển đổi chắc chắn được; hãy chuyển sang Unicode (ví dụ bằng Unikey) rồi thử lại.",
  FILE_NOT_READABLE: "Không trích được chữ từ tệp (có thể là ảnh chụp chưa nhận dạng chữ).",
  FILE_TOO_COMPLEX:
    "Tệp quá phức tạp để đọc: khi giải nén, tệp lớn bất thường (có thể là tệp nén độc hại).",
  PDF_TOO_MANY_PAGES: "Tệp PDF có nhiều trang hơn giới hạn cho phép.",
  TEXT_TOO_LONG: "Nội dung chữ của tệp dài hơn giới hạn cho phép.",
  READ_TIMEOUT: "Đọc tệp quá lâu nên đã dừng lại: tệp có thể bị hỏng hoặc quá phức tạp.",
  READ_OUT_OF_MEMORY:
    "Đọc tệp cần quá nhiều bộ nhớ nên đã dừng lại: tệp có thể bị hỏng hoặc quá phức tạp.",
  READER_BUSY: "Máy chủ đang đọc nhiều tệp cùng lúc. Vui lòng thử lại sau ít phút.",
  NOT_A_DOCUMENT: "Nội dung không giống một văn bản hành chính.",
  IMPORT_BATCH_NOT_FOUND: "Không tìm thấy đợt nhập văn bản.",
  IMPORT_TOO_MANY_FILES:
    "Quá nhiều tệp: mỗi lần tải lên tối đa 100 tệp, mỗi đợt nhập tối đa 1.000 tệp. Các tệp đã nhận vẫn được đọc; hãy chia phần còn lại thành đợt khác.",
  IMPORT_INTERRUPTED:
    "Tệp đã được đọc lại nhiều lần mà chưa xong (máy chủ dừng giữa chừng hoặc bộ đọc gặp lỗi với tệp này). Hãy kiểm tra tệp rồi nhập lại.",
  AGENCY_EXISTS: "Cơ quan đã tồn tại (trùng mã, hoặc trùng tên với cơ quan cùng cấp).",
  AGENCY_NOT_OWNED:
    "Chỉ cấp quản lý của cơ quan mới được tạo cơ quan trực thuộc; cơ quan cấp cao nhất do quản trị hệ thống tạo.",
  AGENCY_NAME_UNCHANGED: "Tên mới giống tên hiện tại.",
  USER_EXISTS: "Tên đăng nhập đã tồn tại.",
  UNIT_EXISTS: "Đơn vị với tên viết tắt này đã có.",
  AGENCY_NOT_FOUND: "Không tìm thấy cơ quan.",
  INVALID_DATE: "Ngày không hợp lệ.",
  NO_TERM: "Cơ quan Đảng chưa khai báo nhiệm kỳ để đánh số văn bản.",
  DATABASE_UNAVAILABLE:
    "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.",
  STORAGE_FULL:
    "Máy chủ đã hết dung lượng lưu trữ nên chưa lưu được; không có gì được ghi dở. Vui lòng báo quản trị viên giải phóng ổ đĩa rồi thử lại.",
  STORAGE_UNAVAILABLE:
    "Máy chủ không ghi được vào kho lưu trữ (ổ đĩa chỉ đọc hoặc không có quyền ghi); không có gì được ghi dở. Vui lòng báo quản trị viên.",
  BACKUP_TARGET_NOT_EMPTY:
    "Thư mục sao lưu đã có dữ liệu: hãy chọn một thư mục mới hoặc trống để không ghi đè bản sao lưu cũ.",
  BACKUP_NO_DATA: "Không có cơ sở dữ liệu để sao lưu trong DATA_DIR.",
  BACKUP_NOT_FOUND:
    "Thư mục này không phải bản sao lưu vanthu (không có manifest.json) hoặc bản sao lưu chưa hoàn tất.",
  BACKUP_CORRUPT:
    "Bản sao lưu bị hỏng hoặc đã bị sửa: có tệp không khớp với mã kiểm tra trong manifest.json. Không có gì được ghi.",
  BACKUP_TOO_NEW:
    "Bản sao lưu được tạo bởi phiên bản vanthu mới hơn phiên bản này: hãy cập nhật vanthu rồi khôi phục.",
  BACKUP_KIND_MISMATCH:
    "Bản sao lưu và nơi khôi phục dùng hai loại cơ sở dữ liệu khác nhau (PGlite và PostgreSQL).",
  RESTORE_TARGET_NOT_EMPTY:
    "Nơi khôi phục đã có dữ liệu. Dùng --force để thay (dữ liệu cũ được giữ lại bên cạnh, không bị xóa).",
  BAD_URL: "Địa chỉ yêu cầu không hợp lệ.",
  URL_TOO_LONG: "Địa chỉ yêu cầu quá dài.",
  HEADERS_TOO_LARGE: "Phần đầu của yêu cầu quá lớn.",
  BAD_REQUEST: "Yêu cầu không hợp lệ.",
  INVALID_CHARACTERS: "Dữ liệu gửi lên có ký tự không hợp lệ (ký tự rỗng NUL).",
  REPEATED_PARAMETER: "Một tham số trên địa chỉ được lặp lại; mỗi tham số chỉ được có một giá trị.",
  PREVIEW_TOO_LONG: "Văn bản quá dài để xem trước; hãy chia nhỏ hoặc rút gọn nội dung.",
  INTERNAL: "Đã có lỗi trong hệ thống. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên.",
};

/** Messages that name something: the agency already there, so that a person picks it. */
export const AGENCY_MESSAGES_VI = {
  codeTaken: (code: string, name: string) =>
    `Mã “${code}” đã được dùng cho cơ quan “${name}”. Hãy chọn mã khác.`,
  nameTaken: (name: string, code: string, parent: string | null) =>
    `Đã có cơ quan “${name}” (mã ${code}, ${parent ? `trực thuộc “${parent}”` : "cấp cao nhất"}). ` +
    "Hãy chọn cơ quan đó khi gửi văn bản thay vì tạo bản sao, hoặc đặt tên khác.",
};
