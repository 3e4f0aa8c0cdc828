/**
 * Việc của tôi (`GET /api/my-work`): what waits for the signed-in person, in groups, each read
 * from the state of the documents themselves (no list of its own to keep in step):
 * - approve: outgoing drafts submitted with me as reviewer;
 * - sentBack: my drafts sent back;
 * - issue (clerks): approved outgoing drafts waiting for their number;
 * - register (clerks): received records not registered nor attached to an earlier one;
 * - present (clerks): registered received documents not yet presented (handling null);
 * - instruct: presented to me, or to a leader whose instructions I hold today (delegation);
 * - assign (unit heads): my unit leads it and no one in the unit has been given it;
 * - handle: given to me, not done;
 * - overdue: mine past their deadline; for follow-up people (users.follows_up) and leaders,
 *   every received document of the agency past its deadline and not done;
 * - reports (clerks, leaders, follow-up): the agency's tasks with a period overdue or none
 *   reported (followup's `owedBy`).
 * Every document row passes the access rule (`visibleTo`) and is the agency's own record. Each
 * group gives its count and its first LIMIT rows: most urgent first, then the nearest deadline.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from "kysely";
import { type MyWorkGroup, type Urgency, type WorkAction } from "@vanthu/core";
import type { Database } from "@vanthu/db";
import type { MyWork, WorkGroup, WorkRow } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { hasRole, localDate } from "../context.ts";
import { visibleTo } from "../documents/access.ts";
import { owedBy } from "../followup/dashboard.ts";
import { leadersActedFor } from "./delegation.ts";

export const MY_WORK_LIMIT = 20;

/** The columns every group selects, under these names. */
interface RowColumns {
  document_id: string;
  reference: string | null;
  subject: string | null;
  urgency: Urgency | null;
  due: string | null;
  from_name: string | null;
  at: Date | null;
}
type Source = SelectQueryBuilder<Database, "documents", RowColumns>;

/** Hỏa tốc first, then Thượng khẩn, Khẩn, the rest. */
const urgencyRank = sql<number>`CASE documents.urgency WHEN 'hoa-toc' THEN 0 WHEN 'thuong-khan' THEN 1 WHEN 'khan' THEN 2 ELSE 3 END`;

/** The agency's own records the actor may see (the access rule as it stands). */
function own(actor: Actor) {
  return (eb: ExpressionBuilder<Database, "documents">) =>
    eb.and([eb("documents.agency_id", "=", actor.agencyId), visibleTo(actor)()]);
}

const userName = (column: "documents.created_by" | "documents.reviewer_id") =>
  sql<string | null>`(SELECT full_name FROM users WHERE users.id = ${sql.ref(column)})`;

