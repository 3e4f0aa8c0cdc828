/**
 * Who a document goes to: the lines of Kính gửi (to act) and of Nơi nhận (copies, "để biết")
 * matched to known agencies. A line names one agency ("Báo Lạng Sơn"; "Đài Phát thanh và Truyền
 * hình tỉnh", the province being the issuer's), or a group ("Phòng Văn hóa và Thông tin các
 * huyện, thành phố": every such office of the province), or nobody known ("Lãnh đạo Sở", an
 * internal copy). Groups and lines matching several agencies are marked for the clerk to
 * confirm. Pure: the agencies come in as an argument.
 */
import { foldKey } from "../text/vietnamese.ts";

export interface KnownAgency {
  id: string;
  name: string;
  /** The province or city the agency belongs to ("Lạng Sơn"). */
  place: string | null;
}

export interface RecipientLine {
  /** The line as written, cleaned of list marks and final punctuation. */
  text: string;
  kind: "action" | "copy";
  /** Agencies the line names. */
  matches: string[];
  /** The line names a group ("... các huyện, thành phố"). */
  group: boolean;
  /** A person should confirm: a group, or several agencies for one name. */
  needsConfirmation: boolean;
}

export interface RecipientPlan {
  lines: RecipientLine[];
  /** Every agency matched, each once, with the strongest kind (action over copy). */
  recipients: Array<{ agencyId: string; kind: "action" | "copy" }>;
  needsConfirmation: boolean;
}

/** Nơi nhận lines that are not agencies outside the issuer. */
const INTERNAL =
  /^(nhu tren|luu\b|lanh dao|giam doc|pho giam doc|ban giam doc|cac pgd|thuong truc|website|cong thong tin|cac phong|van phong|cac don vi (truc )?thuoc|ca nhan|cvp)/;

export function cleanRecipientLine(line: string): string {
  return line
    .replace(/\*\*/g, "")
    .replace(/^\s*(?:kính gửi\s*:)?\s*[-–+•*]?\s*/i, "")
    .replace(/[\s;:,.]+$/, "")
    .replace(/\s*\([^()]*\)$/, "")
    .replace(/[\s;:,.]+$/, "")
    .trim();
}

function matchLine(
  line: string,
  agencies: KnownAgency[],
  place: string | null,
): { matches: string[]; group: boolean } {
  const key = foldKey(line);
  const placeKey = place ? foldKey(place) : null;
  // One agency: its name as written, or with the issuer's province after it, or with "tỉnh".
  const exact = agencies.filter((a) => {
    const name = foldKey(a.name);
    if (name === key) return true;
    if (placeKey && (a.place ? foldKey(a.place) === placeKey : true)) {
      if (name === `${key} ${placeKey}`) return true;
      if (
        name === `${key} tinh ${placeKey}` ||
        name === `${key.replace(/ tinh$/, "")} tinh ${placeKey}`
      )
        return true;
    }
    return false;
  });
  if (exact.length) return { matches: exact.map((a) => a.id), group: false };
  // A group: "<kind of agency> các <units>": every agency of that kind in the province.
  const m = /^(.+?) cac (.+)$/.exec(key);
  if (m && m[1]!.split(" ").length >= 2) {
    const head = m[1]!;
    const members = agencies.filter(
      (a) =>
        foldKey(a.name).startsWith(`${head} `) &&
        (!placeKey || !a.place || foldKey(a.place) === placeKey),
    );
    if (members.length) return { matches: members.map((a) => a.id), group: true };
  }
  return { matches: [], group: false };
}

/**
 * The plan for a document from its Kính gửi and Nơi nhận lines. "Như trên" in Nơi nhận means the
 * addressees and adds nothing; internal lines (Lãnh đạo Sở, Lưu) are left out.
 */
export function resolveRecipients(input: {
  addressees: string[];
  recipients: string[];
  agencies: KnownAgency[];
  /** The issuer's province: "Đài Phát thanh và Truyền hình tỉnh" is that province's. */
  place: string | null;
  /** The issuer itself is never a recipient. */
  issuerId?: string;
}): RecipientPlan {
  const agencies = input.agencies.filter((a) => a.id !== input.issuerId);
  const lines: RecipientLine[] = [];
  const add = (raw: string, kind: "action" | "copy") => {
    const text = cleanRecipientLine(raw);
    if (!text) return;
    if (kind === "copy" && INTERNAL.test(foldKey(text))) return;
    const { matches, group } = matchLine(text, agencies, input.place);
    lines.push({ text, kind, matches, group, needsConfirmation: group || matches.length > 1 });
  };
  for (const a of input.addressees) add(a, "action");
  for (const r of input.recipients) add(r, "copy");
  const recipients = new Map<string, "action" | "copy">();
  for (const l of lines)
    for (const id of l.matches) if (recipients.get(id) !== "action") recipients.set(id, l.kind);
  return {
    lines,
    recipients: [...recipients].map(([agencyId, kind]) => ({ agencyId, kind })),
    needsConfirmation: lines.some((l) => l.needsConfirmation),
  };
}
