/**
 * The figures a recipient reports on a task: one vocabulary of codes, the Vietnamese label the
 * report form shows and the consolidated report prints, and the kinds of agency asked for each
 * (a newspaper is asked for articles, not broadcasts; a radio or television station for its
 * broadcasts; a district office for its own documents, meetings and banners). Agencies may still
 * send keys of their own through the API: those are shown by their key.
 */
import { AGENCY_KINDS, type AgencyKind } from "../model/vocabulary.ts";
import { foldKey } from "../text/vietnamese.ts";

/** The kinds of agency that run their own activities: meetings, documents, banners. */
const OFFICES = ["state", "party", "union"] as const satisfies readonly AgencyKind[];
const MEDIA = ["press", "broadcaster"] as const satisfies readonly AgencyKind[];

export interface FigureDefinition {
  /** The key in a report's figures ("articles"). */
  readonly code: string;
  /** The name on the report form and in the consolidated report ("Số tin, bài"). */
  readonly label: string;
  /** The kinds of agency whose report form asks for it. */
  readonly kinds: readonly AgencyKind[];
}

/** In the order the form lists them and the report prints them. */
export const FIGURES = [
  { code: "articles", label: "Số tin, bài", kinds: [...MEDIA, ...OFFICES] },
  { code: "columns", label: "Số chuyên trang, chuyên mục", kinds: MEDIA },
  { code: "broadcasts", label: "Số chương trình phát sóng", kinds: ["broadcaster"] },
  { code: "minutes", label: "Thời lượng phát sóng (phút)", kinds: ["broadcaster"] },
  { code: "documents", label: "Số văn bản chỉ đạo, triển khai", kinds: OFFICES },
  { code: "events", label: "Số hội nghị, sự kiện", kinds: OFFICES },
  { code: "people", label: "Số lượt người tham dự", kinds: OFFICES },
  { code: "banners", label: "Số băng rôn, khẩu hiệu, pa nô", kinds: OFFICES },
] as const satisfies readonly FigureDefinition[];

export type FigureCode = (typeof FIGURES)[number]["code"];

// A Map: the keys come from the agencies, and LABELS["constructor"] on an object is a function.
const LABELS = new Map<string, string>(FIGURES.map((f) => [f.code, f.label]));
const ORDER = new Map<string, number>(FIGURES.map((f, i) => [f.code, i]));

/** A figure's label; an agency's own key as it is. */
export const figureLabel = (code: string): string => LABELS.get(code) ?? code;

/**
 * The kinds an agency reports as. Its kind in the register decides; where that kind says little
 * ("other", or "state" for a body that is in fact a newspaper or a station), the name does, by
 * the words Vietnamese agencies' names begin with: "Báo ..." and "Tạp chí ..." are the press,
 * "Đài ..." (Phát thanh, Truyền hình, Truyền thanh) a broadcaster, and a "Trung tâm ..." with
 * "truyền thanh", "phát thanh" or "truyền hình" in its name both broadcasts and runs its own
 * activities. An agency of kind "other" whose name tells nothing is asked everything.
 */
export function reportingKinds(agency: { kind: AgencyKind; name: string }): AgencyKind[] {
  if (agency.kind === "press" || agency.kind === "broadcaster") return [agency.kind];
  const name = foldKey(agency.name);
  if (/^(?:bao|tap chi) /.test(name)) return ["press"];
  if (/^dai (?:phat thanh|truyen hinh|truyen thanh|pt-th|ptth)\b/.test(name))
    return ["broadcaster"];
  const broadcasts = /^trung tam .*\b(?:truyen thanh|phat thanh|truyen hinh)\b/.test(name);
  if (agency.kind === "other")
    return broadcasts ? ["state", "broadcaster"] : AGENCY_KINDS.filter((k) => k !== "other");
  if (agency.kind === "installation") return [];
  return broadcasts ? [agency.kind, "broadcaster"] : [agency.kind];
}

/** The figures the report form asks an agency for, in the vocabulary's order. */
export function figuresFor(agency: {
  kind: AgencyKind;
  name: string;
}): Array<(typeof FIGURES)[number]> {
  const kinds = reportingKinds(agency);
  return FIGURES.filter((f) => f.kinds.some((k: AgencyKind) => kinds.includes(k)));
}

/**
 * Figures as the report prints them: "Số tin, bài: 3; Số lượt người tham dự: 1.200", the
 * vocabulary's first, then an agency's own keys by name; zeros left out; "" when none.
 */
export function formatFigures(figures: Record<string, number>): string {
  const number = new Intl.NumberFormat("vi-VN");
  const order = (k: string) => ORDER.get(k) ?? FIGURES.length;
  return Object.entries(figures)
    .filter(([, v]) => typeof v === "number" && v > 0)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([k, v]) => `${figureLabel(k)}: ${number.format(v)}`)
    .join("; ");
}