export async function myWork(ctx: AppContext, actor: Actor): Promise<MyWork> {
  const now = ctx.now();
  const today = localDate(ctx, now);
  const db = ctx.db;
  const me = await db
    .selectFrom("users")
    .select(["follows_up"])
    .where("id", "=", actor.userId)
    .executeTakeFirst();
  const followsUp = !!me?.follows_up || hasRole(actor, "leader");
  const clerk = hasRole(actor, "clerk");
  const actingFor = await leadersActedFor(db, actor, today);
  const docs = () => db.selectFrom("documents").where(own(actor));
  const docColumns = [
    "documents.id as document_id",
    "documents.reference",
    "documents.subject",
    "documents.urgency",
  ] as const;

  const sources: Array<{ group: MyWorkGroup; next: WorkAction; applies: boolean; q: Source }> = [
    {
      group: "approve",
      next: "approve",
      applies: hasRole(actor, "leader") || actor.unitHead || actingFor.length > 0,
      q: docs()
        .select([
          ...docColumns,
          "documents.due_on as due",
          userName("documents.created_by").as("from_name"),
          "documents.updated_at as at",
        ])
        .where("documents.direction", "=", "outgoing")
        .where("documents.status", "=", "draft")
        .where("documents.review", "=", "submitted")
        .where("documents.reviewer_id", "=", actor.userId) as unknown as Source,
    },
    {
      group: "sentBack",
      next: "revise",
      applies: true,
      q: docs()
        .select([
          ...docColumns,
          "documents.due_on as due",
          userName("documents.reviewer_id").as("from_name"),
          "documents.updated_at as at",
        ])
        .where("documents.direction", "=", "outgoing")
        .where("documents.status", "=", "draft")
        .where("documents.review", "=", "sent-back")
        .where("documents.created_by", "=", actor.userId) as unknown as Source,
    },
    {
      group: "issue",
      next: "issue",
      applies: clerk,
      q: docs()
        .select([
          ...docColumns,
          "documents.due_on as due",
          sql<
            string | null
          >`(SELECT full_name FROM users WHERE users.id = documents.approved_by)`.as("from_name"),
          "documents.approved_at as at",
        ])
        .where("documents.direction", "=", "outgoing")
        .where("documents.status", "=", "draft")
        .where("documents.review", "=", "approved")
        .where(() => sql<boolean>`${clerk}`) as unknown as Source,
    },
    {
      group: "register",
      next: "register",
      applies: clerk,
      q: docs()
        .select([
          ...docColumns,
          "documents.due_on as due",
          "documents.issuer_name as from_name",
          "documents.created_at as at",
        ])
        .where("documents.direction", "=", "incoming")
        .where("documents.status", "=", "draft")
        .where("documents.attached_to", "is", null)
        .where(() => sql<boolean>`${clerk}`) as unknown as Source,
    },
    {
      group: "present",
      next: "present",
      applies: clerk,
      q: docs()
        .select([
          ...docColumns,
          "documents.due_on as due",
          "documents.issuer_name as from_name",
          "documents.updated_at as at",
        ])
        .where("documents.direction", "=", "incoming")
        .where("documents.status", "=", "registered")
        .where("documents.handling", "is", null)
        .where(() => sql<boolean>`${clerk}`) as unknown as Source,
    },
    {
      group: "instruct",
      next: "instruct",
      applies: hasRole(actor, "leader") || actingFor.length > 0,
      q: docs()
        .select([
          ...docColumns,
          "documents.due_on as due",
          "documents.issuer_name as from_name",
          "documents.updated_at as at",
        ])
        .where("documents.direction", "=", "incoming")
        .where("documents.handling", "=", "presented")
        .where("documents.presented_to", "in", [actor.userId, ...actingFor]) as unknown as Source,
    },
    {
      group: "assign",
      next: "assign",
      applies: actor.unitHead && !!actor.unitId,
      q: docs()
        .innerJoin("handlers as h", "h.document_id", "documents.id")
        .select([
          ...docColumns,
          sql<string | null>`coalesce(h.due_on, documents.due_on)`.as("due"),
          sql<string | null>`(SELECT full_name FROM users WHERE users.id = h.assigned_by)`.as(
            "from_name",
          ),
          "h.assigned_at as at",
        ])
        .where("h.unit_id", "=", actor.unitHead && actor.unitId ? actor.unitId : null)
        .where("h.role", "=", "lead")
        .where("h.status", "<>", "done")
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("handlers as c")
                .select("c.id")
                .whereRef("c.parent_id", "=", "h.id")
                .where("c.user_id", "is not", null),
            ),
          ),
        ) as unknown as Source,
    },
    {
      group: "handle",
      next: "handle",
      applies: true,
      q: docs()
        .innerJoin("handlers as h", "h.document_id", "documents.id")
        .select([
          ...docColumns,
          sql<string | null>`coalesce(h.due_on, documents.due_on)`.as("due"),
          sql<string | null>`(SELECT full_name FROM users WHERE users.id = h.assigned_by)`.as(
            "from_name",
          ),
          "h.assigned_at as at",
        ])
        .where("h.user_id", "=", actor.userId)
        .where("h.status", "<>", "done") as unknown as Source,
    },
    {
      group: "overdue",
      next: followsUp ? "follow-up" : "handle",
      applies: true,
      q: (followsUp
        ? docs()
            .select([
              ...docColumns,
              "documents.due_on as due",
              "documents.issuer_name as from_name",
              "documents.updated_at as at",
            ])
            .where("documents.direction", "=", "incoming")
            .where("documents.status", "=", "registered")
            .where("documents.due_on", "<", today)
            .where((eb) =>
              eb.or([eb("documents.handling", "is", null), eb("documents.handling", "<>", "done")]),
            )
        : docs()
            .innerJoin("handlers as h", "h.document_id", "documents.id")
            .select([
              ...docColumns,
              sql<string | null>`coalesce(h.due_on, documents.due_on)`.as("due"),
              sql<string | null>`(SELECT full_name FROM users WHERE users.id = h.assigned_by)`.as(
                "from_name",
              ),
              "h.assigned_at as at",
            ])
            .where("h.user_id", "=", actor.userId)
            .where("h.status", "<>", "done")
            .where(
              sql<boolean>`coalesce(h.due_on, documents.due_on) < ${today}`,
            )) as unknown as Source,
    },
  ];

  const groups: WorkGroup[] = [];
  for (const s of sources) {
    const [rows, count] = await Promise.all([
      s.q
        .orderBy(urgencyRank)
        .orderBy(sql`due`, (ob) => ob.asc().nullsLast())
        .orderBy(sql`at`, "desc")
        .limit(MY_WORK_LIMIT)
        .execute(),
      db
        .selectFrom(s.q.as("g"))
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow(),
    ]);
    const n = Number(count.n);
    if (!s.applies && !n) continue;
    groups.push({
      group: s.group,
      count: n,
      items: rows.map((r): WorkRow => ({
        documentId: r.document_id,
        taskId: null,
        reference: r.reference,
        subject: r.subject,
        urgency: r.urgency,
        due: dayOf(r.due),
        next: s.next,
        from: r.from_name,
        at: r.at ? new Date(r.at).toISOString() : null,
      })),
    });
  }

  if (clerk || followsUp) {
    const owed = await owedBy(ctx, actor);
    const open = owed.items.filter((i) => i.overdue.length || !i.reported.length);
    groups.push({
      group: "reports",
      count: open.length,
      items: open
        .sort((a, b) => b.overdue.length - a.overdue.length)
        .slice(0, MY_WORK_LIMIT)
        .map((i) => ({
          documentId: i.document.id,
          taskId: i.taskId,
          reference: i.document.reference,
          subject: `${i.label}. ${i.title}`,
          urgency: null,
          due: i.periods.find((p) => !i.reported.includes(p.label) && p.due)?.due ?? i.due,
          next: "report",
          from: i.document.issuer,
          at: null,
        })),
    });
  }
  return { today, groups };
}

/** A date column as "YYYY-MM-DD" (PGlite and pg may give a string or a Date). */
function dayOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}
