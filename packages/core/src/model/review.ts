/**
 * A draft's review (trình ký, ND30 Điều 20-21): the one place the state machine and the rule of
 * who may take each step live. The server checks every step here inside the transaction that
 * locks the draft; the web shows the steps `reviewActions` allows (through `documentActions`).
 *
 *   open ──submit──► submitted ──approve──► approved ──(issued by the clerk)
 *     ▲                 │  ▲ │
 *     │                 │  │ └─forward (to a leader), edit (by the reviewer): still submitted
 *     │          send-back │
 *     │                 ▼  │
 *     │              sent-back ──submit (again: a new version when changed)──┘
 *     └──── an approved draft that its author changes is open again: the approval is lost
 *
 * A step the state does not allow has a stable code (the server answers 409 with it).
 */
import type { ReviewAction, ReviewState, Role } from "./vocabulary.ts";

const NEXT: Record<ReviewState, Partial<Record<ReviewAction, ReviewState>>> = {
  open: { submit: "submitted" },
  "sent-back": { submit: "submitted" },
  submitted: {
    forward: "submitted",
    edit: "submitted",
    approve: "approved",
    "send-back": "sent-back",
  },
  approved: {},
};

/** Why a step is not allowed from a state. */
export type ReviewConflict =
  /** Approving, forwarding, sending back or editing as reviewer what waits for no reviewer. */
  | "REVIEW_NOT_SUBMITTED"
  /** Submitting what already waits for a reviewer. */
  | "REVIEW_ALREADY_SUBMITTED"
  /** Any step on an approved draft (changing it opens it again; issuing is the clerk's). */
  | "REVIEW_ALREADY_APPROVED";

export type ReviewStepResult = { ok: true; to: ReviewState } | { ok: false; code: ReviewConflict };

/** The state after `action` from `from`, or why it cannot be taken. */
export function reviewStep(from: ReviewState, action: ReviewAction): ReviewStepResult {
  const to = NEXT[from][action];
  if (to) return { ok: true, to };
  if (from === "approved") return { ok: false, code: "REVIEW_ALREADY_APPROVED" };
  if (from === "submitted") return { ok: false, code: "REVIEW_ALREADY_SUBMITTED" };
  return { ok: false, code: "REVIEW_NOT_SUBMITTED" };
}

export function canReviewStep(from: ReviewState, action: ReviewAction): boolean {
  return reviewStep(from, action).ok;
}

/**
 * A change of the draft's content by its writers: an approved draft is open again (what the
 * leader approved is no longer what would be issued); otherwise the state stays. A submitted
 * draft is changed only by its reviewer (the `edit` step).
 */
export function reviewAfterChange(from: ReviewState): ReviewState {
  return from === "approved" ? "open" : from;
}

/** What the rule looks at: the draft's review, and the reader's part in it. */
export interface ReviewFacts {
  state: ReviewState;
  /** The draft waits for the reader (reviewer_id), or for a leader the reader acts for. */
  reviewer: boolean;
  /** The reader may act as a leader today (the role, or a delegation: `leaderAuthority`). */
  leader: boolean;
}

/** The review steps the reader may take on a draft of their agency. */
export interface ReviewActions {
  /** Send it up (trình) to a unit head or a leader, with a note. */
  submit: boolean;
  /** Pass it further up to a leader (a unit head it was sent to). */
  forward: boolean;
  /** Approve it (a leader it was sent to, or a deputy acting for them). */
  approve: boolean;
  /** Send it back to its author with comments. */
  sendBack: boolean;
  /** Change it while it waits for the reader (a new version, the reviewer its author). */
  reviewEdit: boolean;
}

export const NO_REVIEW_ACTIONS: ReviewActions = {
  submit: false,
  forward: false,
  approve: false,
  sendBack: false,
  reviewEdit: false,
};

/** For an outgoing draft of the reader's agency (any other document: none). */
export function reviewActions(f: ReviewFacts): ReviewActions {
  const waiting = f.state === "submitted" && f.reviewer;
  return {
    submit: canReviewStep(f.state, "submit"),
    forward: waiting,
    approve: waiting && f.leader,
    sendBack: waiting,
    reviewEdit: waiting,
  };
}

/** A person as a possible reviewer. */
export interface ReviewerFacts {
  userId: string;
  agencyId: string;
  roles: readonly Role[];
  unitId: string | null;
  unitHead: boolean;
  disabled?: boolean;
}

/**
 * Whom a draft may be sent up to (submit): another person of the same agency who is a leader or
 * the head of the sender's own unit. Forwarded (forward): a leader only.
 */
export function mayReceiveDraft(
  candidate: ReviewerFacts,
  sender: { userId: string; agencyId: string; unitId: string | null },
  action: "submit" | "forward",
): boolean {
  if (candidate.disabled || candidate.userId === sender.userId) return false;
  if (candidate.agencyId !== sender.agencyId) return false;
  if (candidate.roles.includes("leader")) return true;
  return (
    action === "submit" &&
    candidate.unitHead &&
    sender.unitId !== null &&
    candidate.unitId === sender.unitId
  );
}
