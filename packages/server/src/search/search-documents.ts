/**
 * Search: one box. Words match without diacritics ("tuyen truyen" finds "tuyên truyền"); a phrase
 * in quotes must appear as written, diacritics included; a reference typed loosely ("313 UBND
 * KGVX") goes straight to that document. Results are ranked within a bounded set of the newest
 * matches (ranking every match is the slow part), newest first among equals, with a highlighted
 * snippet. Only documents the reader may open are searched (access.ts `visibleTo`: a secret
 * document's words never reach another reader's results or snippets).
 */
import { sql } from "kysely";
import { escapeHtml } from "@vanthu/core";
import type { SearchQuery, SearchResult } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { preferOwn, visibleTo } from "../documents/access.ts";

/** How many of the newest matches are ranked. */
const RANKED = 300;
const OPEN = "\u0001";
const CLOSE = "\u0002";

/** A snippet safe to put in a page: the text escaped, the matches in <mark>. */
export function safeSnippet(raw: string): string {
  return escapeHtml(raw.replace(/\s+/g, " ").trim())
    .replaceAll(OPEN, "<mark>")
    .replaceAll(CLOSE, "</mark>");
}

/** A phrase typed without a single diacritic: matched folded, as the hint says. */
function isPlain(phrase: string): boolean {
  return !/[^ -~\s]/.test(phrase);
}

/**
 * Codes in a query ("1184/STTTT", "230-KH/TU", "09/2025/QĐ-UBND") as quoted phrases of their
 * parts, as vn_split_codes indexes them ("\"1184 STTTT\""); quoted text is left as typed, but
 * split alike.
 */
