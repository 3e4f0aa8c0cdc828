/**
 * Every error the server answers with, in one table: the stable code programs switch on, its HTTP
 * status, what a person reads (Vietnamese, in the response body) and the same in English (the
 * log line an admin or a developer reads). `fail(code)` accepts only the codes of this table, and
 * test/error-messages.test.ts checks every entry and that each one is produced somewhere.
 */

/** The statuses an error may have: a client's mistake (4xx) or the server's state (5xx). */
export type ErrorStatus =
  400 | 401 | 403 | 404 | 409 | 413 | 414 | 415 | 422 | 429 | 431 | 500 | 503 | 507;

export interface ErrorEntry {
  status: ErrorStatus;
  /** For the person in front of the screen: what went wrong and what to do. */
  vi: string;
  /** For the log: the same in English. */
  en: string;
}

export const ERRORS = {
  // The request itself.
  VALIDATION_FAILED: {
    status: 400,
    vi: "Dữ liệu gửi lên không hợp lệ.",
    en: "The data sent is not valid.",
  },
  MALFORMED_JSON: {
    status: 400,
    vi: "Nội dung gửi lên không phải JSON hợp lệ.",
    en: "The body is not valid JSON.",
  },
  EMPTY_BODY: { status: 400, vi: "Yêu cầu không có nội dung.", en: "The request has no body." },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: "Định dạng nội dung không được hỗ trợ.",
    en: "The content type is not supported.",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: "Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép.",
    en: "The file or body is larger than allowed.",
  },
  BAD_URL: { status: 400, vi: "Địa chỉ yêu cầu không hợp lệ.", en: "The URL is not valid." },
  URL_TOO_LONG: { status: 414, vi: "Địa chỉ yêu cầu quá dài.", en: "The URL is too long." },
  HEADERS_TOO_LARGE: {
    status: 431,
    vi: "Phần đầu của yêu cầu quá lớn.",
    en: "The request headers are too large.",
  },
  BAD_REQUEST: { status: 400, vi: "Yêu cầu không hợp lệ.", en: "The request is not valid." },
  INVALID_CHARACTERS: {
    status: 400,
    vi: "Dữ liệu gửi lên có ký tự không hợp lệ (ký tự rỗng NUL).",
    en: "The data sent holds an invalid character (NUL).",
  },
  REPEATED_PARAMETER: {
    status: 400,
    vi: "Một tham số trên địa chỉ được lặp lại; mỗi tham số chỉ được có một giá trị.",
    en: "A query parameter is repeated; each takes one value.",
  },
  // Signing in and rights.
  UNAUTHENTICATED: {
    status: 401,
    vi: "Bạn cần đăng nhập để thực hiện thao tác này.",
    en: "Sign in to do this.",
  },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "Wrong user name or password.",
  },
  ACCOUNT_DISABLED: { status: 403, vi: "Tài khoản đã bị khóa.", en: "The account is disabled." },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    vi: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.",
    en: "Too many failed sign-ins; try again in a few minutes.",
  },
  WEAK_PASSWORD: {
    status: 422,
    vi: "Mật khẩu chưa đủ mạnh (xem chi tiết bên dưới).",
    en: "The password is too weak (see the issues).",
  },
  WRONG_CURRENT_PASSWORD: {
    status: 403,
    vi: "Mật khẩu hiện tại không đúng.",
    en: "The current password is wrong.",
  },
  CSRF_FAILED: {
    status: 403,
    vi: "Phiên làm việc không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.",
    en: "Missing or wrong CSRF token; reload the page.",
  },
  FORBIDDEN: {
    status: 403,
    vi: "Bạn không có quyền thực hiện thao tác này.",
    en: "Not allowed for this user.",
  },
  PUBLISH_NOT_ALLOWED: {
    status: 403,
    vi: "Bạn không có quyền công bố văn bản trên cổng công khai.",
    en: "This user may not publish documents on the portal.",
  },
  // What a request names.
  NOT_FOUND: { status: 404, vi: "Không tìm thấy.", en: "Not found." },
  DOCUMENT_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy văn bản.",
    en: "No such document.",
  },
  FILE_NOT_FOUND: { status: 404, vi: "Không tìm thấy tệp.", en: "No such file." },
  TASK_NOT_FOUND: { status: 404, vi: "Không tìm thấy nhiệm vụ.", en: "No such task." },
  AGENCY_NOT_FOUND: { status: 404, vi: "Không tìm thấy cơ quan.", en: "No such agency." },
  IMPORT_BATCH_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy đợt nhập văn bản.",
    en: "No such import batch.",
  },
  // A document's state.
  ALREADY_ISSUED: {
    status: 409,
    vi: "Văn bản đã được ban hành; muốn sửa phải ban hành văn bản đính chính hoặc thay thế.",
    en: "The document is issued; correct it by issuing a correcting or replacing document.",
  },
  DELIVERED_NOT_DELETABLE: {
    status: 409,
    vi: "Văn bản này được gửi đến qua hệ thống: không xóa được, hãy trả lại nơi gửi nếu gửi nhầm.",
    en: "The document was delivered through the system: return it to the sender instead of deleting it.",
  },
  NOT_A_DRAFT: {
    status: 409,
    vi: "Chỉ sửa được văn bản đang soạn thảo.",
    en: "Only a draft can be edited.",
  },
  NOT_PUBLISHABLE: {
    status: 409,
    vi: "Chỉ công bố được văn bản đi đã ban hành của cơ quan mình.",
    en: "Only an issued outgoing document of one's own agency can be published.",
  },
  ALREADY_REGISTERED: {
    status: 409,
    vi: "Văn bản đến đã được vào sổ.",
    en: "The incoming document is already registered.",
  },
  ARRIVAL_IN_FUTURE: {
    status: 422,
    vi: "Ngày đến không được sau ngày hôm nay.",
    en: "The day of arrival is later than today.",
  },
  ARRIVAL_BEFORE_DOCUMENT: {
    status: 422,
    vi: "Ngày đến không được trước ngày của văn bản.",
    en: "The day of arrival is before the document's date.",
  },
  UNKNOWN_DOCUMENT_TYPE: {
    status: 422,
    vi: "Loại văn bản không có trong danh mục loại văn bản.",
    en: "The document type is not one of the known types.",
  },
  MISSING_FIELDS: {
    status: 422,
    vi: "Văn bản còn thiếu thông tin bắt buộc để ban hành.",
    en: "The document lacks fields required to issue it.",
  },
  INVALID_DATE: { status: 400, vi: "Ngày không hợp lệ.", en: "Not a valid date." },
  NO_TERM: {
    status: 400,
    vi: "Cơ quan Đảng chưa khai báo nhiệm kỳ để đánh số văn bản.",
    en: "The Party agency has no current term to number documents with.",
  },
  PREVIEW_TOO_LONG: {
    status: 413,
    vi: "Văn bản quá dài để xem trước; hãy chia nhỏ hoặc rút gọn nội dung.",
    en: "The document is too long to preview.",
  },
  // Delivery and follow-up.
  DELIVERY_UNCONFIRMED: {
    status: 422,
    vi: "Nơi nhận có nhóm cơ quan hoặc tên trùng: văn thư cần xác nhận danh sách cơ quan nhận trước khi ban hành.",
    en: "The recipients hold a group or an ambiguous name: the clerk must confirm the agencies before issuing.",
  },
  DELIVERY_LINES_CHANGED: {
    status: 409,
    vi: "Kính gửi hoặc Nơi nhận của dự thảo đã thay đổi sau khi văn thư chọn cơ quan nhận: hãy mở lại bước ban hành và chọn lại.",
    en: "The draft's addressees or recipients changed after the clerk decided on them: open the issue step again.",
  },
  NOT_DELIVERED: {
    status: 409,
    vi: "Văn bản này không được gửi đến qua hệ thống.",
    en: "This document was not delivered through the system.",
  },
  INVALID_STATUS_CHANGE: {
    status: 409,
    vi: "Không chuyển được sang trạng thái này.",
    en: "The status cannot move to this one.",
  },
  // Files received.
  UNSUPPORTED_FILE_TYPE: {
    status: 415,
    vi: "Không nhận loại tệp này (phần mở rộng của tên tệp không thuộc các loại được nhận).",
    en: "This kind of file is not accepted (by its extension).",
  },
  CORRUPT_FILE: {
    status: 422,
    vi: "Không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng.",
    en: "The file is damaged or not what its name says.",
  },
  EMPTY_FILE: {
    status: 400,
    vi: "Tệp trống: không có nội dung để đọc.",
    en: "The file is empty.",
  },
  FILE_ENCRYPTED: {
    status: 422,
    vi: "Tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi tải lên lại.",
    en: "The file is password-protected.",
  },
  LEGACY_ENCODING_VNI: {
    status: 422,
    vi: "Tệp dùng bảng mã VNI, không chuyển đổi chắc chắn được; hãy chuyển sang Unicode (ví dụ bằng Unikey) rồi thử lại.",
    en: "The file uses the VNI encoding, which cannot be converted reliably.",
  },
  FILE_NOT_READABLE: {
    status: 422,
    vi: "Không trích được chữ từ tệp (có thể là ảnh chụp chưa nhận dạng chữ).",
    en: "No text could be read from the file (a scan without text recognition?).",
  },
  FILE_TOO_COMPLEX: {
    status: 413,
    vi: "Tệp quá phức tạp để đọc: khi giải nén, tệp lớn bất thường (có thể là tệp nén độc hại).",
    en: "The file unpacks to an abnormal size (a zip bomb?).",
  },
  PDF_TOO_MANY_PAGES: {
    status: 413,
    vi: "Tệp PDF có nhiều trang hơn giới hạn cho phép.",
    en: "The PDF has more pages than allowed.",
  },
  TEXT_TOO_LONG: {
    status: 413,
    vi: "Nội dung chữ của tệp dài hơn giới hạn cho phép.",
    en: "The file's text is longer than allowed.",
  },
  READ_TIMEOUT: {
    status: 422,
    vi: "Đọc tệp quá lâu nên đã dừng lại: tệp có thể bị hỏng hoặc quá phức tạp.",
    en: "Reading the file took too long and was stopped.",
  },
  READ_OUT_OF_MEMORY: {
    status: 422,
    vi: "Đọc tệp cần quá nhiều bộ nhớ nên đã dừng lại: tệp có thể bị hỏng hoặc quá phức tạp.",
    en: "Reading the file needed too much memory and was stopped.",
  },
  READER_BUSY: {
    status: 503,
    vi: "Máy chủ đang đọc nhiều tệp cùng lúc. Vui lòng thử lại sau ít phút.",
    en: "The file reader is busy; try again later.",
  },
  IMPORT_TOO_MANY_FILES: {
    status: 413,
    vi: "Quá nhiều tệp: mỗi lần tải lên tối đa 100 tệp, mỗi đợt nhập tối đa 1.000 tệp. Các tệp đã nhận vẫn được đọc; hãy chia phần còn lại thành đợt khác.",
    en: "Too many files: at most 100 per upload and 1,000 per batch; the files received are still read.",
  },
  IMPORT_INTERRUPTED: {
    status: 422,
    vi: "Tệp đã được đọc lại nhiều lần mà chưa xong (máy chủ dừng giữa chừng hoặc bộ đọc gặp lỗi với tệp này). Hãy kiểm tra tệp rồi nhập lại.",
    en: "The file was taken up several times without finishing; import it again after checking it.",
  },
  // Agencies and users.
  AGENCY_EXISTS: {
    status: 409,
    vi: "Cơ quan đã tồn tại (trùng mã, hoặc trùng tên với cơ quan cùng cấp).",
    en: "The agency exists (same code, or same name under the same parent).",
  },
  // The exchange's identifiers and directory (issue 17).
  ORGAN_ID_TAKEN: {
    status: 409,
    vi: "Mã định danh này đã là của một cơ quan khác.",
    en: "The agency identifier is another agency's.",
  },
  PACKAGE_TOO_LARGE: {
    status: 413,
    vi: "Gói tin edXML vượt quá dung lượng cho phép.",
    en: "The edXML package is over the size limit.",
  },
  PACKAGE_INVALID: {
    status: 422,
    vi: "Gói tin edXML không đọc được hoặc sai cấu trúc: không có gì được lưu.",
    en: "The edXML package cannot be read or is malformed: nothing was kept.",
  },
  PACKAGE_UNSIGNED: {
    status: 422,
    vi: "Cơ quan nhận chỉ nhận gói tin có chữ ký số hợp lệ: gói tin này không có hoặc chữ ký không kiểm tra được.",
    en: "The receiving agency requires packages with a valid XML signature.",
  },
  EXCHANGE_UNAUTHENTICATED: {
    status: 401,
    vi: "Hệ thống gửi chưa được cấu hình hoặc chữ ký yêu cầu không đúng.",
    en: "Unknown peer or wrong request signature.",
  },
  EXCHANGE_SENDER_MISMATCH: {
    status: 403,
    vi: "Gói tin ghi nơi gửi khác với hệ thống đã gửi nó.",
    en: "The package names another sender than the peer that sent it.",
  },
  EXCHANGE_NOT_ADDRESSED: {
    status: 422,
    vi: "Gói tin không gửi đến cơ quan nào trên hệ thống này.",
    en: "The package is addressed to no agency of this installation.",
  },
  EXCHANGE_NO_ORGAN_ID: {
    status: 409,
    vi: "Cơ quan chưa có mã định danh nên không gửi được văn bản ra ngoài hệ thống: quản trị cần khai báo mã định danh.",
    en: "The agency has no identifier: documents cannot go to other systems.",
  },
  PEER_NOT_FOUND: {
    status: 404,
    vi: "Không có cấu hình liên thông cho mã định danh này.",
    en: "No exchange peer for this identifier.",
  },
  EXCHANGE_MESSAGE_NOT_FOUND: {
    status: 404,
    vi: "Không có gói tin này, hoặc không gửi lại được.",
    en: "No such package, or it cannot be sent again.",
  },
  NOT_RECALLABLE: {
    status: 409,
    vi: "Văn bản này không thu hồi được: chỉ văn bản đã ban hành, chưa bị thu hồi.",
    en: "Only an issued document not recalled yet can be recalled.",
  },
  NOT_RECALLED: {
    status: 409,
    vi: "Văn bản này không có yêu cầu thu hồi đang chờ trả lời.",
    en: "The document has no recall waiting for an answer.",
  },
  RECALL_PENDING: {
    status: 409,
    vi: "Nơi gửi đang yêu cầu thu hồi văn bản này: hãy trả lời yêu cầu thu hồi trước.",
    en: "The sender recalled this document: answer the recall first.",
  },
  DIRECTORY_INVALID: {
    status: 422,
    vi: "Danh bạ có dòng không đọc được: không dòng nào được nhập. Hãy sửa các dòng được nêu rồi nhập lại.",
    en: "Rows of the directory CSV cannot be read: nothing was imported.",
  },
  AGENCY_NOT_OWNED: {
    status: 403,
    vi: "Chỉ cấp quản lý của cơ quan mới được tạo cơ quan trực thuộc; cơ quan cấp cao nhất do quản trị hệ thống tạo.",
    en: "Only an agency's parent creates agencies under it; top-level agencies are the installation admin's.",
  },
  AGENCY_NAME_UNCHANGED: {
    status: 409,
    vi: "Tên mới giống tên hiện tại.",
    en: "The new name is the current one.",
  },
  USER_EXISTS: { status: 409, vi: "Tên đăng nhập đã tồn tại.", en: "The user name is taken." },
  UNIT_EXISTS: {
    status: 409,
    vi: "Đơn vị với tên viết tắt này đã có.",
    en: "A unit with this abbreviation exists.",
  },
  // The server's state.
  DATABASE_UNAVAILABLE: {
    status: 503,
    vi: "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.",
    en: "The database is out of reach; try again in a few moments.",
  },
  STORAGE_FULL: {
    status: 507,
    vi: "Máy chủ đã hết dung lượng lưu trữ nên chưa lưu được; không có gì được ghi dở. Vui lòng báo quản trị viên giải phóng ổ đĩa rồi thử lại.",
    en: "The server's storage is full; nothing was half-written.",
  },
  STORAGE_UNAVAILABLE: {
    status: 503,
    vi: "Máy chủ không ghi được vào kho lưu trữ (ổ đĩa chỉ đọc hoặc không có quyền ghi); không có gì được ghi dở. Vui lòng báo quản trị viên.",
    en: "The server cannot write to its storage (read-only or no permission); nothing was half-written.",
  },
  STORED_DATA_INVALID: {
    status: 500,
    vi: "Dữ liệu đã lưu của văn bản này không đọc được (sai phiên bản hoặc bị sửa ngoài hệ thống); không có gì bị thay đổi. Vui lòng báo quản trị viên.",
    en: "A document's stored data does not read as its version (changed outside the system, or not migrated); nothing was changed.",
  },
  INTERNAL: {
    status: 500,
    vi: "Đã có lỗi trong hệ thống. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên.",
    en: "Internal error.",
  },
  // Review of drafts (trình ký), urgency and secrecy: issue 15, items 2 and 3.
  DRAFT_NOT_APPROVED: {
    status: 409,
    vi: "Dự thảo chưa được lãnh đạo duyệt: hãy trình ký và chờ duyệt trước khi ban hành.",
    en: "The draft is not approved by a leader; submit it and wait for approval before issuing.",
  },
  DRAFT_UNDER_REVIEW: {
    status: 409,
    vi: "Dự thảo đang chờ người duyệt xem xét: chỉ người được trình mới sửa được; chờ duyệt xong hoặc bị trả lại.",
    en: "The draft waits for its reviewer: only the reviewer may change it now.",
  },
  REVIEW_NOT_SUBMITTED: {
    status: 409,
    vi: "Dự thảo không ở trạng thái chờ duyệt (chưa trình, hoặc đã bị trả lại).",
    en: "The draft is not waiting for a reviewer.",
  },
  REVIEW_ALREADY_SUBMITTED: {
    status: 409,
    vi: "Dự thảo đã được trình và đang chờ duyệt.",
    en: "The draft is already submitted and waits for its reviewer.",
  },
  REVIEW_ALREADY_APPROVED: {
    status: 409,
    vi: "Dự thảo đã được duyệt; muốn sửa thì sửa dự thảo rồi trình lại.",
    en: "The draft is already approved; change it and submit it again to change it.",
  },
  NOT_THE_REVIEWER: {
    status: 403,
    vi: "Dự thảo này không được trình cho anh/chị.",
    en: "The draft was not submitted to this person.",
  },
  APPROVER_NOT_LEADER: {
    status: 403,
    vi: "Chỉ lãnh đạo cơ quan (hoặc người được ủy quyền) mới duyệt được; hãy trình tiếp lên lãnh đạo.",
    en: "Only a leader (or a deputy acting for one) approves; forward it to a leader.",
  },
  REVIEWER_NOT_ALLOWED: {
    status: 422,
    vi: "Chỉ trình được cho lãnh đạo cơ quan hoặc trưởng đơn vị của mình (trình tiếp: cho lãnh đạo).",
    en: "A draft goes up to a leader or the head of the sender's unit (forwarded: to a leader).",
  },
  VERSION_NOT_FOUND: {
    status: 404,
    vi: "Không có phiên bản này của dự thảo.",
    en: "No such version of the draft.",
  },
  // Backup and restore (the command line; no HTTP route answers these).
  BACKUP_TARGET_NOT_EMPTY: {
    status: 400,
    vi: "Thư mục sao lưu đã có dữ liệu: hãy chọn một thư mục mới hoặc trống để không ghi đè bản sao lưu cũ.",
    en: "The backup directory is not empty.",
  },
  BACKUP_NO_DATA: {
    status: 400,
    vi: "Không có cơ sở dữ liệu để sao lưu trong DATA_DIR.",
    en: "No database to back up in DATA_DIR.",
  },
  BACKUP_NOT_FOUND: {
    status: 400,
    vi: "Thư mục này không phải bản sao lưu vanthu (không có manifest.json) hoặc bản sao lưu chưa hoàn tất.",
    en: "Not a vanthu backup (no manifest.json), or an unfinished one.",
  },
  BACKUP_CORRUPT: {
    status: 400,
    vi: "Bản sao lưu bị hỏng hoặc đã bị sửa: có tệp không khớp với mã kiểm tra trong manifest.json. Không có gì được ghi.",
    en: "The backup is damaged or altered (a file does not match manifest.json); nothing was written.",
  },
  BACKUP_TOO_NEW: {
    status: 400,
    vi: "Bản sao lưu được tạo bởi phiên bản vanthu mới hơn phiên bản này: hãy cập nhật vanthu rồi khôi phục.",
    en: "The backup was made by a newer vanthu.",
  },
  BACKUP_KIND_MISMATCH: {
    status: 400,
    vi: "Bản sao lưu và nơi khôi phục dùng hai loại cơ sở dữ liệu khác nhau (PGlite và PostgreSQL).",
    en: "The backup and the target use different databases (PGlite and PostgreSQL).",
  },
  RESTORE_TARGET_NOT_EMPTY: {
    status: 400,
    vi: "Nơi khôi phục đã có dữ liệu. Dùng --force để thay (dữ liệu cũ được giữ lại bên cạnh, không bị xóa).",
    en: "The restore target holds data; --force replaces it (the old data is kept aside).",
  },
  // Issue 15, item 7 (forms and reports).
  SLIP_NOT_RECEIVED: {
    status: 409,
    vi: "Phiếu giải quyết chỉ lập cho văn bản đến.",
    en: "An instruction slip is made for a received document only.",
  },
  // Handling received documents inside the agency (issue #15, item 4: H3).
  DUPLICATE_DOCUMENT: {
    status: 409,
    vi: "Văn bản này đã được vào sổ trước đó (cùng số, ký hiệu, cơ quan ban hành và ngày, hoặc nhận hai lần): hãy đính kèm vào văn bản đã có, hoặc xác nhận vẫn vào sổ.",
    en: "Earlier records of the same document exist: attach to one, or confirm registering it again.",
  },
  // Digital signatures on what arrives (issue 16).
  SIGNATURE_BROKEN: {
    status: 409,
    vi: "Văn bản đã bị sửa sau khi ký: chữ ký số không còn khớp với nội dung. Hãy kiểm tra với nơi gửi; nếu vẫn vào sổ, xác nhận đã biết cảnh báo này.",
    en: "The PDF changed after it was signed: acknowledge the warning to register it.",
  },
  SIGNATURE_UNCHECKED: {
    status: 409,
    vi: "Không kiểm tra được chữ ký số của tệp (tệp quá phức tạp hoặc hỏng). Hãy kiểm tra với nơi gửi; nếu vẫn vào sổ, xác nhận đã biết điều này.",
    en: "The PDF's signatures could not be checked: acknowledge it to register the document.",
  },
  CERTIFICATE_INVALID: {
    status: 422,
    vi: "Tệp không chứa chứng thư số đọc được (PEM hoặc DER).",
    en: "The file holds no readable certificate (PEM or DER).",
  },
  ALREADY_ATTACHED: {
    status: 409,
    vi: "Văn bản này đã được đính kèm vào văn bản đã vào sổ trước đó.",
    en: "The record is already attached to an earlier one.",
  },
  NOT_REGISTERED: {
    status: 409,
    vi: "Văn bản đến chưa được vào sổ (hoặc đã được đính kèm vào văn bản khác): chưa thể xử lý.",
    en: "The received document is not registered (or is attached to another): it cannot be handled.",
  },
  DOCUMENT_RETURNED: {
    status: 409,
    vi: "Văn bản đã được trả lại nơi gửi: không xử lý tiếp được.",
    en: "The document was returned to its sender: it cannot be handled.",
  },
  ALREADY_INSTRUCTED: {
    status: 409,
    vi: "Văn bản đã có ý kiến chỉ đạo (bút phê) của lãnh đạo.",
    en: "The document already has a leader's instruction.",
  },
  NOT_INSTRUCTED: {
    status: 409,
    vi: "Văn bản chưa có ý kiến chỉ đạo (bút phê) của lãnh đạo.",
    en: "The document has no leader's instruction yet.",
  },
  NOT_ASSIGNED: {
    status: 409,
    vi: "Văn bản chưa được phân công cho người xử lý.",
    en: "Nobody was assigned the document yet.",
  },
  HANDLING_DONE: {
    status: 409,
    vi: "Văn bản đã được xử lý xong.",
    en: "The document's handling is done.",
  },
  ALREADY_ASSIGNED: {
    status: 409,
    vi: "Văn bản đã được phân công từ đơn vị hoặc người này rồi.",
    en: "Someone was already assigned from this handler.",
  },
  ALREADY_FORWARDED: {
    status: 409,
    vi: "Cơ quan này đã nhận văn bản này rồi.",
    en: "That agency has the document already.",
  },
  NOT_A_LEADER: {
    status: 403,
    vi: "Chỉ lãnh đạo (hoặc người được ủy quyền) cho ý kiến chỉ đạo; văn thư nhập ý kiến ghi trên giấy thì ghi rõ lãnh đạo nào.",
    en: "Only a leader (or a deputy acting for one) instructs; a clerk entering a paper instruction names the leader.",
  },
  NOT_A_HANDLER: {
    status: 403,
    vi: "Bạn không được giao xử lý văn bản này (hoặc không phải trưởng đơn vị được giao).",
    en: "The reader is not a handler of this document (nor the head of a unit handling it).",
  },
  NOT_FOLLOW_UP: {
    status: 403,
    vi: "Chỉ người được giao đôn đốc và lãnh đạo xem và nhắc việc quá hạn.",
    en: "Only the person in charge of follow-up and leaders see and remind of late work.",
  },
  HANDLER_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy đơn vị hoặc người xử lý này của văn bản.",
    en: "No such handler of the document.",
  },
  UNIT_NOT_IN_AGENCY: {
    status: 422,
    vi: "Đơn vị không thuộc cơ quan hoặc đã giải thể.",
    en: "The unit is not one of the agency's open units.",
  },
  PERSON_NOT_IN_UNIT: {
    status: 422,
    vi: "Người được chọn không thuộc đơn vị xử lý văn bản.",
    en: "The person is not in the unit handling the document.",
  },
  DUE_BEFORE_ARRIVAL: {
    status: 422,
    vi: "Hạn xử lý trước ngày văn bản đến.",
    en: "The deadline is before the day the document arrived.",
  },
  DEADLINE_RULE_TWICE: {
    status: 422,
    vi: "Một loại văn bản và độ khẩn chỉ có một thời hạn xử lý.",
    en: "A type and urgency is given twice.",
  },
  HOLIDAY_TWICE: {
    status: 422,
    vi: "Một ngày nghỉ được nhập hai lần.",
    en: "A day off is given twice.",
  },
  // Units and people, delegation, access by structure (issue 15, item 1).
  UNIT_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy đơn vị trong cơ quan của bạn.",
    en: "No such unit in the actor's agency.",
  },
  UNIT_NAME_TAKEN: {
    status: 409,
    vi: "Cơ quan đã có đơn vị mang tên này.",
    en: "The agency has a unit of this name.",
  },
  UNIT_CLOSED: {
    status: 409,
    vi: "Đơn vị đã giải thể: không thể xếp thêm người hay đổi tên đơn vị này.",
    en: "The unit is closed: nobody new is placed in it and it is not renamed.",
  },
  UNIT_HEAD_WITHOUT_UNIT: {
    status: 422,
    vi: "Trưởng đơn vị phải thuộc một đơn vị: hãy chọn đơn vị trước.",
    en: "A unit head must be placed in a unit.",
  },
  DELEGATION_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy ủy quyền.",
    en: "No such delegation.",
  },
  DELEGATION_NOT_ALLOWED: {
    status: 403,
    vi: "Chỉ lãnh đạo (cho chính mình) hoặc quản trị của cơ quan được ủy quyền.",
    en: "Only a leader (for themselves) or the agency admin delegates.",
  },
  DELEGATOR_NOT_LEADER: {
    status: 422,
    vi: "Chỉ lãnh đạo của cơ quan mới ủy quyền phê duyệt và bút phê.",
    en: "Only a leader of the agency delegates approvals and instructions.",
  },
  DELEGATE_INVALID: {
    status: 422,
    vi: "Người được ủy quyền phải là người khác, đang hoạt động, cùng cơ quan.",
    en: "The delegate must be another active user of the same agency.",
  },
  DELEGATION_PERIOD_INVALID: {
    status: 422,
    vi: "Thời gian ủy quyền không hợp lệ: ngày kết thúc phải sau ngày bắt đầu và chưa qua.",
    en: "The delegation's period is not valid (ends before it starts, or is over).",
  },
  DELEGATION_OVERLAPS: {
    status: 409,
    vi: "Lãnh đạo này đã có ủy quyền trùng thời gian; hãy thu hồi ủy quyền đó trước.",
    en: "The leader has a delegation over the same days.",
  },
  DELEGATION_ENDED: {
    status: 409,
    vi: "Ủy quyền đã bị thu hồi hoặc đã hết hạn.",
    en: "The delegation is revoked or over.",
  },
  SECRET_NOT_PUBLIC: {
    status: 409,
    vi: "Văn bản mật không được công bố trên cổng thông tin.",
    en: "A secret document is never public.",
  },
  DOCUMENT_READER_INVALID: {
    status: 422,
    vi: "Người được xem văn bản mật phải là người dùng của cơ quan giữ văn bản.",
    en: "A secret document's readers must be users of its agency.",
  },
  // Signing at approval and issuing (issue 16): signing/.
  SIGNER_BAD_PASSWORD: {
    status: 422,
    vi: "Mật khẩu của tệp chứng thư số (PKCS#12) không đúng.",
    en: "The PKCS#12 password is wrong.",
  },
  SIGNER_PASSWORD_REQUIRED: {
    status: 422,
    vi: "Hãy nhập mật khẩu của tệp chứng thư số (PKCS#12) để ký duyệt.",
    en: "The leader's PKCS#12 password is needed to sign the approval.",
  },
  SIGNER_BAD_FILE: {
    status: 422,
    vi: "Tệp chứng thư số không đọc được (không phải tệp PKCS#12 hợp lệ).",
    en: "The file is not a readable PKCS#12.",
  },
  SIGNER_NO_KEY: {
    status: 422,
    vi: "Tệp chứng thư số không có khóa bí mật đi kèm chứng thư.",
    en: "The PKCS#12 holds no private key for its certificate.",
  },
  SIGNER_UNSUPPORTED_KEY: {
    status: 422,
    vi: "Loại khóa của chứng thư số chưa được hỗ trợ (chỉ hỗ trợ RSA).",
    en: "The certificate's key type is not supported (RSA only).",
  },
  SIGNER_CERTIFICATE_EXPIRED: {
    status: 422,
    vi: "Chứng thư số đã hết hạn hoặc chưa đến thời gian có hiệu lực.",
    en: "The signer's certificate is expired or not yet valid.",
  },
  SIGNER_TIMEOUT: {
    status: 503,
    vi: "Dịch vụ ký số không trả lời trong thời gian cho phép; văn bản chưa được ký, hãy thử lại.",
    en: "The signing service did not answer in time; nothing was signed.",
  },
  SIGNER_REJECTED: {
    status: 409,
    vi: "Yêu cầu ký số đã bị từ chối.",
    en: "The signing request was rejected.",
  },
  SIGNER_UNAVAILABLE: {
    status: 503,
    vi: "Không kết nối được dịch vụ ký số hoặc dịch vụ trả lời không hợp lệ.",
    en: "The signing service is unreachable or answered nonsense.",
  },
  SIGNER_BAD_CREDENTIALS: {
    status: 422,
    vi: "Dịch vụ ký số từ chối thông tin xác thực đã cấu hình.",
    en: "The signing service refused the configured credentials.",
  },
  SIGNER_INTERACTIVE: {
    status: 422,
    vi: "Chữ ký số của cơ quan phải ký được mà không cần người xác nhận (tệp PKCS#12 hoặc dịch vụ ký tự động).",
    en: "The agency's signer must sign without a person confirming.",
  },
  SIGNER_NOT_FOUND: {
    status: 404,
    vi: "Chưa cấu hình chữ ký số cho cơ quan hoặc người này.",
    en: "No signer is configured for that agency or person.",
  },
  SIGNER_PERSON_INVALID: {
    status: 422,
    vi: "Chữ ký số cá nhân chỉ cấu hình cho lãnh đạo đang hoạt động của cơ quan.",
    en: "A personal signer is configured only for an active leader of the agency.",
  },
  SECRET_KEY_UNUSABLE: {
    status: 500,
    vi: "Không mở được thông tin bí mật đã lưu (khóa bí mật của hệ thống đã thay đổi); hãy cấu hình lại chữ ký số.",
    en: "A stored secret does not open with the installation's secret key.",
  },
  TSA_TIMEOUT: {
    status: 503,
    vi: "Máy chủ cấp dấu thời gian không trả lời trong thời gian cho phép.",
    en: "The timestamp authority did not answer in time.",
  },
  TSA_FAILED: {
    status: 503,
    vi: "Máy chủ cấp dấu thời gian từ chối hoặc trả lời không hợp lệ.",
    en: "The timestamp authority refused or answered nonsense.",
  },
  PDF_NOT_SIGNABLE: {
    status: 500,
    vi: "Tệp PDF của văn bản không ký được.",
    en: "The document's PDF could not be signed.",
  },
  SIGNATURE_TOO_LARGE: {
    status: 500,
    vi: "Chữ ký số lớn hơn chỗ dành sẵn trong tệp PDF.",
    en: "The signature is larger than the room reserved in the PDF.",
  },
  SIGNATURE_IMAGE_INVALID: {
    status: 422,
    vi: "Ảnh chữ ký hoặc con dấu phải là tệp PNG hợp lệ, tối đa 512 KB và 2000 × 2000 điểm ảnh.",
    en: "A signature or seal image must be a valid PNG of at most 512 KB and 2000 x 2000 pixels.",
  },
  DRAFT_CHANGED_WHILE_SIGNING: {
    status: 409,
    vi: "Dự thảo đã thay đổi trong lúc ký; chưa duyệt, hãy xem lại và ký duyệt lại.",
    en: "The draft changed while it was being signed; not approved.",
  },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

/** A code read back from storage (an import item's `error_code`) or from another program. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}
