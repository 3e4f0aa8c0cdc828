/**
 * What a document cites and what cites it, among the documents the reader may see: each citation
 * linked to the record the reader can open (their own first), and the references not in the
 * system.
 */
import type { DocumentLinks } from "@vanthu/contract";
import type { DocumentRow } from "@vanthu/db";
import type { AppContext, Actor } from "../context.ts";
import { summary } from "../documents/present.ts";
import { preferOwn, visibleTo } from "../documents/access.ts";

/** The columns a document summary is made of, and those the reader's preference needs. */
const SUMMARY_COLUMNS = [
  "documents.id",
  "documents.direction",
  "documents.status",
  "documents.reference",
  "documents.type_code",
  "documents.type_name",
  "documents.subject",
  "documents.issuer_name",
  "documents.document_date",
  "documents.is_public",
  "documents.urgency",
  "documents.secrecy",
  "documents.created_at",
  "documents.agency_id",
  "documents.source_id",
] as const;

export async function listLinks(
  ctx: AppContext,
  actor: Actor | null,
  row: DocumentRow,
): Promise<DocumentLinks> {
  const citations = await ctx.db
    .selectFrom("document_citations")
    .selectAll()
    .where("document_id", "=", row.id)
    .orderBy("position")
    .execute();
  const keys = citations.map((c) => c.reference_key);
  const targets = keys.length
    ? await ctx.db
        .selectFrom("documents")
        .select(SUMMARY_COLUMNS)
        .select("documents.reference_key")
        .where("documents.reference_key", "in", keys)
        .where(visibleTo(actor))
        .execute()
    : [];
  const cites = citations.map((c) => {
    const candidates = preferOwn(
      targets.filter(
        (t) =>
          t.reference_key === c.reference_key &&
          (!c.cited_date || !t.document_date || c.cited_date === t.document_date),
      ),
      actor,
    );
    const target = candidates.find((t) => actor && t.agency_id === actor.agencyId) ?? candidates[0];
    return {
      reference: c.reference,
      typeName: c.type_name,
      date: c.cited_date,
      issuer: c.issuer,
      document: target ? summary(target) : null,
    };
  });
  const citedBy = row.reference_key
    ? preferOwn(
        await ctx.db
          .selectFrom("documents")
          .innerJoin("document_citations as c", "c.document_id", "documents.id")
          .select(SUMMARY_COLUMNS)
          .where("c.reference_key", "=", row.reference_key)
          .where("documents.id", "!=", row.id)
          .where((eb) =>
            row.document_date
              ? eb.or([eb("c.cited_date", "is", null), eb("c.cited_date", "=", row.document_date)])
              : eb.lit(true),
          )
          .where(visibleTo(actor))
          .execute(),
        actor,
      ).filter((d) => d.id !== row.source_id && (d.source_id ?? d.id) !== (row.source_id ?? row.id))
    : [];
  return {
    cites,
    citedBy: citedBy.map(summary),
    unresolved: cites.filter((c) => !c.document).map((c) => c.reference),
  };
}
