import { test } from "node:test";
import assert from "node:assert/strict";
import {
  documentActions,
  type DocumentActions,
  type DocumentFacts,
  type HandlingFacts,
  type Role,
} from "@vanthu/core";

/** A received document's handling facts before anything happened. */
const none: HandlingFacts = {
  step: null,
  attached: false,
  leader: false,
  followsUp: false,
  mayAssign: false,
  handler: false,
  mayFinish: false,
};
const base: DocumentFacts = {
  direction: "outgoing",
  status: "draft",
  own: true,
  mine: false,
  delivered: false,
  deliveryStatus: null,
};

/** The actions that are allowed, by name (progress steps as "progress:04"...). */
function allowed(a: DocumentActions): string[] {
  return Object.entries(a)
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((s) => `${k}:${s}`) : v ? [k] : []))
    .sort();
}

test("what a reader may do with a document, by its state and the reader's roles", () => {
  const cases: Array<[string, Partial<DocumentFacts>, Role[], string[]]> = [
    // An open draft is edited and sent up; only an approved one is issued.
    ["clerk, own outgoing draft", {}, ["clerk"], ["delete", "edit", "submit"]],
    ["specialist, own draft", { mine: true }, ["specialist"], ["delete", "edit", "submit"]],
    ["specialist, a colleague's draft", {}, ["specialist"], ["edit", "submit"]],
    ["leader, a draft", {}, ["leader"], ["delete", "edit", "submit"]],
    ["admin, a draft", {}, ["admin"], ["edit", "submit"]],
    [
      "clerk, an approved draft",
      { review: { state: "approved", reviewer: false, leader: false } },
      ["clerk"],
      ["delete", "edit", "issue"],
    ],
    [
      "specialist, an approved draft",
      { mine: true, review: { state: "approved", reviewer: false, leader: false } },
      ["specialist"],
      ["delete", "edit"],
    ],
    [
      "author, a draft waiting for its reviewer",
      { mine: true, review: { state: "submitted", reviewer: false, leader: false } },
      ["specialist"],
      ["delete"],
    ],
    [
      "unit head it was sent to",
      { review: { state: "submitted", reviewer: true, leader: false } },
      ["specialist"],
      ["forward", "reviewEdit", "sendBack"],
    ],
    [
      "leader it was sent to",
      { review: { state: "submitted", reviewer: true, leader: true } },
      ["leader"],
      ["approve", "delete", "forward", "reviewEdit", "sendBack"],
    ],
    [
      "another leader",
      { review: { state: "submitted", reviewer: false, leader: true } },
      ["leader"],
      ["delete"],
    ],
    [
      "author, a draft sent back",
      { mine: true, review: { state: "sent-back", reviewer: false, leader: false } },
      ["specialist"],
      ["delete", "edit", "submit"],
    ],
    [
      "an issued document keeps no review step",
      { status: "issued", review: { state: "approved", reviewer: true, leader: true } },
      ["leader"],
      ["dashboard", "editTasks", "publish"],
    ],
    [
      "clerk, issued outgoing",
      { status: "issued" },
      ["clerk"],
      ["dashboard", "editTasks", "publish"],
    ],
    ["admin, issued outgoing", { status: "issued" }, ["admin"], ["dashboard", "publish"]],
    [
      "specialist, issued outgoing",
      { status: "issued" },
      ["specialist"],
      ["dashboard", "editTasks"],
    ],
    [
      "clerk, a delivered copy just arrived",
      { direction: "incoming", delivered: true, deliveryStatus: "01" },
      ["clerk"],
      ["attach", "register", "return"],
    ],
    [
      "clerk, an imported received document",
      { direction: "incoming" },
      ["clerk"],
      ["attach", "delete", "register"],
    ],
    [
      "leader, a delivered copy just arrived",
      { direction: "incoming", delivered: true, deliveryStatus: "01" },
      ["leader"],
      [],
    ],
    [
      "clerk, a registered copy",
      { direction: "incoming", status: "registered", delivered: true, deliveryStatus: "03" },
      ["clerk"],
      [
        "followOn",
        "forwardOut",
        "instruct",
        "instructOnPaper",
        "present",
        "progress:04",
        "progress:05",
        "progress:06",
      ],
    ],
    [
      "clerk, a registered copy presented to the leader: its steps send 04-06, not the clerk",
      {
        direction: "incoming",
        status: "registered",
        delivered: true,
        deliveryStatus: "03",
        handling: { ...none, step: "presented" },
      },
      ["clerk"],
      ["followOn", "forwardOut", "instruct", "instructOnPaper", "present"],
    ],
    [
      "specialist, a copy in progress",
      { direction: "incoming", status: "registered", delivered: true, deliveryStatus: "05" },
      ["specialist"],
      ["followOn"],
    ],
    [
      "clerk, a copy done",
      { direction: "incoming", status: "registered", delivered: true, deliveryStatus: "06" },
      ["clerk"],
      ["followOn", "forwardOut", "instruct", "instructOnPaper", "present"],
    ],
    [
      "clerk, a returned copy",
      { direction: "incoming", status: "returned", delivered: true, deliveryStatus: "02" },
      ["clerk"],
      [],
    ],
    ["another agency's issued document", { own: false, status: "issued" }, ["clerk", "leader"], []],
    ["the public", { own: false, status: "issued" }, [], []],
  ];
  for (const [name, facts, roles, want] of cases)
    assert.deepEqual(allowed(documentActions({ ...base, ...facts }, roles)), want, name);
});

