/**
 * Invented packages for the edXML tests (the real ones stay in ../shared): a document with every
 * field, several To and attachments, a status for each code, and bytes of a package inside a zip.
 */
import JSZip from "jszip";
import type { EdxmlDocumentModel, EdxmlOrgan, EdxmlStatusModel } from "@vanthu/edxml";

export const UBND: EdxmlOrgan = {
  organId: "000.00.00.H99",
  organizationInCharge: "UBND tỉnh Cao Nguyên",
  organName: "Ủy ban nhân dân tỉnh Cao Nguyên",
  organAdd: "Số 8 đường Hùng Vương, thành phố Đồi Thông, tỉnh Cao Nguyên",
  email: "ubnd@caonguyen.gov.vn",
  telephone: "0263 3800 001",
  fax: "0263 3800 002",
  website: "https://caonguyen.gov.vn",
};
export const STTTT: EdxmlOrgan = {
  organId: "000.00.21.H99",
  organizationInCharge: "UBND tỉnh Cao Nguyên",
  organName: "Sở Thông tin và Truyền thông tỉnh Cao Nguyên",
  organAdd: "Số 12 đường Lê Lợi, thành phố Đồi Thông",
  email: "stttt@caonguyen.gov.vn",
  telephone: "0263 3811 111",
  fax: null,
  website: "stttt.caonguyen.gov.vn",
};
export const SYT: EdxmlOrgan = {
  organId: "000.00.22.H99",
  organizationInCharge: null,
  organName: "Sở Y tế tỉnh Cao Nguyên",
  organAdd: null,
  email: "syt@caonguyen.gov.vn",
  telephone: null,
  fax: null,
  website: null,
};
export const BO: EdxmlOrgan = {
  organId: "000.00.00.G99",
  organizationInCharge: "Chính phủ",
  organName: "Bộ Thử nghiệm",
  organAdd: "Số 1 phố Thử, Hà Nội",
  email: "vanthu@bothunghiem.gov.vn",
  telephone: "024 3999 9999",
  fax: "024 3999 9998",
  website: "bothunghiem.gov.vn",
};

/** Bytes that look like a small PDF, and a larger binary with every byte value. */
export const PDF_BYTES = new TextEncoder().encode(
  "%PDF-1.7\n% Văn bản thử\n1 0 obj <<>> endobj\n%%EOF\n",
);
export const BINARY = Uint8Array.from({ length: 4099 }, (_, i) => (i * 37 + 11) % 256);

export const DOCUMENT: EdxmlDocumentModel = {
  documentId: "000.00.00.H99,2026/11/28,1234/UBND-KGVX",
  from: UBND,
  to: [STTTT, SYT, BO],
  code: { codeNumber: "1234", codeNotation: "UBND-KGVX" },
  promulgation: { place: "Cao Nguyên", date: "2026/11/28", dateIso: "2026-11-28" },
  documentType: { type: "1", typeDetail: "0", typeName: "Công văn" },
  subject: "V/v triển khai kết nối liên thông văn bản điện tử & báo cáo <trước> ngày 15/12",
  content: "Đề nghị các cơ quan, đơn vị triển khai kết nối; báo cáo kết quả trước ngày 15/12/2026.",
  signer: { competence: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", fullName: "Trần Thị Mai Lan" },
  dueDate: "2026/12/15",
  dueDateIso: "2026-12-15",
  toPlaces: ["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"],
  otherInfo: {
    priority: "1",
    sphereOfPromulgation: "Liên thông văn bản quốc gia",
    typerNotation: "NTH",
    promulgationAmount: "15",
    pageAmount: "3",
    direction: "false",
    appendixes: ["Phụ lục I: Danh sách đơn vị", "Phụ lục II: Mẫu báo cáo"],
  },
  responseFor: [
    {
      organId: "000.00.00.G99",
      code: "567/BTN-VP",
      promulgationDate: "2026/11/02",
      promulgationDateIso: "2026-11-02",
      documentId: "000.00.00.G99,2026/11/02,567/BTN-VP",
    },
  ],
  steeringType: "1",
  traces: [
    {
      organId: "000.00.00.H99",
      timestamp: "2026/11/28 16:05:09",
      timestampIso: "2026-11-28T16:05:09+07:00",
    },
  ],
  business: {
    docType: 3,
    reason: "Thay thế văn bản gửi nhầm phụ lục",
    documentId: "000.00.00.H99,2026/11/20,1200/UBND-KGVX",
    paper: "0",
    documentInfo: {
      documentInfo: "1",
      documentReceiver: "1",
      receivers: [
        { organId: "000.00.21.H99", receiverType: "0" },
        { organId: "000.00.22.H99", receiverType: "1" },
      ],
    },
    staff: {
      department: "Văn phòng UBND tỉnh",
      staff: "Hoàng Văn Bình",
      email: "vanthu@caonguyen.gov.vn",
      mobile: "0912000999",
    },
    replacements: [
      {
        documentId: "000.00.00.H99,2026/11/20,1200/UBND-KGVX",
        organIds: ["000.00.21.H99", "000.00.22.H99"],
      },
    ],
  },
  attachments: [
    {
      contentId: "cid:0b6c2d1e-0001-4a5b-9c8d-000000000001",
      name: "1234-UBND-KGVX.pdf",
      contentType: "application/pdf",
      description: "Công văn 1234/UBND-KGVX (bản ký số)",
      bytes: PDF_BYTES,
    },
    {
      contentId: "cid:0b6c2d1e-0001-4a5b-9c8d-000000000002",
      name: "Phụ lục.bin",
      contentType: "application/octet-stream",
      description: null,
      bytes: BINARY,
    },
  ],
};

export function status(code: string, description: string): EdxmlStatusModel {
  return {
    from: STTTT,
    responseFor: {
      organId: "000.00.00.H99",
      code: "1234/UBND-KGVX",
      promulgationDate: "2026/11/28",
      promulgationDateIso: "2026-11-28",
      documentId: DOCUMENT.documentId,
    },
    staff: {
      department: "Văn phòng Sở",
      staff: "Lê Thu Hà",
      email: "vanthu@stttt.caonguyen.gov.vn",
      mobile: "0988000111",
    },
    statusCode: code,
    description,
    timestamp: "2026/11/29 08:30:00",
    timestampIso: "2026-11-29T08:30:00+07:00",
  };
}

/** A zip holding `name` (deflated), as the .doc attachments of the packages in use are. */
export async function zipOf(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(name, bytes);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
