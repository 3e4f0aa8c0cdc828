/**
 * Delegation (ủy quyền): a leader away hands their approvals and instructions to another person of
 * the agency for a period, both days included; every act done under it records the leader
 * (`on_behalf_of`). A leader delegates for themselves, the agency admin for any leader; the same
 * leader's delegations never overlap; either may revoke one that is not over.
 */
import { z } from "zod";
import { endpoint } from "./endpoint.ts";
import { day, id, items, ok, timestamp } from "./common.ts";

export const DELEGATION_STATES = ["upcoming", "current", "ended", "revoked"] as const;
export type DelegationState = (typeof DELEGATION_STATES)[number];

export const newDelegationSchema = z.strictObject({
  /** The leader who delegates: oneself when left out (the admin names one). */
  fromUserId: id.optional(),
  toUserId: id,
  startsOn: day,
  endsOn: day,
  note: z.string().trim().max(500).optional(),
});
export type NewDelegation = z.infer<typeof newDelegationSchema>;

const person = z.strictObject({ id, fullName: z.string(), title: z.string().nullable() });

export const delegationEntry = z.strictObject({
  id,
  from: person,
  to: person,
  startsOn: day,
  endsOn: day,
  note: z.string().nullable(),
  createdAt: timestamp,
  createdBy: z.string().nullable(),
  revokedAt: timestamp.nullable(),
  /** Today in the agency's time zone: not yet begun, running, over, or revoked. */
  state: z.enum(DELEGATION_STATES),
  /** Whether the reader may revoke it now. */
  canRevoke: z.boolean(),
});
export type DelegationEntry = z.infer<typeof delegationEntry>;

export const delegationEndpoints = {
  "GET /api/delegations": endpoint({
    summary:
      "Delegations, current and past: the agency's for its leaders, clerks and admins; one's own (given or held) for anyone else",
    tag: "delegations",
    auth: "session",
    replies: "Newest first, with their state today",
    reply: items(delegationEntry),
  }),
  "POST /api/delegations": endpoint({
    summary:
      "Delegate a leader's approvals and instructions to another person of the agency for a period (a leader for themselves, the admin for any leader)",
    tag: "delegations",
    auth: "session",
    roles: ["leader", "admin"],
    body: newDelegationSchema,
    status: 201,
    replies: "The new delegation's id",
    reply: z.strictObject({ id }),
    errors: {
      403: "Delegating for someone else without being the admin (DELEGATION_NOT_ALLOWED)",
      409: "The leader already delegates over some of these days (DELEGATION_OVERLAPS)",
      422: "Not a leader (DELEGATOR_NOT_LEADER), a delegate not of the agency or disabled or oneself (DELEGATE_INVALID), a period that ends before it starts or is over (DELEGATION_PERIOD_INVALID)",
    },
  }),
  "POST /api/delegations/:id/revoke": endpoint({
    summary: "Revoke a delegation that is not over (the leader who gave it, or the admin)",
    tag: "delegations",
    auth: "session",
    roles: ["leader", "admin"],
    replies: "Revoked",
    reply: ok,
    errors: {
      403: "Not the leader who gave it nor the admin (DELEGATION_NOT_ALLOWED)",
      404: "Not a delegation of the agency (DELEGATION_NOT_FOUND)",
      409: "Already revoked or over (DELEGATION_ENDED)",
    },
  }),
};
