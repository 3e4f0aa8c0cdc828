/**
 * The world of the access test (access.test.ts): the demo world plus a directive issued to two
 * recipients, their follow-on drafts, a draft of the issuer, a report with a file and an
 * imported letter, with "zzleak..." markers planted in each; the objects routes are called on;
 * and, from the database as it stands, what each agency may not see.
 */
import assert from "node:assert/strict";
import { approve, draftFields, type TestApp } from "./helpers.ts";

export type Kind =
  | "document"
  | "task"
  | "report"
  | "reportFile"
  | "documentFile"
  | "register"
  | "user"
  | "agency"
  | "agencyId"
  | "importBatch";
export interface Target {
  params: Record<string, string>;
  /** Agencies that own the object: writes on it are not tried by their users. */
  owners: string[];
}

const txt = (s: string) => new TextEncoder().encode(s);

/** Every report, with the agency that wrote it and the one that set its task: both may read it. */
function reportsWithOwners(t: TestApp) {
  return t.ctx.db
    .selectFrom("reports")
    .innerJoin("tasks", "tasks.id", "reports.task_id")
    .select(["reports.id", "reports.agency_id", "tasks.issuer_agency_id"])
    .execute();
}

/** The world the test adds to the demo world; the marker strings planted in it. */
export async function buildWorld(t: TestApp) {
  const db = t.ctx.db;
  const agency = async (code: string) =>
    (
      await db
        .selectFrom("agencies")
        .select("id")
        .where("code", "=", code)
        .executeTakeFirstOrThrow()
    ).id;
  const ids = {
    so: await agency("stttt-ls"),
    r1: await agency("baolangson"),
    r2: await agency("ptth-ls"),
    outsider: await agency("ldld-bg"),
  };
  const so = await t.login("stttt-ls.vanthu");
  const d0 = await so.post("/api/documents", draftFields({ subject: "phát động phong trào 2026" }));
  await approve(t, so, d0.body.id);
  assert.equal((await so.post(`/api/documents/${d0.body.id}/issue`)).status, 200);
  const copyOf = async (agencyId: string) =>
    (
      await db
        .selectFrom("documents")
        .select("id")
        .where("source_id", "=", d0.body.id)
        .where("agency_id", "=", agencyId)
        .executeTakeFirstOrThrow()
    ).id;
  const markers: Record<string, string> = {}; // marker -> document (or report) id
  for (const [code, key] of [
    ["baolangson", "f1"],
    ["ptth-ls", "f2"],
  ] as const) {
    const c = await t.login(`${code}.vanthu`);
    const copy = await copyOf(key === "f1" ? ids.r1 : ids.r2);
    assert.equal((await c.post(`/api/documents/${copy}/register`, {})).status, 200);
    const f = await c.post(`/api/documents/${copy}/follow-on`);
    assert.equal(f.status, 201, JSON.stringify(f.body));
    const p = await c.patch(`/api/documents/${f.body.id}`, {
      subject: `zzleak${key}s triển khai`,
      paragraphs: [...f.body.paragraphs, `Nội dung zzleak${key}b của dự thảo.`],
    });
    assert.equal(p.status, 200, JSON.stringify(p.body));
    markers[`zzleak${key}s`] = markers[`zzleak${key}b`] = f.body.id;
  }
  const x = await so.post(
    "/api/documents",
    draftFields({ subject: "zzleakxs dự thảo của Sở", paragraphs: ["Nội dung zzleakxb."] }),
  );
  markers.zzleakxs = markers.zzleakxb = x.body.id;

  // The newspaper reports on its task, with a file; and imports a letter of its own.
  const bao = await t.login("baolangson.vanthu");
  const d0row = await db
    .selectFrom("documents")
    .select(["reference", "body"])
    .where("id", "=", d0.body.id)
    .executeTakeFirstOrThrow();
  const owed = (await bao.get("/api/tasks")).body.items;
  const mine = owed.find(
    (i: { document: { reference: string } }) => i.document.reference === d0row.reference,
  );
  const report = await bao.post(`/api/tasks/${mine.taskId}/reports`, {
    period: mine.periods[0].label,
    figures: { articles: 3 },
    narrative: "zzleakrn báo cáo",
  });
  assert.equal(report.status, 201, JSON.stringify(report.body));
  const file = await bao.upload(
    `/api/reports/${report.body.id}/files`,
    "zzleakrf.txt",
    txt("zzleakrc"),
  );
  assert.equal(file.status, 201, JSON.stringify(file.body));
  markers.zzleakrn = markers.zzleakrf = markers.zzleakrc = report.body.id;
  const letter = d0row.body.replace("phát động phong trào 2026", "zzleakis văn bản nhận");
  const imported = await bao.upload("/api/documents/import", "cong-van-den.txt", txt(letter));
  assert.ok([200, 201].includes(imported.status), JSON.stringify(imported.body));
  markers.zzleakis = imported.body.document.id;
  // An import batch of the newspaper: the same letter again (done at once, naming its record)
  // and a file whose name is a marker.
  const batch = await bao.uploadMany("/api/imports", [
    { name: "zzleakib.txt", bytes: txt(letter) },
    { name: "zzleakiq.txt", bytes: txt(letter.replace("zzleakis", "zzleakiq")) },
  ]);
  assert.equal(batch.status, 202, JSON.stringify(batch.body));
  markers.zzleakib = markers.zzleakiq = batch.body.id;

  // The objects routes are called on.
  const worldDocs = [
    d0.body.id,
    await copyOf(ids.r1),
    await copyOf(ids.r2),
    ...Object.values(markers).filter((id) => id !== report.body.id && id !== batch.body.id),
    x.body.id,
  ];
  const publicDoc = await db
    .selectFrom("documents")
    .select("id")
    .where("is_public", "=", true)
    .where("status", "=", "issued")
    .executeTakeFirstOrThrow();
  const docs = await db
    .selectFrom("documents")
    .select(["id", "agency_id", "source_id"])
    .where("id", "in", [...new Set([...worldDocs, publicDoc.id])])
    .execute();
  const files = await db
    .selectFrom("document_files")
    .select(["document_id", "name"])
    .where(
      "document_id",
      "in",
      docs.map((d) => d.source_id ?? d.id),
    )
    .execute();
  const tasks = await db
    .selectFrom("tasks")
    .selectAll()
    .where("document_id", "=", d0.body.id)
    .execute();
  const reports = await reportsWithOwners(t);
  const agencies = [ids.so, ids.r1, ids.r2, ids.outsider];
  const registers = await db
    .selectFrom("registers")
    .select(["id", "agency_id"])
    .where("agency_id", "in", agencies)
    .execute();
  const users = await db
    .selectFrom("users")
    .select(["id", "agency_id"])
    .where("agency_id", "in", agencies)
    .execute();
  const targets: Record<Kind, Target[]> = {
    document: docs.map((d) => ({ params: { id: d.id }, owners: [d.agency_id] })),
    documentFile: docs.flatMap((d) =>
      files
        .filter((f) => f.document_id === (d.source_id ?? d.id) || f.document_id === d.id)
        .map((f) => ({ params: { id: d.id, name: f.name }, owners: [d.agency_id] })),
    ),
    task: tasks.map((k) => ({
      params: { id: k.id },
      owners: [k.issuer_agency_id, k.assignee_agency_id],
    })),
    report: reports.map((r) => ({
      params: { id: r.id },
      owners: [r.agency_id, r.issuer_agency_id],
    })),
    reportFile: reports
      .filter((r) => r.id === report.body.id)
      .map((r) => ({
        params: { id: r.id, name: "zzleakrf.txt" },
        owners: [r.agency_id, r.issuer_agency_id],
      })),
    register: registers.map((r) => ({ params: { id: r.id }, owners: [r.agency_id] })),
    user: [ids.so, ids.r1, ids.outsider].map((a) => {
      const u = users.find((x) => x.agency_id === a)!;
      return { params: { id: u.id }, owners: [a] };
    }),
    agency: ["stttt-ls", "baolangson", "ldld-bg"].map((code) => ({ params: { code }, owners: [] })),
    // By id: the directory is public to every reader; writes belong to the agency itself.
    agencyId: [ids.so, ids.r1, ids.outsider].map((id) => ({ params: { id }, owners: [id] })),
    importBatch: [{ params: { id: batch.body.id }, owners: [ids.r1] }],
  };
  return { ids, markers, targets };
}

