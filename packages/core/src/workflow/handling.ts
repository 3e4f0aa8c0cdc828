/**
 * The handling of a registered received document inside the agency (ND30 Điều 20-24), as a
 * state machine: presented to a leader (trình), instructed (bút phê: the lead, cooperating and
 * informed units, a deadline), assigned (the lead unit's head passes it to a specialist, who may
 * pass it further down), in progress, done. The one place the order lives: the server checks
 * every step here on the document row it has locked, and the web's buttons follow the same rule
 * (model/document-actions.ts).
 *
 *   (registered) -> presented -> instructed -> assigned -> in-progress -> done
 *   (registered) ------------->  instructed
 *
 * A step never goes back: assigning another unit's specialist while the work is in progress
 * keeps it in progress. Instructing twice, assigning before the instruction, finishing before
 * anyone was assigned, or any step on a returned or unregistered record is a problem with a
 * stable code.
 */
import type { ProgressStatus } from "../model/delivery-status.ts";
import type { Direction, DocumentStatus, HandlingStep } from "../model/vocabulary.ts";

/** What may happen to a received document while it is handled. */
export const HANDLING_EVENTS = [
  /** The clerk presents it to a leader (again, to another, before the instruction). */
  "present",
  /** A leader's bút phê (or a clerk's copy of one written on paper). */
  "instruct",
  /** A unit's head (or an assigned person) passes it to a person. */
  "assign",
  /** A handler starts work (status 05). */
  "start",
  /** A note or a file added while handling; a reply written. */
  "note",
  /** The lead handler finishes it (status 06); a cooperating unit its own part. */
  "done",
  /** A reminder about late work (nhắc nhở, phê bình). */
  "remind",
  /** Passed on to another agency (chuyển tiếp). */
  "forward",
] as const;
export type HandlingEvent = (typeof HANDLING_EVENTS)[number];

/** Why a step cannot be taken now (each a 409 with this code). */
export type HandlingProblem =
  /** Not a registered received record (a draft waiting to be registered, attached elsewhere). */
  | "NOT_REGISTERED"
  /** Returned to its sender (02): nothing more is done with it here. */
  | "DOCUMENT_RETURNED"
  /** A bút phê was already given. */
  | "ALREADY_INSTRUCTED"
  /** No bút phê yet: nobody to pass it on from. */
  | "NOT_INSTRUCTED"
  /** Nobody was assigned yet: it cannot be in progress or done. */
  | "NOT_ASSIGNED"
  /** Already done. */
  | "HANDLING_DONE";

export interface HandlingState {
  direction: Direction;
  status: DocumentStatus;
  /** Attached to the earlier record of the same document instead of being registered. */
  attached: boolean;
  step: HandlingStep | null;
}

const ORDER: ReadonlyArray<HandlingStep | null> = [
  null,
  "presented",
  "instructed",
  "assigned",
  "in-progress",
  "done",
];
const rank = (step: HandlingStep | null) => ORDER.indexOf(step);

/** The steps from which each event may be taken. */
const FROM: Record<HandlingEvent, ReadonlyArray<HandlingStep | null>> = {
  present: [null, "presented"],
  instruct: [null, "presented"],
  assign: ["instructed", "assigned", "in-progress"],
  start: ["assigned", "in-progress"],
  note: ["instructed", "assigned", "in-progress"],
  done: ["assigned", "in-progress"],
  remind: ["instructed", "assigned", "in-progress"],
  forward: [null, "presented", "instructed", "assigned", "in-progress", "done"],
};

/** Why `event` cannot happen to a document in `state`, or null when it can. */
export function handlingProblem(
  state: HandlingState,
  event: HandlingEvent,
): HandlingProblem | null {
  if (state.direction !== "incoming") return "NOT_REGISTERED";
  if (state.status === "returned") return "DOCUMENT_RETURNED";
  if (state.status !== "registered" || state.attached) return "NOT_REGISTERED";
  if (FROM[event].includes(state.step)) return null;
  if (state.step === "done") return "HANDLING_DONE";
  switch (event) {
    case "present":
    case "instruct":
      return "ALREADY_INSTRUCTED";
    case "assign":
    case "note":
    case "remind":
      return "NOT_INSTRUCTED";
    default:
      return "NOT_ASSIGNED";
  }
}

/** True when `event` may happen now. */
export const mayHandle = (state: HandlingState, event: HandlingEvent): boolean =>
  handlingProblem(state, event) === null;

/** What each event moves the document to (at least; a step never goes back). */
const TO: Partial<Record<HandlingEvent, HandlingStep>> = {
  present: "presented",
  instruct: "instructed",
  assign: "assigned",
  start: "in-progress",
  done: "done",
};

/**
 * The step after `event` (which the caller checked with handlingProblem): the event's step, or
 * the current one when it is already further on. `leadDone` false: a cooperating unit finished
 * its part, the document goes on.
 */
export function stepAfter(
  step: HandlingStep | null,
  event: HandlingEvent,
  leadDone = true,
): HandlingStep | null {
  const to = event === "done" && !leadDone ? "in-progress" : TO[event];
  if (!to) return step;
  return rank(to) > rank(step) ? to : step;
}

/**
 * The status a step sends to the sender of a delivered document: 04 assigned, 05 in progress,
 * 06 done; none for presenting and instructing (the document stays registered, 03).
 */
export function deliveryStatusOf(step: HandlingStep | null): ProgressStatus | null {
  switch (step) {
    case "assigned":
      return "04";
    case "in-progress":
      return "05";
    case "done":
      return "06";
    default:
      return null;
  }
}
