/** The document types people pick most, in the order of ND30 Phụ lục III. */
export const TYPE_OPTIONS = [
  { value: "CV", label: "Công văn" },
  { value: "KH", label: "Kế hoạch" },
  { value: "HD", label: "Hướng dẫn" },
  { value: "TB", label: "Thông báo" },
  { value: "BC", label: "Báo cáo" },
  { value: "QĐ", label: "Quyết định" },
  { value: "CT", label: "Chỉ thị" },
  { value: "TTr", label: "Tờ trình" },
  { value: "GM", label: "Giấy mời" },
  { value: "CĐ", label: "Công điện" },
  { value: "NQ", label: "Nghị quyết" },
];
