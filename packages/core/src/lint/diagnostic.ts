import type { ComposeField, FieldSpan } from "../compose/compose-text.ts";
import type { ParsedDocument } from "../model/parsed-document.ts";
import { parsedView } from "../parse/parsed-view.ts";
import { makeTextView, type TextView } from "../text/lines.ts";
import { normalizeText } from "../text/vietnamese.ts";
import { splitWords, type Words } from "../text/words.ts";
import { MESSAGES_VI, type MessageCatalog } from "./messages.vi.ts";

export type Severity = "error" | "warning" | "info";

/** A replacement of the text between `start` and `end`, offered only where it is safe. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

export interface Diagnostic {
  /** Stable code: the rule's name ("repeated-word"). */
  code: string;
  severity: Severity;
  /** For people, in Vietnamese (from the message catalog). */
  message: string;
  /** Offsets in the normalised text (see docs/parse-contract.md), 1-based line and column. */
  start: number;
  end: number;
  line: number;
  column: number;
  fix?: Fix;
  /** The values the message was filled with, for programs and other catalogs. */
  params?: Record<string, string>;
  /**
   * The compose form's field the finding is in, when the text was composed from fields
   * (`LintContext.fields`); absent for the parts the system writes (header, number, date) and
   * for a text linted on its own.
   */
  field?: ComposeField;
  /**
   * Where in that field: the item (a line of Kính gửi or Nơi nhận, a paragraph of the body; 0
   * for a field of one line) and offsets in the item's value as the form holds it.
   */
  fieldItem?: { index: number; start: number; end: number };
}

/** What the linter may know beyond the text. Every field is optional. */
export interface AgencyProfile {
  /** Names of the agency, as written in text ("Sở Thông tin và Truyền thông tỉnh Lạng Sơn"). */
  names?: string[];
  /** Abbreviations it uses in symbols ("STTTT"). */
  abbreviations?: string[];
  /** Hosts of its portal ("stttt.langson.gov.vn"). */
  portalDomains?: string[];
  /** People who usually sign, with their titles. */
  signers?: Array<{ name: string; title?: string }>;
}

export interface KnownDocument {
  reference: string;
  date?: string | null;
  issuer?: string | null;
  type?: string | null;
}

export interface LintContext {
  /** The text that was parsed (it is normalised here the same way the parser does). */
  text: string;
  /** Today's date (ISO); the linter has no clock of its own. */
  today?: string;
  /** "issued": blanks are errors; "draft" (the default): blanks are expected, reported as info. */
  status?: "draft" | "issued";
  agency?: AgencyProfile;
  /** Documents the linter may use to complete citations (the register, from issue 5). */
  knownDocuments?: KnownDocument[];
  /** Messages; Vietnamese by default. */
  messages?: MessageCatalog;
  /**
   * Where each field of the compose form was written in `text` (core's composeDocument), when
   * the text was composed from fields: each finding then carries the field it is in.
   */
  fields?: readonly FieldSpan[];
}

/** What each rule receives. */
export interface RuleInput {
  doc: ParsedDocument;
  view: TextView;
  /**
   * The runs of letters of the text (`/\p{L}+/gu` over `view.text`; `view.clean` has the same,
   * at the same offsets: it only blanks marks and spaces), split on first use, once for every
   * rule.
   */
  readonly words: Words;
  context: LintContext;
  /**
   * Reports a finding. `field` names the form field a finding is about when it has no text of
   * its own there (an empty signer's name, a missing "Lưu" line); otherwise the field is found
   * from the offsets. Either way it is kept only for a composed text.
   */
  report: (
    d: Omit<Diagnostic, "message" | "line" | "column" | "fieldItem"> & {
      params?: Record<string, string>;
    },
  ) => void;
}

export type Rule = (input: RuleInput) => void;

/**
 * Builds the view and the reporter shared by every rule. The view is the parser's own when `doc`
 * was parsed from this text (parse/parsed-view.ts), else it is made here. `onReport`, when
 * given, sees each finding before it is kept (to count it, or to stop the rules by throwing).
 */
export function makeRuleInput(
  doc: ParsedDocument,
  context: LintContext,
  out: Diagnostic[],
  onReport?: (d: { severity: Severity }) => void,
): RuleInput {
  // The parser's view holds normalised text: equal to the context's, it needs no normalising.
  const parsed = parsedView(doc);
  const view =
    parsed && (parsed.text === context.text || parsed.text === normalizeText(context.text))
      ? parsed
      : makeTextView(normalizeText(context.text));
  const catalog = context.messages ?? MESSAGES_VI;
  const lineStarts = view.lines.map((l) => l.start);
  const fields = context.fields;
  const report: RuleInput["report"] = ({ field: hint, ...d }) => {
    onReport?.(d);
    const line = lineIndex(lineStarts, d.start);
    const template =
      catalog[d.code]?.[d.params?.variant ?? "default"] ?? catalog[d.code]?.default ?? d.code;
    out.push({
      ...d,
      message: fill(template, d.params ?? {}),
      line: line + 1,
      column: d.start - lineStarts[line]! + 1,
      ...(fields?.length ? inField(fields, d.start, d.end, hint) : {}),
    });
  };
  let words: Words | undefined;
  return {
    doc,
    view,
    get words() {
      return (words ??= splitWords(view.text));
    },
    context,
    report,
  };
}

/** The field holding `start` (or the field named by the rule), and where in its value. */
function inField(
  fields: readonly FieldSpan[],
  start: number,
  end: number,
  hint: ComposeField | undefined,
): Pick<Diagnostic, "field" | "fieldItem"> {
  let lo = 0;
  let hi = fields.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fields[mid]!.start <= start) lo = mid;
    else hi = mid - 1;
  }
  const f = fields[lo]!;
  const inside = f.start <= start && start < Math.max(f.end, f.start + 1);
  if (hint && !(inside && f.field === hint)) return { field: hint };
  if (!inside) return {};
  if (f.index < 0) return { field: f.field };
  const clamp = (o: number) => Math.min(Math.max(o - f.valueStart, 0), f.valueEnd - f.valueStart);
  return {
    field: f.field,
    fieldItem: { index: f.index, start: clamp(start), end: clamp(Math.max(end, start)) },
  };
}

function lineIndex(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}