test("handling a received document: who may take which step, in which state", () => {
  const registered: DocumentFacts = {
    ...base,
    direction: "incoming",
    status: "registered",
    delivered: true,
    deliveryStatus: "03",
  };
  /** The handling actions allowed (the others of the document left out). */
  const handling = (
    facts: Partial<HandlingFacts>,
    roles: Role[],
    doc: Partial<DocumentFacts> = {},
  ) =>
    allowed(
      documentActions({ ...registered, ...doc, handling: { ...none, ...facts } }, roles),
    ).filter((a) =>
      [
        "present",
        "instruct",
        "instructOnPaper",
        "assign",
        "handle",
        "done",
        "remind",
        "forwardOut",
        "attach",
      ].includes(a),
    );
  const cases: Array<[string, Partial<HandlingFacts>, Role[], string[], Partial<DocumentFacts>?]> =
    [
      [
        "clerk, just registered",
        {},
        ["clerk"],
        ["forwardOut", "instruct", "instructOnPaper", "present"],
      ],
      ["leader, just registered", { leader: true }, ["leader"], ["forwardOut", "instruct"]],
      ["a deputy acting for the leader", { leader: true }, ["specialist"], ["instruct"]],
      ["specialist, just registered", {}, ["specialist"], []],
      [
        "leader, presented to them",
        { step: "presented", leader: true },
        ["leader"],
        ["forwardOut", "instruct"],
      ],
      [
        "leader, instructed already",
        { step: "instructed", leader: true },
        ["leader"],
        ["forwardOut", "remind"],
      ],
      [
        "unit head, instructed",
        { step: "instructed", mayAssign: true, handler: true },
        ["specialist"],
        ["assign"],
      ],
      [
        "specialist, assigned",
        { step: "assigned", handler: true, mayFinish: true },
        ["specialist"],
        ["done", "handle"],
      ],
      [
        "specialist passing it further down",
        { step: "in-progress", handler: true, mayFinish: true, mayAssign: true },
        ["specialist"],
        ["assign", "done", "handle"],
      ],
      [
        "follow-up clerk, in progress",
        { step: "in-progress", followsUp: true },
        ["clerk"],
        ["forwardOut", "remind"],
      ],
      ["follow-up clerk, done", { step: "done", followsUp: true }, ["clerk"], ["forwardOut"]],
      ["specialist, done", { step: "done", handler: true, mayFinish: true }, ["specialist"], []],
      [
        "clerk, a returned copy",
        {},
        ["clerk", "leader"],
        [],
        { status: "returned", deliveryStatus: "02" },
      ],
      [
        "clerk, an attached copy",
        { attached: true },
        ["clerk"],
        [],
        { status: "draft", deliveryStatus: "03" },
      ],
      [
        "clerk, a copy waiting to be registered",
        {},
        ["clerk"],
        ["attach"],
        { status: "draft", deliveryStatus: "01" },
      ],
    ];
  for (const [name, facts, roles, want, doc] of cases)
    assert.deepEqual(handling(facts, roles, doc), want, name);
});
