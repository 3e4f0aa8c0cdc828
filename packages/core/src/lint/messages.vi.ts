/**
 * Vietnamese messages of the linter, keyed by rule code and variant. A catalog, not code: the web
 * application and the CLI show these; another language is another catalog with the same keys.
 */
export type MessageCatalog = Record<string, Record<string, string>>;

export const MESSAGES_VI: MessageCatalog = {
  "date-before-citation": {
    default:
      "Văn bản ban hành ngày {date} nhưng dẫn {reference} ban hành sau đó, ngày {citedDate}.",
    year: "Văn bản ban hành năm {year} nhưng dẫn {reference} ban hành năm {citedYear}.",
    subject: "Trích yếu nói năm {mentioned}, sau năm ban hành {year}: kiểm tra lại năm ban hành.",
  },
  "repeated-word": {
    default: 'Từ "{word}" bị lặp lại.',
  },
  "symbol-format": {
    "party-shape-state-issuer":
      'Ký hiệu "{reference}" viết theo kiểu văn bản của Đảng (số-loại/cơ quan) nhưng {issuer} là cơ quan nhà nước: viết "{suggestion}".',
    "state-shape-party-issuer":
      'Ký hiệu "{reference}" viết theo kiểu văn bản nhà nước nhưng {issuer} là cơ quan của Đảng: viết "{suggestion}".',
    spacing: 'Số, ký hiệu "{printed}" có khoảng trắng thừa: viết "{suggestion}".',
    "unknown-type":
      '"{code}" không phải chữ viết tắt tên loại văn bản theo Phụ lục III Nghị định 30/2020/NĐ-CP; có phải "{suggestion}"?',
    "type-mismatch": "Tên loại văn bản là {typeName} nhưng ký hiệu ghi {code} ({codeName}).",
    "missing-type":
      'Ký hiệu "{reference}" thiếu chữ viết tắt tên loại {typeName} ({code}): viết "{suggestion}".',
    "cong-van-with-type": 'Công văn không ghi chữ viết tắt tên loại trong ký hiệu ("{reference}").',
  },
  "blank-number": {
    default: "Số văn bản để trống.",
    issued: "Văn bản đã ban hành nhưng số văn bản để trống.",
  },
  "blank-date": {
    default: "Ngày, tháng ban hành để trống.",
    issued: "Văn bản đã ban hành nhưng ngày, tháng ban hành để trống.",
  },
  placeholder: {
    bracket: 'Còn chỗ để trống của mẫu "{text}", cần thay bằng nội dung của văn bản.',
    dots: 'Còn chỗ để trống "{text}" chưa điền.',
    date: 'Ngày, tháng còn để trống ("{text}"), cần ghi ngày cụ thể.',
    number: 'Số của văn bản được dẫn còn để trống ("{text}"), cần ghi số, ký hiệu của văn bản đó.',
  },
  "blank-signer": {
    default: "Chưa có họ và tên người ký: điền trước khi trình ký.",
    issued: "Văn bản đã ban hành nhưng không có họ và tên người ký.",
  },
  "subject-length": {
    default:
      "Trích yếu dài {length} ký tự (quá {limit}): viết ngắn gọn, nêu khái quát nội dung chủ yếu của văn bản.",
  },
  "signature-authority": {
    "kt-not-deputy": 'Ký thay (KT.) phải do cấp phó ký, nhưng chức vụ người ký là "{signerTitle}".',
    "kt-deputy-head": 'Sau KT. phải là chức vụ người đứng đầu, không phải "{authorityTitle}".',
    "tm-not-collective":
      'Thay mặt (TM.) dùng cho tập thể lãnh đạo, nhưng "{authorityTitle}" là chức vụ một người.',
    "tl-deputy": "Cấp phó ký thay người đứng đầu ghi KT., không ghi {authority}.",
    "missing-kt": 'Cấp phó ("{signerTitle}") ký thay người đứng đầu phải ghi "KT. {head}".',
  },
  recipients: {
    "nhu-tren-without-addressees": 'Nơi nhận ghi "Như trên" nhưng văn bản không có Kính gửi.',
    "no-archive": 'Nơi nhận thiếu dòng "Lưu: VT, ...".',
    "no-vt": 'Dòng Lưu thiếu "VT" (Văn thư).',
    "addressees-missing": 'Nơi nhận phải có "Như trên" hoặc liệt kê các cơ quan ở Kính gửi.',
  },
  "tone-mark-style": {
    default:
      '"{word}" đặt dấu kiểu {style} trong khi văn bản chủ yếu đặt dấu kiểu {majority}: viết "{suggestion}".',
  },
  "citation-format": {
    "no-type": "Văn bản {reference} được dẫn lần đầu thiếu tên loại văn bản.",
    "no-date": "Văn bản {reference} được dẫn lần đầu thiếu ngày ban hành.",
    "no-issuer": 'Văn bản {reference} được dẫn lần đầu thiếu cơ quan ban hành ("của ...").',
    "inconsistent-dates": 'Ngày tháng viết không thống nhất: "{printed}" và "{other}".',
  },
  "link-domain": {
    default:
      'Địa chỉ "{host}" gần giống cổng thông tin của cơ quan "{registered}" nhưng không trùng: có phải gõ nhầm?',
  },
  "signer-name": {
    default: 'Tên người ký "{name}" khác tên đã đăng ký "{registered}" ở dấu: viết "{registered}".',
  },
};
