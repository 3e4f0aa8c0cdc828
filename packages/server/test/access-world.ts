/**
 * The world of the access test (access.test.ts): the demo world plus a directive issued to two
 * recipients, their follow-on drafts, a draft of the issuer, a report with a file and an
 * imported letter; inside the newspaper (its units Ban Thời sự and Ban Thư ký tòa soạn), the
 * directive given to the first unit, the letter to the second unit's specialist, a draft of each
 * unit's specialist, the clerk's follow-on sent up to the second unit's specialist, the deputy
 * leader's draft on which the second unit is consulted, and a secret document named to the second
 * unit's specialist (issued, and flagged public, which must change nothing), with "zzleak..."
 * markers planted in each; the objects routes are called on; and, from the database as it stands,
 * what each person (or an anonymous reader) may not see, by the rule written out again here.
 */
import assert from "node:assert/strict";
import { setReaders } from "../src/documents/readers.ts";
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
  | "importBatch"
  | "handlingFile"
  | "unit"
  | "delegation";
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

  // The newspaper's copy handled: a bút phê, then a note and a file of the unit's head.
  const baoCopy = await copyOf(ids.r1);
  const units = (await bao.get("/api/handling/people")).body.units;
  const leader = await t.login("baolangson.lanhdao");
  const instructed = await leader.post(`/api/documents/${baoCopy}/instructions`, {
    text: "Ban Thời sự chủ trì.",
    lead: units.find((u: { abbreviation: string }) => u.abbreviation === "TS").id,
  });
  assert.equal(instructed.status, 201, JSON.stringify(instructed.body));
  const headClient = await t.login("baolangson.truongphong");
  const note = await headClient.post(`/api/documents/${baoCopy}/handling/notes`, {
    text: "zzleakhn ghi chú xử lý",
  });
  assert.equal(note.status, 201, JSON.stringify(note.body));
  const handlingFile = await headClient.upload(
    `/api/documents/${baoCopy}/handling/files`,
    "zzleakhf.txt",
    txt("zzleakhc"),
  );
  assert.equal(handlingFile.status, 201, JSON.stringify(handlingFile.body));
  markers.zzleakhn = markers.zzleakhf = markers.zzleakhc = baoCopy;
  // Inside the newspaper (issue 15): its units and people.
  const person = (username: string) =>
    db
      .selectFrom("users")
      .select(["id", "unit_id"])
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
  const cv = await person("baolangson.chuyenvien");
  const cv2 = await person("baolangson.chuyenvien2");
  const head = await person("baolangson.truongphong");
  const deputy = await person("baolangson.pholanhdao");
  assert.ok(cv.unit_id && cv2.unit_id && cv.unit_id !== cv2.unit_id && head.unit_id === cv.unit_id);
  const at = t.clock.now;
  // The directive's copy given to the first unit; the imported letter to the second's specialist.
  await db
    .insertInto("handlers")
    .values([
      {
        document_id: await copyOf(ids.r1),
        unit_id: cv.unit_id,
        role: "lead",
        assigned_by: head.id,
        assigned_at: at,
      },
      {
        document_id: markers.zzleakis!,
        user_id: cv2.id,
        role: "lead",
        assigned_by: head.id,
        assigned_at: at,
      },
    ])
    .execute();
  const draftOf = async (username: string, key: string) => {
    const c = await t.login(username);
    const d = await c.post(
      "/api/documents",
      draftFields({ subject: `zzleak${key}s dự thảo`, paragraphs: [`Nội dung zzleak${key}b.`] }),
    );
    assert.equal(d.status, 201, JSON.stringify(d.body));
    markers[`zzleak${key}s`] = markers[`zzleak${key}b`] = d.body.id;
    return d.body.id as string;
  };
  await draftOf("baolangson.chuyenvien", "u");
  await draftOf("baolangson.chuyenvien2", "v");
  // The clerk's follow-on, sent up to the second unit's specialist.
  await db
    .updateTable("documents")
    .set({ review: "submitted", reviewer_id: cv2.id })
    .where("id", "=", markers.zzleakf1s!)
    .execute();
  // The deputy leader's draft, on which the second unit is consulted.
  const consulted = await draftOf("baolangson.pholanhdao", "c");
  await db
    .insertInto("consultations")
    .values({ document_id: consulted, unit_id: cv2.unit_id, asked_by: deputy.id, asked_at: at })
    .execute();
  // A secret document (Mật) of the clerk, named to the second unit's specialist; issued (delivered
  // to nobody), then flagged public behind the application's back: still nobody else's.
  const secret = await draftOf("baolangson.vanthu", "m");
  const marked = await bao.patch(`/api/documents/${secret}`, { secrecy: "mat" });
  assert.equal(marked.status, 200, JSON.stringify(marked.body));
  // Approved behind the review's back: a review would name the leader on it (review-*.ts).
  await db.updateTable("documents").set({ review: "approved" }).where("id", "=", secret).execute();
  await db.transaction().execute((trx) => setReaders(trx, secret, [cv2.id]));
  const issued = await bao.post(`/api/documents/${secret}/issue`, {});
  assert.equal(issued.status, 200, JSON.stringify(issued.body));
  await db.updateTable("documents").set({ is_public: true }).where("id", "=", secret).execute();
  // A delegation in the newspaper and one in the unrelated agency.
  const delegations: Array<{ id: string; agency: string }> = [];
  for (const [code, agencyId] of [
    ["baolangson", ids.r1],
    ["ldld-bg", ids.outsider],
  ] as const) {
    const leader = await t.login(`${code}.lanhdao`);
    const to = await person(`${code}.pholanhdao`);
    const d = await leader.post("/api/delegations", {
      toUserId: to.id,
      startsOn: "2026-12-01",
      endsOn: "2026-12-05",
    });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    delegations.push({ id: d.body.id, agency: agencyId });
  }

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
    handlingFile: [{ params: { id: baoCopy, noteId: handlingFile.body.id }, owners: [ids.r1] }],
    unit: await db
      .selectFrom("units")
      .select(["id", "agency_id"])
      .where("agency_id", "in", [ids.so, ids.r1, ids.outsider])
      .execute()
      .then((rows) => rows.map((u) => ({ params: { id: u.id }, owners: [u.agency_id] }))),
    delegation: delegations.map((d) => ({ params: { id: d.id }, owners: [d.agency] })),
  };
  return { ids, markers, targets, directive: d0.body.id as string };
}

