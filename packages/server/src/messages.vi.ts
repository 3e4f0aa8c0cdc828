/**
 * Messages that name something (the agency already there), beside the error table's fixed ones
 * (error-codes.ts).
 */
/** The agency already there, so that a person picks it. */
export const AGENCY_MESSAGES_VI = {
  codeTaken: (code: string, name: string) =>
    `Mã “${code}” đã được dùng cho cơ quan “${name}”. Hãy chọn mã khác.`,
  nameTaken: (name: string, code: string, parent: string | null) =>
    `Đã có cơ quan “${name}” (mã ${code}, ${parent ? `trực thuộc “${parent}”` : "cấp cao nhất"}). ` +
    "Hãy chọn cơ quan đó khi gửi văn bản thay vì tạo bản sao, hoặc đặt tên khác.",
};
