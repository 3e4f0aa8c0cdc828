/**
 * Search: one box. Words match without diacritics ("tuyen truyen" finds "tuyên truyền"); a phrase
 * in quotes must appear as written, diacritics included; a reference typed loosely ("313 UBND
 * KGVX") goes straight to that document. Results come in a fixed order that does not need every
 * match to be read: matches in the reference, subject or issuer first, then matches in the body,
 * newest first within each; a page is read in that order and stops one past it (the body is not
 * read when the head's matches fill the page), with a highlighted snippet. Only documents the
 * reader may open are searched (access.ts `visibleTo`: a secret
 * document's words never reach another reader's results or snippets).
 */
import { sql } from "kysely";
import { escapeHtml, foldKey } from "@vanthu/core";
import type { SearchQuery, SearchResult } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { preferOwn, visibleTo } from "../documents/access.ts";

const OPEN = "\u0001";
const CLOSE = "\u0002";
/** A snippet: up to two fragments of about this many words, around the words found. */
const FRAGMENT_WORDS = 35;
const FRAGMENTS = 2;

/** A snippet safe to put in a page: the text escaped, the matches in <mark>. */
export function safeSnippet(raw: string): string {
  return escapeHtml(raw.replace(/\s+/g, " ").trim())
    .replaceAll(OPEN, "<mark>")
    .replaceAll(CLOSE, "</mark>");
}

/** Lower case without diacritics, one character for one (đ to d), so positions are kept. */
/** The letters a folded letter stands for. */
const VARIANTS: Record<string, string> = {
  a: "aàáảãạăằắẳẵặâầấẩẫậ",
  d: "dđ",
  e: "eèéẻẽẹêềếểễệ",
  i: "iìíỉĩị",
  o: "oòóỏõọôồốổỗộơờớởỡợ",
  u: "uùúủũụưừứửữự",
  y: "yỳýỷỹỵ",
};

/** A word of the query as a pattern matching it with or without diacritics, in any case. */
function foldedPattern(word: string): string {
  return [...word.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase()]
    .map((c) => (VARIANTS[c] ? `[${VARIANTS[c]}]` : c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
}

/**
 * The text of a snippet: up to two fragments of the window, each of about 35 words from a little
 * before a word of the query (and a few after the last one it holds), joined by " … ", the
 * query's words (matched folded with core's `foldKey`, as the search matches them) between OPEN
 * and CLOSE; without any, the window's first words.
 */
export function highlight(window: string, words: string): string {
  const wanted = new Set(
    (words.match(/[\p{L}\p{N}]+/gu) ?? []).map(foldKey).filter((w) => w.length > 0),
  );
  const tokens = [...window.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    hit: wanted.has(foldKey(m[0])),
  }));
  if (!tokens.length) return "";
  const fragments: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length && fragments.length < FRAGMENTS; i++) {
    if (!tokens[i]!.hit) continue;
    const from = Math.max(i - 5, fragments.length ? fragments.at(-1)![1] : 0);
    let to = Math.min(tokens.length, from + FRAGMENT_WORDS);
    // A word found near the end keeps a few words after it (up to 15 more).
    const lastHit = tokens.slice(from, to).findLastIndex((t) => t.hit) + from;
    to = Math.min(tokens.length, Math.max(to, Math.min(lastHit + 6, from + FRAGMENT_WORDS + 15)));
    fragments.push([from, to]);
    i = to - 1;
  }
  if (!fragments.length) fragments.push([0, Math.min(tokens.length, FRAGMENT_WORDS)]);
  return fragments
    .map(([from, to]) => {
      let out = "";
      let at = tokens[from]!.start;
      for (let k = from; k < to; k++) {
        const t = tokens[k]!;
        out += window.slice(at, t.start);
        const word = window.slice(t.start, t.end);
        out += t.hit ? `${OPEN}${word}${CLOSE}` : word;
        at = t.end;
      }
      return out;
    })
    .join(" … ");
}

