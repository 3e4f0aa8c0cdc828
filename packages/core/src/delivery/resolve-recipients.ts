/**
 * Who a document goes to: the lines of Kính gửi (to act) and of Nơi nhận (copies, "để biết")
 * matched to known agencies. Every line has an outcome:
 * - resolved: it names one agency ("Báo Lạng Sơn"; "UBND tỉnh (để b/c)", the province being the
 *   issuer's), several ("Báo Lạng Sơn, Đài PT-TH tỉnh"), or a group ("Phòng Văn hóa và Thông
 *   tin các huyện, thành phố": every such office of the province);
 * - internal: it is delivered by no one, by design: "Như trên" (the addressees), "Lưu: VT, ..."
 *   (the issuer's own archive), the issuer's leaders, units and website ("Lãnh đạo Sở", "Giám
 *   đốc, các PGĐ Sở", "Phòng Thông tin - Báo chí - Xuất bản" of the issuing Sở);
 * - unresolved: no agency known by that name (or by a part of it): the clerk picks the agencies
 *   by hand or says it is not delivered (`applyDecisions`); never dropped silently.
 * What follows a name, in parentheses or after a dash ("(để b/c)", "- để biết"), is the line's
 * note, not part of the name. Groups and names of several agencies are marked for the clerk to
 * confirm. Pure: the agencies come in as an argument.
 */
import { foldKey } from "../text/vietnamese.ts";
import {
  Directory,
  onlyLeaders,
  type InternalReason,
  type KnownAgency,
  type KnownUnit,
  type Resolution,
} from "./recipient-directory.ts";

export {
  INTERNAL_REASONS,
  type InternalReason,
  type KnownAgency,
  type KnownUnit,
} from "./recipient-directory.ts";

export const LINE_OUTCOMES = ["resolved", "internal", "unresolved"] as const;
export type LineOutcome = (typeof LINE_OUTCOMES)[number];

export interface RecipientLine {
  /** The name the line gives, cleaned of list marks, final punctuation and its note. */
  text: string;
  /** The line as written, without list marks and final punctuation ("UBND tỉnh (để b/c)"). */
  written: string;
  /** What follows the name: "để b/c", "để biết"; null when nothing. */
  note: string | null;
  kind: "action" | "copy";
  outcome: LineOutcome;
  /** Why an internal line is delivered to no one; null for the others. */
  internal: InternalReason | null;
  /** Agencies the line names (for an unresolved line, those of the parts that were found). */
  matches: string[];
  /** The parts of the line no agency was found for ("Hội Nhà báo tỉnh"); empty when none. */
  unmatched: string[];
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
  /** The lines (as written) that name, wholly or in part, no known agency. */
  unresolved: string[];
}

const FINAL_PUNCTUATION = /[\s;:,.]+$/;

/** A line's note: after a dash, or as written at its end ("để biết", "b/c", "t/h"). */
const NOTE =
  /^(?:de|d\/b|b\/c|t\/h|p\/h|c\/d|t\/d|thay|bao cao|phoi hop|thuc hien|chi dao|biet|theo doi|giam sat|tham khao)(?![\p{L}\d])/u;

/**
 * A line cut into the line as written (list marks, bold and final punctuation gone), the name
 * and the note after it: "+ UBND tỉnh (để báo cáo);" is "UBND tỉnh", noted "để báo cáo".
 */
export function splitRecipientLine(line: string): {
  written: string;
  name: string;
  note: string | null;
} {
  const written = line
    .replace(/\*\*/g, "")
    .replace(/^\s*(?:kính gửi\s*:)?\s*[-–+•*]?\s*/iu, "")
    .replace(FINAL_PUNCTUATION, "")
    .trim();
  let name = written;
  const notes: string[] = [];
  for (;;) {
    const paren = /\s*\(([^()]*)\)$/u.exec(name);
    const dash = /\s+[-–—:]\s*([^-–—:]+)$/u.exec(name);
    const bare = /\s+((?:để|đ\/b|b\/c|t\/h|p\/h)(?![\p{L}\d]).*)$/iu.exec(name);
    const m = paren ?? (dash && NOTE.test(foldKey(dash[1]!)) ? dash : null) ?? bare;
    if (!m || m.index === 0) break;
    const note = m[1]!.trim();
    if (note) notes.unshift(note);
    name = name.slice(0, m.index).replace(FINAL_PUNCTUATION, "").trim();
  }
  return { written, name: name || written, note: notes.length ? notes.join("; ") : null };
}

/** The name a line gives: "+ UBND tỉnh (để báo cáo);" -> "UBND tỉnh". */
export function cleanRecipientLine(line: string): string {
  return splitRecipientLine(line).name;
}

/** The parts of a line naming several agencies: split at ",", ";", "và", "&", "+". */
const SEPARATOR = /\s*[,;]\s*|\s+(?:và|&|\+)\s+/giu;
const MAX_PARTS = 12;

