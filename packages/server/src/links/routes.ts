/**
 * Links between documents: what a document cites and what cites it (among the documents the
 * reader may see), the follow-on draft an agency writes from a document it received, and the
 * tree of a directive's follow-ons (central -> province -> department -> unit -> commune).
 */
import type { FastifyInstance } from "fastify";
import { composeFollowOn, type DateParts } from "@vanthu/core";
import type { DocumentRow } from "@vanthu/db";
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import type { OpenApiRegistry } from "../http/openapi.ts";
import { requireActor } from "../http/require-actor.ts";
import { loadDocument } from "../documents/load-document.ts";
import { createDraft } from "../documents/create-draft.ts";
import type { DocumentContent } from "../documents/document-content.ts";
import { summary } from "../documents/present.ts";
import { preferOwn, shownInTree, visibleTo } from "../documents/access.ts";

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
  "documents.created_at",
  "documents.agency_id",
  "documents.source_id",
] as const;

async function links(ctx: AppContext, actor: Actor | null, row: DocumentRow) {
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

interface ChainNode {
  document: ReturnType<typeof summary>;
  agency: string;
  children: ChainNode[];
}

/**
 * The tree of follow-ons a document belongs to, for an agency holding a record in it. Each node
 * is shown as the reader's own record when it holds one (its copy, which it can open), and only
 * when the access rule shows it in a tree (`shownInTree`): another agency's draft is left out.
 */
async function chain(ctx: AppContext, actor: Actor, start: DocumentRow): Promise<ChainNode> {
  // Up to the root: a copy leads to its original, a follow-on to the record it carries out.
  let root = start;
  for (let hops = 0; hops < 50; hops++) {
    const up = root.source_id ?? root.parent_id;
    if (!up) break;
    root = await ctx.db
      .selectFrom("documents")
      .selectAll()
      .where("id", "=", up)
      .executeTakeFirstOrThrow();
  }
  const names = new Map(
    (await ctx.db.selectFrom("agencies").select(["id", "name"]).execute()).map((a) => [
      a.id,
      a.name,
    ]),
  );
  const build = async (node: DocumentRow, depth: number): Promise<ChainNode> => {
    const copies = await ctx.db
      .selectFrom("documents")
      .selectAll()
      .where("source_id", "=", node.id)
      .execute();
    const own =
      node.agency_id === actor.agencyId ? node : copies.find((c) => c.agency_id === actor.agencyId);
    const children =
      depth < 10
        ? await ctx.db
            .selectFrom("documents")
            .selectAll()
            .where("parent_id", "in", [node.id, ...copies.map((c) => c.id)])
            .where("direction", "=", "outgoing")
            .where(shownInTree(actor))
            .orderBy("created_at")
            .execute()
        : [];
    return {
      document: summary(own ?? node),
      agency: names.get(node.agency_id) ?? "",
      children: await Promise.all(children.map((c) => build(c, depth + 1))),
    };
  };
  // The reader must hold a record in the tree (the record it asked from is its own).
  return build(root, 0);
}

export function registerLinkRoutes(app: FastifyInstance, ctx: AppContext, api: OpenApiRegistry) {
  app.get("/api/documents/:id/links", async (request) => {
    const { id } = request.params as { id: string };
    const row = await loadDocument(ctx.db, request.actor, id);
    return links(ctx, request.actor, row);
  });
  api.add({
    method: "GET",
    url: "/api/documents/:id/links",
    summary:
      "What the document cites (linked where the reader can open it), what cites it, what is not in the system",
    tag: "links",
    auth: "optional",
    responses: { 200: "{cites,citedBy,unresolved}", 404: "Not found" },
  });

  app.post("/api/documents/:id/follow-on", async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const parent = await loadDocument(ctx.db, actor, id, { own: true });
    if (parent.direction !== "incoming" || parent.status === "returned")
      throw fail("VALIDATION_FAILED", `document ${id} is not a received document`, [
        { path: "id", message: "Chỉ triển khai được văn bản đến của cơ quan mình." },
      ]);
    const agency = await ctx.db
      .selectFrom("agencies")
      .select("name")
      .where("id", "=", actor.agencyId)
      .executeTakeFirstOrThrow();
    const content = parent.content as DocumentContent;
    const followOn = composeFollowOn(
      {
        typeName: parent.type_name,
        reference: parent.reference,
        dateParts: content.dateParts as DateParts,
        issuer: parent.issuer_name,
        subject: parent.subject,
        paragraphs: content.paragraphs ?? [],
      },
      agency.name,
    );
    const { id: draftId } = await createDraft(
      ctx,
      actor,
      {
        fields: {
          typeCode: "CV",
          subject: followOn.subject ?? "triển khai thực hiện",
          addressees: [],
          paragraphs: followOn.paragraphs,
          recipients: ["Như trên"],
          archive: ["VT"],
        },
      },
      { parentId: parent.id },
    );
    const row = await loadDocument(ctx.db, actor, draftId);
    return reply.status(201).send({
      id: row.id,
      parentId: parent.id,
      subject: row.subject,
      paragraphs: followOn.paragraphs,
    });
  });
  api.add({
    method: "POST",
    url: "/api/documents/:id/follow-on",
    summary:
      "A draft that carries out a received document: subject, a preamble citing it, its numbered items",
    tag: "links",
    auth: "session",
    responses: { 201: "{id,parentId,subject,paragraphs}", 404: "Not found" },
  });

  app.get("/api/documents/:id/chain", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const row = await loadDocument(ctx.db, actor, id, { own: true });
    return chain(ctx, actor, row);
  });
  api.add({
    method: "GET",
    url: "/api/documents/:id/chain",
    summary: "The tree of follow-on documents this one belongs to (for every agency in it)",
    tag: "links",
    auth: "session",
    responses: { 200: "{document,agency,children}", 404: "Not found or not in the chain" },
  });
}
