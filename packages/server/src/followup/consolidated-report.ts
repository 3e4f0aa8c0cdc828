/**
 * The issuer's consolidated report (Báo cáo tổng hợp) on a directive, as a BC draft to review,
 * sign and send upward: the dashboard's reports, recipient by recipient (narrative, figures,
 * files), the totals and the cascade, composed by core's composeConsolidatedReport; signed as the
 * directive was, or by the agency's leader; Nơi nhận the body above and the agency's leaders.
 */
import {
  composeConsolidatedReport,
  foldKey,
  toNameCase,
  type ConsolidatedSignature,
} from "@vanthu/core";
import type { AppContext, Actor } from "../context.ts";
import { agencySigner } from "../documents/agency-signer.ts";
import { createDraft } from "../documents/create-draft.ts";
import type { DocumentContent } from "../documents/document-content.ts";
import { loadDocument } from "../documents/load-document.ts";
import { dashboard } from "./dashboard.ts";
import { readContent } from "../stored-json.ts";

const COLLATOR = new Intl.Collator("vi");

/** Nơi nhận lines that are the agency's own leadership ("Lãnh đạo Sở", "Ban Giám đốc"). */
const LEADERSHIP = /^(?:lanh dao|ban giam doc|giam doc|thuong truc|ban thuong vu|ban lanh dao)\b/;

/** "Lãnh đạo Sở" for a Sở, "Lãnh đạo Phòng" for a Phòng...; "Lãnh đạo cơ quan" otherwise. */
function leadershipOf(agencyName: string): string {
  const head = /^(Sở|Phòng|Ban|Cục|Vụ|Văn phòng|Trung tâm|Báo|Đài|Viện|Chi cục)\s/u.exec(
    agencyName,
  );
  return `Lãnh đạo ${head ? head[1] : "cơ quan"}`;
}

/**
 * Who signs: the directive's signer (the leader who gave the tasks signs what came of them),
 * else the agency's leader by the title in their account (its head before its deputies), else
 * nobody yet: the block is left for the leader to fill in.
 */
async function signatureFor(
  ctx: AppContext,
  agencyId: string,
  directive: DocumentContent,
): Promise<ConsolidatedSignature> {
  const s = directive.signature;
  if (s?.signerName)
    return {
      authority: s.authority,
      authorityTitle: s.authorityTitle,
      signerTitle: s.signerTitle,
      signerName: s.signerName,
    };
  return agencySigner(ctx, agencyId);
}

export async function createConsolidatedReport(ctx: AppContext, actor: Actor, documentId: string) {
  const board = await dashboard(ctx, actor, documentId);
  const row = await loadDocument(ctx.db, actor, documentId, { own: true });
  const content = readContent(row.content, row.id);
  const agency = await ctx.db
    .selectFrom("agencies")
    .leftJoin("agencies as parent", "parent.id", "agencies.parent_id")
    .select(["agencies.name", "agencies.parent_line", "parent.name as parent_name"])
    .where("agencies.id", "=", actor.agencyId)
    .executeTakeFirstOrThrow();
  const doc = board.document;

  // The recipients given tasks, in the order of the directive's Kính gửi lines (a line naming
  // several agencies: those by name), with their reports task by task.
  const lines = await ctx.db
    .selectFrom("deliveries")
    .select(["to_agency_id", "line"])
    .where("document_id", "=", row.id)
    .execute();
  const addressees = (content.addressees ?? []).map(foldKey);
  const position = (agencyId: string) => {
    const line = lines.find((l) => l.to_agency_id === agencyId)?.line;
    const i = line ? addressees.indexOf(foldKey(line)) : -1;
    return i < 0 ? addressees.length : i;
  };
  const recipients = board.recipients
    .filter((r) => board.cells.some((c) => c.agencyId === r.agencyId))
    .sort((a, b) => position(a.agencyId) - position(b.agencyId) || COLLATOR.compare(a.name, b.name))
    .map((r) => {
      const cells = board.cells.filter((c) => c.agencyId === r.agencyId);
      return {
        name: r.name,
        // Returned (02): listed as such, not among those who have not reported.
        returned: r.deliveryStatus === "02" ? (r.returnReason ?? "") : null,
        items: cells.map((c) => c.label),
        reports: cells.flatMap((c) =>
          c.reports.map((rep) => ({
            item: c.label,
            period: rep.period,
            narrative: rep.narrative,
            figures: rep.figures,
            files: rep.files,
            late: rep.late,
          })),
        ),
      };
    });
  const leadership = (content.recipients ?? []).filter((l) => LEADERSHIP.test(foldKey(l)));
  const reportTo = agency.parent_line ? toNameCase(agency.parent_line) : agency.parent_name;

  const report = composeConsolidatedReport({
    author: agency.name,
    directive: {
      typeName: doc.typeName,
      reference: doc.reference,
      date: doc.date,
      subject: doc.subject,
    },
    today: board.today,
    items: board.items,
    recipients,
    cascade: board.cascade.map((c) => ({
      agency: c.agency,
      typeName: c.document.typeName,
      reference: c.document.reference,
      date: c.document.date,
      totals: c.totals,
    })),
    signature: await signatureFor(ctx, actor.agencyId, content),
    reportTo,
    leadership: leadership.length ? leadership : [leadershipOf(agency.name)],
    archive: content.archive?.length ? content.archive : ["VT"],
  });
  const { id } = await createDraft(ctx, actor, {
    fields: {
      typeCode: "BC",
      subject: report.subject,
      addressees: report.addressees,
      paragraphs: report.paragraphs,
      recipients: report.recipients,
      archive: report.archive,
      signature: report.signature,
    },
  });
  return { id, notReported: board.notReported, totals: board.totals };
}
