/**
 * The issuer's dashboard of a directive: recipients x items, each cell with its reports, what is
 * due and missing, and totals per item, per recipient, over everything and down the cascade
 * (reports on the follow-on documents of the recipients). And an agency's own list: what it owes
 * and what is overdue.
 */
import { sumFigures, type Cycle } from "@vanthu/core";
import type { ApiReply, Dashboard, DashboardCell } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { localDate } from "../context.ts";
import { fail } from "../errors.ts";
import { shownInTree, taskVisibleTo } from "../documents/access.ts";
import { loadDocument } from "../documents/load-document.ts";
import { summary } from "../documents/present.ts";
import { dueBy, reportedPeriods, taskPeriods } from "./reports.ts";
import { readFigures } from "../stored-json.ts";

type Figures = Record<string, number>;
type Cell = DashboardCell;

/** Reports on the tasks of these documents, summed. */
async function totalsOf(ctx: AppContext, documentIds: string[]): Promise<Figures> {
  if (!documentIds.length) return {};
  const rows = await ctx.db
    .selectFrom("reports")
    .innerJoin("tasks", "tasks.id", "reports.task_id")
    .select(["reports.id", "reports.figures"])
    .where("tasks.document_id", "in", documentIds)
    .execute();
  return sumFigures(rows.map((r) => readFigures(r.figures, r.id)));
}

export async function dashboard(
  ctx: AppContext,
  actor: Actor,
  documentId: string,
): Promise<Dashboard> {
  const doc = await loadDocument(ctx.db, actor, documentId, { own: true });
  if (doc.direction !== "outgoing" || doc.status !== "issued")
    throw fail("DOCUMENT_NOT_FOUND", `document ${documentId} is not an issued directive`);
  const today = localDate(ctx, ctx.now());
  const tasks = await ctx.db
    .selectFrom("tasks")
    .selectAll()
    .where("document_id", "=", doc.id)
    .orderBy("item_label")
    .execute();
  const reports = tasks.length
    ? await ctx.db
        .selectFrom("reports")
        .selectAll()
        .where(
          "task_id",
          "in",
          tasks.map((t) => t.id),
        )
        .orderBy("period")
        .execute()
    : [];
  const files = reports.length
    ? await ctx.db
        .selectFrom("report_files")
        .select(["report_id", "name"])
        .where(
          "report_id",
          "in",
          reports.map((r) => r.id),
        )
        .orderBy("name")
        .execute()
    : [];
  const deliveries = await ctx.db
    .selectFrom("deliveries")
    .innerJoin("agencies", "agencies.id", "deliveries.to_agency_id")
    .select([
      "agencies.id",
      "agencies.code",
      "agencies.name",
      "deliveries.status",
      "deliveries.kind",
      "deliveries.received_id",
      "deliveries.return_reason",
      "deliveries.returned_at",
    ])
    .where("deliveries.document_id", "=", doc.id)
    .orderBy("agencies.name")
    .execute();

  const items = [
    ...new Map(tasks.map((t) => [t.item_label, { label: t.item_label, title: t.title }])).values(),
  ].sort((a, b) => Number(a.label) - Number(b.label) || a.label.localeCompare(b.label));
  // A recipient that returned the directive (02) owes nothing on it: its cells say so.
  const returned = new Set(deliveries.filter((d) => d.status === "02").map((d) => d.id));
  const cells: Cell[] = tasks.map((t) => {
    const mine = reports.filter((r) => r.task_id === t.id);
    const open = taskPeriods(t, today);
    const expected = dueBy(open, today).map((p) => p.label);
    const gone = returned.has(t.assignee_agency_id);
    const missing = gone ? [] : expected.filter((p) => !mine.some((r) => r.period === p));
    return {
      agencyId: t.assignee_agency_id,
      label: t.item_label,
      taskId: t.id,
      cycles: t.cycles as Cycle[],
      due: t.due_date,
      status: gone ? "returned" : missing.length ? "overdue" : mine.length ? "reported" : "pending",
      reports: mine.map((r) => ({
        id: r.id,
        files: files.filter((f) => f.report_id === r.id).map((f) => f.name),
        period: r.period,
        figures: readFigures(r.figures, r.id),
        narrative: r.narrative,
        late: r.late,
        submittedAt: r.submitted_at.toISOString(),
      })),
      missing,
      periods: open.map((p) => p.label),
    };
  });
  const figuresOf = (filter: (c: Cell) => boolean) =>
    sumFigures(cells.filter(filter).flatMap((c) => c.reports.map((r) => r.figures)));
  const assignees = [...new Set(tasks.map((t) => t.assignee_agency_id))];

  // Down the cascade: follow-on documents written from the recipients' copies, as the access
  // rule shows a tree to its issuer (issued follow-ons; a recipient's draft is not shown).
  const cascade = [];
  let level = deliveries.map((d) => d.received_id);
  for (let depth = 0; depth < 10 && level.length; depth++) {
    const children = await ctx.db
      .selectFrom("documents")
      .innerJoin("agencies", "agencies.id", "documents.agency_id")
      .selectAll("documents")
      .select("agencies.name as agency_name")
      .where("documents.parent_id", "in", level)
      .where("documents.direction", "=", "outgoing")
      .where(shownInTree(actor))
      .execute();
    for (const c of children)
      cascade.push({
        depth: depth + 1,
        agency: c.agency_name,
        document: summary(c),
        totals: await totalsOf(ctx, [c.id]),
      });
    const issued = children.filter((c) => c.status === "issued").map((c) => c.id);
    level = issued.length
      ? (
          await ctx.db
            .selectFrom("documents")
            .select("id")
            .where("source_id", "in", issued)
            .execute()
        ).map((r) => r.id)
      : [];
  }

  return {
    document: summary(doc),
    today,
    items,
    recipients: deliveries.map((d) => ({
      agencyId: d.id,
      code: d.code,
      name: d.name,
      kind: d.kind,
      deliveryStatus: d.status,
      returnReason: d.status === "02" ? d.return_reason : null,
      returnedAt: d.status === "02" ? (d.returned_at?.toISOString() ?? null) : null,
    })),
    cells,
    totals: {
      all: figuresOf(() => true),
      byItem: Object.fromEntries(
        items.map((i) => [i.label, figuresOf((c) => c.label === i.label)]),
      ),
      byRecipient: Object.fromEntries(
        assignees.map((a) => [a, figuresOf((c) => c.agencyId === a)]),
      ),
      cascade: sumFigures([figuresOf(() => true), ...cascade.map((c) => c.totals)]),
    },
    cascade,
    notReported: deliveries
      .filter(
        (d) =>
          assignees.includes(d.id) &&
          !returned.has(d.id) &&
          !cells.some((c) => c.agencyId === d.id && c.reports.length),
      )
      .map((d) => ({ agencyId: d.id, code: d.code, name: d.name })),
    overdue: cells.filter((c) => c.status === "overdue").length,
  };
}

