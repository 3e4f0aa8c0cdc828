import { foldKey } from "../text/vietnamese.ts";

/** Words that open an agency name; a header line starting with one starts a new level. */
const HEAD =
  /^(?:bo|so|cuc|tong cuc|chi cuc|vu|ban|van phong|trung tam|phong|vien|hoc vien|uy ban|ubnd|hoi dong|lien doan|tong lien doan|cong doan|tinh uy|thanh uy|huyen uy|quan uy|dang uy|dang bo|chi bo|bao|dai|truong|thanh tra|kho bac|thue|tieu ban|doan|hoi|cong an|quan khu|bo chi huy|toa an|vien kiem sat)\b/;

/** The last word of a line that cannot end a name: the name goes on on the next line. */
const OPEN_END = /(?:,|-|\bva|\bnhan|\bcua|\bthuoc|\btinh|\bthanh|\bxa|\bhuyen)$/;

const BARE_HEAD =
  /^(?:van phong|uy ban|uy ban nhan|hoi dong|trung tam|tong cuc|chi cuc|ban chap hanh|lien doan|cong doan)$/;

/**
 * Splits the issuer block of a header into the parent body and the issuer. Flattened tables break
 * one name over several lines ("ỦY BAN NHÂN" / "DÂN" / "TỈNH BẮC NINH"); a line that starts with an
 * agency word ("CỤC THUẾ" under "BỘ TÀI CHÍNH") starts the next level.
 */
export function splitIssuerLines(lines: readonly string[]): {
  parent: string | null;
  name: string | null;
} {
  const segments: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/[^\S ]\s*| \s+/g, " ").trim();
    if (!line) continue;
    const last = segments[segments.length - 1];
    const f = foldKey(line);
    // A one-word segment ("VĂN" / "PHÒNG CHÍNH PHỦ") or a bare agency word ("VĂN PHÒNG" /
    // "CHÍNH PHỦ") is never a whole name.
    const incomplete =
      last !== undefined &&
      (!last.includes(" ") || BARE_HEAD.test(foldKey(last)) || OPEN_END.test(foldKey(last)));
    if (last !== undefined && (incomplete || !HEAD.test(f))) {
      segments[segments.length - 1] = `${last} ${line}`;
    } else {
      segments.push(line);
    }
  }
  if (!segments.length) return { parent: null, name: null };
  if (segments.length === 1) return { parent: null, name: segments[0]! };
  return { parent: segments[segments.length - 2]!, name: segments[segments.length - 1]! };
}
