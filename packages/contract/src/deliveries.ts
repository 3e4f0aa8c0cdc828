/** Delivery: the plan before issuing, the statuses for the issuer, the recipient's actions. */
import { z } from "zod";
import { ACTION_ROLES, INTERNAL_REASONS, LINE_OUTCOMES, PROGRESS_STATUSES } from "@vanthu/core";
import { endpoint } from "./endpoint.ts";
import { agencyRef, deliveryKind, deliveryStatus, id, items, timestamp } from "./common.ts";

export const returnSchema = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
export const progressSchema = z.strictObject({ status: z.enum(PROGRESS_STATUSES) });

/**
 * A Kính gửi or Nơi nhận line and its outcome: resolved (the agencies it names), internal
 * (delivered to no one by design: "Như trên", "Lưu", the issuer's leaders and units) or
 * unresolved (no known agency: the clerk picks by hand or declines, in the issue request).
 */
export const recipientLine = z.strictObject({
  /** The name the line gives, without its note. */
  text: z.string(),
  /** The line as written ("UBND tỉnh (để b/c)"): the key of a decision in `lines`. */
  written: z.string(),
  /** What follows the name: "để b/c", "để biết". */
  note: z.string().nullable(),
  kind: deliveryKind,
  outcome: z.enum(LINE_OUTCOMES),
  /** Why an internal line is delivered to no one: the addressees above, the archive, the issuer's own. */
  internal: z.enum(INTERNAL_REASONS).nullable(),
  matches: z.array(id),
  /** The parts of the line no agency was found for. */
  unmatched: z.array(z.string()),
  group: z.boolean(),
  needsConfirmation: z.boolean(),
});
export type RecipientLine = z.infer<typeof recipientLine>;

export const deliveryPlan = z.strictObject({
  lines: z.array(recipientLine),
  /** Every agency matched, each once, with the strongest kind (action over copy). */
  recipients: z.array(z.strictObject({ agencyId: id, kind: deliveryKind })),
  needsConfirmation: z.boolean(),
  /**
   * The lines (as written) naming, wholly or in part, no known agency: to decide on before
   * issuing; issued undecided, they reach no one and the issue reply lists them.
   */
  unresolved: z.array(z.string()),
  /** The agencies the lines name, by id. */
  agencies: z.record(z.string(), agencyRef),
});
export type DeliveryPlan = z.infer<typeof deliveryPlan>;

/** One recipient of an issued document, as its issuer follows it. */
export const delivery = z.strictObject({
  id,
  agency: agencyRef,
  kind: deliveryKind,
  line: z.string().nullable(),
  status: deliveryStatus,
  sentAt: timestamp,
  returnedAt: timestamp.nullable(),
  returnReason: z.string().nullable(),
  registeredAt: timestamp.nullable(),
  assignedAt: timestamp.nullable(),
  inProgressAt: timestamp.nullable(),
  doneAt: timestamp.nullable(),
  /** What the recipient did: the summary it gave with 06. */
  result: z.string().nullable(),
  /** The recipient's reply, as the issuer's own received copy of it. */
  reply: z.strictObject({ id, reference: z.string().nullable() }).nullable(),
  /**
   * To an agency of another system (`agency.code` is then its identifier): how its last package
   * went (pending, sent, failed with the reason).
   */
  exchange: z
    .strictObject({
      organId: z.string(),
      messageId: id.nullable(),
      state: z.enum(["pending", "sent", "failed", "received", "refused"]).nullable(),
      errorCode: z.string().nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
  /** A recall: asked (13), accepted (15) or refused (16), its reason and the answer. */
  recall: z
    .strictObject({
      status: z.enum(["13", "15", "16"]),
      reason: z.string().nullable(),
      answer: z.string().nullable(),
      recalledAt: timestamp.nullable(),
      answeredAt: timestamp.nullable(),
    })
    .nullable(),
});
export type Delivery = z.infer<typeof delivery>;

export const deliveryEndpoints = {
  "GET /api/documents/:id/delivery-plan": endpoint({
    summary:
      "Who the document goes to: each Kính gửi and Nơi nhận line resolved, internal or unresolved (groups to confirm)",
    tag: "delivery",
    auth: "session",
    replies: "The lines and their outcomes, the recipients, whether to confirm, the agencies named",
    reply: deliveryPlan,
    errors: { 404: "Not found", 409: "An incoming document (NOT_DELIVERED)" },
  }),
  "GET /api/documents/:id/deliveries": endpoint({
    summary: "The issuer's view: each recipient's status (01 arrived ... 06 done) and times",
    tag: "delivery",
    auth: "session",
    replies: "Each recipient, by name",
    reply: items(delivery),
    errors: { 404: "Not found" },
  }),
  "POST /api/documents/:id/return": endpoint({
    summary: "The recipient returns a misaddressed document, with a reason (status 02)",
    tag: "delivery",
    auth: "session",
    roles: ACTION_ROLES.register,
    body: returnSchema,
    replies: "The new status",
    reply: z.strictObject({ status: z.literal("02") }),
    errors: { 409: "Already registered or returned" },
  }),
  "POST /api/documents/:id/progress": endpoint({
    summary: "The recipient moves a registered document on: 04 assigned, 05 in progress, 06 done",
    tag: "delivery",
    auth: "session",
    roles: ACTION_ROLES.progress,
    body: progressSchema,
    replies: "The new status",
    reply: z.strictObject({ status: z.enum(PROGRESS_STATUSES) }),
    errors: { 409: "Not a forward step" },
  }),
};
