/**
 * Every word the web application shows, in Vietnamese (NFC, full diacritics). Pages read strings
 * from here only, so that a second catalogue can be added beside it.
 */
import { FIGURES, type FigureCode } from "@vanthu/core";
import { on, type NoticeText } from "./notice-text.ts";
import { en } from "./i18n.en.ts";

export const vi = {
  app: { name: "vanthu", tagline: "Văn thư điện tử", skip: "Bỏ qua, đến nội dung chính" },
  nav: {
    home: "Việc của tôi",
    compose: "Soạn văn bản",
    drafts: "Dự thảo",
    outgoing: "Văn bản đi",
    incoming: "Văn bản đến",
    import: "Nhập văn bản đến",
    tasks: "Nhiệm vụ, báo cáo",
    registers: "Sổ đăng ký",
    search: "Tìm kiếm",
    admin: "Quản trị",
    portal: "Cổng văn bản công khai",
    logout: "Đăng xuất",
    menu: "Mở hoặc đóng danh mục",
    notifications: "Thông báo",
    markAllRead: "Đánh dấu đã đọc tất cả",
  },
  password: {
    change: "Đổi mật khẩu",
    current: "Mật khẩu hiện tại",
    new: "Mật khẩu mới",
    again: "Nhập lại mật khẩu mới",
    mismatch: "Hai lần nhập không giống nhau.",
    rules:
      "Ít nhất 10 ký tự; không dùng mật khẩu phổ biến hay tên đăng nhập. Một câu dễ nhớ là tốt nhất.",
    othersEnd: "Các phiên đăng nhập khác của bạn (máy khác, điện thoại) sẽ kết thúc.",
    changed: "Đã đổi mật khẩu",
    reset: "Đặt lại mật khẩu",
    resetFor: (username: string) => `Đặt lại mật khẩu: ${username}`,
    generate: "Tạo mật khẩu ngẫu nhiên",
    give: "Nhập mật khẩu mới",
    generated: "Mật khẩu mới",
    generatedOnce: "Mật khẩu này chỉ hiện một lần. Hãy trao cho người dùng và đề nghị họ đổi ngay.",
    allEnd: "Mọi phiên đăng nhập của người dùng này sẽ kết thúc.",
    resetDone: "Đã đặt lại mật khẩu",
  },
  roles: {
    clerk: "Văn thư",
    specialist: "Chuyên viên",
    leader: "Lãnh đạo",
    admin: "Quản trị",
    installer: "Quản trị hệ thống",
  },
  login: {
    title: "Đăng nhập",
    username: "Tên đăng nhập",
    password: "Mật khẩu",
    submit: "Đăng nhập",
    demo: "Bản trình diễn: tên đăng nhập dạng stttt-ls.vanthu, stttt-ls.lanhdao…, mật khẩu demo.",
  },
  places: {
    file: "Tệp",
    files: "Tệp",
    reference: "Số, ký hiệu",
    date: "Ngày văn bản",
    subject: "Trích yếu",
    issuer: "Cơ quan ban hành",
    arrivedOn: "Ngày đến",
    typeCode: "Loại văn bản",
    signer: "Người ký",
    cycles: "Kỳ báo cáo",
    due: "Hạn báo cáo",
    reason: "Lý do",
    username: "Tên đăng nhập",
    password: "Mật khẩu",
    name: "Tên",
  },
  notFound: {
    title: "Không tìm thấy trang",
    text: "Địa chỉ này không có trong vanthu: có thể đường dẫn bị gõ sai hoặc trang đã được chuyển đi.",
    home: "Về trang chính",
    errorTitle: "Trang gặp lỗi khi hiển thị",
    errorText: "Hãy tải lại trang; nếu vẫn lỗi, báo quản trị viên kèm địa chỉ trang.",
    reload: "Tải lại trang",
  },
  common: {
    loading: "Đang tải…",
    save: "Lưu",
    cancel: "Hủy",
    close: "Đóng",
    open: "Mở",
    yes: "Có",
    no: "Không",
    none: "Không có.",
    error: "Có lỗi xảy ra",
    retry: "Thử lại",
    print: "In",
    back: "Quay lại",
    page: "Trang",
    total: (n: number) => `${n.toLocaleString("vi-VN")} văn bản`,
    saved: "Đã lưu",
  },
  fields: {
    reference: "Số, ký hiệu",
    date: "Ngày văn bản",
    type: "Loại văn bản",
    subject: "Trích yếu",
    issuer: "Cơ quan ban hành",
    arrivedOn: "Ngày đến",
    signer: "Người ký",
    status: "Trạng thái",
    public: "Công khai",
    year: "Năm",
    from: "Từ ngày",
    to: "Đến ngày",
    words: "Từ khóa",
  },
  status: {
    draft: "Dự thảo",
    issued: "Đã ban hành",
    registered: "Đã vào sổ",
    returned: "Đã trả lại",
    revoked: "Đã thu hồi",
    unregistered: "Chưa vào sổ",
  },
  delivery: {
    "01": "Đã đến",
    "02": "Bị trả lại",
    "03": "Đã vào sổ",
    "04": "Đã phân công",
    "05": "Đang xử lý",
    "06": "Hoàn thành",
    action: "Thực hiện",
    copy: "Để biết",
  },
  home: {
    title: "Việc cần làm",
    hello: (name: string) => `Xin chào, ${name}`,
    toRegister: "Văn bản đến chưa vào sổ",
    toIssue: "Dự thảo chờ ban hành",
    toReport: "Nhiệm vụ phải báo cáo",
    overdue: "Quá hạn báo cáo",
    notifications: "Thông báo gần đây",
    nothing: "Không có việc nào.",
    seeAll: "Xem tất cả",
  },
  box: {
    outgoing: "Văn bản đi",
    incoming: "Văn bản đến",
    drafts: "Dự thảo",
    filter: "Lọc",
    empty: "Không có văn bản nào phù hợp.",
    anyType: "Mọi loại",
    anyStatus: "Mọi trạng thái",
  },
  compose: {
    title: "Soạn văn bản",
    editTitle: "Sửa dự thảo",
    template: "Mẫu",
    templates: {
      CV: "Công văn",
      KH: "Kế hoạch",
      HD: "Hướng dẫn",
      TB: "Thông báo",
      BC: "Báo cáo",
    },
    unit: "Đơn vị soạn thảo (viết tắt)",
    unitHint: "Ghi sau ký hiệu cơ quan trong số, ký hiệu công văn, ví dụ TTBCXB.",
    subject: "Trích yếu nội dung",
    addressees: "Kính gửi (mỗi dòng một nơi)",
    body: "Nội dung (mỗi đoạn một dòng)",
    recipients: "Nơi nhận (mỗi dòng một nơi)",
    archive: "Lưu (viết tắt, cách nhau bằng dấu phẩy)",
    authority: "Thẩm quyền ký",
    authorityNone: "Ký trực tiếp",
    authorities: {
      KT: "KT. (ký thay)",
      TM: "TM. (thay mặt)",
      TL: "TL. (thừa lệnh)",
      TUQ: "TUQ. (thừa ủy quyền)",
      Q: "Q. (quyền)",
    },
    authorityTitle: "Chức vụ người đứng đầu",
    signerTitle: "Chức vụ người ký",
    signerName: "Họ và tên người ký",
    isPublic: "Công bố trên cổng văn bản công khai khi ban hành",
    publishNotAllowed: "Chỉ văn thư, lãnh đạo hoặc quản trị được công bố văn bản.",
    preview: "Xem trước theo thể thức Nghị định 30/2020/NĐ-CP",
    previewParty: "Xem trước theo thể thức Hướng dẫn 36-HD/VPTW",
    findings: "Kiểm tra thể thức, chính tả",
    noFindings: "Không phát hiện lỗi.",
    fix: "Sửa",
    saveDraft: "Lưu dự thảo",
    saved: "Đã lưu dự thảo",
    checking: "Đang kiểm tra…",
    findingsMore: (shown: number, total: number, atLeast: boolean) =>
      `Chỉ hiện ${shown.toLocaleString("vi-VN")} trong số ${atLeast ? "hơn " : ""}${total.toLocaleString("vi-VN")} phát hiện (theo thứ tự trong văn bản); sửa các lỗi trên để xem tiếp.`,
  },
  document: {
    delete: "Xóa dự thảo",
    deleteTitle: "Xóa dự thảo này?",
    deleteText:
      "Dự thảo và tệp của nó bị xóa, không khôi phục được. Văn bản đã ban hành, đã vào sổ hoặc được gửi đến qua hệ thống không xóa được.",
    followOnText:
      "Tạo một dự thảo văn bản mới để triển khai văn bản này (trích dẫn văn bản, các nhiệm vụ được giao). Dự thảo được lưu trong mục Dự thảo.",
    followOnConfirm: "Tạo dự thảo",
    print: "In",
    pdf: "Tải PDF",
    edit: "Sửa dự thảo",
    issue: "Ban hành",
    issueConfirm: "Xác nhận nơi nhận và ban hành",
    issueHelp:
      "Văn bản sẽ được cấp số tiếp theo của sổ văn bản đi, ghi ngày hôm nay, tạo bản PDF và gửi đến các cơ quan dưới đây.",
    issued: (ref: string) => `Đã ban hành văn bản số ${ref}`,
    group: "Nhóm, cần xác nhận",
    internalAsAbove: "Các nơi ở Kính gửi, không gửi thêm",
    internalArchive: "Lưu tại cơ quan, không gửi",
    internalOwn: "Nội bộ cơ quan, không gửi",
    lineUnresolved: "Chưa xác định cơ quan nhận",
    lineDecided: "Đã xác định",
    notFound: (parts: string) => `Chưa tìm thấy trong danh bạ cơ quan: ${parts}`,
    pickAgencies: "Chọn cơ quan nhận",
    pickPlaceholder: "Gõ tên cơ quan để tìm",
    noAgencyFound: "Không có cơ quan nào khớp",
    notDelivered: "Không gửi qua hệ thống",
    unresolvedLines: (n: number) =>
      `Còn ${n} dòng Kính gửi, Nơi nhận chưa xác định được cơ quan nhận: chọn cơ quan nhận, hoặc đánh dấu “Không gửi qua hệ thống”.`,
    issuedUnresolved: (lines: string[]) =>
      `Các dòng sau chưa được gửi đến cơ quan nào: ${lines.join("; ")}.`,
    publish: "Công bố trên cổng",
    unpublish: "Gỡ khỏi cổng",
    published: "Đã công bố trên cổng văn bản",
    unpublished: "Đã gỡ khỏi cổng văn bản",
    register: "Vào sổ văn bản đến",
    registered: (n: number) => `Đã vào sổ đến, số ${n}`,
    arrivalInFuture: "Ngày đến không được sau ngày hôm nay.",
    arrivalBeforeDocument: "Ngày đến không được trước ngày của văn bản.",
    arrivedOn: (date: string) => `ngày đến ${date}`,
    return: "Trả lại",
    returnReason: "Lý do trả lại",
    followOn: "Soạn văn bản triển khai",
    tabs: {
      view: "Văn bản",
      info: "Thông tin",
      delivery: "Gửi, nhận",
      links: "Liên kết",
      tasks: "Nhiệm vụ, báo cáo",
      lint: "Kiểm tra",
    },
    files: "Tệp",
    registerEntry: "Sổ",
    cites: "Văn bản được dẫn chiếu",
    citedBy: "Văn bản dẫn chiếu đến văn bản này",
    unresolved: "Chưa có trong hệ thống",
    recipient: "Nơi nhận",
    deliveryStatus: "Tình trạng",
    sentAt: "Gửi lúc",
    dashboard: "Theo dõi thực hiện",
    planHelp:
      "Khi ban hành, mỗi nơi nhận thực hiện được giao các nhiệm vụ dưới đây, báo cáo theo kỳ và hạn đã chọn.",
    addItem: "Thêm nhiệm vụ",
    editItem: "Sửa kỳ, hạn",
    removeItem: "Bỏ",
    progress: "Cập nhật tình trạng xử lý",
    progressDone: "Đã cập nhật tình trạng",
    chain: "Văn bản triển khai",
    entry: (book: string, period: string, number: number) => `${book} ${period}, số ${number}`,
    citedOn: (date: string) => `ngày ${date}`,
    citedFrom: (issuer: string) => `của ${issuer}`,
  },
  importPage: {
    title: "Nhập văn bản đến",
    drop: "Kéo thả tệp hoặc thư mục (.docx, .pdf, .txt) vào đây, hoặc bấm để chọn tệp",
    chooseFiles: "Chọn tệp",
    chooseFolder: "Chọn thư mục",
    file: "Tệp",
    reading: "Đang đọc tệp…",
    uploading: (done: number, total: number) => `Đang tải lên ${done}/${total} tệp…`,
    background:
      "Tệp được đọc trên máy chủ (bản quét có thể mất vài giây mỗi trang); có thể rời trang này và quay lại xem sau.",
    check: "Kiểm tra thông tin đã đọc được, sửa nếu cần, rồi vào sổ.",
    duplicate: "Tệp này đã được nhập trước đó.",
    register: "Vào sổ văn bản đến",
    queued: "Đang chờ đọc",
    readingOne: "Đang đọc",
    done: "Đã xong",
    failed: "Lỗi",
    retrying: "Sẽ thử lại",
    progress: (finished: number, total: number) => `Đã xử lý ${finished}/${total} tệp`,
    created: (n: number) => `đã tạo ${n} văn bản đến`,
    duplicates: (n: number) => `${n} tệp đã nhập trước đó`,
    failures: (n: number) => `${n} tệp lỗi`,
    part: (i: number, n: number) => `Văn bản ${i}/${n} trong tệp`,
    pages: (a: number, b: number) => (a === b ? `trang ${a}` : `trang ${a}–${b}`),
    skipped: (n: number) => `Bỏ qua ${n} tệp không phải văn bản (.docx, .pdf, .txt).`,
    recent: "Các đợt nhập gần đây",
    batchLabel: (n: number) => `${n} tệp`,
    open: "Xem",
    when: "Thời gian",
    label: "Đợt nhập",
    by: "Người nhập",
    result: "Kết quả",
    fromCli: "dòng lệnh",
  },
  registers: {
    title: "Sổ đăng ký văn bản",
    outgoing: "Sổ đăng ký văn bản đi",
    incoming: "Sổ đăng ký văn bản đến",
    period: "Năm",
    entries: (n: number) => `${n} văn bản`,
    colNumber: "Số, ký hiệu văn bản",
    colDate: "Ngày tháng văn bản",
    colSubject: "Tên loại và trích yếu nội dung văn bản",
    colSigner: "Người ký",
    colRecipients: "Nơi nhận văn bản",
    colArchive: "Đơn vị, người nhận bản lưu",
    colCopies: "Số lượng bản",
    colNote: "Ghi chú",
    colArrived: "Ngày đến",
    colIncomingNumber: "Số đến",
    colAuthor: "Tác giả",
    colHandler: "Đơn vị hoặc người nhận",
    colSign: "Ký nhận",
    empty: "Sổ chưa có văn bản nào.",
    none: "Cơ quan chưa có sổ nào: sổ được lập khi văn bản đầu tiên được vào sổ đi hoặc sổ đến.",
  },
  tasks: {
    title: "Nhiệm vụ và báo cáo",
    owed: "Nhiệm vụ được giao",
    item: "Mục",
    task: "Nhiệm vụ",
    cycles: "Kỳ báo cáo",
    due: "Hạn",
    reported: "Đã báo cáo",
    overdue: "Quá hạn",
    report: "Báo cáo kết quả",
    period: "Kỳ báo cáo",
    narrative: "Nội dung báo cáo",
    files: "Tệp đính kèm (ảnh, PDF, Word, Excel)",
    submit: "Gửi báo cáo",
    sent: (late: boolean) => (late ? "Đã gửi báo cáo (sau hạn)" : "Đã gửi báo cáo"),
    /** The figures' names are core's (FIGURES), the ones the consolidated report prints. */
    figures: Object.fromEntries(FIGURES.map((f) => [f.code, f.label])) as Record<
      FigureCode,
      string
    >,
    cycle: {
      monthly: "Hằng tháng",
      quarterly: "Hằng quý",
      "half-yearly": "6 tháng",
      yearly: "Hằng năm",
      once: "Một lần",
      "on-request": "Khi có yêu cầu",
    } as Record<string, string>,
  },
  dashboard: {
    title: "Theo dõi thực hiện",
    grid: "Tình hình báo cáo theo nơi nhận và nhiệm vụ",
    recipient: "Nơi nhận",
    totals: "Tổng hợp số liệu",
    byRecipient: "Theo nơi nhận",
    overTime: "Báo cáo nhận được theo thời gian",
    completionTitle: "Tỷ lệ hoàn thành theo kỳ báo cáo",
    completion: "Đã báo cáo (%)",
    notReported: "Chưa báo cáo",
    everyoneReported: "Tất cả nơi nhận đã báo cáo.",
    cellReported: "Đã báo cáo",
    cellPending: "Chưa đến hạn",
    cellOverdue: "Quá hạn",
    consolidated: "Lập báo cáo tổng hợp",
    consolidatedDone: "Đã lập dự thảo báo cáo tổng hợp",
    cascade: "Cả cấp dưới",
    late: "muộn",
  },
  search: {
    placeholder: "Tìm văn bản: số ký hiệu, trích yếu, nội dung…",
    label: "Tìm văn bản",
    title: "Kết quả tìm kiếm",
    found: (n: number, capped: boolean) =>
      capped ? `Hơn ${n.toLocaleString("vi-VN")} kết quả` : `${n.toLocaleString("vi-VN")} kết quả`,
    none: "Không tìm thấy văn bản nào.",
    hint: 'Gõ không dấu vẫn tìm được. Đặt cụm từ trong ngoặc kép "…" để tìm đúng nguyên văn.',
  },
  admin: {
    title: "Quản trị cơ quan",
    users: "Người dùng",
    units: "Đơn vị",
    agencies: "Cơ quan",
    forbidden:
      "Trang quản trị dành cho quản trị viên của cơ quan: tài khoản của bạn không có quyền này.",
    addUser: "Thêm người dùng",
    addUnit: "Thêm đơn vị",
    addAgency: "Thêm cơ quan trực thuộc",
    username: "Tên đăng nhập",
    fullName: "Họ và tên",
    jobTitle: "Chức vụ",
    roles: "Vai trò",
    password: "Mật khẩu ban đầu",
    disabled: "Đã khóa",
    lock: "Khóa",
    unlock: "Mở khóa",
    agencyName: "Tên cơ quan",
    unitName: "Tên đơn vị",
    abbreviation: "Viết tắt",
    code: "Mã",
    kind: "Loại cơ quan",
    kinds: {
      state: "Cơ quan nhà nước",
      party: "Cơ quan Đảng",
      union: "Đoàn thể",
      press: "Báo chí",
      broadcaster: "Phát thanh, truyền hình",
      other: "Khác",
    } as Record<string, string>,
    place: "Địa danh",
    parentLine: "Cơ quan chủ quản (dòng trên)",
    created: "Đã tạo",
    rename: "Đổi tên",
    renameTitle: (name: string) => `Đổi tên “${name}”`,
    newName: "Tên mới",
    reason: "Lý do (số quyết định đổi tên…)",
    validFrom: "Áp dụng từ ngày",
    formerNames: (names: string) => `Tên cũ: ${names}`,
  },
  installation: {
    title: "Quản trị hệ thống",
    intro:
      "Tạo các cơ quan cấp cao nhất và người quản trị đầu tiên của mỗi cơ quan; người quản trị đó tạo tiếp người dùng và cơ quan trực thuộc.",
    topLevel: "Cơ quan cấp cao nhất",
    addAgency: "Thêm cơ quan cấp cao nhất",
    firstAdmin: "Người quản trị đầu tiên",
    admins: "Người quản trị",
  },
  lint: {
    error: "Lỗi",
    warning: "Cảnh báo",
    info: "Lưu ý",
    at: (line: number, column: number) => `dòng ${line}, cột ${column}`,
    /** The compose form's fields, as a finding names the place it is in. */
    fields: {
      subject: "Trích yếu nội dung",
      addressees: "Kính gửi",
      body: "Nội dung",
      recipients: "Nơi nhận",
      archive: "Lưu",
      authority: "Thẩm quyền ký",
      authorityTitle: "Chức vụ người đứng đầu",
      signerTitle: "Chức vụ người ký",
      signerName: "Họ và tên người ký",
    },
    paragraph: (n: number) => `đoạn ${n}`,
    line: (n: number) => `dòng ${n}`,
    goTo: (place: string) => `Đến ô ${place}`,
  },
  // ---- Notifications and Việc của tôi (issue 15, part 6) ----
  /**
   * Each notification code as a sentence, from its parameters already formatted (days 03/12/2026,
   * periods "Quý IV/2026", statuses by name; null where the row has none): core's
   * NOTIFICATION_PARAMS says which each code has.
   */
  notice: {
    "document.arrived": (p: NoticeText<"document.arrived">) =>
      `Văn bản đến${on(p.reference, " số ")}${on(p.issuer, " của ")}${on(p.subject, ": ")}`,
    "document.returned": (p: NoticeText<"document.returned">) =>
      `${p.recipient ?? "Nơi nhận"} đã trả lại văn bản${on(p.reference, " số ")}${on(p.reason, ". Lý do: ")}`,
    "document.presented": (p: NoticeText<"document.presented">) =>
      `${p.by ?? "Văn thư"} trình văn bản${on(p.reference, " số ")}${on(p.subject, ": ")}`,
    "document.instructed": (p: NoticeText<"document.instructed">) =>
      `${p.by ?? "Lãnh đạo"} bút phê văn bản${on(p.reference, " số ")}${on(p.role, ", ")}${on(p.due, ", hạn xử lý ")}${on(p.subject, ": ")}`,
    "document.assigned": (p: NoticeText<"document.assigned">) =>
      `${p.by ?? "Trưởng đơn vị"} giao xử lý văn bản${on(p.reference, " số ")}${on(p.due, ", hạn ")}${on(p.subject, ": ")}`,
    "draft.submitted": (p: NoticeText<"draft.submitted">) =>
      `${p.by ?? "Chuyên viên"} trình dự thảo${on(p.subject, ": ")}${on(p.note, " (", ")")}`,
    "draft.approved": (p: NoticeText<"draft.approved">) =>
      `${p.by ?? "Người duyệt"} đã duyệt dự thảo${on(p.subject, ": ")}`,
    "draft.sent-back": (p: NoticeText<"draft.sent-back">) =>
      `${p.by ?? "Người duyệt"} trả lại dự thảo${on(p.subject, ": ")}${on(p.note, ". Ý kiến: ")}`,
    "comment.added": (p: NoticeText<"comment.added">) =>
      `${p.by ?? "Đồng nghiệp"} có ý kiến về văn bản${on(p.reference, " số ")}${on(p.subject, ": ")}`,
    "draft.consulted": (p: NoticeText<"draft.consulted">) =>
      `${p.by ?? "Đơn vị soạn thảo"} xin ý kiến về dự thảo${on(p.subject, ": ")}${on(p.due, ", hạn góp ý ")}`,
    "report.received": (p: NoticeText<"report.received">) =>
      `${p.recipient ?? "Nơi nhận"} đã báo cáo${on(p.period, " kỳ ")}${on(p.item, " nhiệm vụ ")}${on(p.reference, " của văn bản số ")}`,
    "deadline.near": (p: NoticeText<"deadline.near">) =>
      p.item || p.period
        ? `Sắp đến hạn báo cáo${on(p.period, " kỳ ")}${on(p.due, " (hạn ", ")")}${on(p.item, " nhiệm vụ ")}${on(p.reference, " của văn bản số ")}`
        : `Sắp đến hạn xử lý văn bản${on(p.reference, " số ")}${on(p.due, " (hạn ", ")")}${on(p.subject, ": ")}`,
    "deadline.overdue": (p: NoticeText<"deadline.overdue">) =>
      p.item || p.period
        ? `Quá hạn báo cáo${on(p.period, " kỳ ")}${on(p.due, " (hạn ", ")")}${on(p.item, " nhiệm vụ ")}${on(p.reference, " của văn bản số ")}`
        : `Quá hạn xử lý văn bản${on(p.reference, " số ")}${on(p.due, " (hạn ", ")")}${on(p.subject, ": ")}`,
    "reminder.sent": (p: NoticeText<"reminder.sent">) =>
      `${p.by ?? "Người đôn đốc"} ${p.kind ?? "nhắc nhở"} về văn bản${on(p.reference, " số ")}${on(p.subject, ": ")}`,
    "delivery.progress": (p: NoticeText<"delivery.progress">) =>
      `${p.recipient ?? "Nơi nhận"} – văn bản${on(p.reference, " số ")}: ${p.status ?? "đã cập nhật"}`,
  },
  work: {
    title: "Việc của tôi",
    groups: {
      approve: "Dự thảo chờ tôi duyệt",
      sentBack: "Dự thảo bị trả lại để sửa",
      register: "Văn bản đến chờ vào sổ",
      present: "Văn bản đến chờ trình lãnh đạo",
      instruct: "Văn bản chờ bút phê",
      assign: "Văn bản đơn vị chủ trì, chờ phân công",
      handle: "Văn bản tôi được giao xử lý",
      overdue: "Quá hạn xử lý",
      reports: "Nhiệm vụ phải báo cáo",
    },
    next: {
      approve: "Duyệt",
      revise: "Sửa và trình lại",
      register: "Vào sổ",
      present: "Trình",
      instruct: "Bút phê",
      assign: "Phân công",
      handle: "Xử lý",
      "follow-up": "Đôn đốc",
      report: "Báo cáo",
    },
    urgency: { khan: "Khẩn", "thuong-khan": "Thượng khẩn", "hoa-toc": "Hỏa tốc" },
    due: (date: string) => `Hạn ${date}`,
    late: "Quá hạn",
    from: (who: string) => `Từ: ${who}`,
    more: (shown: number, count: number) => `Đang hiện ${shown} trong số ${count}.`,
    noSubject: "(chưa có trích yếu)",
    noReference: "Chưa có số",
    everythingDone: "Không có việc nào đang chờ bạn.",
  },
  noticeWords: {
    unknown: "Thông báo",
    reminder: { "nhac-nho": "nhắc nhở", "phe-binh": "phê bình" } as Record<string, string>,
    role: { lead: "chủ trì", cooperate: "phối hợp", inform: "để biết" } as Record<string, string>,
    // "Thông báo: 3": the number is how many are unread (e2e/accessibility.spec.ts finds it so).
    bell: (n: number) => `Thông báo: ${n}`,
    markRead: "Đánh dấu đã đọc",
    unread: "Chưa đọc",
  },
} as const;

/** The catalogue's shape: every string and function of the Vietnamese one. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : { readonly [K in keyof T]: Widen<T[K]> };
export type Catalog = Widen<typeof vi>;

export type Language = "vi" | "en";
/** Each language by its own name, as a language menu shows them. */
export const LANGUAGE_NAMES: Record<Language, string> = { vi: "Tiếng Việt", en: "English" };
const STORAGE_KEY = "vanthu.lang";

/** The language the person chose (Vietnamese unless they picked English); kept in the browser. */
export function currentLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

/** Switches the language: the page reloads with the other catalogue. */
export function chooseLanguage(lang: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  globalThis.location?.reload();
}

export const t: Catalog = currentLanguage() === "en" ? en : vi;
if (typeof document !== "undefined") document.documentElement.lang = currentLanguage();