/** What an agency (null: anonymous) may not see: ids of objects and the markers planted in them. */
export async function forbiddenFor(t: TestApp, markers: Record<string, string>) {
  const db = t.ctx.db;
  const docs = await db
    .selectFrom("documents")
    .select(["id", "agency_id", "status", "direction", "is_public", "source_id", "parent_id"])
    .execute();
  const byId = new Map(docs.map((d) => [d.id, d]));
  const rootOf = (id: string): string => {
    let d = byId.get(id)!;
    for (let i = 0; i < 50 && (d.source_id ?? d.parent_id); i++)
      d = byId.get((d.source_id ?? d.parent_id)!)!;
    return d.id;
  };
  const tasks = await db
    .selectFrom("tasks")
    .select(["id", "issuer_agency_id", "assignee_agency_id"])
    .execute();
  const reports = await reportsWithOwners(t);
  const deliveries = await db
    .selectFrom("deliveries")
    .select(["id", "from_agency_id", "to_agency_id"])
    .execute();
  const batches = await db.selectFrom("import_batches").select(["id", "agency_id"]).execute();
  return (agencyId: string | null): Set<string> => {
    const trees = new Set(docs.filter((d) => d.agency_id === agencyId).map((d) => rootOf(d.id)));
    const seen = new Set<string>();
    for (const d of docs) {
      const visible =
        d.agency_id === agencyId ||
        (d.is_public && d.status === "issued") ||
        // A follow-on tree shows its issued documents to every agency holding a record in it.
        (d.status === "issued" && d.direction === "outgoing" && trees.has(rootOf(d.id)));
      if (visible) seen.add(d.id);
    }
    for (const k of tasks)
      if (k.issuer_agency_id === agencyId || k.assignee_agency_id === agencyId) seen.add(k.id);
    for (const r of reports)
      if (r.agency_id === agencyId || r.issuer_agency_id === agencyId) seen.add(r.id);
    for (const d of deliveries)
      if (d.from_agency_id === agencyId || d.to_agency_id === agencyId) seen.add(d.id);
    for (const b of batches) if (b.agency_id === agencyId) seen.add(b.id);
    const hidden = new Set<string>();
    for (const id of [
      ...docs.map((d) => d.id),
      ...tasks.map((k) => k.id),
      ...reports.map((r) => r.id),
      ...deliveries.map((d) => d.id),
      ...batches.map((b) => b.id),
    ])
      if (!seen.has(id)) hidden.add(id);
    for (const [marker, id] of Object.entries(markers)) if (!seen.has(id)) hidden.add(marker);
    return hidden;
  };
}
