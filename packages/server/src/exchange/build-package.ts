/**
 * The bytes of an outgoing package, built from what the database holds when it is first sent:
 * a document package (new, recall, update, replace) from the issued document, its PDF (the signed
 * one when it was signed) and its attachments; a status package answering a DocumentId. The edXML
 * module does the writing; `signPackage` adds the agency's XML signature when it has a signer.
 */
import { parseDocument } from "@vanthu/core";
import {
  attachment,
  documentFromParsed,
  edxmlDate,
  organ,
  statusFor,
  writeEdxmlDocument,
  writeEdxmlStatus,
  type EdxmlOrgan,
  type EdxmlStatusCode,
} from "@vanthu/edxml";
import type { ExchangeMessageRow } from "@vanthu/db";
import type { AppContext } from "../context.ts";
import { ensureRenderedPdf } from "../documents/rendered-pdf.ts";
import { signPackage } from "./sign-package.ts";

const REASONS = {
  0: "Văn bản điện tử mới",
  1: "Thu hồi văn bản",
  2: "Cập nhật văn bản",
  3: "Thay thế văn bản",
} as const;

export interface MessagePayload {
  description?: string;
  reason?: string;
  /** Replace/update: the DocumentId of the document replaced. */
  replaces?: string;
  staff?: { department: string | null; staff: string | null };
}

/** Our agency as the packages name it. */
async function ourOrgan(ctx: AppContext, agencyId: string): Promise<EdxmlOrgan> {
  const a = await ctx.db
    .selectFrom("agencies")
    .select(["organ_id", "name", "address", "email", "telephone", "website"])
    .where("id", "=", agencyId)
    .executeTakeFirstOrThrow();
  return {
    ...organ(a.organ_id ?? "", a.name),
    organAdd: a.address,
    email: a.email,
    telephone: a.telephone,
    website: a.website,
  };
}

async function theirOrgan(ctx: AppContext, organId: string): Promise<EdxmlOrgan> {
  const d = await ctx.db
    .selectFrom("directory_entries")
    .select(["name", "address", "email", "telephone", "website"])
    .where("organ_id", "=", organId)
    .executeTakeFirst();
  return {
    ...organ(organId, d?.name ?? null),
    organAdd: d?.address ?? null,
    email: d?.email ?? null,
    telephone: d?.telephone ?? null,
    website: d?.website ?? null,
  };
}

async function documentPackage(ctx: AppContext, m: ExchangeMessageRow): Promise<string> {
  const id = m.document_id!;
  await ensureRenderedPdf(ctx, id);
  const row = await ctx.db
    .selectFrom("documents")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const files = await ctx.db
    .selectFrom("document_files")
    .select(["name", "sha256", "role"])
    .where("document_id", "=", id)
    .where("role", "in", ["rendered", "attachment"])
    .orderBy("created_at")
    .execute();
  const payload = (m.payload ?? {}) as MessagePayload;
  const type = (m.business_type ?? 0) as 0 | 1 | 2 | 3;
  const attachments = [];
  // A recall names the document; it carries no file.
  if (type !== 1)
    for (const f of [
      ...files.filter((f) => f.role === "rendered"),
      ...files.filter((f) => f.role === "attachment"),
    ]) {
      const bytes = await ctx.files.get(f.sha256);
      if (!bytes) throw new Error(`file ${f.sha256} of document ${id} is missing from the store`);
      attachments.push(attachment(f.name, bytes));
    }
  const parsed = parseDocument(row.body ?? "");
  const model = documentFromParsed(parsed, {
    from: await ourOrgan(ctx, m.agency_id!),
    to: [await theirOrgan(ctx, m.peer_organ_id)],
    attachments,
    now: m.created_at,
    documentId: row.exchange_id ?? undefined,
  });
  // The register's own fields over the parse of the text.
  model.code = { codeNumber: row.number, codeNotation: row.symbol };
  model.promulgation = {
    place: row.place ?? model.promulgation.place,
    date: row.document_date ? edxmlDate(row.document_date) : model.promulgation.date,
    dateIso: row.document_date ?? model.promulgation.dateIso ?? null,
  };
  model.subject = row.subject ?? model.subject;
  model.content = row.subject ?? model.content;
  if (row.type_name) model.documentType = { ...model.documentType, typeName: row.type_name };
  model.business = {
    ...model.business!,
    docType: type,
    reason: payload.reason ?? REASONS[type],
    documentId: payload.replaces ?? null,
    replacements: payload.replaces
      ? [{ documentId: payload.replaces, organIds: [m.peer_organ_id] }]
      : [],
  };
  return writeEdxmlDocument(model);
}

async function statusPackage(ctx: AppContext, m: ExchangeMessageRow): Promise<string> {
  const payload = (m.payload ?? {}) as MessagePayload;
  return writeEdxmlStatus(
    statusFor({
      documentId: m.exchange_document_id ?? "",
      code: m.status_code as EdxmlStatusCode,
      from: await ourOrgan(ctx, m.agency_id!),
      to: m.peer_organ_id,
      description: payload.description ?? null,
      staff: payload.staff ? { ...payload.staff, email: null, mobile: null } : null,
      now: m.created_at,
    }),
  );
}

export async function buildPackage(ctx: AppContext, m: ExchangeMessageRow): Promise<Uint8Array> {
  const xml = m.kind === "status" ? await statusPackage(ctx, m) : await documentPackage(ctx, m);
  return signPackage(ctx, m.agency_id!, new TextEncoder().encode(xml));
}
