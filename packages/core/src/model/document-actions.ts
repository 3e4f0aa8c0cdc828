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
import type { Direction, DocumentStatus, HandlingStep, Role } from "./vocabulary.ts";
import { mayHandle, type HandlingEvent } from "../workflow/handling.ts";

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
  // Handling a received document inside the agency (workflow/handling.ts).
  /** Present a registered received document to a leader (trình). */
  present: ["clerk"],
  /** Enter a leader's bút phê written on paper, on the leader's behalf. */
  instructOnPaper: ["clerk"],
  /** Pass a received document on to another agency (chuyển tiếp). */
  forward: ["clerk", "leader"],
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
  /** The progress steps the reader may record by hand now (none before registering, none once
   * the record is in the handling flow: its steps send them). */
  progress: ProgressStatus[];
  /** Follow its recipients on the directive's dashboard. */
  dashboard: boolean;
  // Handling a received document (workflow/handling.ts; the facts in HandlingFacts).
  /** Present it to a leader (trình lãnh đạo). */
  present: boolean;
  /** Give the bút phê: as a leader (or acting for one), or a clerk entering a paper one. */
  instruct: boolean;
  /** The bút phê would be a paper one entered for a leader (the reader is no leader). */
  instructOnPaper: boolean;
  /** Pass it to a specialist (chuyển, phân công). */
  assign: boolean;
  /** Work on it: progress, notes and files, the reply. */
  handle: boolean;
  /** Finish one's part (the lead's: the document is done). */
  done: boolean;
  /** Remind the handlers of late work (nhắc nhở, phê bình). */
  remind: boolean;
  /** Pass it on to another agency (chuyển tiếp). */
  /** Pass the received document on to another agency (chuyển tiếp). */
  forwardOut: boolean;
  /** Attach it to the earlier record of the same document instead of registering it. */
  attach: boolean;
}

/**
 * The reader's relation to a received document's handling, which the server reads from the
 * handlers, the units and the delegations (the rule itself stays here).
 */
export interface HandlingFacts {
  step: HandlingStep | null;
  /** Attached to an earlier record of the same document. */
  attached: boolean;
  /** The reader may act as a leader today (their own authority, or a leader's delegated). */
  leader: boolean;
  /** The reader is in charge of follow-up (đôn đốc). */
  followsUp: boolean;
  /** The reader heads a unit, or holds a person's row, that has nobody assigned below it yet. */
  mayAssign: boolean;
  /** The reader holds a handler row not yet done (their own, or as the head of its unit). */
  handler: boolean;
  /** The reader may close a handler row (their own, or as the head of its unit). */
  mayFinish: boolean;
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
  /** For a received document: where its handling stands and the reader's part in it. */
  handling?: HandlingFacts | undefined;
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
  present: false,
  instruct: false,
  instructOnPaper: false,
  assign: false,
  handle: false,
  done: false,
  remind: false,
  forwardOut: false,
  attach: false,
  ...NO_REVIEW_ACTIONS,
};

const NO_HANDLING: HandlingFacts = {
  step: null,
  attached: false,
  leader: false,
  followsUp: false,
  mayAssign: false,
  handler: false,
  mayFinish: false,
};

export function documentActions(d: DocumentFacts, roles: readonly Role[]): DocumentActions {
  if (!d.own) return NOTHING;
  const draft = d.status === "draft";
  const outgoing = d.direction === "outgoing";
  const incoming = d.direction === "incoming";
  const issuedOutgoing = outgoing && d.status === "issued";
  const h = d.handling ?? NO_HANDLING;
  const can = (event: HandlingEvent) =>
    mayHandle(
      { direction: d.direction, status: d.status, attached: h.attached, step: h.step },
      event,
    );
  const instruct = can("instruct") && (h.leader || mayAct(roles, "instructOnPaper"));
  const review = d.review ?? { state: "open", reviewer: false, leader: false };
  const outgoingDraft = draft && outgoing;
  return {
    edit: outgoingDraft && review.state !== "submitted",
    delete: draft && d.deliveryStatus === null && (d.mine || mayAct(roles, "deleteOthers")),
    issue: outgoingDraft && review.state === "approved" && mayAct(roles, "issue"),
    publish: issuedOutgoing && mayAct(roles, "publish"),
    register: draft && incoming && !h.attached && mayAct(roles, "register"),
    return: draft && incoming && d.delivered && !h.attached && mayAct(roles, "register"),
    followOn: incoming && d.status === "registered" && mayAct(roles, "followOn"),
    editTasks: issuedOutgoing && mayAct(roles, "tasks"),
    // By hand only for a record handled outside the system (on paper): once presented or
    // instructed, its handling steps send 04, 05 and 06 themselves.
    progress:
      d.deliveryStatus !== null && h.step === null && mayAct(roles, "progress")
        ? progressStepsFrom(d.deliveryStatus)
        : [],
    dashboard: issuedOutgoing,
    present: can("present") && mayAct(roles, "present"),
    instruct,
    instructOnPaper: instruct && !h.leader,
    assign: can("assign") && h.mayAssign,
    handle: can("start") && h.handler,
    done: can("done") && h.mayFinish,
    remind: can("remind") && (h.followsUp || h.leader),
    forwardOut: can("forward") && mayAct(roles, "forward"),
    attach: draft && incoming && !h.attached && mayAct(roles, "register"),
    ...(outgoingDraft ? reviewActions(review) : NO_REVIEW_ACTIONS),
  };
}
