/**
 * What a reader may do with a document: the one place the rule lives. The server presents it with
 * every opened document (`can`), its use cases refuse by the same roles (ACTION_ROLES), and the
 * contract declares the routes' roles from it, so the web shows exactly the buttons the server
 * accepts and computes no permission of its own.
 */
import { progressStepsFrom, type DeliveryStatus, type ProgressStatus } from "./delivery-status.ts";
import {
  NO_REVIEW_ACTIONS,
  reviewActions,
  type ReviewActions,
  type ReviewFacts,
} from "./review.ts";
import type { Direction, DocumentStatus, Role } from "./vocabulary.ts";

/** Who may take each step (besides the document's state, see documentActions). */
export const ACTION_ROLES = {
  /** Issue an approved draft with the register's next number. */
  issue: ["clerk", "leader"],
  /** Show an issued document on the public portal, or take it down. */
  publish: ["clerk", "leader", "admin"],
  /** Enter a received document in the incoming register; return it to its sender. */
  register: ["clerk"],
  /** Record a received document's progress (assigned, in progress, done). */
  progress: ["clerk"],
  /** Write the follow-on document of a received one; report on its tasks. */
  followOn: ["clerk", "specialist", "leader"],
  /** Change the cycles and deadlines of an issued directive's tasks. */
  tasks: ["clerk", "specialist", "leader"],
  /** Delete a draft somebody else wrote (one's own draft: anyone who wrote it). */
  deleteOthers: ["clerk", "leader"],
} as const satisfies Record<string, readonly Role[]>;
export type DocumentAction = keyof typeof ACTION_ROLES;

export function mayAct(roles: readonly Role[], action: DocumentAction): boolean {
  return (ACTION_ROLES[action] as readonly Role[]).some((r) => roles.includes(r));
}

/** What the reader may do with one document, as the API presents it. */
export interface DocumentActions extends ReviewActions {
  /**
   * Change the draft (its text or fields): not while it waits for a reviewer (then only the
   * reviewer changes it: reviewEdit); changing an approved draft opens it again.
   */
  edit: boolean;
  /** Delete the draft (never issued, nor delivered). */
  delete: boolean;
  /** Issue it: an approved draft only (the review's last step). */
  issue: boolean;
  /** Publish it, or take it off the portal (see isPublic). */
  publish: boolean;
  /** Register the received document. */
  register: boolean;
  /** Return the delivered copy to its sender (misaddressed). */
  return: boolean;
  /** Write its follow-on document. */
  followOn: boolean;
  /** Change the cycles and deadlines of its tasks (an issued directive of the reader's agency). */
  editTasks: boolean;
  /** The progress steps the reader may record now (none before registering). */
  progress: ProgressStatus[];
  /** Follow its recipients on the directive's dashboard. */
  dashboard: boolean;
}

/** What the rule looks at: the document's state, and the reader's relation to it. */
export interface DocumentFacts {
  direction: Direction;
  status: DocumentStatus;
  /** The reader is of the agency that holds the document (a public reader never is). */
  own: boolean;
  /** The reader wrote it. */
  mine: boolean;
  /** A copy delivered in the system (it has a sender to return it to). */
  delivered: boolean;
  /** Where the delivered copy stands at its recipient, when it is one. */
  deliveryStatus: DeliveryStatus | null;
  /** An outgoing draft's review and the reader's part in it (absent: open, no part). */
  review?: ReviewFacts;
}

const NOTHING: DocumentActions = {
  edit: false,
  delete: false,
  issue: false,
  publish: false,
  register: false,
  return: false,
  followOn: false,
  editTasks: false,
  progress: [],
  dashboard: false,
  ...NO_REVIEW_ACTIONS,
};

export function documentActions(d: DocumentFacts, roles: readonly Role[]): DocumentActions {
  if (!d.own) return NOTHING;
  const draft = d.status === "draft";
  const outgoing = d.direction === "outgoing";
  const incoming = d.direction === "incoming";
  const issuedOutgoing = outgoing && d.status === "issued";
  const review = d.review ?? { state: "open", reviewer: false, leader: false };
  const outgoingDraft = draft && outgoing;
  return {
    edit: outgoingDraft && review.state !== "submitted",
    delete: draft && d.deliveryStatus === null && (d.mine || mayAct(roles, "deleteOthers")),
    issue: outgoingDraft && review.state === "approved" && mayAct(roles, "issue"),
    publish: issuedOutgoing && mayAct(roles, "publish"),
    register: draft && incoming && mayAct(roles, "register"),
    return: draft && incoming && d.delivered && mayAct(roles, "register"),
    followOn: incoming && d.status === "registered" && mayAct(roles, "followOn"),
    editTasks: issuedOutgoing && mayAct(roles, "tasks"),
    progress:
      d.deliveryStatus !== null && mayAct(roles, "progress")
        ? progressStepsFrom(d.deliveryStatus)
        : [],
    dashboard: issuedOutgoing,
    ...(outgoingDraft ? reviewActions(review) : NO_REVIEW_ACTIONS),
  };
}