interface Part {
  start: number;
  end: number;
}

function partsOf(name: string): Part[] {
  const parts: Part[] = [];
  let start = 0;
  for (const m of name.matchAll(SEPARATOR)) {
    if (m.index > start) parts.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < name.length) parts.push({ start, end: name.length });
  return parts;
}

interface LineResolution {
  outcome: LineOutcome;
  internal: InternalReason | null;
  matches: string[];
  unmatched: string[];
  group: boolean;
  ambiguous: boolean;
}

function resolutionLine(r: Resolution): LineResolution {
  return r.to === "internal"
    ? {
        outcome: "internal",
        internal: r.reason,
        matches: [],
        unmatched: [],
        group: false,
        ambiguous: false,
      }
    : {
        outcome: "resolved",
        internal: null,
        matches: r.ids,
        unmatched: [],
        group: r.group,
        ambiguous: !r.group && r.ids.length > 1,
      };
}

function resolveLine(name: string, directory: Directory): LineResolution {
  const whole = directory.resolve(name);
  if (whole) return resolutionLine(whole);
  // "X: a, b": X's own people or units ("VPCP: BTCN, các PCN", "UBND TP: Chủ tịch, các PCT"),
  // else X for each ("Sở: Nội vụ, Y tế", "Thường trực: Thành ủy, HĐND TP").
  const colon = /^([^:]+?)\s*:\s*(.+)$/u.exec(name);
  if (colon) {
    const [, head, items] = colon as unknown as [string, string, string];
    const r = directory.resolve(head);
    if (r?.to === "agencies") return resolutionLine(r);
    const each = partsOf(items)
      .map((p) => `${head} ${items.slice(p.start, p.end)}`)
      .join("; ");
    const distributed = resolveParts(each, directory);
    if (distributed.matches.length) return distributed;
    // "Phòng: TH, VX" is the issuer's; "Thường trực: Thành ủy, HĐND" is not, found or not.
    if (r && !onlyLeaders(head)) return resolutionLine(r);
  }
  return resolveParts(name, directory);
}

/** Several names in one line: the cover of its parts by names with the fewest parts unknown. */
function resolveParts(name: string, directory: Directory): LineResolution {
  const parts = partsOf(name);
  const unknown: LineResolution = {
    outcome: "unresolved",
    internal: null,
    matches: [],
    unmatched: [name],
    group: false,
    ambiguous: false,
  };
  if (parts.length < 2 || parts.length > MAX_PARTS) return unknown;
  type Step = { cost: number; segments: number; from: number; r: Resolution | null };
  const best: Array<Step | null> = [{ cost: 0, segments: 0, from: -1, r: null }];
  for (let j = 1; j <= parts.length; j++) {
    let pick: Step | null = null;
    for (let i = 0; i < j; i++) {
      const before = best[i]!;
      const r = directory.resolve(name.slice(parts[i]!.start, parts[j - 1]!.end));
      // An unknown stretch is one part at a time (joined again below).
      if (!r && j - i > 1) continue;
      const step = { cost: before.cost + (r ? 0 : 1), segments: before.segments + 1, from: i, r };
      if (
        !pick ||
        step.cost < pick.cost ||
        (step.cost === pick.cost && step.segments < pick.segments)
      )
        pick = step;
    }
    best.push(pick);
  }
  const end = best[parts.length]!;
  if (end.cost === parts.length) return unknown;
  const segments: Array<{ from: number; to: number; r: Resolution | null }> = [];
  for (let j = parts.length; j > 0;) {
    const s = best[j]!;
    segments.unshift({ from: s.from, to: j, r: s.r });
    j = s.from;
  }
  const matches: string[] = [];
  const unmatched: string[] = [];
  let group = false;
  let ambiguous = false;
  let open: { from: number; to: number } | null = null;
  const close = () => {
    if (open) unmatched.push(name.slice(parts[open.from]!.start, parts[open.to - 1]!.end));
    open = null;
  };
  for (const s of segments) {
    if (!s.r) {
      open = open ? { from: open.from, to: s.to } : { from: s.from, to: s.to };
      continue;
    }
    close();
    if (s.r.to === "agencies") {
      for (const id of s.r.ids) if (!matches.includes(id)) matches.push(id);
      group ||= s.r.group;
      ambiguous ||= !s.r.group && s.r.ids.length > 1;
    }
  }
  close();
  if (!matches.length && !unmatched.length)
    return { outcome: "internal", internal: "own", matches, unmatched, group, ambiguous };
  return {
    outcome: unmatched.length ? "unresolved" : "resolved",
    internal: null,
    matches,
    unmatched,
    group,
    ambiguous,
  };
}

function recipientsOf(lines: RecipientLine[]): RecipientPlan["recipients"] {
  const recipients = new Map<string, "action" | "copy">();
  for (const l of lines)
    for (const id of l.matches) if (recipients.get(id) !== "action") recipients.set(id, l.kind);
  return [...recipients].map(([agencyId, kind]) => ({ agencyId, kind }));
}