export function codesAsPhrases(q: string): string {
  const split = (t: string) => t.replace(/([^\s/-])[/-]+(?=[^\s/-])/gu, "$1 ");
  return q
    .split(/("[^"]*")/)
    .map((part) =>
      part.startsWith('"')
        ? split(part)
        : part.replace(/[^\s"]*[^\s/"-][/-]+[^\s/"-][^\s"]*/gu, (code) => `"${split(code)}"`),
    )
    .join("");
}

/** "313 UBND KGVX", "313/ubnd-kgvx" -> "313UBNDKGVX"; null when the query is not a reference. */
export function looseReference(q: string): string | null {
  const t = q.trim().replace(/^số\s*:?\s*/i, "");
  if (
    !/^\d{1,6}\s*[-/ .]\s*(?:\d{4}\s*[-/ .]\s*)?[\p{L}\d&]+(?:\s*[-/ .]\s*[\p{L}\d&]+){0,4}$/u.test(
      t,
    )
  )
    return null;
  const key = t
    .toUpperCase()
    .replace(/[-/. \s]/g, "")
    .replace(/^0+(?=\d)/, "");
  return /[A-ZĐ]/.test(key) ? key : null;
}

export async function searchDocuments(
  ctx: AppContext,
  actor: Actor | null,
  query: SearchQuery,
  /** The portal's agency page: that agency's documents only (two agencies may share a name). */
  scope: { agencyId?: string } = {},
): Promise<SearchResult> {
  // A reference goes straight to its document.
  const loose = looseReference(query.q);
  if (loose) {
    const rows = await ctx.db
      .selectFrom("documents")
      .select([
        "id",
        "reference",
        "subject",
        "issuer_name",
        "document_date",
        "type_code",
        "status",
        "agency_id",
        "source_id",
      ])
      .where(sql<string>`regexp_replace(reference_key, '[-/. ]', '', 'g')`, "=", loose)
      .where("reference_key", "is not", null)
      .where(visibleTo(actor))
      .$if(!!scope.agencyId, (q) => q.where("agency_id", "=", scope.agencyId!))
      .orderBy(sql`document_date desc nulls last`)
      .limit(20)
      .execute();
    if (rows.length) {
      // One row per document, the reader's own record first (their copy, not the original).
      const unique = preferOwn(rows, actor).sort(
        (a, b) => Number(b.agency_id === actor?.agencyId) - Number(a.agency_id === actor?.agencyId),
      );
      return {
        items: unique.map((r) => ({
          id: r.id,
          reference: r.reference,
          subject: r.subject,
          snippet: escapeHtml(r.subject ?? ""),
          issuer: r.issuer_name,
          date: r.document_date,
          typeCode: r.type_code,
          status: r.status,
        })),
        total: unique.length,
        match: { id: unique[0]!.id, reference: unique[0]!.reference },
      };
    }
  }

  // Quoted phrases with diacritics must appear as written (the `exact` vector: lower-cased, not
  // folded, with positions); typed without any, they match folded, as the other words do (the
  // `search` vector). Codes ("1184", "1184/STTTT", "230-KH") are indexed split at their slashes
  // and hyphens (vn_split_codes): typed, they are phrases of their parts. All words rank.
  const q = codesAsPhrases(query.q);
  const quoted = [...q.matchAll(/"([^"]{1,100})"/g)].map((m) => m[1]!.trim()).filter(Boolean);
  const phrases = quoted.filter((p) => !isPlain(p));
  const unquoted = q
    .replace(/"[^"]{1,100}"/g, (m) => (isPlain(m.slice(1, -1)) ? m : " "))
    .replace(/\s+/g, " ")
    .trim();
  const words = q.replace(/"/g, " ").trim();
  const tsquery = sql`websearch_to_tsquery('vn', ${words})`;
  // The newest matches, found by the indexes and stopped after RANKED in the date order; only
  // their ids and dates are read here, so no text vector is opened for the many that match.
  let candidates = ctx.db
    .selectFrom("documents")
    .select(["documents.id", "documents.document_date", "documents.created_at"])
    .where(visibleTo(actor));
  if (unquoted || !phrases.length)
    candidates = candidates.where(
      sql<boolean>`documents.search @@ websearch_to_tsquery('vn', ${unquoted || words})`,
    );
  for (const p of phrases)
    candidates = candidates.where(
      sql<boolean>`documents.exact @@ phraseto_tsquery('simple', vn_lower(${p}))`,
    );
  // A recipient finds its own copy, not the public original beside it (when the reader may see
  // that copy: a specialist not given it finds the public original).
  if (actor)
    candidates = candidates.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("documents as copy")
            .select("copy.id")
            .whereRef("copy.source_id", "=", "documents.id")
            .where("copy.agency_id", "=", actor.agencyId)
            .where(visibleTo(actor, "copy")),
        ),
      ),
    );
  if (scope.agencyId) candidates = candidates.where("documents.agency_id", "=", scope.agencyId);
  if (query.type) candidates = candidates.where("documents.type_code", "=", query.type);
  if (query.status) candidates = candidates.where("documents.status", "=", query.status);
  if (query.year)
    candidates = candidates
      .where("documents.document_date", ">=", `${query.year}-01-01`)
      .where("documents.document_date", "<=", `${query.year}-12-31`);
  if (query.issuer)
    candidates = candidates.where(
      sql<boolean>`to_tsvector('vn', coalesce(documents.issuer_name, '')) @@ plainto_tsquery('vn', ${query.issuer})`,
    );
  const newest = candidates
    .orderBy(sql`documents.document_date desc nulls last`)
    .orderBy("documents.created_at", "desc")
    .limit(RANKED);

  // Then those few are ranked (reference and subject weigh most) and paged.
  const rows = await ctx.db
    .with("newest", () => newest)
    .selectFrom("newest")
    .innerJoin("documents", "documents.id", "newest.id")
    .select([
      "documents.id",
      "documents.reference",
      "documents.subject",
      "documents.issuer_name",
      "documents.document_date",
      "documents.created_at",
      "documents.type_code",
      "documents.status",
      sql<number>`ts_rank_cd(documents.search, ${tsquery})`.as("rank"),
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy("rank", "desc")
    .orderBy(sql`documents.document_date desc nulls last`)
    .orderBy("documents.created_at", "desc")
    .orderBy("documents.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  // Snippets for the page only: ts_headline is the expensive part.
  const snippets = rows.length
    ? await ctx.db
        .selectFrom("documents")
        .select([
          "id",
          // The snippet comes from after the national motto, not from the header block.
          sql<string>`ts_headline('vn', ${sql`regexp_replace(left(body, 4000), '^.*?T[ựỰ] [dD][oO] *[-–] *H[ạẠ][nN][hH] [pP][hH][úÚ][cC]', '', 's')`}, ${tsquery}, ${`StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`})`.as(
            "snippet",
          ),
        ])
        .where(
          "id",
          "in",
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const snippetOf = new Map(snippets.map((s) => [s.id, s.snippet]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      subject: r.subject,
      snippet: safeSnippet(snippetOf.get(r.id) ?? ""),
      issuer: r.issuer_name,
      date: r.document_date,
      typeCode: r.type_code,
      status: r.status,
    })),
    total: rows.length ? Number(rows[0]!.total) : 0,
    // Only the newest RANKED matches are ranked: "total" is then at least that many.
    capped: rows.length > 0 && Number(rows[0]!.total) >= RANKED,
  };
}
