/**
 * Starting points for the five kinds of document agencies write most. Our own wording, in the
 * usual structure: purpose, numbered tasks, reporting, signature block. The author replaces the
 * parts in brackets.
 */
export interface Template {
  typeCode: string;
  subject: string;
  addressees: string[];
  paragraphs: string[];
  recipients: string[];
  authority: string | null;
  authorityTitle: string;
  signerTitle: string;
}

/**
 * Who usually signs for the agency, by its kind: a deputy signing for the head (KT.), or for a
 * collective body on its behalf (T/M), in the titles each kind of agency uses.
 */
export function signatureFor(agency: { name: string; kind: string }): {
  authority: string | null;
  authorityTitle: string;
  signerTitle: string;
} {
  const name = agency.name.toLocaleLowerCase("vi");
  if (agency.kind === "party")
    return { authority: "TM", authorityTitle: "BAN THƯỜNG VỤ", signerTitle: "PHÓ BÍ THƯ" };
  if (agency.kind === "union")
    return { authority: "TM", authorityTitle: "BAN THƯỜNG VỤ", signerTitle: "PHÓ CHỦ TỊCH" };
  if (agency.kind === "press")
    return { authority: "KT", authorityTitle: "TỔNG BIÊN TẬP", signerTitle: "PHÓ TỔNG BIÊN TẬP" };
  if (name.startsWith("ủy ban nhân dân") || name.startsWith("uỷ ban nhân dân"))
    return { authority: "KT", authorityTitle: "CHỦ TỊCH", signerTitle: "PHÓ CHỦ TỊCH" };
  if (name.startsWith("đài truyền thanh"))
    return { authority: "KT", authorityTitle: "TRƯỞNG ĐÀI", signerTitle: "PHÓ TRƯỞNG ĐÀI" };
  return { authority: "KT", authorityTitle: "GIÁM ĐỐC", signerTitle: "PHÓ GIÁM ĐỐC" };
}

export function templateFor(code: string, agency: { name: string; kind: string }): Template {
  const agencyName = agency.name;
  const sign = signatureFor(agency);
  switch (code) {
    case "KH":
      return {
        typeCode: "KH",
        subject: "Tổ chức các hoạt động [nội dung] năm [năm]",
        addressees: [],
        paragraphs: [
          "I. MỤC ĐÍCH, YÊU CẦU",
          "1. Mục đích",
          "Nâng cao nhận thức của cán bộ, công chức và Nhân dân về [nội dung].",
          "2. Yêu cầu",
          "Các hoạt động được tổ chức thiết thực, hiệu quả, đúng tiến độ.",
          "II. NỘI DUNG, NHIỆM VỤ",
          "1. [Nhiệm vụ thứ nhất].",
          "2. [Nhiệm vụ thứ hai].",
          "III. TỔ CHỨC THỰC HIỆN",
          `Các cơ quan, đơn vị báo cáo kết quả thực hiện về ${agencyName} định kỳ hằng quý.`,
        ],
        recipients: ["[Cơ quan cấp trên] (để b/c)", "Các cơ quan, đơn vị liên quan"],
        ...sign,
      };
    case "HD":
      return {
        typeCode: "HD",
        subject: "Hướng dẫn [nội dung] năm [năm]",
        addressees: [],
        paragraphs: [
          "I. MỤC ĐÍCH, YÊU CẦU",
          "Thống nhất cách thức triển khai [nội dung] trong các cơ quan, đơn vị.",
          "II. NỘI DUNG HƯỚNG DẪN",
          "1. [Nội dung hướng dẫn thứ nhất].",
          "2. [Nội dung hướng dẫn thứ hai].",
          "III. TỔ CHỨC THỰC HIỆN",
          `Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về ${agencyName} để được hướng dẫn.`,
        ],
        recipients: ["Các cơ quan, đơn vị liên quan"],
        ...sign,
      };
    case "TB":
      return {
        typeCode: "TB",
        subject: "Kết luận của [chức vụ] tại cuộc họp [nội dung]",
        addressees: [],
        paragraphs: [
          `Ngày [ngày], ${agencyName} tổ chức cuộc họp về [nội dung]. Sau khi nghe báo cáo và ý kiến của các đại biểu, [chức vụ] kết luận như sau:`,
          "1. [Nội dung kết luận thứ nhất].",
          "2. [Nội dung kết luận thứ hai].",
          "Thông báo để các cơ quan, đơn vị biết, thực hiện.",
        ],
        recipients: ["Các cơ quan, đơn vị dự họp"],
        ...sign,
      };
    case "BC":
      return {
        typeCode: "BC",
        subject: "Kết quả thực hiện [nội dung] [kỳ báo cáo]",
        addressees: [],
        paragraphs: [
          "I. KẾT QUẢ THỰC HIỆN",
          "1. [Kết quả thứ nhất].",
          "2. [Kết quả thứ hai].",
          "II. KHÓ KHĂN, VƯỚNG MẮC",
          "[Nội dung].",
          "III. ĐỀ XUẤT, KIẾN NGHỊ",
          "[Nội dung].",
        ],
        recipients: ["[Cơ quan nhận báo cáo]"],
        ...sign,
      };
    default:
      return {
        typeCode: "CV",
        subject: "[trích yếu nội dung công văn]",
        addressees: ["[Cơ quan, đơn vị nhận]"],
        paragraphs: [
          `Thực hiện [văn bản cấp trên], ${agencyName} đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:`,
          "1. [Nội dung thứ nhất].",
          `2. Báo cáo kết quả thực hiện về ${agencyName} định kỳ hằng quý.`,
          "Trân trọng./.",
        ],
        recipients: ["Như trên"],
        ...sign,
      };
  }
}