/** What an agency owes: its tasks, the periods due and missing, the next due date. */
export async function owedBy(ctx: AppContext, actor: Actor): Promise<ApiReply<"GET /api/tasks">> {
  const today = localDate(ctx, ctx.now());
  const tasks = await ctx.db
    .selectFrom("tasks")
    .innerJoin("documents", "documents.id", "tasks.document_id")
    // The agency's own copy of the directive: the record it can open (the original may not be public).
    .leftJoin("documents as copy", (join) =>
      join
        .onRef("copy.source_id", "=", "tasks.document_id")
        .on("copy.agency_id", "=", actor.agencyId),
    )
    .selectAll("tasks")
    .select([
      "copy.id as copy_id",
      "documents.reference",
      "documents.subject",
      "documents.issuer_name",
    ])
    .where("tasks.assignee_agency_id", "=", actor.agencyId)
    // What the reader may see of it: a specialist, the directives given to their unit or them.
    .where(taskVisibleTo(actor))
    .orderBy("tasks.created_at", "desc")
    .execute();
  // The newest directive first; its tasks in the order the document numbers them (1, 2, 3, 4:
  // the tasks of one document are made in one transaction, at the same time).
  const firstSeen = new Map<string, number>();
  tasks.forEach((t, i) => firstSeen.has(t.document_id) || firstSeen.set(t.document_id, i));
  tasks.sort(
    (a, b) =>
      firstSeen.get(a.document_id)! - firstSeen.get(b.document_id)! ||
      a.item_label.localeCompare(b.item_label, "vi", { numeric: true }),
  );
  const reported = await reportedPeriods(
    ctx,
    tasks.map((t) => t.id),
  );
  const items = tasks.map((t) => {
    const done = reported.get(t.id)!;
    const open = taskPeriods(t, today);
    const overdue = dueBy(open, today)
      .map((p) => p.label)
      .filter((p) => !done.has(p));
    return {
      taskId: t.id,
      document: {
        id: t.copy_id ?? t.document_id,
        reference: t.reference,
        subject: t.subject,
        issuer: t.issuer_name,
      },
      label: t.item_label,
      title: t.title,
      cycles: t.cycles as Cycle[],
      due: t.due_date,
      reported: [...done].sort(),
      overdue,
      periods: open.map((p) => ({ label: p.label, due: p.due })),
    };
  });
  return { today, items, overdue: items.filter((i) => i.overdue.length).length };
}
