import type { ParsedDocument } from "../model/parsed-document.ts";
import type { TextView } from "../text/lines.ts";

/**
 * The text view each parsed document was read from, for the linter to reuse (lint/diagnostic.ts
 * `makeRuleInput`: it builds its own only when the text differs or the document was not parsed
 * here, as one read back from JSON). Keeping it costs nothing more: the document's lazy
 * `paragraphs` holds the same view already.
 */
const views = new WeakMap<ParsedDocument, TextView>();

export function rememberView(doc: ParsedDocument, view: TextView): void {
  views.set(doc, view);
}

export function parsedView(doc: ParsedDocument): TextView | undefined {
  return views.get(doc);
}
