/**
 * The report on how documents were handled over a period (báo cáo tình hình xử lý văn bản), per
 * unit and per person, with the agency's totals.
 *
 * Incoming: the received documents registered in the period (by their day of arrival) that the
 * reader may see (`visibleTo`), of their own agency. A unit's or a person's figures count their
 * shares: each handler row naming them as lead or cooperating (for information is nothing to
 * do), on its own deadline or else the document's; a unit is a row naming the unit and no
 * person, a person a row naming them. The totals count documents, each once. Where each stands
 * (on time, late, overdue, open) is judged today, by core's `addHandlingRow`.
 *
 * Outgoing: the agency's outgoing documents, per author (`created_by`, in the unit they are in
 * now): drafts written in the period, sent up for approval in the period (by the sender of the
 * review step), approved in the period, issued in the period.
 *
 * Who sees what: leaders, clerks and the person in charge of follow-up (đôn đốc) the whole
 * agency; a unit head their unit and its people; any other specialist their own row only
 * (chosen over refusing specialists: each person can see how they stand). An admin without
 * another role is refused by the route (REPORT_ROLES).
 */
import {
  addHandlingRow,
  emptyDraftingFigures,
  emptyHandlingFigures,
  type DraftingFigures,
  type HandlingFigures,
} from "@vanthu/core";
import type { ApiReply, HandlingReportRow } from "@vanthu/contract";
import { hasRole, localDate, type Actor, type AppContext } from "../context.ts";
import { visibleTo } from "../documents/access.ts";
import {
  documentDue,
  documentRow,
  handlerRow,
  handlersOf,
  inPeriod,
  instructionDeadlines,
  periodBounds,
  receivedInPeriod,
} from "./handling-rows.ts";

type Period = { from: string; to: string };
type Scope = ApiReply<"GET /api/forms/handling-report">["scope"];

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

interface Tally {
  incoming: HandlingFigures;
  outgoing: DraftingFigures;
}
const tally = (): Tally => ({ incoming: emptyHandlingFigures(), outgoing: emptyDraftingFigures() });
const counted = (t: Tally) => t.incoming.received > 0 || Object.values(t.outgoing).some((n) => n);

