/**
 * Issuing (ban hành): the next number of the agency's outgoing register, today's date, the
 * reference, the final text and PDF, all in one transaction with the register entry and the
 * audit event. Issued documents never change afterwards. An agency with a signer issues its PDF
 * signed (signing/sign-at-issue.ts): the signer is checked before the transaction, and the number
 * and date are stamped and the file signed inside it, so that a failure takes no number.
 */
import {
  applyDecisions,
  composeDocument,
  composeReference,
  composeSymbol,
  composeText,
  formatSequence,
  lintReport,
  parseDocument,
  registerKey,
  DomainError,
  mayAct,
  type ComposeField,
  type Diagnostic,
} from "@vanthu/core";
import { withDeferredWrites } from "@vanthu/db";
import type { AppContext, Actor } from "../context.ts";
import { localDate } from "../context.ts";
import { fail, fromDomain, type Issue } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { takeNextNumber } from "../registers/next-number.ts";
import { columnsOf, type DocumentContent } from "./document-content.ts";
import { loadDocument } from "./load-document.ts";
import { readDelivery } from "../deliveries/plan-delivery.ts";
import { deliverDocument, prepareDelivery } from "../deliveries/deliver-document.ts";
import { createTasks } from "../followup/tasks.ts";
import type { IssueBody, IssueReply } from "@vanthu/contract";
import { ensureRenderedPdf } from "./rendered-pdf.ts";
import { renderDocumentHtml } from "./stored-rendering.ts";
import { citationRows } from "../links/sync-citations.ts";
import { assertMayPublish } from "./access.ts";
import { readContent } from "../stored-json.ts";
import { linkReply, replyToLink } from "../handling/create-reply.ts";
import { prepareAgencySigning, signIssued } from "../signing/sign-at-issue.ts";
import { fromSignError } from "../signing/sign-errors.ts";

export type IssueResult = IssueReply;

/** Where each field of the compose form is in the draft fields the API takes, and its name. */
const FIELDS: Record<ComposeField, { path: string; label: string; item?: string }> = {
  subject: { path: "subject", label: "Trích yếu" },
  addressees: { path: "addressees", label: "Kính gửi", item: "dòng" },
  body: { path: "paragraphs", label: "Nội dung", item: "đoạn" },
  recipients: { path: "recipients", label: "Nơi nhận", item: "dòng" },
  archive: { path: "archive", label: "Lưu" },
  authority: { path: "signature.authority", label: "Thẩm quyền ký" },
  authorityTitle: { path: "signature.authorityTitle", label: "Chức vụ người đứng đầu" },
  signerTitle: { path: "signature.signerTitle", label: "Chức vụ người ký" },
  signerName: { path: "signature.signerName", label: "Họ và tên người ký" },
};

/** "Nội dung, đoạn 2: còn chỗ để trống ...": a finding said by the field it is in. */
function issueOf(d: Diagnostic & { field: ComposeField }): Issue {
  const f = FIELDS[d.field];
  const place = f.item && d.fieldItem ? `${f.label}, ${f.item} ${d.fieldItem.index + 1}` : f.label;
  return {
    path: f.path,
    message: `${place}: ${d.message.charAt(0).toLocaleLowerCase("vi")}${d.message.slice(1)}`,
  };
}

/**
 * Text a template leaves for the author ("[Tên cơ quan]", "…………", "ngày ... tháng ... năm"),
 * still in a field: the linter's placeholder findings on the text as it will be issued. An
 * issued document never changes, so it must not go out with them.
 */
function placeholdersLeft(c: DocumentContent): Issue[] {
  const { text, fields } = composeDocument(c);
  return lintReport(parseDocument(text), { text, fields, status: "issued" })
    .diagnostics.filter(
      (d): d is Diagnostic & { field: ComposeField } => d.code === "placeholder" && !!d.field,
    )
    .map(issueOf);
}

