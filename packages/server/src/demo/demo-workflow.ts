/**
 * The demo world's work in progress, so that a newcomer can try every step of the work inside an
 * agency without issuing something first (issue 15, item 8):
 * - 06 (Sở TT&TT Lạng Sơn, issued) is delivered to Báo Lạng Sơn and the radio/TV station and
 *   waits to be registered; Báo Lạng Sơn also holds a second copy of it that came by another
 *   route (imported by hand), on which the duplicate warning fires;
 * - 07 (UBND tỉnh, issued) is delivered to Sở TT&TT and Báo Lạng Sơn. At Sở TT&TT it is
 *   registered and presented to the leader, who has still to write the bút phê; at Báo Lạng Sơn
 *   it was registered, instructed (Ban Thời sự leads, Ban Thư ký tòa soạn cooperates, to be done
 *   by 20/11/2026) and assigned, and is now overdue.
 * The rows are those the workflow's use cases write; the documents are the project's own
 * (packages/server/demo/).
 */
import { readFileSync } from "node:fs";
import type { Transaction } from "kysely";
import { normalizeText, parseDocument } from "@vanthu/core";
import type { Database } from "@vanthu/db";
import type { AppContext } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { columnsOf, contentFromParsed } from "../documents/document-content.ts";
import { syncCitations } from "../links/sync-citations.ts";
import { planDelivery } from "../deliveries/plan-delivery.ts";
import { deliverDocument, prepareDelivery } from "../deliveries/deliver-document.ts";
import { takeNextNumber } from "../registers/next-number.ts";

const DIR = new URL("../../demo/", import.meta.url);

type Trx = Transaction<Database>;

async function ids(trx: Trx) {
  const agencies = await trx.selectFrom("agencies").select(["id", "code"]).execute();
  const users = await trx.selectFrom("users").select(["id", "username", "agency_id"]).execute();
  const units = await trx.selectFrom("units").select(["id", "agency_id", "abbreviation"]).execute();
  const agency = (code: string) => agencies.find((a) => a.code === code)!.id;
  const user = (username: string) => users.find((u) => u.username === username)!.id;
  const unit = (code: string, abbreviation: string) =>
    units.find((u) => u.agency_id === agency(code) && u.abbreviation === abbreviation)!.id;
  return { agency, user, unit };
}

