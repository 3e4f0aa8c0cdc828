/**
 * What a person sees while writing and reading: the ND30 layout as HTML and the linter's
 * findings, computed on the server so that the browser, the API and the issued PDF share one
 * layout and one rule set (with the agency's own profile: its names, portal, signers).
 */
import { z } from "zod";
import {
  composeText,
  layoutDocument,
  lintDocument,
  parseDocument,
  type AgencyProfile,
  type Diagnostic,
} from "@vanthu/core";
import { renderHtml } from "@vanthu/render";
import type { Agency, DocumentRow } from "@vanthu/db";
import type { AppContext, Actor } from "../context.ts";
import { vietnamDate } from "../context.ts";
import { fail } from "../errors.ts";
import { contentFromFields, draftFieldsSchema, type DocumentContent } from "./document-content.ts";

/** A draft being typed: like a draft's fields, but the subject may still be empty. */
export const previewSchema = draftFieldsSchema.extend({
  subject: z.string().max(1000).default(""),
});

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

export interface View {
  html: string;
  text: string;
  findings: Diagnostic[];
}

function view(
  content: DocumentContent,
  status: "draft" | "issued",
  profile: AgencyProfile,
  today: string,
): View {
  const text = composeText(content);
  const findings = lintDocument(parseDocument(text), { text, status, agency: profile, today });
  const html = renderHtml(layoutDocument(content), {
    title: content.subject ?? "",
    fragment: true,
  });
  return { html, text, findings };
}

/** The live preview of the compose page. */
export async function previewDraft(
  ctx: AppContext,
  actor: Actor,
  fields: z.infer<typeof previewSchema>,
): Promise<View> {
  const agency = await ctx.db
    .selectFrom("agencies")
    .selectAll()
    .where("id", "=", actor.agencyId)
    .executeTakeFirstOrThrow();
  const { content } = contentFromFields(agency, { ...fields, subject: fields.subject || " " });
  return view(content, "draft", await agencyProfile(ctx, agency), vietnamDate(ctx.now()));
}

/** A stored document as the reader sees it; lint findings only for its own agency. */
export async function viewDocument(
  ctx: AppContext,
  actor: Actor | null,
  row: DocumentRow,
): Promise<View> {
  const content = row.content as DocumentContent | null;
  if (!content || typeof content !== "object")
    throw fail("DOCUMENT_NOT_FOUND", `document ${row.id} has no content`);
  const own = !!actor && actor.agencyId === row.agency_id && row.direction === "outgoing";
  const agency = own
    ? await ctx.db
        .selectFrom("agencies")
        .selectAll()
        .where("id", "=", row.agency_id)
        .executeTakeFirstOrThrow()
    : null;
  const result = view(
    content,
    row.status === "draft" ? "draft" : "issued",
    agency ? await agencyProfile(ctx, agency) : {},
    vietnamDate(ctx.now()),
  );
  return own ? result : { ...result, findings: [] };
}
