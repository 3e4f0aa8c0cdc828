import type { ParsedDocument } from "../model/parsed-document.ts";
import { makeRuleInput, type Diagnostic, type LintContext, type Rule } from "./diagnostic.ts";
import { linkDomain, signerName } from "./rules/agency.ts";
import { blanks } from "./rules/blanks.ts";
import { citationFormat } from "./rules/citation-format.ts";
import { dateBeforeCitation } from "./rules/date-before-citation.ts";
import { recipients } from "./rules/recipients.ts";
import { repeatedWord } from "./rules/repeated-word.ts";
import { signatureAuthority } from "./rules/signature-authority.ts";
import { symbolFormat } from "./rules/symbol-format.ts";
import { toneMarkStyle } from "./rules/tone-mark-style.ts";

/** The rules, in the order their findings are listed for equal positions. Documented in docs/lint-rules.md. */
export const RULES: ReadonlyArray<[string, Rule]> = [
  ["date-before-citation", dateBeforeCitation],
  ["repeated-word", repeatedWord],
  ["symbol-format", symbolFormat],
  ["blank-number/blank-date", blanks],
  ["signature-authority", signatureAuthority],
  ["recipients", recipients],
  ["tone-mark-style", toneMarkStyle],
  ["citation-format", citationFormat],
  ["link-domain", linkDomain],
  ["signer-name", signerName],
];

/**
 * Checks a parsed document against Decree 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW and itself. Pure:
 * what it knows beyond the text comes in `context`. Diagnostics are sorted by position.
 */
export function lintDocument(parsed: ParsedDocument, context: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const input = makeRuleInput(parsed, context, out);
  for (const [, rule] of RULES) rule(input);
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
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