export async function handlingReport(
  ctx: AppContext,
  actor: Actor,
  period: Period,
): Promise<ApiReply<"GET /api/forms/handling-report">> {
  const today = localDate(ctx, ctx.now());
  const me = await ctx.db
    .selectFrom("users")
    .select(["follows_up"])
    .where("id", "=", actor.userId)
    .executeTakeFirst();
  const scope: Scope =
    hasRole(actor, "leader", "clerk") || me?.follows_up
      ? "agency"
      : actor.unitHead && actor.unitId
        ? "unit"
        : "self";

  const [units, users] = await Promise.all([
    ctx.db
      .selectFrom("units")
      .select(["id", "name", "closed_at"])
      .where("agency_id", "=", actor.agencyId)
      .execute(),
    ctx.db
      .selectFrom("users")
      .leftJoin("units", "units.id", "users.unit_id")
      .select([
        "users.id",
        "users.full_name",
        "users.unit_id",
        "users.disabled",
        "units.name as unit_name",
      ])
      .where("users.agency_id", "=", actor.agencyId)
      .execute(),
  ]);
  const unitOf = new Map(users.map((u) => [u.id, u.unit_id]));
  const byUnit = new Map<string, Tally>();
  const byPerson = new Map<string, Tally>();
  const of = (map: Map<string, Tally>, key: string) => {
    let t = map.get(key);
    if (!t) map.set(key, (t = tally()));
    return t;
  };
  const total = tally();

  // Incoming.
  const { rows: received } = await receivedInPeriod(ctx, actor, period);
  const ids = received.map((r) => r.id);
  const [handlers, deadlines] = await Promise.all([
    handlersOf(ctx.db, ids),
    instructionDeadlines(ctx.db, ids),
  ]);
  for (const doc of received) {
    const mine = handlers.get(doc.id) ?? [];
    const due = documentDue(doc, deadlines.get(doc.id));
    addHandlingRow(total.incoming, documentRow(ctx, doc, mine, due), today);
    for (const h of mine) {
      if (h.role === "inform") continue;
      const row = handlerRow(ctx, h, due);
      if (h.user_id) addHandlingRow(of(byPerson, h.user_id).incoming, row, today);
      else if (h.unit_id) addHandlingRow(of(byUnit, h.unit_id).incoming, row, today);
    }
  }

  // Outgoing.
  const { lo, hi } = periodBounds(period);
  const outgoing = await ctx.db
    .selectFrom("documents")
    .select(["id", "created_by", "created_at", "approved_at", "issued_at", "status"])
    .where("agency_id", "=", actor.agencyId)
    .where("direction", "=", "outgoing")
    .where(visibleTo(actor))
    .where((eb) =>
      eb.or([
        eb.between("created_at", lo, hi),
        eb.between("approved_at", lo, hi),
        eb.between("issued_at", lo, hi),
      ]),
    )
    .execute();
  const steps = await ctx.db
    .selectFrom("review_steps")
    .innerJoin("documents", "documents.id", "review_steps.document_id")
    .select(["review_steps.document_id", "review_steps.actor_id", "review_steps.at"])
    .where("review_steps.action", "=", "submit")
    .where("review_steps.at", ">=", lo)
    .where("review_steps.at", "<", hi)
    .where("documents.agency_id", "=", actor.agencyId)
    .where(visibleTo(actor))
    .execute();
  const add = (who: string | null, field: keyof DraftingFigures) => {
    if (!who) return;
    of(byPerson, who).outgoing[field]++;
    const unit = unitOf.get(who);
    if (unit) of(byUnit, unit).outgoing[field]++;
  };
  for (const d of outgoing) {
    const author = d.created_by;
    if (inPeriod(ctx, period, d.created_at)) {
      total.outgoing.written++;
      add(author, "written");
    }
    if (inPeriod(ctx, period, d.approved_at)) {
      total.outgoing.approved++;
      add(author, "approved");
    }
    if (d.status === "issued" && inPeriod(ctx, period, d.issued_at)) {
      total.outgoing.issued++;
      add(author, "issued");
    }
  }
  const submitted = new Set<string>();
  const submittedBy = new Set<string>();
  for (const s of steps) {
    if (!inPeriod(ctx, period, s.at)) continue;
    submitted.add(s.document_id);
    const key = `${s.actor_id} ${s.document_id}`;
    if (submittedBy.has(key)) continue;
    submittedBy.add(key);
    add(s.actor_id, "submitted");
  }
  total.outgoing.submitted = submitted.size;

  // The rows the reader is shown.
  const unitRows: HandlingReportRow[] = units
    .filter((u) =>
      scope === "agency"
        ? !u.closed_at || byUnit.has(u.id)
        : scope === "unit" && u.id === actor.unitId,
    )
    .map((u) => ({
      id: u.id,
      name: u.name,
      unit: null,
      closed: !!u.closed_at,
      ...(byUnit.get(u.id) ?? tally()),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const personRows: HandlingReportRow[] = users
    .filter((u) =>
      scope === "agency"
        ? byPerson.has(u.id) && counted(byPerson.get(u.id)!)
        : scope === "unit"
          ? u.unit_id === actor.unitId && (!u.disabled || byPerson.has(u.id))
          : u.id === actor.userId,
    )
    .map((u) => ({
      id: u.id,
      name: u.full_name,
      unit: u.unit_name,
      closed: u.disabled,
      ...(byPerson.get(u.id) ?? tally()),
    }))
    .sort(
      (a, b) => collator.compare(a.unit ?? "", b.unit ?? "") || collator.compare(a.name, b.name),
    );

  const shown =
    scope === "agency"
      ? total
      : scope === "unit"
        ? (byUnit.get(actor.unitId!) ?? tally())
        : (byPerson.get(actor.userId) ?? tally());
  return {
    from: period.from,
    to: period.to,
    asOf: today,
    scope,
    total: { incoming: shown.incoming, outgoing: shown.outgoing },
    units: unitRows,
    people: personRows,
  };
}
