/**
 * A draft's review (trình ký): sent up to a unit head or a leader, passed further up, approved,
 * sent back with comments or edited by the reviewer; each version kept, with a diff between two.
 */
import { z } from "zod";
import { REVIEW_ACTIONS, REVIEW_STATES } from "@vanthu/core";
import { endpoint } from "./endpoint.ts";
import { id, items, timestamp } from "./common.ts";

/** A person named in a review. */
export const reviewPerson = z.strictObject({
  id,
  fullName: z.string(),
  title: z.string().nullable(),
});
export type ReviewPerson = z.infer<typeof reviewPerson>;

export const reviewStepItem = z.strictObject({
  version: z.number().int(),
  action: z.enum(REVIEW_ACTIONS),
  actor: reviewPerson,
  /** Whom it was sent or forwarded to. */
  to: reviewPerson.nullable(),
  /** The leader the actor acted for (ủy quyền). */
  onBehalfOf: reviewPerson.nullable(),
  note: z.string().nullable(),
  at: timestamp,
});
export type ReviewStepItem = z.infer<typeof reviewStepItem>;

export const versionSummary = z.strictObject({
  version: z.number().int(),
  author: reviewPerson.nullable(),
  note: z.string().nullable(),
  createdAt: timestamp,
});
export type VersionSummary = z.infer<typeof versionSummary>;

/** Who drafted, reviewed and approved an outgoing document, and when. */
export const reviewBlock = z.strictObject({
  state: z.enum(REVIEW_STATES),
  /** The draft's current version (a version is kept when sent up or edited by a reviewer). */
  version: z.number().int(),
  draftedBy: reviewPerson.nullable(),
  draftedAt: timestamp,
  /** Whom it waits for (submitted), or who last had it (sent back). */
  reviewer: reviewPerson.nullable(),
  approvedBy: reviewPerson.nullable(),
  approvedAt: timestamp.nullable(),
  /** Oldest first. */
  steps: z.array(reviewStepItem),
  /** Oldest first. */
  versions: z.array(versionSummary),
});
export type ReviewBlock = z.infer<typeof reviewBlock>;

const note = z.string().trim().max(4000);

export const submitBodySchema = z.strictObject({
  /** A leader, or the head of the sender's unit (forward: a leader). */
  reviewerId: id,
  note: note.optional(),
});
export type SubmitBody = z.infer<typeof submitBodySchema>;

export const approveBodySchema = z.strictObject({
  note: note.optional(),
  /** The leader's PKCS#12 password, when their signer is one (never kept). */
  password: z.string().max(200).optional(),
});
export type ApproveBody = z.infer<typeof approveBodySchema>;

export const sendBackBodySchema = z.strictObject({
  /** The comments the author works from: required. */
  note: note.min(1, "Hãy ghi ý kiến để người soạn sửa."),
});
export type SendBackBody = z.infer<typeof sendBackBodySchema>;

export const reviewersQuerySchema = z.strictObject({
  /** Whom the reader may send the draft up to (submit) or pass it on to (forward). */
  for: z.enum(["submit", "forward"]).default("submit"),
});

export const reviewerItem = reviewPerson.extend({
  leader: z.boolean(),
  unitHead: z.boolean(),
  unit: z.string().nullable(),
});
export type ReviewerItem = z.infer<typeof reviewerItem>;

export const versionItem = versionSummary.extend({ text: z.string() });
export type VersionItem = z.infer<typeof versionItem>;

export const versionDiff = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  parts: z.array(z.strictObject({ op: z.enum(["equal", "insert", "delete"]), text: z.string() })),
  /** Words inserted and deleted. */
  inserted: z.number().int(),
  deleted: z.number().int(),
  /** The texts differ too much to be compared word by word in places: shown replaced. */
  coarse: z.boolean(),
});
export type VersionDiff = z.infer<typeof versionDiff>;

const stepErrors = {
  403: "Not the one it waits for (NOT_THE_REVIEWER), or not a leader (APPROVER_NOT_LEADER)",
  404: "Not found",
  409: "Not a draft, or a step its state does not allow (REVIEW_NOT_SUBMITTED, REVIEW_ALREADY_SUBMITTED, REVIEW_ALREADY_APPROVED)",
} as const;

export const reviewEndpoints = {
  "GET /api/documents/:id/reviewers": endpoint({
    summary:
      "Whom the reader may send the draft up to (the head of their unit, the leaders) or pass it on to (the leaders)",
    tag: "review",
    auth: "session",
    query: reviewersQuerySchema,
    replies: "The people, leaders first",
    reply: items(reviewerItem),
    errors: { 404: "Not found" },
  }),
  "POST /api/documents/:id/review/submit": endpoint({
    summary: "Send a draft up (trình) to a unit head or a leader with a note: its version is kept",
    tag: "review",
    auth: "session",
    body: submitBodySchema,
    replies: "The review as it stands",
    reply: reviewBlock,
    errors: {
      ...stepErrors,
      422: "Not a leader nor the head of the sender's unit (REVIEWER_NOT_ALLOWED)",
    },
  }),
  "POST /api/documents/:id/review/forward": endpoint({
    summary: "Pass a draft sent to the reader further up, to a leader, with a note",
    tag: "review",
    auth: "session",
    body: submitBodySchema,
    replies: "The review as it stands",
    reply: reviewBlock,
    errors: { ...stepErrors, 422: "Not a leader (REVIEWER_NOT_ALLOWED)" },
  }),
  "POST /api/documents/:id/review/approve": endpoint({
    summary:
      "Approve a draft sent to the reader (a leader, or a deputy acting for one): the clerk may issue it",
    tag: "review",
    auth: "session",
    body: approveBodySchema.prefault({}),
    replies: "The review as it stands",
    reply: reviewBlock,
    errors: stepErrors,
  }),
  "POST /api/documents/:id/review/send-back": endpoint({
    summary: "Send a draft back to its author with comments (required)",
    tag: "review",
    auth: "session",
    body: sendBackBodySchema,
    replies: "The review as it stands",
    reply: reviewBlock,
    errors: { ...stepErrors, 400: "No comments" },
  }),
  "GET /api/documents/:id/versions": endpoint({
    summary: "Every kept version of a draft, with its text, oldest first",
    tag: "review",
    auth: "session",
    replies: "The versions",
    reply: items(versionItem),
    errors: { 404: "Not found" },
  }),
  "GET /api/documents/:id/versions/:from/diff/:to": endpoint({
    summary: "What changed between two versions, word by word",
    tag: "review",
    auth: "session",
    replies: "The parts, equal, inserted and deleted",
    reply: versionDiff,
    errors: { 404: "Not found, or no such version (VERSION_NOT_FOUND)" },
  }),
};
