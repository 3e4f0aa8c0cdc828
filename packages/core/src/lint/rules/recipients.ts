import { foldKey } from "../../text/vietnamese.ts";
import type { Rule } from "../diagnostic.ts";

/** Nơi nhận (Decree 30/2020/NĐ-CP Phụ lục I, point 9): "Như trên" needs a Kính gửi; "Lưu: VT, ..." closes it. */
export const recipients: Rule = ({ doc, view, report }) => {
  const line = view.lines.find((l) => /^(?:[-–]\s*)?noi nhan\b/.test(l.folded));
  if (!line) return;
  const at = { start: line.textStart, end: line.end };
  const folded = doc.recipients.map((r) => foldKey(r));
  const nhuTren = folded.some((r) => /^nhu tren\b|^nhu kinh gui\b/.test(r));
  // A công điện names its addressees in the header ("... điện:"), not in a Kính gửi.
  if (nhuTren && !doc.addressees.length && doc.type?.code !== "CĐ") {
    report({
      code: "recipients",
      severity: "warning",
      ...at,
      params: { variant: "nhu-tren-without-addressees" },
    });
  }
  if (!doc.archive.length) {
    report({
      code: "recipients",
      severity: "warning",
      ...at,
      field: "archive",
      params: { variant: "no-archive" },
    });
  } else if (
    !doc.archive.some(
      (a) =>
        /^(?:vt|van thu)/.test(foldKey(a)) ||
        (doc.format === "party" && /^van phong\b/.test(foldKey(a))),
    )
  ) {
    // Party documents are kept by the Văn phòng ("Lưu Văn phòng Tỉnh ủy", Hướng dẫn 36-HD/VPTW).
    report({
      code: "recipients",
      severity: "warning",
      ...at,
      field: "archive",
      params: { variant: "no-vt" },
    });
  }
  if (doc.addressees.length && !nhuTren) {
    const listed = doc.addressees.every((a) =>
      folded.some((r) => r.includes(foldKey(a)) || foldKey(a).includes(r)),
    );
    if (!listed)
      report({
        code: "recipients",
        severity: "warning",
        ...at,
        params: { variant: "addressees-missing" },
      });
  }
};
