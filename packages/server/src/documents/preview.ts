/**
 * What a person sees while writing and reading: the ND30 layout as HTML and the linter's
 * findings, computed on the server so that the browser, the API and the issued PDF share one
 * layout and one rule set (with the agency's own profile: its names, portal, signers).
 */
import type { DocumentView, PreviewInput } from "@vanthu/contract";
import {
  composeDocument,
  lintReport,
  parseDocument,
  type AgencyProfile,
  type ComposedText,
} from "@vanthu/core";
import type { Agency, DocumentRow } from "@vanthu/db";
import type { AppContext, Actor } from "../context.ts";
import { localDate } from "../context.ts";
import { fail } from "../errors.ts";
import { contentFromFields } from "./document-content.ts";
import { renderDocumentHtml, storedRendering } from "./stored-rendering.ts";
import { readContent } from "../stored-json.ts";

/**
 * The longest text the preview lays out and lints (about 100 pages; a long decree is 250,000).
 * Measured on the shared 2-core machine under load (load average 13): parse + lint take about
 * 0.8 s at 300,000 characters, 2.6 s at 1,000,000 and 5 s at 3,600,000 (the attack's draft,
 * which answered 78 MB). Longer texts can still be saved and issued; only the live preview,
 * run as people type, refuses them (PREVIEW_TOO_LONG).
 */
export const PREVIEW_MAX_CHARS = 300_000;
/** Findings sent to a page; the total is counted up to the core's stopAfter (10,000). */
export const MAX_FINDINGS = 300;

/** What the linter may know of an agency: its names, portal, and its leaders as signers. */
async function agencyProfile(ctx: AppContext, agency: Agency): Promise<AgencyProfile> {
  const leaders = await ctx.db
    .selectFrom("users")
    .select(["full_name", "title"])
    .where("agency_id", "=", agency.id)
    .where("disabled", "=", false)
    .where(({ eb, val }) => eb(val("leader"), "=", eb.fn.any("roles")))
    .execute();
  return {
    names: [agency.name],
    abbreviations: [agency.abbreviation],
    portalDomains: agency.portal_domain ? [agency.portal_domain] : [],
    signers: leaders.map((l) => ({ name: l.full_name, ...(l.title ? { title: l.title } : {}) })),
  };
}

/** The layout and the findings (the contract's DocumentView). */
export type View = DocumentView;

/** The findings on the composed text, each in the form field it comes from. */
function lintView(
  { text, fields }: ComposedText,
  status: "draft" | "issued",
  profile: AgencyProfile,
  today: string,
): Pick<View, "findings" | "findingsTotal" | "findingsTruncated" | "findingsComplete"> {
  const r = lintReport(
    parseDocument(text),
    { text, fields, status, agency: profile, today },
    { maxFindings: MAX_FINDINGS },
  );
  return {
    findings: r.diagnostics,
    findingsTotal: r.total,
    findingsTruncated: r.truncated,
    findingsComplete: r.complete,
  };
}

function assertPreviewable(text: string): void {
  if (text.length > PREVIEW_MAX_CHARS)
    throw fail("PREVIEW_TOO_LONG", `text of ${text.length} characters`, [
      {
        path: "paragraphs",
        message: `Nội dung dài ${text.length.toLocaleString("vi")} ký tự; xem trước tối đa ${PREVIEW_MAX_CHARS.toLocaleString("vi")} ký tự.`,
      },
    ]);
}

/** The live preview of the compose page. */
export async function previewDraft(
  ctx: AppContext,
  actor: Actor,
  fields: PreviewInput,
): Promise<View> {
  const agency = await ctx.db
    .selectFrom("agencies")
    .selectAll()
    .where("id", "=", actor.agencyId)
    .executeTakeFirstOrThrow();
  const { content } = contentFromFields(agency, { ...fields, subject: fields.subject || " " });
  const composed = composeDocument(content);
  assertPreviewable(composed.text);
  const profile = await agencyProfile(ctx, agency);
  return {
    html: renderDocumentHtml(content),
    text: composed.text,
    ...lintView(composed, "draft", profile, localDate(ctx, ctx.now())),
  };
}

/**
 * A stored document as the reader sees it. Lint findings only for its own agency: anyone else
 * (and the anonymous portal) gets the stored rendering and no linting at all, so a reader's view
 * costs a row read, not a parse and a lint of the whole text.
 */
export async function viewDocument(
  ctx: AppContext,
  actor: Actor | null,
  row: DocumentRow,
): Promise<View> {
  const content = readContent(row.content, row.id);
  const own = !!actor && actor.agencyId === row.agency_id && row.direction === "outgoing";
  const html = await storedRendering(ctx, row);
  const composed = composeDocument(content);
  if (!own)
    return {
      html,
      text: composed.text,
      findings: [],
      findingsTotal: 0,
      findingsTruncated: false,
      findingsComplete: true,
    };
  const agency = await ctx.db
    .selectFrom("agencies")
    .selectAll()
    .where("id", "=", row.agency_id)
    .executeTakeFirstOrThrow();
  const status = row.status === "draft" ? "draft" : "issued";
  return {
    html,
    text: composed.text,
    ...lintView(composed, status, await agencyProfile(ctx, agency), localDate(ctx, ctx.now())),
  };
}
