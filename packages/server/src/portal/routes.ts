/**
 * The public portal, server-rendered so that search engines and browsers without JavaScript see
 * every word: "/" lists the documents agencies mark public (with search), "/van-ban/:id" shows
 * one in the ND30 layout with its PDF, "/co-quan/:code" one agency's, "/feed.atom" the feed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sql } from "kysely";
import { distinctAgencyNames, escapeHtml } from "@vanthu/core";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { isUuid, visibleTo } from "../documents/access.ts";
import { findDocumentFile } from "../documents/document-files.ts";
import { loadDocument } from "../documents/load-document.ts";
import { storedRendering } from "../documents/stored-rendering.ts";
import { ensureRenderedPdf } from "../documents/rendered-pdf.ts";
import { sendFile } from "../http/files.ts";
import { searchDocuments } from "../search/search-documents.ts";
import { PORTAL_VI as T } from "./messages.vi.ts";

const PAGE_SIZE = 20;
/**
 * Bounds on what an anonymous reader can ask for: pages beyond 500 (10,000 documents deep) are
 * refused as page 1 would be useless there, a query is cut at 200 characters, a feed has 50.
 */
const MAX_PAGE = 500;
const MAX_QUERY = 200;
const FEED_SIZE = 50;
const esc = escapeHtml;

/** A trích yếu as a heading: "tuyên truyền..." (as printed after V/v) -> "Tuyên truyền...". */
const heading = (s: string | null | undefined): string =>
  s ? s.charAt(0).toLocaleUpperCase("vi") + s.slice(1) : "";

/** "2026-11-20" -> "20/11/2026". */
export const viDate = (iso: string | null | undefined): string =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "";

