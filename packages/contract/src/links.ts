/** Links between documents: citations both ways, the follow-on draft, the tree of follow-ons. */
import { z } from "zod";
import { ACTION_ROLES } from "@vanthu/core";
import { endpoint } from "./endpoint.ts";
import { day, documentSummary, id, type DocumentSummary } from "./common.ts";

export const documentLinks = z.strictObject({
  /** What the document cites, each linked to the record the reader may open, if any. */
  cites: z.array(
    z.strictObject({
      reference: z.string(),
      typeName: z.string().nullable(),
      date: day.nullable(),
      issuer: z.string().nullable(),
      document: documentSummary.nullable(),
    }),
  ),
  /** The documents (the reader may see) that cite it. */
  citedBy: z.array(documentSummary),
  /** The references cited that are not in the system. */
  unresolved: z.array(z.string()),
});
export type DocumentLinks = z.infer<typeof documentLinks>;

export interface ChainNode {
  document: DocumentSummary;
  agency: string;
  children: ChainNode[];
}
/** A node of the tree of follow-ons: the record, its agency, the follow-ons written from it. */
export const chainNode: z.ZodType<ChainNode> = z.strictObject({
  document: documentSummary,
  agency: z.string(),
  get children() {
    return z.array(chainNode);
  },
});

export const followOnReply = z.strictObject({
  id,
  parentId: id,
  subject: z.string().nullable(),
  paragraphs: z.array(z.string()),
});
export type FollowOnReply = z.infer<typeof followOnReply>;

export const linkEndpoints = {
  "GET /api/documents/:id/links": endpoint({
    summary:
      "What the document cites (linked where the reader can open it), what cites it, what is not in the system",
    tag: "links",
    auth: "optional",
    replies: "cites, citedBy, unresolved",
    reply: documentLinks,
    errors: { 404: "Not found" },
  }),
  "POST /api/documents/:id/follow-on": endpoint({
    summary:
      "A draft that carries out a received document: subject, a preamble citing it, its numbered items",
    tag: "links",
    auth: "session",
    roles: ACTION_ROLES.followOn,
    status: 201,
    replies: "The new draft: id, parent, subject, paragraphs",
    reply: followOnReply,
    errors: { 400: "Not a received document", 404: "Not found" },
  }),
  "GET /api/documents/:id/chain": endpoint({
    summary: "The tree of follow-on documents this one belongs to (for every agency in it)",
    tag: "links",
    auth: "session",
    replies: "The tree from its root",
    reply: chainNode,
    errors: { 404: "Not found or not in the chain" },
  }),
};