/** An issued outgoing document of `agencyId` from a demo text, delivered to whom its text names. */
async function issueAndDeliver(trx: Trx, file: string, agencyId: string, at: Date) {
  const text = normalizeText(readFileSync(new URL(file, DIR), "utf8"));
  const parsed = parseDocument(text);
  const content = contentFromParsed(parsed);
  const issuedAt = new Date(`${parsed.date}T09:00:00+07:00`);
  const row = await trx
    .insertInto("documents")
    .values({
      ...columnsOf(content, text),
      reference: parsed.reference,
      agency_id: agencyId,
      direction: "outgoing",
      status: "issued",
      review: "approved",
      // Letters to named recipients: not on the portal.
      is_public: false,
      issued_at: issuedAt,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await syncCitations(trx, row.id, text, parsed.reference);
  const plan = await planDelivery(trx, row);
  await deliverDocument(trx, row, await prepareDelivery(trx, row, plan.recipients, plan), issuedAt);
  await recordAudit(trx, {
    actor: null,
    action: "demo.document",
    entity: "document",
    entityId: row.id,
    after: { file, reference: parsed.reference },
    at,
  });
  return { row, text };
}

/** The copy of `originalId` an agency received. */
async function receivedCopy(trx: Trx, originalId: string, agencyId: string) {
  return trx
    .selectFrom("documents")
    .selectAll()
    .where("source_id", "=", originalId)
    .where("agency_id", "=", agencyId)
    .executeTakeFirstOrThrow();
}

/** Registers a received copy (the incoming register's next number, status 03 to the sender). */
async function register(
  trx: Trx,
  copy: { id: string; agency_id: string },
  clerk: string,
  day: string,
  due: string | null,
) {
  const at = new Date(`${day}T08:30:00+07:00`);
  const { registerId, number } = await takeNextNumber(trx, {
    agencyId: copy.agency_id,
    book: "incoming",
    period: day.slice(0, 4),
    typeCode: "",
  });
  await trx
    .updateTable("documents")
    .set({ status: "registered", due_on: due, updated_at: at })
    .where("id", "=", copy.id)
    .execute();
  await trx
    .updateTable("deliveries")
    .set({ status: "03", registered_at: at, updated_at: at })
    .where("received_id", "=", copy.id)
    .execute();
  await trx
    .insertInto("register_entries")
    .values({
      register_id: registerId,
      number,
      document_id: copy.id,
      registered_by: clerk,
      registered_at: at,
      arrived_on: day,
    })
    .execute();
  return at;
}

export async function seedDemoWorkflow(ctx: AppContext): Promise<{ documents: number }> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const { agency, user, unit } = await ids(trx);
    // Default processing deadlines in working days (the admin edits them): 10, and shorter the
    // more urgent; New Year's Day off.
    const all = await trx
      .selectFrom("agencies")
      .select("id")
      .where("kind", "!=", "installation")
      .execute();
    for (const a of all) {
      await trx
        .insertInto("deadline_rules")
        .values(
          (
            [
              ["", 10],
              ["khan", 5],
              ["thuong-khan", 3],
              ["hoa-toc", 1],
            ] as const
          ).map(([urgency, days]) => ({
            agency_id: a.id,
            type_code: "",
            urgency,
            working_days: days,
          })),
        )
        .execute();
      await trx
        .insertInto("holidays")
        .values({ agency_id: a.id, day: "2027-01-01", name: "Tết Dương lịch" })
        .execute();
    }
    const bls = agency("baolangson");
    const stttt = agency("stttt-ls");

    // 06: delivered, waiting to be registered; and a second copy imported by hand.
    const { row: d06, text: t06 } = await issueAndDeliver(
      trx,
      "06-stttt-ls-an-toan-thong-tin.txt",
      stttt,
      at,
    );
    await trx
      .insertInto("documents")
      .values({
        ...columnsOf(contentFromParsed(parseDocument(t06)), t06),
        reference: d06.reference,
        agency_id: bls,
        direction: "incoming",
        status: "draft",
        created_by: user("baolangson.vanthu"),
        created_at: new Date("2026-11-13T10:00:00+07:00"),
        updated_at: new Date("2026-11-13T10:00:00+07:00"),
      })
      .execute();

    // 07: at Sở TT&TT registered and presented to the leader.
    const { row: d07 } = await issueAndDeliver(
      trx,
      "07-ubnd-ls-gioi-thieu-san-pham.txt",
      agency("ubnd-ls"),
      at,
    );
    const atStttt = await receivedCopy(trx, d07.id, stttt);
    const registered = await register(
      trx,
      atStttt,
      user("stttt-ls.vanthu"),
      "2026-11-11",
      "2026-11-20",
    );
    await trx
      .updateTable("documents")
      .set({
        handling: "presented",
        presented_to: user("stttt-ls.lanhdao"),
        updated_at: registered,
      })
      .where("id", "=", atStttt.id)
      .execute();

    // 07 at Báo Lạng Sơn: instructed, assigned, late.
    const atBls = await receivedCopy(trx, d07.id, bls);
    const day = "2026-11-11";
    await register(trx, atBls, user("baolangson.vanthu"), day, "2026-11-20");
    const instructedAt = new Date(`${day}T10:00:00+07:00`);
    const instruction = await trx
      .insertInto("instructions")
      .values({
        document_id: atBls.id,
        text: "Giao Ban Thời sự chủ trì xây dựng chuyên trang; Ban Thư ký tòa soạn phối hợp bố trí trang báo. Báo cáo kết quả trước ngày 20/11/2026.",
        due_on: "2026-11-20",
        given_by: user("baolangson.lanhdao"),
        entered_by: user("baolangson.lanhdao"),
        at: instructedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const lead = await trx
      .insertInto("handlers")
      .values({
        document_id: atBls.id,
        instruction_id: instruction.id,
        unit_id: unit("baolangson", "TS"),
        role: "lead",
        assigned_by: user("baolangson.lanhdao"),
        assigned_at: instructedAt,
        due_on: "2026-11-20",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("handlers")
      .values({
        document_id: atBls.id,
        instruction_id: instruction.id,
        unit_id: unit("baolangson", "TKTS"),
        role: "cooperate",
        assigned_by: user("baolangson.lanhdao"),
        assigned_at: instructedAt,
        due_on: "2026-11-20",
      })
      .execute();
    const assignedAt = new Date(`2026-11-12T08:00:00+07:00`);
    await trx
      .insertInto("handlers")
      .values({
        document_id: atBls.id,
        parent_id: lead.id,
        user_id: user("baolangson.chuyenvien"),
        role: "lead",
        assigned_by: user("baolangson.truongphong"),
        assigned_at: assignedAt,
        due_on: "2026-11-20",
      })
      .execute();
    await trx
      .updateTable("documents")
      .set({ handling: "assigned", updated_at: assignedAt })
      .where("id", "=", atBls.id)
      .execute();
    await trx
      .updateTable("deliveries")
      .set({ status: "04", assigned_at: assignedAt, updated_at: assignedAt })
      .where("received_id", "=", atBls.id)
      .execute();
  });
  return { documents: 2 };
}
