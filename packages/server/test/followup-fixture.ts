/**
 * The demo directive of Sở TT&TT Lạng Sơn issued with quarterly reporting and registered by two
 * recipients (each giving its copy to its specialist), for tests that need tasks and reports (the
 * whole story is in followup.test.ts).
 */
import assert from "node:assert/strict";
import { approve, giveTo, type Client, type TestApp } from "./helpers.ts";

export interface IssuedDirective {
  documentId: string;
  /** The issuer's clerk, signed in at the clock's current time. */
  issuer: Client;
  /** Task ids by recipient code, then item label. */
  taskIds: Record<string, Record<string, string>>;
}

export async function issueDirective(
  t: TestApp,
  codes: string[] = ["baolangson", "ptth-ls"],
): Promise<IssuedDirective> {
  const so = await t.login("stttt-ls.vanthu");
  const draft = (await so.get("/api/documents?box=drafts")).body.items[0];
  const plan = (await so.get(`/api/documents/${draft.id}/task-plan`)).body;
  const edited = await so.request("PUT", `/api/documents/${draft.id}/task-plan`, {
    ...plan,
    cycles: ["quarterly"],
  });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  const recipients = (await so.get(`/api/documents/${draft.id}/delivery-plan`)).body.recipients;
  await approve(t, so, draft.id);
  const issued = await so.post(`/api/documents/${draft.id}/issue`, { deliverTo: recipients });
  assert.equal(issued.status, 200, JSON.stringify(issued.body));
  const taskIds: Record<string, Record<string, string>> = {};
  for (const code of codes) {
    const c = await t.login(`${code}.vanthu`);
    const [copy] = (await c.get("/api/documents?box=incoming")).body.items;
    assert.equal((await c.post(`/api/documents/${copy.id}/register`, {})).status, 200);
    // Given to the agency's specialist, who reports on it.
    await giveTo(t, copy.id, `${code}.chuyenvien`);
    const owed = (await c.get("/api/tasks")).body;
    taskIds[code] = Object.fromEntries(
      owed.items.map((i: { label: string; taskId: string }) => [i.label, i.taskId]),
    );
  }
  return { documentId: draft.id, issuer: so, taskIds };
}

/** A report by the recipient's specialist (figures, narrative); returns its id. */
export async function report(
  t: TestApp,
  code: string,
  taskId: string,
  figures: Record<string, number>,
  period = "2026-Q4",
  narrative = "Kết quả.",
): Promise<string> {
  const c = await t.login(`${code}.chuyenvien`);
  const r = await c.post(`/api/tasks/${taskId}/reports`, { period, figures, narrative });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}