/** What a draft needs before it can be issued. */
export function missingForIssue(c: DocumentContent): Issue[] {
  const issues: Issue[] = [];
  if (!c.type?.code) issues.push({ path: "typeCode", message: "Chưa chọn loại văn bản." });
  if (!c.subject?.trim()) issues.push({ path: "subject", message: "Chưa có trích yếu." });
  if (!c.paragraphs.some((p) => p.trim()))
    issues.push({ path: "paragraphs", message: "Văn bản chưa có nội dung." });
  if (!c.signature.signerName)
    issues.push({ path: "signature.signerName", message: "Chưa có họ tên người ký." });
  issues.push(...placeholdersLeft(c));
  return issues;
}

export async function issueDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: IssueBody = {},
): Promise<IssueResult> {
  if (!mayAct(actor.roles, "issue"))
    throw fail("FORBIDDEN", `${actor.username} may not issue documents`);
  const now = ctx.now();
  try {
    // The agency's signer opened and checked with nothing locked: a wrong password, an expired
    // certificate or a service that does not answer fail before any number is taken.
    const agencySigning = await prepareAgencySigning(ctx, actor.agencyId);
    const result = await ctx.db.transaction().execute(async (trx) => {
      const row = await loadDocument(trx, actor, id, { forUpdate: true, own: true });
      if (row.direction !== "outgoing" || row.status !== "draft")
        throw fail(
          row.status === "issued" ? "ALREADY_ISSUED" : "NOT_A_DRAFT",
          `document ${id} is ${row.status}`,
        );
      // Only what a leader approved is issued (ND30 Điều 13: the leader signs it).
      if (row.review !== "approved")
        throw fail("DRAFT_NOT_APPROVED", `document ${id} is ${row.review}, not approved`);
      // A draft marked public reaches the portal now: whoever issues it publishes it.
      if (row.is_public) assertMayPublish(actor, id, row.secrecy);
      const content = readContent(row.content, row.id);
      const missing = missingForIssue(content);
      if (missing.length) throw fail("MISSING_FIELDS", `document ${id} is incomplete`, missing);
      // The plan, the issuing agency and the clerks of the agencies named: one statement.
      const { plan: read, directory } = await readDelivery(
        trx,
        row,
        (body.deliverTo ?? []).map((r) => r.agencyId),
      );
      // The clerk's decisions on lines (agencies picked by hand, or none), on the plan as it is now.
      const decided = applyDecisions(read, body.lines ?? [], row.agency_id);
      if (decided.unknown.length)
        throw fail(
          "DELIVERY_LINES_CHANGED",
          `document ${id}: decisions on lines it does not have`,
          decided.unknown.map((d) => ({ path: "lines", message: `“${d.line}”` })),
        );
      const plan = { ...decided.plan, agencies: read.agencies };
      if (!body.deliverTo && plan.needsConfirmation)
        throw fail(
          "DELIVERY_UNCONFIRMED",
          `document ${id}: recipients to confirm`,
          plan.lines
            .filter((l) => l.needsConfirmation)
            .map((l) => ({
              path: "deliverTo",
              message: `“${l.text}”: ${l.matches.map((m) => plan.agencies[m]?.name).join("; ")}`,
            })),
        );
      const agency = directory.issuer;
      // Those confirmed among the agencies read from the text, and those picked by hand.
      const pickedByHand = decided.picked.flatMap((l) =>
        l.matches.map((agencyId) => ({ agencyId, kind: l.kind })),
      );
      // Everything that does not need the number is read or written before it is taken: from the
      // register's UPDATE to the commit, its row stays locked and every other issue of the
      // agency waits. Who it goes to (their clerks, their copies of an old version), what it
      // answers, the draft's old citations.
      const delivery = await prepareDelivery(
        trx,
        row,
        body.deliverTo ? [...body.deliverTo, ...pickedByHand] : plan.recipients,
        plan,
        directory,
      );
      const reply = await replyToLink(trx, row, delivery.recipients);
      const date = localDate(ctx, now);
      const typeCode = content.type!.code;
      const key = registerKey({ numbering: agency.numbering, term: agency.term }, date, typeCode);
      const { registerId, number: n } = await takeNextNumber(trx, {
        agencyId: agency.id,
        book: "outgoing",
        ...key,
      });
      const number = formatSequence(n);
      const symbol =
        content.symbol ??
        composeSymbol({
          format: content.format,
          typeCode,
          issuer: agency.abbreviation,
          unit: content.issuer.unit ?? null,
        });
      const [y, m, d] = date.split("-").map(Number) as [number, number, number];
      // What was approved, before its number and date (the leader's signed draft was drawn from it).
      const approved = { ...content };
      content.number = number;
      content.symbol = symbol;
      content.dateParts = { day: d, month: m, year: y };
      const reference = composeReference(content.format, number, symbol);
      const text = composeText(content);
      // From here to the commit, the writes that answer nothing are queued and sent together
      // (db's withDeferredWrites): after the number's upsert, the lock lasts the document's
      // UPDATE, one message of writes and the commit, whatever the recipients.
      return withDeferredWrites(trx, async (db) => {
        // Stamped and signed inside the transaction: a failure rolls the number back.
        const signed = agencySigning
          ? await signIssued(
              ctx,
              db,
              agencySigning,
              {
                id,
                approved,
                agencyAbbreviation: agency.abbreviation,
                reference,
                number,
                date: { day: d, month: m, year: y },
              },
              now,
            )
          : null;
        const issuedRow = await db
          .updateTable("documents")
          .set({
            ...columnsOf(content, text),
            // Drawn once from the final content: the portal serves it on every view.
            rendered_html: renderDocumentHtml(content),
            reference,
            // The exchange's DocumentId (QCVN 102: "OrganId,yyyy/MM/dd,số/ký hiệu"), when the agency has one.
            exchange_id: agency.organ_id
              ? `${agency.organ_id},${date.replace(/-/g, "/")},${reference}`
              : null,
            status: "issued",
            issued_at: now,
            issued_by: actor.userId,
            updated_at: now,
          })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        // Its citations (the draft's replaced), written before its copies' (which cite what it cites).
        await db.deleteFrom("document_citations").where("document_id", "=", id).execute();
        const citations = citationRows(id, text, reference);
        if (citations.length) await db.insertInto("document_citations").values(citations).execute();
        const recipients = await deliverDocument(db, issuedRow, delivery, now);
        // A reply delivered to the sender of what it answers: the sender sees it linked.
        await linkReply(db, issuedRow, reply);
        const unresolved = decided.undecided.map((l) => l.written);
        const tasks = await createTasks(
          db,
          issuedRow,
          recipients.filter((r) => r.kind === "action" && !r.external).map((r) => r.agencyId),
          date,
          now,
          plan.lines,
        );
        await db
          .insertInto("register_entries")
          .values({
            register_id: registerId,
            number: n,
            document_id: id,
            registered_by: actor.userId,
            registered_at: now,
          })
          .execute();
        await recordAudit(db, {
          actor,
          action: "document.issue",
          entity: "document",
          entityId: id,
          before: { status: "draft" },
          after: {
            status: "issued",
            reference,
            date,
            register: { ...key, number: n },
            delivered: recipients.length,
            // Lines delivered to no one: declined by the clerk, or left undecided.
            declined: decided.declined.map((l) => l.written),
            unresolved,
            tasks,
            ...(signed && agencySigning
              ? {
                  signed: {
                    sha256: signed.sha256,
                    subject: agencySigning.stored.subject,
                    leaderSigned: signed.leaderSigned,
                    timestamped: !!agencySigning.tsaUrl,
                  },
                }
              : {}),
          },
          at: now,
        });
        if (row.is_public)
          await recordAudit(db, {
            actor,
            action: "document.publish",
            entity: "document",
            entityId: id,
            before: { isPublic: true, status: "draft" },
            after: { isPublic: true, status: "issued" },
            at: now,
          });
        return { number, reference, date, unresolved };
      });
    });
    // The PDF is drawn after the commit, so that the register stays locked only for the
    // number; a PDF that failed to be drawn is drawn again when the document is read.
    await ensureRenderedPdf(ctx, id).catch(() => undefined);
    return result;
  } catch (e) {
    if (e instanceof DomainError) throw fromDomain(e);
    throw fromSignError(e);
  }
}
