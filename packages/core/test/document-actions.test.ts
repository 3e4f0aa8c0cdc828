import { test } from "node:test";
import assert from "node:assert/strict";
import { documentActions, type DocumentActions, type DocumentFacts, type Role } from "@vanthu/core";

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
    ["clerk, own outgoing draft", {}, ["clerk"], ["delete", "edit", "issue"]],
    ["specialist, own draft", { mine: true }, ["specialist"], ["delete", "edit"]],
    ["specialist, a colleague's draft", {}, ["specialist"], ["edit"]],
    ["leader, a draft", {}, ["leader"], ["delete", "edit", "issue"]],
    ["admin, a draft", {}, ["admin"], ["edit"]],
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
      ["register", "return"],
    ],
    [
      "clerk, an imported received document",
      { direction: "incoming" },
      ["clerk"],
      ["delete", "register"],
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
      ["followOn", "progress:04", "progress:05", "progress:06"],
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
      ["followOn"],
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