function planOf(lines: RecipientLine[], unresolved: RecipientLine[]): RecipientPlan {
  return {
    lines,
    recipients: recipientsOf(lines),
    needsConfirmation: lines.some((l) => l.needsConfirmation),
    unresolved: unresolved.map((l) => l.written),
  };
}

/**
 * The plan for a document from its Kính gửi and Nơi nhận lines (and its "Lưu" line), each line
 * with its outcome. "Như trên" in Nơi nhận means the addressees and adds nobody.
 */
export function resolveRecipients(input: {
  addressees: string[];
  recipients: string[];
  /** "Lưu: VT, TTBCXB": the archive, shown as an internal line. */
  archive?: string[];
  agencies: KnownAgency[];
  /** The issuer's province: "Đài Phát thanh và Truyền hình tỉnh" is that province's. */
  place: string | null;
  /** The issuer itself is never a recipient. */
  issuerId?: string;
  /** The issuer's units: a line naming one is internal. */
  units?: KnownUnit[];
}): RecipientPlan {
  const issuer = input.agencies.find((a) => a.id === input.issuerId) ?? null;
  const directory = new Directory(
    input.agencies.filter((a) => a.id !== input.issuerId),
    issuer,
    input.units ?? [],
    input.place,
  );
  const lines: RecipientLine[] = [];
  const add = (raw: string, kind: "action" | "copy") => {
    const { written, name, note } = splitRecipientLine(raw);
    if (!written) return;
    const r = resolveLine(name, directory);
    lines.push({
      text: name,
      written,
      note,
      kind,
      outcome: r.outcome,
      internal: r.internal,
      matches: r.matches,
      unmatched: r.unmatched,
      group: r.group,
      needsConfirmation: r.group || r.ambiguous,
    });
  };
  for (const a of input.addressees) add(a, "action");
  for (const r of input.recipients) add(r, "copy");
  const archive = (input.archive ?? []).map((a) => a.trim()).filter(Boolean);
  if (archive.length) {
    const written = `Lưu: ${archive.join(", ")}`;
    lines.push({
      text: written,
      written,
      note: null,
      kind: "copy",
      outcome: "internal",
      internal: "archive",
      matches: [],
      unmatched: [],
      group: false,
      needsConfirmation: false,
    });
  }
  return planOf(
    lines,
    lines.filter((l) => l.outcome === "unresolved"),
  );
}

/** The clerk's decision on one line: the agencies picked by hand, or none (not delivered). */
export interface LineDecision {
  kind: "action" | "copy";
  /** The line as the plan wrote it (`RecipientLine.written`). */
  line: string;
  agencyIds: string[];
}

export interface DecidedPlan {
  /** The plan with each decided line's agencies as the clerk picked them. */
  plan: RecipientPlan;
  /** Lines the clerk picked agencies for by hand. */
  picked: RecipientLine[];
  /** Lines the clerk chose to deliver to no one. */
  declined: RecipientLine[];
  /** Unresolved lines the clerk did not decide on: issued, delivered to no one, reported. */
  undecided: RecipientLine[];
  /** Decisions for lines the plan does not have (the draft changed since). */
  unknown: LineDecision[];
}

/**
 * The clerk's decisions applied to a plan: a decided line goes to the agencies picked (an empty
 * pick: to no one, deliberately), needs no more confirmation, and is no longer unresolved.
 */
export function applyDecisions(
  plan: RecipientPlan,
  decisions: LineDecision[],
  issuerId?: string,
): DecidedPlan {
  const keyOf = (kind: string, line: string) => `${kind}\n${foldKey(line)}`;
  const byLine = new Map<string, string[]>();
  for (const d of decisions) {
    const key = keyOf(d.kind, d.line);
    const ids = byLine.get(key) ?? [];
    for (const id of d.agencyIds) if (id !== issuerId && !ids.includes(id)) ids.push(id);
    byLine.set(key, ids);
  }
  const known = new Set(plan.lines.map((l) => keyOf(l.kind, l.written)));
  const unknown = decisions.filter((d) => !known.has(keyOf(d.kind, d.line)));
  const picked: RecipientLine[] = [];
  const declined: RecipientLine[] = [];
  const undecided: RecipientLine[] = [];
  const lines = plan.lines.map((l): RecipientLine => {
    const ids = byLine.get(keyOf(l.kind, l.written));
    if (!ids) {
      if (l.outcome === "unresolved") undecided.push(l);
      return l;
    }
    const decided: RecipientLine = {
      ...l,
      outcome: ids.length ? "resolved" : l.outcome,
      matches: ids,
      unmatched: [],
      group: false,
      needsConfirmation: false,
    };
    (ids.length ? picked : declined).push(decided);
    return decided;
  });
  return { plan: planOf(lines, undecided), picked, declined, undecided, unknown };
}
