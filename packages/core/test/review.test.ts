/** The review of a draft (trình ký): its state machine and who may take each step. */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  REVIEW_ACTIONS,
  REVIEW_STATES,
  mayReceiveDraft,
  reviewActions,
  reviewAfterChange,
  reviewStep,
  type ReviewAction,
  type ReviewState,
  type ReviewerFacts,
} from "@vanthu/core";

test("every state x every step: the next state, or the stable code of the refusal", () => {
  const want: Record<ReviewState, Record<ReviewAction, string>> = {
    open: {
      submit: "submitted",
      forward: "REVIEW_NOT_SUBMITTED",
      approve: "REVIEW_NOT_SUBMITTED",
      "send-back": "REVIEW_NOT_SUBMITTED",
      edit: "REVIEW_NOT_SUBMITTED",
    },
    submitted: {
      submit: "REVIEW_ALREADY_SUBMITTED",
      forward: "submitted",
      approve: "approved",
      "send-back": "sent-back",
      edit: "submitted",
    },
    "sent-back": {
      submit: "submitted",
      forward: "REVIEW_NOT_SUBMITTED",
      approve: "REVIEW_NOT_SUBMITTED",
      "send-back": "REVIEW_NOT_SUBMITTED",
      edit: "REVIEW_NOT_SUBMITTED",
    },
    approved: {
      submit: "REVIEW_ALREADY_APPROVED",
      forward: "REVIEW_ALREADY_APPROVED",
      approve: "REVIEW_ALREADY_APPROVED",
      "send-back": "REVIEW_ALREADY_APPROVED",
      edit: "REVIEW_ALREADY_APPROVED",
    },
  };
  for (const from of REVIEW_STATES)
    for (const action of REVIEW_ACTIONS) {
      const r = reviewStep(from, action);
      assert.equal(r.ok ? r.to : r.code, want[from][action], `${from} -${action}->`);
    }
});

test("changing an approved draft opens it again; other states stay", () => {
  const cases: Array<[ReviewState, ReviewState]> = [
    ["open", "open"],
    ["sent-back", "sent-back"],
    ["submitted", "submitted"],
    ["approved", "open"],
  ];
  for (const [from, to] of cases) assert.equal(reviewAfterChange(from), to, from);
});

test("the steps each person may take", () => {
  const cases: Array<[string, Parameters<typeof reviewActions>[0], string[]]> = [
    ["an open draft", { state: "open", reviewer: false, leader: false }, ["submit"]],
    ["a leader, an open draft", { state: "open", reviewer: false, leader: true }, ["submit"]],
    ["waiting for someone else", { state: "submitted", reviewer: false, leader: true }, []],
    [
      "the unit head it waits for",
      { state: "submitted", reviewer: true, leader: false },
      ["forward", "reviewEdit", "sendBack"],
    ],
    [
      "the leader it waits for (or a deputy for them)",
      { state: "submitted", reviewer: true, leader: true },
      ["approve", "forward", "reviewEdit", "sendBack"],
    ],
    ["sent back", { state: "sent-back", reviewer: true, leader: true }, ["submit"]],
    ["approved", { state: "approved", reviewer: true, leader: true }, []],
  ];
  for (const [name, facts, want] of cases) {
    const got = Object.entries(reviewActions(facts))
      .filter(([, v]) => v)
      .map(([k]) => k)
      .sort();
    assert.deepEqual(got, want, name);
  }
});

test("whom a draft may be sent up to", () => {
  const sender = { userId: "u1", agencyId: "a1", unitId: "p1" };
  const person = (over: Partial<ReviewerFacts>): ReviewerFacts => ({
    userId: "u2",
    agencyId: "a1",
    roles: ["specialist"],
    unitId: "p1",
    unitHead: false,
    ...over,
  });
  const cases: Array<[string, ReviewerFacts, "submit" | "forward", boolean]> = [
    ["the head of the sender's unit", person({ unitHead: true }), "submit", true],
    ["the head of another unit", person({ unitHead: true, unitId: "p2" }), "submit", false],
    ["a colleague", person({}), "submit", false],
    ["a leader", person({ roles: ["leader"], unitId: null }), "submit", true],
    ["a leader of another agency", person({ roles: ["leader"], agencyId: "a2" }), "submit", false],
    ["a disabled leader", person({ roles: ["leader"], disabled: true }), "submit", false],
    ["oneself", person({ userId: "u1", roles: ["leader"] }), "submit", false],
    ["forwarded to a leader", person({ roles: ["leader"] }), "forward", true],
    ["forwarded to a unit head", person({ unitHead: true }), "forward", false],
  ];
  for (const [name, candidate, action, want] of cases)
    assert.equal(mayReceiveDraft(candidate, sender, action), want, name);
  // A sender in no unit has no unit head.
  assert.equal(
    mayReceiveDraft(
      person({ unitHead: true, unitId: null }),
      { ...sender, unitId: null },
      "submit",
    ),
    false,
  );
});