/**
 * About 1,000 characters of a body for its snippet: from the national motto on, around the first
 * word of the query that it holds (whole words, with or without diacritics), else its beginning.
 */
export function snippetWindow(body: string, words: string): string {
  return windowOf(body, words).window;
}

/** The window, whether a word of the query was found, and where the window ends in `body`. */
function windowOf(body: string, words: string): { window: string; found: boolean; end: number } {
  const motto = /t[ựỰ] d[oO] *[-–] *h[ạẠ]nh ph[úÚ]c/i.exec(body.slice(0, 4000));
  const from = motto ? motto.index + motto[0].length : 0;
  const text = body.slice(from);
  let at = -1;
  for (const w of words.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    const m = new RegExp(`(?<![\\p{L}\\p{N}])${foldedPattern(w)}(?![\\p{L}\\p{N}])`, "iu").exec(
      text,
    );
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  const start = at < 300 ? 0 : text.lastIndexOf(" ", at - 300) + 1;
  return { window: text.slice(start, start + 1000), found: at >= 0, end: from + start + 1000 };
}

/** Characters of each body read first for the page's snippets: most find their window there. */
const SNIPPET_PREFIX = 6000;

/**
 * The window from the first characters of a body, or null when they cannot tell it (no word of
 * the query among them, or the window would run past them) and the body is longer.
 */
export function windowFromPrefix(prefix: string, words: string, longer: boolean): string | null {
  const w = windowOf(prefix, words);
  return !longer || (w.found && w.end <= prefix.length) ? w.window : null;
}

/** A phrase typed without a single diacritic: matched folded, as the hint says. */
function isPlain(phrase: string): boolean {
  return !/[^ -~\s]/.test(phrase);
}

/** A code written unquoted in a query: letters or digits with slashes or hyphens between them. */
const CODE = /[^\s"]*[^\s/"-][/-]+[^\s/"-][^\s"]*/gu;
/** A code's parts as vn_split_codes indexes them ("1184/STTTT" -> "1184 STTTT"). */
const splitCode = (t: string) => t.replace(/([^\s/-])[/-]+(?=[^\s/-])/gu, "$1 ");

/**
 * Codes in a query ("1184/STTTT", "230-KH/TU", "09/2025/QĐ-UBND") as quoted phrases of their
 * parts, as vn_split_codes indexes them ("\"1184 STTTT\""); quoted text is left as typed, but
 * split alike.
 */
export function codesAsPhrases(q: string): string {
  return q
    .split(/("[^"]*")/)
    .map((part) =>
      part.startsWith('"') ? splitCode(part) : part.replace(CODE, (code) => `"${splitCode(code)}"`),
    )
    .join("");
}

/** The codes written unquoted in a query, split into their parts ("97/HD" -> "97 HD"). */
export function codesIn(q: string): string[] {
  return q
    .split(/("[^"]*")/)
    .filter((part) => !part.startsWith('"'))
    .flatMap((part) => [...part.matchAll(CODE)].map((m) => splitCode(m[0])));
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

/**
 * The parts of a query: all its words (ranking, snippets, the head), the words matched folded
 * (unquoted, and phrases typed without diacritics, still quoted), the phrases as written; and for
 * the body, the codes typed (matched in the body's codes, `documents.codes`) apart from the rest.
 */
export function parseQuery(text: string): {
  words: string;
  unquoted: string;
  phrases: string[];
  codes: string[];
  /** Without the codes: the words matched folded, and the phrases as written. */
  rest: { unquoted: string; phrases: string[] };
} {
  const q = codesAsPhrases(text);
  const quoted = [...q.matchAll(/"([^"]{1,100})"/g)].map((m) => m[1]!.trim()).filter(Boolean);
  const phrases = quoted.filter((p) => !isPlain(p));
  const keep = (m: string) => (isPlain(m.slice(1, -1)) ? m : " ");
  const unquoted = q
    .replace(/"[^"]{1,100}"/g, keep)
    .replace(/\s+/g, " ")
    .trim();
  const words = q.replace(/"/g, " ").trim();
  const codes = codesIn(text).filter((c) => c.length <= 100);
  // The query without its codes, parsed alike.
  const bare = codesAsPhrases(
    text
      .split(/("[^"]*")/)
      .map((part) => (part.startsWith('"') ? part : part.replace(CODE, " ")))
      .join(""),
  );
  const rest = {
    unquoted: bare
      .replace(/"[^"]{1,100}"/g, keep)
      .replace(/\s+/g, " ")
      .trim(),
    phrases: [...bare.matchAll(/"([^"]{1,100})"/g)]
      .map((m) => m[1]!.trim())
      .filter((p) => p && !isPlain(p)),
  };
  return { words, unquoted, phrases, codes, rest };
}

/**
 * The query matched in the head (reference, subject, issuer): those matches come first. A phrase
 * with diacritics is matched as written in the head's own vector (`head_exact`, kept in the row
 * and indexed; a match as written is a match folded), not in `exact`, which holds the body too
 * (about 14 KB a document, kept apart): checking it for every match in the head was most of a
 * phrase's time.
 */
export function headMatch({ unquoted, phrases }: ReturnType<typeof parseQuery>) {
  const parts = phrases.map(
    (p) => sql`documents.head_exact @@ phraseto_tsquery('simple', vn_lower(${p}))`,
  );
  if (unquoted || !phrases.length)
    parts.unshift(
      sql`documents.head @@ websearch_to_tsquery('vn', ${unquoted || phrases.join(" ")})`,
    );
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
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
      .where("reference_loose", "=", loose)
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
  const { words, unquoted, phrases, codes, rest } = parseQuery(query.q);
  // Every match, found by the indexes; `head` keeps to the matches in the reference, subject or
  // issuer (a small vector kept in the row), `body` to the others.
  const matching = (part: "head" | "body") => {
    let m = ctx.db
      .selectFrom("documents")
      .select(["documents.id", "documents.document_date", "documents.created_at"])
      .where(visibleTo(actor));
    // A match in the head is a match (the head's words are in `search`): the head part does
    // not name `search`, so that the planner cannot take its index and filter 60,000 rows.
    if (part === "body") {
      // In the body, a code typed is looked up in the body's codes (`codes`, small, in the row,
      // its index with statistics), as written too when typed with a diacritic; the other words
      // in `search`, the other phrases as written in `exact`.
      if (rest.unquoted || (!rest.phrases.length && !codes.length))
        m = m.where(
          sql<boolean>`documents.search @@ websearch_to_tsquery('vn', ${rest.unquoted || words})`,
        );
      for (const c of codes) {
        m = m.where(sql<boolean>`documents.codes @@ phraseto_tsquery('vn', ${c})`);
        if (!isPlain(c))
          m = m.where(sql<boolean>`documents.exact @@ phraseto_tsquery('simple', vn_lower(${c}))`);
      }
      for (const p of rest.phrases)
        m = m.where(sql<boolean>`documents.exact @@ phraseto_tsquery('simple', vn_lower(${p}))`);
    }
    const inHead = headMatch({ words, unquoted, phrases, codes, rest });
    if (part === "head") m = m.where(inHead);
    if (part === "body") m = m.where(sql<boolean>`NOT (${inHead})`);
    // A recipient finds its own copy, not the public original beside it (when the reader may
    // see that copy: a specialist not given it finds the public original).
    if (actor)
      m = m.where(({ not, exists, selectFrom }) =>
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
    if (scope.agencyId) m = m.where("documents.agency_id", "=", scope.agencyId);
    if (query.type) m = m.where("documents.type_code", "=", query.type);
    if (query.status) m = m.where("documents.status", "=", query.status);
    if (query.year)
      m = m
        .where("documents.document_date", ">=", `${query.year}-01-01`)
        .where("documents.document_date", "<=", `${query.year}-12-31`);
    if (query.issuer)
      m = m.where(
        sql<boolean>`to_tsvector('vn', coalesce(documents.issuer_name, '')) @@ plainto_tsquery('vn', ${query.issuer})`,
      );
    return m;
  };
  // A code's matches in the body are taken from its index, never by walking the date index:
  // the planner takes a code's parts for independent words, expects thousands of matches and
  // would test every row (1.6 s at 300k for "97/HD", found in none). The date written `+ 0` is
  // the same order, which no index gives.
  const newest = <T extends ReturnType<typeof matching>>(m: T, n: number, walk = true) =>
    m
      .orderBy(
        walk
          ? sql`documents.document_date desc nulls last`
          : sql`(documents.document_date + 0) desc nulls last`,
      )
      .orderBy("documents.created_at", "desc")
      // Copies made by one issue share the date and the time: the id keeps pages apart.
      .orderBy("documents.id")
      .limit(n);

  // The order: matches in the head first, then matches in the body only; newest first within
  // each. Each part is read in the date order and stops one past the page (ranking or counting
  // every match is what grows with the archive: at 1M documents most of them hold the common
  // words, and a common word's matches in the head alone are some 10,000 rows), so only a page
  // of ids and dates is read, and no body vector is opened for the many that match. What lies
  // beyond the page is not counted: `capped` says there is more.
  const wanted = query.page * query.pageSize;
  const page = await ctx.db.transaction().execute(async (trx) => {
    // Bitmaps of many matches stay exact instead of going lossy (and rechecking every vector).
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    const run = <T extends ReturnType<typeof matching>>(m: T) =>
      trx.executeQuery(m.compile()) as Promise<{
        rows: Array<{ id: string; document_date: string | null; created_at: Date }>;
      }>;
    const limit = wanted + 1;
    const head = (await run(newest(matching("head"), limit))).rows;
    // Matches in the body come after all those in the head: when the head's fill the page, the
    // body is not read (its matches' vectors are checked one by one).
    const body =
      head.length < limit
        ? (await run(newest(matching("body"), limit - head.length, !codes.length))).rows
        : [];
    const all = [...head, ...body];
    const more = all.length > wanted;
    return {
      ids: all.slice(wanted - query.pageSize, wanted).map((r) => r.id),
      total: more ? wanted : all.length,
      capped: more,
    };
  });
  // The page's rows with the first characters of their bodies (a body is decompressed as far as
  // it is read: 20 bodies of 30,000 characters were most of a page's time); the few whose
  // snippet lies further in are read again, further.
  const found = page.ids.length
    ? await ctx.db
        .selectFrom("documents")
        .select([
          "id",
          "reference",
          "subject",
          "issuer_name",
          "document_date",
          "type_code",
          "status",
          sql<string>`left(body, ${sql.lit(SNIPPET_PREFIX)})`.as("prefix"),
          // Bytes, read from the stored value's header: not longer when it is not.
          sql<boolean>`coalesce(octet_length(body), 0) > ${sql.lit(SNIPPET_PREFIX)}`.as("longer"),
        ])
        .where("id", "in", page.ids)
        .execute()
    : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = page.ids.map((id) => byId.get(id)!).filter(Boolean);

  // Snippets for the page only, from a window of the body around the first word of the query
  // (after the national motto), its words marked here (`highlight`): ts_headline did the same in
  // the database, parsing each window again, about 15 ms a page.
  const windows = new Map(
    rows.map((r) => [r.id, windowFromPrefix(r.prefix ?? "", words, r.longer)]),
  );
  const further = rows.filter((r) => windows.get(r.id) === null).map((r) => r.id);
  if (further.length)
    for (const r of await ctx.db
      .selectFrom("documents")
      .select(["id", sql<string>`left(body, 30000)`.as("head_of_body")])
      .where("id", "in", further)
      .execute())
      windows.set(r.id, snippetWindow(r.head_of_body ?? "", words));
  const snippetOf = new Map(rows.map((r) => [r.id, highlight(windows.get(r.id) ?? "", words)]));
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
    total: page.total,
    // More matches than the pages read so far: "total" is then less than their number.
    capped: page.capped,
  };
}