interface Listed {
  id: string;
  reference: string | null;
  subject: string | null;
  issuer: string | null;
  date: string | null;
  snippet?: string;
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1b1e;background:#f6f7f9}
a{color:#0b5cad}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f59f00;outline-offset:2px}
header.site{background:#8b1a1a;color:#fff;padding:16px 20px}header.site a{color:#fff;text-decoration:none}
header.site h1{margin:0;font-size:1.4rem}header.site p{margin:4px 0 0;opacity:.9}
nav.top{display:flex;gap:16px;flex-wrap:wrap;justify-content:space-between;align-items:center;max-width:1100px;margin:0 auto}
main{max-width:1100px;margin:0 auto;padding:16px 20px}
form.search{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0 16px}form.search input{flex:1 1 280px;padding:10px;font-size:1rem;border:1px solid #868e96;border-radius:6px}
form.search select{padding:10px;border:1px solid #868e96;border-radius:6px;font-size:1rem;max-width:100%}
form.search button{padding:10px 18px;font-size:1rem;border:0;border-radius:6px;background:#0b5cad;color:#fff;cursor:pointer}
ol.docs{list-style:none;padding:0;margin:0}ol.docs li{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:12px 14px;margin-bottom:10px}
ol.docs .meta{color:#495057;font-size:.9rem}ol.docs .subject{font-weight:600;display:block;margin:2px 0}
ol.docs .snippet{font-size:.92rem;color:#343a40}mark{background:#ffe066;color:inherit}
.pager{display:flex;gap:16px;margin:16px 0}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:12px 16px}
dl.fields dt{color:#495057}dl.fields dd{margin:0}
.doc{overflow-x:auto;margin-top:16px}.actions{margin:12px 0;display:flex;gap:16px;flex-wrap:wrap}
footer.site{max-width:1100px;margin:24px auto;padding:0 20px;color:#495057;font-size:.9rem}
@media (max-width:600px){dl.fields{grid-template-columns:1fr}dl.fields dt{font-weight:600}}`;

function page(
  title: string,
  body: string,
  options: { feed?: string; description?: string } = {},
): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" type="image/svg+xml" href="/app/favicon.svg">
<title>${esc(title)}</title>
${options.description ? `<meta name="description" content="${esc(options.description)}">` : ""}
${options.feed ? `<link rel="alternate" type="application/atom+xml" title="${esc(T.feed)}" href="${esc(options.feed)}">` : ""}
<style>${CSS}</style>
<script src="/portal.js" defer></script>
</head>
<body>
<header class="site"><nav class="top"><div><h1><a href="/">${esc(T.title)}</a></h1><p>${esc(T.tagline)}</p></div><a href="/app/">${esc(T.staff)}</a></nav></header>
<main>
${body}
</main>
<footer class="site"><a href="${esc(options.feed ?? "/feed.atom")}">${esc(T.feed)}</a></footer>
</body>
</html>
`;
}

function listHtml(items: Listed[]): string {
  if (!items.length) return `<p>${esc(T.none)}</p>`;
  return `<ol class="docs">${items
    .map(
      (d) => `<li><a class="subject" href="/van-ban/${d.id}">${esc(heading(d.subject))}</a>
<span class="meta">${esc(d.reference)} · ${esc(viDate(d.date))} · ${esc(d.issuer)}</span>${
        d.snippet ? `<div class="snippet">${d.snippet}</div>` : ""
      }</li>`,
    )
    .join("\n")}</ol>`;
}

interface PortalAgency {
  id: string;
  code: string;
  /** The name, told apart from another agency's of the same name ("Văn phòng (UBND tỉnh ...)"). */
  label: string;
}

const AGENCY_COLUMNS = ["id", "code", "name", "parent_line", "place"] as const;

/** Agencies with their labels, distinct among those listed together (core's rule). */
function labelled(
  rows: Array<{
    id: string;
    code: string;
    name: string;
    parent_line: string | null;
    place: string | null;
  }>,
): PortalAgency[] {
  const labels = distinctAgencyNames(
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      parentLine: r.parent_line,
      place: r.place,
      code: r.code,
    })),
  );
  return rows.map((r) => ({ id: r.id, code: r.code, label: labels.get(r.id) ?? r.name }));
}

async function publicAgencies(ctx: AppContext) {
  return ctx.db
    .selectFrom("agencies")
    .select(AGENCY_COLUMNS.map((c) => `agencies.${c}` as const))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("documents")
          .select("documents.id")
          .whereRef("documents.agency_id", "=", "agencies.id")
          .where(visibleTo(null)),
      ),
    )
    .orderBy("agencies.name")
    .execute();
}

async function latest(
  ctx: AppContext,
  options: { agencyCode?: string; page: number; pageSize: number },
) {
  let q = ctx.db
    .selectFrom("documents")
    .innerJoin("agencies", "agencies.id", "documents.agency_id")
    .where(visibleTo(null))
    .where("documents.direction", "=", "outgoing");
  if (options.agencyCode) q = q.where("agencies.code", "=", options.agencyCode);
  // One row more than the page tells whether there is a next page; a count(*) over every
  // public document on each anonymous view would grow with the archive.
  const rows = await q
    .select([
      "documents.id",
      "documents.reference",
      "documents.subject",
      "documents.issuer_name as issuer",
      "documents.document_date as date",
      "documents.issued_at",
      "documents.type_name",
      "agencies.code as agency_code",
    ])
    .orderBy(sql`documents.document_date desc nulls last`)
    .orderBy("documents.issued_at", "desc")
    .limit(options.pageSize + 1)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  const hasNext = rows.length > options.pageSize;
  return { rows: rows.slice(0, options.pageSize), hasNext };
}

const pageOf = (v: unknown): number => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= MAX_PAGE ? n : 1;
};

function pager(base: string, current: number, hasNext: boolean): string {
  const link = (n: number) => `${base}${base.includes("?") ? "&" : "?"}trang=${n}`;
  return `<nav class="pager" aria-label="${esc(T.page(current))}">${
    current > 1 ? `<a href="${esc(link(current - 1))}">← ${esc(T.previous)}</a>` : ""
  }<span>${esc(T.page(current))}</span>${hasNext ? `<a href="${esc(link(current + 1))}">${esc(T.next)} →</a>` : ""}</nav>`;
}

/**
 * Where absolute links point: PUBLIC_URL when set. Never the request's Host header, which the
 * client chooses (a forged Host put the attacker's site into every reader's feed). Without
 * PUBLIC_URL the links are relative to the feed (RFC 4287 allows it; readers resolve them
 * against the address they fetched) and the ids are URNs.
 */
function atom(
  base: string | null,
  title: string,
  selfPath: string,
  rows: Awaited<ReturnType<typeof latest>>["rows"],
): string {
  const at = (path: string) => (base ? base + path : path);
  const feedId = base ? base + selfPath : `urn:vanthu:feed:${selfPath}`;
  const updated = rows[0]?.issued_at?.toISOString() ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<title>${esc(title)}</title>
<id>${esc(feedId)}</id>
<link rel="self" href="${esc(at(selfPath))}"/>
<link rel="alternate" type="text/html" href="${esc(at("/"))}"/>
<updated>${updated}</updated>
${rows
  .map(
    (r) => `<entry>
<id>urn:uuid:${r.id}</id>
<title>${esc(`${r.reference ?? ""} ${r.subject ?? ""}`.trim())}</title>
<link rel="alternate" type="text/html" href="${esc(at(`/van-ban/${r.id}`))}"/>
<link rel="enclosure" type="application/pdf" href="${esc(at(`/van-ban/${r.id}/ban-pdf`))}"/>
<updated>${(r.issued_at ?? new Date(0)).toISOString()}</updated>
<author><name>${esc(r.issuer)}</name></author>
<summary>${esc(`${r.type_name ?? ""} ${r.reference ?? ""} ngày ${viDate(r.date)}: ${r.subject ?? ""}`)}</summary>
</entry>`,
  )
  .join("\n")}
</feed>
`;
}

const PORTAL_JS = `document.addEventListener("change", function (e) {
  var t = e.target;
  if (t instanceof HTMLSelectElement && t.hasAttribute("data-navigate")) location.href = t.value;
});
`;

function html(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type("text/html; charset=utf-8").send(body);
}

/**
 * What a browser is shown at an address the service does not have: a page in Vietnamese with
 * the way to the portal and to the application (the API keeps its JSON error).
 */
export function notFoundPage(): string {
  return page(
    T.pageNotFound,
    `<h2>${esc(T.pageNotFound)}</h2><p>${esc(T.pageNotFoundText)}</p><p><a href="/">${esc(T.title)}</a> · <a href="/app/">${esc(T.staff)}</a></p>`,
  );
}

export function registerPortalRoutes(app: FastifyInstance, ctx: AppContext) {
  const listPage = async (request: FastifyRequest, reply: FastifyReply, agencyCode?: string) => {
    const query = request.query as Record<string, string | undefined>;
    const q = (query.q ?? "").trim().slice(0, MAX_QUERY);
    const current = pageOf(query.trang);
    const listed = await publicAgencies(ctx);
    // An agency of the system that has published nothing yet still has its page, with its name
    // (told apart from the listed ones of the same name, but not listed in the picker).
    const own =
      agencyCode && !listed.some((a) => a.code === agencyCode)
        ? await ctx.db
            .selectFrom("agencies")
            .select([...AGENCY_COLUMNS])
            .where("code", "=", agencyCode)
            .executeTakeFirst()
        : undefined;
    const named = labelled(own ? [...listed, own] : listed);
    const agencies = own ? named.slice(0, -1) : named;
    const agency = agencyCode ? named.find((a) => a.code === agencyCode) : undefined;
    if (agencyCode && !agency)
      return html(
        reply,
        page(T.title, `<h2>${esc(T.noAgency)}</h2><p><a href="/">${esc(T.back)}</a></p>`),
        404,
      );
    const base = agency ? `/co-quan/${agency.code}` : "/";
    const feed = agency ? `/co-quan/${agency.code}/feed.atom` : "/feed.atom";
    let list: string;
    let heading: string;
    let hasNext: boolean;
    if (q) {
      // An agency's page searches its own documents: by the agency, not by a name another
      // agency may share.
      const found = await searchDocuments(
        ctx,
        null,
        { q, page: current, pageSize: PAGE_SIZE },
        agency ? { agencyId: agency.id } : {},
      );
      heading = T.results(found.total, "capped" in found && !!found.capped);
      list = listHtml(found.items);
      hasNext = current * PAGE_SIZE < found.total || !!found.capped;
    } else {
      const { rows, hasNext: more } = await latest(ctx, {
        page: current,
        pageSize: PAGE_SIZE,
        ...(agency ? { agencyCode: agency.code } : {}),
      });
      heading = agency ? agency.label : T.latest;
      list = listHtml(rows);
      hasNext = more;
    }
    const form = `<form class="search" role="search" action="${esc(base)}" method="get">
<label for="q" class="visually-hidden" style="position:absolute;left:-9999px">${esc(T.searchLabel)}</label>
<input id="q" name="q" type="search" value="${esc(q)}" placeholder="${esc(T.searchPlaceholder)}">
<select aria-label="${esc(T.agencies)}" data-navigate>
<option value="/">${esc(T.allAgencies)}</option>
${agencies.map((a) => `<option value="/co-quan/${esc(a.code)}"${a.code === agency?.code ? " selected" : ""}>${esc(a.label)}</option>`).join("")}
</select>
<button type="submit">${esc(T.searchButton)}</button></form>`;
    const pagerBase = q ? `${base}?q=${encodeURIComponent(q)}` : base;
    return html(
      reply,
      page(
        agency ? `${agency.label} · ${T.title}` : T.title,
        `${form}<h2>${esc(heading)}</h2>${list}${pager(pagerBase, current, hasNext)}`,
        { feed, description: T.tagline },
      ),
    );
  };

  app.get("/", (request, reply) => listPage(request, reply));
  // The portal's one script, a file so that the CSP allows no inline script: the agency picker
  // goes to the agency's page when chosen (without JavaScript the search form still works).
  app.get("/portal.js", (_request, reply) =>
    reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(PORTAL_JS),
  );
  app.get("/co-quan/:code", (request, reply) =>
    listPage(request, reply, (request.params as { code: string }).code),
  );

  const publicDocument = async (id: string) => {
    if (!isUuid(id)) return null;
    try {
      const row = await loadDocument(ctx.db, null, id);
      return row.direction === "outgoing" ? row : null;
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    }
  };

  app.get("/van-ban/:id", async (request, reply) => {
    const row = await publicDocument((request.params as { id: string }).id);
    if (!row) return html(reply, page(T.title, `<p>${esc(T.notFound)}</p>`), 404);
    // The stored rendering: no layout and no linting per anonymous view.
    const rendered = await storedRendering(ctx, row);
    const agency = await ctx.db
      .selectFrom("agencies")
      .select(["code", "name"])
      .where("id", "=", row.agency_id)
      .executeTakeFirstOrThrow();
    // The issuer as the lists and the feed name it: the document's issuing body in full.
    const issuer = row.issuer_name ?? agency.name;
    const body = `<p><a href="/">← ${esc(T.back)}</a></p>
<h2>${esc(heading(row.subject))}</h2>
<dl class="fields">
<dt>${esc(T.reference)}</dt><dd>${esc(row.reference)}</dd>
<dt>${esc(T.date)}</dt><dd>${esc(viDate(row.document_date))}</dd>
<dt>${esc(T.type)}</dt><dd>${esc(row.type_name)}</dd>
<dt>${esc(T.issuer)}</dt><dd><a href="/co-quan/${esc(agency.code)}">${esc(issuer)}</a></dd>
<dt>${esc(T.signer)}</dt><dd>${esc(row.signer_name)}</dd>
</dl>
<div class="actions"><a href="/van-ban/${row.id}/ban-pdf" download>${esc(T.downloadPdf)}</a></div>
<div class="doc">${rendered}</div>`;
    return html(
      reply,
      page(`${row.reference ?? ""} ${row.subject ?? ""}`.trim(), body, {
        description: `${row.type_name ?? ""} ${row.reference ?? ""}: ${row.subject ?? ""}`,
      }),
    );
  });

  app.get("/van-ban/:id/ban-pdf", async (request, reply) => {
    const row = await publicDocument((request.params as { id: string }).id);
    if (!row) return html(reply, page(T.title, `<p>${esc(T.notFound)}</p>`), 404);
    await ensureRenderedPdf(ctx, row.id);
    const file = await findDocumentFile(ctx, [row.id], { role: "rendered" });
    if (!file) return html(reply, page(T.title, `<p>${esc(T.notFound)}</p>`), 404);
    return sendFile(reply, file);
  });

  const feed = async (request: FastifyRequest, reply: FastifyReply, agencyCode?: string) => {
    const { rows } = await latest(ctx, {
      page: 1,
      pageSize: FEED_SIZE,
      ...(agencyCode ? { agencyCode } : {}),
    });
    const title = agencyCode && rows[0] ? `${rows[0].issuer ?? agencyCode} · ${T.title}` : T.title;
    return reply
      .type("application/atom+xml; charset=utf-8")
      .send(atom(ctx.config.publicUrl, title, request.url.split("?")[0]!, rows));
  };
  app.get("/feed.atom", (request, reply) => feed(request, reply));
  app.get("/co-quan/:code/feed.atom", (request, reply) =>
    feed(request, reply, (request.params as { code: string }).code),
  );
}