/**
 * What a person (by user name; null: anonymous) may not see: ids of objects and the markers
 * planted in them. The access rule of documents/access.ts written out again, on the rows.
 */
export async function forbiddenFor(t: TestApp, markers: Record<string, string>) {
  const db = t.ctx.db;
  const docs = await db
    .selectFrom("documents")
    .select([
      "id",
      "agency_id",
      "status",
      "direction",
      "is_public",
      "source_id",
      "parent_id",
      "secrecy",
      "created_by",
      "reviewer_id",
      "approved_by",
    ])
    .execute();
  const users = await db
    .selectFrom("users")
    .select(["id", "username", "agency_id", "unit_id", "unit_head", "roles"])
    .execute();
  const userById = new Map(users.map((u) => [u.id, u]));
  const readers = await db.selectFrom("document_readers").selectAll().execute();
  const handlers = await db
    .selectFrom("handlers")
    .select(["document_id", "unit_id", "user_id"])
    .execute();
  const steps = await db
    .selectFrom("review_steps")
    .select(["document_id", "action", "actor_id", "to_user_id"])
    .execute();
  const consultations = await db
    .selectFrom("consultations")
    .select(["document_id", "unit_id"])
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
    .select(["id", "document_id", "issuer_agency_id", "assignee_agency_id"])
    .execute();
  const reports = await db.selectFrom("reports").select(["id", "task_id"]).execute();
  const deliveries = await db
    .selectFrom("deliveries")
    .select(["id", "document_id", "received_id", "from_agency_id", "to_agency_id"])
    .execute();
  const batches = await db
    .selectFrom("import_batches")
    .select(["id", "agency_id", "created_by"])
    .execute();
  return (username: string | null): Set<string> => {
    const u = username ? users.find((x) => x.username === username)! : null;
    const staff = !!u && u.roles.some((r) => ["leader", "clerk", "admin"].includes(r));
    type Doc = (typeof docs)[number];
    const sees = (d: Doc): boolean => {
      if (d.is_public && d.status === "issued" && !d.secrecy) return true;
      if (!u || d.agency_id !== u.agency_id) return false;
      if (d.secrecy)
        return (
          d.created_by === u.id ||
          d.reviewer_id === u.id ||
          d.approved_by === u.id ||
          readers.some((r) => r.document_id === d.id && r.user_id === u.id) ||
          handlers.some((h) => h.document_id === d.id && h.user_id === u.id) ||
          steps.some((s) => s.document_id === d.id && s.action === "approve" && s.actor_id === u.id)
        );
      if (staff) return true;
      const unit = u.unit_id;
      return (
        d.created_by === u.id ||
        d.reviewer_id === u.id ||
        (d.direction === "outgoing" && d.status === "issued") ||
        steps.some((s) => s.document_id === d.id && s.to_user_id === u.id) ||
        handlers.some(
          (h) => h.document_id === d.id && (h.user_id === u.id || (!!unit && h.unit_id === unit)),
        ) ||
        (!!unit && consultations.some((c) => c.document_id === d.id && c.unit_id === unit)) ||
        (!!unit &&
          u.unit_head &&
          d.direction === "outgoing" &&
          d.status === "draft" &&
          !!d.created_by &&
          userById.get(d.created_by)?.unit_id === unit)
      );
    };
    const visible = new Set(docs.filter(sees).map((d) => d.id));
    // A follow-on tree shows its issued documents (not secret) to whoever may open a record of
    // their own agency in it.
    const trees = new Set(
      docs
        .filter((d) => u && d.agency_id === u.agency_id && visible.has(d.id))
        .map((d) => rootOf(d.id)),
    );
    const seen = new Set(visible);
    for (const d of docs)
      if (
        d.status === "issued" &&
        d.direction === "outgoing" &&
        !d.secrecy &&
        trees.has(rootOf(d.id))
      )
        seen.add(d.id);
    const taskSeen = (k: (typeof tasks)[number]) =>
      !!u &&
      ((k.issuer_agency_id === u.agency_id && visible.has(k.document_id)) ||
        (k.assignee_agency_id === u.agency_id &&
          docs.some(
            (c) =>
              c.source_id === k.document_id && c.agency_id === u.agency_id && visible.has(c.id),
          )));
    for (const k of tasks) if (taskSeen(k)) seen.add(k.id);
    for (const r of reports) {
      const k = tasks.find((x) => x.id === r.task_id);
      if (k && taskSeen(k)) seen.add(r.id);
    }
    for (const d of deliveries)
      if (
        u &&
        ((d.from_agency_id === u.agency_id && visible.has(d.document_id!)) ||
          (d.to_agency_id === u.agency_id && visible.has(d.received_id!)))
      )
        seen.add(d.id);
    for (const b of batches)
      if (u && b.agency_id === u.agency_id && (staff || b.created_by === u.id)) seen.add(b.id);
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
