import type { ParsedDocument } from "../model/parsed-document.ts";
import {
  makeRuleInput,
  type Diagnostic,
  type LintContext,
  type Rule,
  type Severity,
} from "./diagnostic.ts";
import { linkDomain, signerName } from "./rules/agency.ts";
import { blankSigner } from "./rules/blank-signer.ts";
import { blanks } from "./rules/blanks.ts";
import { citationFormat } from "./rules/citation-format.ts";
import { dateBeforeCitation } from "./rules/date-before-citation.ts";
import { placeholders } from "./rules/placeholders.ts";
import { recipients } from "./rules/recipients.ts";
import { repeatedWord } from "./rules/repeated-word.ts";
import { signatureAuthority } from "./rules/signature-authority.ts";
import { subjectLength } from "./rules/subject-length.ts";
import { symbolFormat } from "./rules/symbol-format.ts";
import { toneMarkStyle } from "./rules/tone-mark-style.ts";

/** The rules, in the order their findings are listed for equal positions. Documented in docs/lint-rules.md. */
export const RULES: ReadonlyArray<[string, Rule]> = [
  ["date-before-citation", dateBeforeCitation],
  ["repeated-word", repeatedWord],
  ["symbol-format", symbolFormat],
  ["blank-number/blank-date", blanks],
  ["placeholder", placeholders],
  ["blank-signer", blankSigner],
  ["subject-length", subjectLength],
  ["signature-authority", signatureAuthority],
  ["recipients", recipients],
  ["tone-mark-style", toneMarkStyle],
  ["citation-format", citationFormat],
  ["link-domain", linkDomain],
  ["signer-name", signerName],
];

/** How many findings are kept, and after how many the rules stop. */
export interface LintLimits {
  /** Findings kept (the first by position); default 500. */
  maxFindings?: number;
  /**
   * After this many findings the remaining rules are not run and `complete` is false (`total`
   * is then a lower bound); default 10,000. A 3.6 MB draft of repeated words gave 400,002
   * findings (78 MB of JSON) and seconds of CPU; nobody reads past the first few hundred.
   * Infinity counts everything (the CLI, on the user's own machine).
   */
  stopAfter?: number;
}

export const DEFAULT_MAX_FINDINGS = 500;
export const DEFAULT_STOP_AFTER = 10_000;

export interface LintReport {
  /** The first `maxFindings` findings, sorted by position. */
  diagnostics: Diagnostic[];
  /** Every finding counted (a lower bound when `complete` is false). */
  total: number;
  /** More findings than `diagnostics` holds. */
  truncated: boolean;
  /** False when the rules stopped at `stopAfter`. */
  complete: boolean;
  /** Findings counted per severity (over `total`, not only the kept ones). */
  counts: Record<Severity, number>;
}

const byPosition = (a: Diagnostic, b: Diagnostic) =>
  a.start - b.start || a.end - b.end || a.code.localeCompare(b.code);

class StopLint extends Error {}

/**
 * Checks a parsed document against Decree 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW and itself. Pure:
 * what it knows beyond the text comes in `context`. Diagnostics are sorted by position; at most
 * `maxFindings` are kept (memory stays bounded whatever the text: the list is cut back to the
 * first by position whenever it doubles), and the rules stop after `stopAfter`.
 */
export function lintReport(
  parsed: ParsedDocument,
  context: LintContext,
  limits: LintLimits = {},
): LintReport {
  const max = Math.max(0, limits.maxFindings ?? DEFAULT_MAX_FINDINGS);
  const stopAfter = limits.stopAfter ?? DEFAULT_STOP_AFTER;
  const out: Diagnostic[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let total = 0;
  const input = makeRuleInput(parsed, context, out, (d) => {
    if (total >= stopAfter) throw new StopLint();
    total++;
    counts[d.severity]++;
    if (out.length >= 2 * max + 1) {
      out.sort(byPosition);
      out.length = max;
    }
  });
  let complete = true;
  try {
    for (const [, rule] of RULES) rule(input);
  } catch (e) {
    if (!(e instanceof StopLint)) throw e;
    complete = false;
  }
  out.sort(byPosition);
  if (out.length > max) out.length = max;
  return { diagnostics: out, total, truncated: total > out.length, complete, counts };
}

/** The findings alone (at most `maxFindings`, 500 by default), sorted by position. */
export function lintDocument(
  parsed: ParsedDocument,
  context: LintContext,
  limits: LintLimits = {},
): Diagnostic[] {
  return lintReport(parsed, context, limits).diagnostics;
}

/**
 * Applies the fixes that do not overlap one another, from the end of the text backwards, and
 * returns the new text. Only fixes that a rule marked safe exist.
 */
export function applyFixes(
  text: string,
  diagnostics: readonly Diagnostic[],
): { text: string; applied: number } {
  const fixes = diagnostics
    .map((d) => d.fix)
    .filter((f): f is NonNullable<Diagnostic["fix"]> => !!f)
    .sort((a, b) => b.start - a.start);
  let out = text;
  let applied = 0;
  let limit = Infinity;
  for (const f of fixes) {
    if (f.end > limit) continue;
    out = out.slice(0, f.start) + f.text + out.slice(f.end);
    limit = f.start;
    applied++;
  }
  return { text: out, applied };
}
