/** The public portal's words. */
export const PORTAL_VI = {
  title: "Văn bản chỉ đạo điều hành",
  tagline: "Văn bản các cơ quan công bố công khai",
  searchLabel: "Tìm văn bản",
  searchPlaceholder: "Số, ký hiệu hoặc nội dung (gõ có dấu hoặc không dấu)",
  searchButton: "Tìm",
  results: (n: number, capped: boolean) =>
    capped
      ? `Hơn ${n.toLocaleString("vi-VN")} văn bản phù hợp`
      : `${n.toLocaleString("vi-VN")} văn bản phù hợp`,
  none: "Không có văn bản nào.",
  latest: "Văn bản mới ban hành",
  reference: "Số, ký hiệu",
  date: "Ngày ban hành",
  issuer: "Cơ quan ban hành",
  type: "Loại văn bản",
  subject: "Trích yếu",
  signer: "Người ký",
  downloadPdf: "Tải bản PDF",
  back: "Về danh sách",
  agencies: "Cơ quan",
  allAgencies: "Tất cả cơ quan",
  feed: "Nhận tin (Atom)",
  previous: "Trang trước",
  next: "Trang sau",
  page: (n: number) => `Trang ${n}`,
  notFound: "Không tìm thấy văn bản, hoặc văn bản không được công bố.",
  staff: "Đăng nhập cán bộ",
  noAgency: "Không có cơ quan này trên cổng văn bản.",
  pageNotFound: "Không tìm thấy trang",
  pageNotFoundText: "Địa chỉ này không có trên cổng văn bản: có thể đường dẫn bị gõ sai.",
} as const;
