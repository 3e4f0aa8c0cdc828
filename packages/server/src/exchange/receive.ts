/**
 * A package that arrives (issue 17), over HTTP or through the pick-up folder. Read under limits
 * (read-package.ts), then, in one transaction with the log row that keeps it once per sender and
 * message id:
 * - a new, updated or replacing document becomes an incoming record of each agency here it is
 *   addressed to, with its fields from the package and, beside them, what the parser read from
 *   the attached document where the two differ (`exchange_mismatches`: the clerk sees both); its
 *   delivery comes from the external sender (status 01), and 01 goes back at once;
 * - a recall freezes the copies and takes them out of the lists until their agency answers;
 * - a status package moves our delivery to that agency (01..06, 02 with the reason, 15 and 16
 *   answers to a recall).
 * A package that cannot be read, comes from another sender than it says, or is addressed to no
 * agency here is refused with a stable code; nothing of it is kept but the log row saying so.
 */
import { canMoveDelivery, foldKey, normalizeText, parseDocument } from "@vanthu/core";
import type { Insertable, Transaction } from "kysely";
import type { EdxmlDocument, EdxmlReadAttachment, EdxmlStatus } from "@vanthu/edxml";
import type { Database, ExchangeMessageTable } from "@vanthu/db";
import type { AppContext } from "../context.ts";
import { fail, type AppError } from "../errors.ts";
import { readImportFile, type ReadFile } from "../documents/import-file.ts";
import { columnsOf, contentFromParsed } from "../documents/document-content.ts";
import { syncCitations } from "../links/sync-citations.ts";
import { verifyStoredFile } from "../verification/verify-file.ts";
import { clerksOf, notify } from "../workflow/notify.ts";
import { senderPeople } from "../handling/delivery-progress.ts";
import { readPackage } from "./read-package.ts";
import { enqueue } from "./outbox.ts";

export interface IncomingPackage {
  /** The sender an HTTP request authenticated; null from the pick-up folder. */
  peerOrganId: string | null;
  messageId: string;
  bytes: Uint8Array;
  via: "http" | "folder";
}

export interface ReceiveResult {
  messageId: string;
  duplicate: boolean;
  kind: "document" | "status";
  /** The incoming records made (a document package). */
  records: string[];
}

type Trx = Transaction<Database>;

/** Writes the refusal in the log (outside any transaction of the package) and throws it. */
async function refuse(
  ctx: AppContext,
  input: IncomingPackage,
  error: AppError,
  peer: string | null,
): Promise<never> {
  const now = ctx.now();
  await ctx.db
    .insertInto("exchange_messages")
    .values({
      message_id: input.messageId.slice(0, 200) || "-",
      direction: "in",
      peer_organ_id: peer ?? input.peerOrganId ?? "?",
      kind: "document",
      state: "refused",
      error_code: error.code,
      error:
        `${error.message} ${error.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`.slice(
          0,
          2000,
        ),
      payload: JSON.stringify({ via: input.via, size: input.bytes.length }),
      created_at: now,
      updated_at: now,
    })
    .execute()
    .catch(() => undefined);
  throw error;
}

/**
 * The log row of a package received, once per (sender, message id): undefined when another
 * process stored the same message a moment ago (the caller then stores nothing).
 */
function logReceived(
  trx: Trx,
  messageId: string,
  now: Date,
  values: Omit<
    Insertable<ExchangeMessageTable>,
    "message_id" | "direction" | "state" | "created_at" | "updated_at"
  >,
) {
  return trx
    .insertInto("exchange_messages")
    .values({
      ...values,
      message_id: messageId,
      direction: "in",
      state: "received",
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(["direction", "peer_organ_id", "message_id"])
        .where("state", "<>", "refused")
        .doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
}

/** The agencies here a package is addressed to. */
async function addressed(ctx: AppContext, organIds: string[]) {
  if (!organIds.length) return [];
  return ctx.db
    .selectFrom("agencies")
    .select(["id", "organ_id", "name", "exchange_require_signed"])
    .where("organ_id", "in", organIds)
    .execute();
}

async function alreadyReceived(db: AppContext["db"] | Trx, peer: string, messageId: string) {
  return db
    .selectFrom("exchange_messages")
    .select(["id", "kind", "document_id"])
    .where("direction", "=", "in")
    .where("peer_organ_id", "=", peer)
    .where("message_id", "=", messageId)
    .where("state", "=", "received")
    .execute();
}

/** The answer to a message stored before (the same sender and message id), or null. */
async function receivedBefore(
  ctx: AppContext,
  peer: string,
  messageId: string,
): Promise<ReceiveResult | null> {
  const had = await alreadyReceived(ctx.db, peer, messageId);
  if (!had.length) return null;
  return {
    messageId,
    duplicate: true,
    kind: had[0]!.kind,
    records: had.flatMap((h) => (h.document_id ? [h.document_id] : [])),
  };
}

export async function receivePackage(
  ctx: AppContext,
  input: IncomingPackage,
): Promise<ReceiveResult> {
  if (input.bytes.length > ctx.config.exchange.maxPackageBytes)
    return refuse(
      ctx,
      input,
      fail("PACKAGE_TOO_LARGE", `package of ${input.bytes.length} bytes`),
      null,
    );
  if (input.peerOrganId) {
    const had = await receivedBefore(ctx, input.peerOrganId, input.messageId);
    if (had) return had;
  }
  const read = await readPackage(ctx, input.bytes);
  // Nothing was read: the sender tries again later (503), nothing is logged as refused.
  if (read.kind === "problem" && read.code === "EDXML_READER_BUSY")
    throw fail("READER_BUSY", "the reader is full: package not read");
  if (read.kind === "problem")
    return refuse(
      ctx,
      input,
      fail("PACKAGE_INVALID", `${read.code}: ${read.message}`, [
        { path: read.path || "(package)", message: `${read.code}: ${read.message}` },
      ]),
      null,
    );
  const sender = read.from?.organId ?? null;
  if (!sender)
    return refuse(
      ctx,
      input,
      fail("PACKAGE_INVALID", "the package names no sender", [
        {
          path: "edXMLEnvelope/edXMLHeader/MessageHeader/From/OrganId",
          message: "Thiếu mã định danh nơi gửi.",
        },
      ]),
      null,
    );
  if (input.peerOrganId && sender !== input.peerOrganId)
    return refuse(
      ctx,
      input,
      fail("EXCHANGE_SENDER_MISMATCH", `package from ${sender} sent by ${input.peerOrganId}`),
      input.peerOrganId,
    );
  if (!input.peerOrganId) {
    // From the folder the sender is the package's own; the same package twice is one record.
    const had = await receivedBefore(ctx, sender, input.messageId);
    if (had) return had;
  }
  return read.kind === "status"
    ? receiveStatus(ctx, input, sender, read)
    : receiveDocument(ctx, input, sender, read);
}

/** The attachment that is the document itself: the first PDF, else the first Word file. */
function mainAttachment(doc: EdxmlDocument): EdxmlReadAttachment | null {
  const withBytes = doc.attachments.filter((a) => a.bytes?.length);
  const isPdf = (a: EdxmlReadAttachment) =>
    a.contentType === "application/pdf" || /\.pdf$/i.test(a.name ?? "");
  const isWord = (a: EdxmlReadAttachment) => /\.docx?$/i.test(a.name ?? "");
  return withBytes.find(isPdf) ?? withBytes.find(isWord) ?? null;
}

const fileName = (a: EdxmlReadAttachment, i: number) =>
  (a.name ?? `attachment-${i + 1}`).normalize("NFC").replace(/[/\\]/g, "_").slice(-200);

/** The package's header as the lines of a document, for a record with no readable file. */
function headerText(doc: EdxmlDocument): string {
  const number = [doc.code.codeNumber, doc.code.codeNotation].filter(Boolean).join("/");
  return [
    doc.from?.organName ?? "",
    number ? `Số: ${number}` : "",
    doc.documentType.typeName ?? "",
    doc.subject ?? "",
    doc.content && doc.content !== doc.subject ? doc.content : "",
  ]
    .filter(Boolean)
    .join("\n");
}

/** Where the package's header and the parse of its document disagree. */
export function mismatches(
  pkg: {
    reference: string | null;
    date: string | null;
    subject: string | null;
    signer: string | null;
  },
  parsed: {
    reference: string | null;
    date: string | null;
    subject: string | null;
    signer: string | null;
  },
): Array<{ field: string; package: string | null; parsed: string | null }> {
  const same = (a: string | null, b: string | null) =>
    !a || !b || foldKey(a).replace(/\s+/g, " ").trim() === foldKey(b).replace(/\s+/g, " ").trim();
  return (["reference", "date", "subject", "signer"] as const)
    .filter((f) => !same(pkg[f], parsed[f]))
    .map((f) => ({ field: f, package: pkg[f], parsed: parsed[f] }));
}

async function receiveDocument(
  ctx: AppContext,
  input: IncomingPackage,
  sender: string,
  doc: EdxmlDocument,
): Promise<ReceiveResult> {
  const to = await addressed(
    ctx,
    doc.to.flatMap((t) => (t.organId ? [t.organId] : [])),
  );
  if (!to.length)
    return refuse(
      ctx,
      input,
      fail("EXCHANGE_NOT_ADDRESSED", `none of ${doc.to.map((t) => t.organId).join(", ")} is here`),
      sender,
    );
  const unsignedRefused = to.filter(
    // Only a signature that holds and chains to a trusted root (edxml's verdict "valid").
    (a) => a.exchange_require_signed && doc.signature?.verified !== "valid",
  );
  if (unsignedRefused.length)
    return refuse(
      ctx,
      input,
      fail(
        "PACKAGE_UNSIGNED",
        `${unsignedRefused.map((a) => a.organ_id).join(", ")} require signed packages`,
      ),
      sender,
    );
  const businessType = doc.business?.docType ?? 0;
  if (businessType === 1) return receiveRecall(ctx, input, sender, doc, to);

  // The files first (content-addressed; what a failed transaction leaves, the sweep removes),
  // then the parser's reading of the document itself, outside any transaction.
  const files: Array<{ name: string; sha256: string; size: number; main: boolean; type: string }> =
    [];
  const main = mainAttachment(doc);
  for (const [i, a] of doc.attachments.entries()) {
    if (!a.bytes?.length) continue;
    const stored = await ctx.files.put(a.bytes);
    files.push({
      name: fileName(a, i),
      sha256: stored.sha256,
      size: stored.size,
      main: a === main,
      type: a.contentType ?? "application/octet-stream",
    });
  }
  let read: ReadFile | null = null;
  let readProblem: string | null = null;
  if (main)
    read = await readImportFile(
      ctx,
      main.bytes!,
      fileName(main, doc.attachments.indexOf(main)),
    ).catch((e: AppError) => {
      readProblem = e.code ?? "CORRUPT_FILE";
      return null;
    });
  const parsedDoc = read?.parsed.documents[0] ?? null;
  const body =
    read && parsedDoc
      ? normalizeText(read.extracted.text.slice(parsedDoc.range[0], parsedDoc.range[1]))
      : null;
  const reference =
    doc.code.codeNumber && doc.code.codeNotation
      ? `${doc.code.codeNumber}/${doc.code.codeNotation}`
      : (doc.code.codeNotation ?? doc.code.codeNumber ?? null);
  const dateIso = doc.promulgation.dateIso ?? null;
  const found = mismatches(
    { reference, date: dateIso, subject: doc.subject, signer: doc.signer.fullName },
    {
      reference: parsedDoc?.reference ?? null,
      date: parsedDoc?.date ?? null,
      subject: parsedDoc?.subject ?? null,
      signer: parsedDoc?.signature.signerName ?? null,
    },
  );
  const notes = [
    ...found,
    ...(main ? [] : [{ field: "file", package: null, parsed: "Gói tin không kèm tệp văn bản." }]),
    ...(readProblem ? [{ field: "file", package: null, parsed: readProblem }] : []),
  ];
  const now = ctx.now();
  const records: string[] = [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    for (const f of files)
      await trx
        .insertInto("files")
        .values({ sha256: f.sha256, size: f.size, media_type: f.type })
        .onConflict((oc) => oc.column("sha256").doNothing())
        .execute();
    for (const agency of to) {
      const log = await logReceived(trx, input.messageId, now, {
        agency_id: agency.id,
        peer_organ_id: sender,
        kind: "document",
        business_type: businessType,
        exchange_document_id: doc.documentId,
        payload: JSON.stringify({ via: input.via, warnings: doc.warnings.length }),
      });
      // Another process stored the same message a moment ago.
      if (!log) return { duplicate: true };
      const base = parsedDoc ? columnsOf(contentFromParsed(parsedDoc), body ?? undefined) : null;
      const record = await trx
        .insertInto("documents")
        .values({
          // No document to read (a placeholder, no file): the record is made from the header.
          ...(base ?? columnsOf(contentFromParsed(parseDocument(headerText(doc))))),
          agency_id: agency.id,
          direction: "incoming",
          status: "draft",
          // The package's header is what the sender's register says.
          number: doc.code.codeNumber ?? base?.number ?? null,
          symbol: doc.code.codeNotation ?? base?.symbol ?? null,
          reference: reference ?? parsedDoc?.reference ?? null,
          issuer_name: doc.from?.organName ?? base?.issuer_name ?? null,
          place: doc.promulgation.place ?? base?.place ?? null,
          document_date: dateIso ?? base?.document_date ?? null,
          subject: doc.subject ?? base?.subject ?? null,
          signer_name: doc.signer.fullName ?? base?.signer_name ?? null,
          exchange_id: doc.documentId,
          exchange_mismatches: notes.length ? JSON.stringify(notes) : null,
          created_at: now,
          updated_at: now,
        } as never)
        .returning("id")
        .executeTakeFirstOrThrow();
      records.push(record.id);
      for (const f of files)
        await trx
          .insertInto("document_files")
          .values({
            document_id: record.id,
            name: f.name,
            sha256: f.sha256,
            role: f.main ? "original" : "attachment",
            created_at: now,
          })
          .onConflict((oc) => oc.columns(["document_id", "name"]).doNothing())
          .execute();
      if (parsedDoc && body)
        await syncCitations(trx, record.id, body, parsedDoc.reference, parsedDoc.citations);
      const delivery = await trx
        .insertInto("deliveries")
        .values({
          from_organ_id: sender,
          external_name: doc.from?.organName ?? null,
          to_agency_id: agency.id,
          kind: "action",
          line: null,
          received_id: record.id,
          exchange_document_id: doc.documentId,
          sent_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("exchange_messages")
        .set({ document_id: record.id, delivery_id: delivery.id })
        .where("id", "=", log.id)
        .execute();
      // An update or a replacement: the record it follows is linked, and told.
      if (businessType === 2 || businessType === 3)
        await linkReplaced(trx, agency.id, sender, record.id, doc, now);
      // 01 goes back at once.
      await enqueue(trx, {
        agencyId: agency.id,
        peerOrganId: sender,
        kind: "status",
        statusCode: "01",
        exchangeDocumentId: doc.documentId,
        documentId: record.id,
        deliveryId: delivery.id,
        at: now,
      });
      await notify(trx, {
        code: "document.arrived",
        agencyId: agency.id,
        userIds: await clerksOf(trx, agency.id),
        documentId: record.id,
        params: {
          reference,
          subject: doc.subject,
          issuer: doc.from?.organName ?? sender,
          from: doc.from?.organName ?? sender,
          note: null,
          forwarded: null,
        },
        at: now,
      });
    }
    return { duplicate: false };
  });
  if (result.duplicate)
    return { messageId: input.messageId, duplicate: true, kind: "document", records: [] };
  // Its PDF's signatures are checked now; if this fails, when the record is opened.
  const pdf = files.find((f) => f.main && /\.pdf$/i.test(f.name));
  if (pdf) await verifyStoredFile(ctx, pdf.sha256).catch(() => undefined);
  return { messageId: input.messageId, duplicate: false, kind: "document", records };
}

/** The copies here of the documents an update or replacement names: linked to the new one. */
async function linkReplaced(
  trx: Trx,
  agencyId: string,
  sender: string,
  recordId: string,
  doc: EdxmlDocument,
  now: Date,
) {
  const replaced = [
    ...new Set(
      [
        doc.business?.documentId,
        ...(doc.business?.replacements ?? []).map((r) => r.documentId),
      ].filter((d): d is string => !!d),
    ),
  ];
  if (!replaced.length) return;
  const old = await trx
    .selectFrom("deliveries")
    .select(["received_id"])
    .where("from_organ_id", "=", sender)
    .where("to_agency_id", "=", agencyId)
    .where("exchange_document_id", "in", replaced)
    .orderBy("sent_at", "desc")
    .executeTakeFirst();
  if (!old?.received_id) return;
  await trx
    .updateTable("documents")
    .set({
      replaces_id: old.received_id,
      replace_kind: doc.business?.docType === 3 ? "replace" : "update",
      updated_at: now,
    })
    .where("id", "=", recordId)
    .execute();
}

async function receiveRecall(
  ctx: AppContext,
  input: IncomingPackage,
  sender: string,
  doc: EdxmlDocument,
  to: Array<{ id: string }>,
): Promise<ReceiveResult> {
  const now = ctx.now();
  const reason = doc.business?.reason ?? null;
  const records: string[] = [];
  const dup = await ctx.db.transaction().execute(async (trx) => {
    for (const agency of to) {
      const log = await logReceived(trx, input.messageId, now, {
        agency_id: agency.id,
        peer_organ_id: sender,
        kind: "document",
        business_type: 1,
        exchange_document_id: doc.documentId,
        payload: JSON.stringify({ via: input.via, reason }),
      });
      if (!log) return true;
      const copies = await trx
        .selectFrom("deliveries")
        .select(["id", "received_id"])
        .where("from_organ_id", "=", sender)
        .where("to_agency_id", "=", agency.id)
        .where("exchange_document_id", "=", doc.documentId)
        .forUpdate()
        .execute();
      for (const c of copies) {
        await freezeCopy(trx, c.id, c.received_id!, reason, now);
        records.push(c.received_id!);
        await trx
          .updateTable("exchange_messages")
          .set({ document_id: c.received_id, delivery_id: c.id })
          .where("id", "=", log.id)
          .execute();
      }
    }
    return false;
  });
  return { messageId: input.messageId, duplicate: dup, kind: "document", records };
}

/** A delivery whose document its issuer recalls (13), any earlier answer cleared. */
export async function markRecalled(trx: Trx, deliveryId: string, reason: string | null, now: Date) {
  await trx
    .updateTable("deliveries")
    .set({
      recall_status: "13",
      recall_reason: reason,
      recalled_at: now,
      recall_answer: null,
      recall_answered_at: null,
      updated_at: now,
    })
    .where("id", "=", deliveryId)
    .execute();
}

/**
 * A recalled copy: frozen (no step moves it) and out of the lists until its agency answers; its
 * clerks are told, with the reason.
 */
export async function freezeCopy(
  trx: Trx,
  deliveryId: string,
  receivedId: string,
  reason: string | null,
  now: Date,
): Promise<void> {
  await markRecalled(trx, deliveryId, reason, now);
  const copy = await trx
    .updateTable("documents")
    .set({ recall_pending: true, withdrawn_at: now, updated_at: now })
    .where("id", "=", receivedId)
    .returning(["agency_id", "reference", "subject", "issuer_name"])
    .executeTakeFirstOrThrow();
  await notify(trx, {
    code: "document.recalled",
    agencyId: copy.agency_id,
    userIds: await clerksOf(trx, copy.agency_id),
    documentId: receivedId,
    params: {
      reference: copy.reference,
      subject: copy.subject,
      issuer: copy.issuer_name,
      reason,
    },
    at: now,
  });
}

const STAMP = {
  "03": "registered_at",
  "04": "assigned_at",
  "05": "in_progress_at",
  "06": "done_at",
} as const;

async function receiveStatus(
  ctx: AppContext,
  input: IncomingPackage,
  sender: string,
  st: EdxmlStatus,
): Promise<ReceiveResult> {
  const documentId = st.responseFor?.documentId ?? null;
  const code = st.statusCode ?? "";
  if (!documentId || !/^(0[1-6]|1[356])$/.test(code))
    return refuse(
      ctx,
      input,
      fail("PACKAGE_INVALID", `status ${code} for ${documentId}`, [
        {
          path: "Status/StatusCode",
          message: `Mã trạng thái “${code}” hoặc ResponseFor không đọc được.`,
        },
      ]),
      sender,
    );
  const now = ctx.now();
  const dup = await ctx.db.transaction().execute(async (trx) => {
    const delivery = await trx
      .selectFrom("deliveries")
      .innerJoin("documents", "documents.id", "deliveries.document_id")
      .select([
        "deliveries.id",
        "deliveries.status",
        "deliveries.document_id",
        "deliveries.from_agency_id",
        "deliveries.external_name",
        "deliveries.recall_status",
        "documents.reference",
        "documents.subject",
      ])
      .where("deliveries.to_organ_id", "=", sender)
      .where("deliveries.exchange_document_id", "=", documentId)
      .forUpdate()
      .executeTakeFirst();
    const log = await logReceived(trx, input.messageId, now, {
      agency_id: delivery?.from_agency_id ?? null,
      peer_organ_id: sender,
      kind: "status",
      status_code: code,
      exchange_document_id: documentId,
      document_id: delivery?.document_id ?? null,
      delivery_id: delivery?.id ?? null,
      payload: JSON.stringify({
        via: input.via,
        description: st.description,
        staff: st.staff,
        ...(delivery ? {} : { unmatched: true }),
      }),
    });
    if (!log) return true;
    if (!delivery) return false;
    const recipient = delivery.external_name ?? sender;
    const people = await senderPeople(trx, delivery.document_id!);
    if (code === "15" || code === "16") {
      if (delivery.recall_status !== "13") return false;
      await trx
        .updateTable("deliveries")
        .set({
          recall_status: code,
          recall_answer: st.description,
          recall_answered_at: now,
          updated_at: now,
        })
        .where("id", "=", delivery.id)
        .execute();
      await notify(trx, {
        code: "recall.answered",
        agencyId: delivery.from_agency_id!,
        userIds: people,
        documentId: delivery.document_id,
        params: {
          reference: delivery.reference,
          subject: delivery.subject,
          recipient,
          answer: code === "15" ? "accepted" : "refused",
          reason: st.description,
        },
        at: now,
      });
      return false;
    }
    if (code === "13" || !canMoveDelivery(delivery.status, code)) return false;
    if (code === "01") {
      await trx
        .updateTable("deliveries")
        .set({ status: "01", updated_at: now })
        .where("id", "=", delivery.id)
        .execute();
      return false;
    }
    if (code === "02") {
      await trx
        .updateTable("deliveries")
        .set({ status: "02", returned_at: now, return_reason: st.description, updated_at: now })
        .where("id", "=", delivery.id)
        .execute();
      await notify(trx, {
        code: "document.returned",
        agencyId: delivery.from_agency_id!,
        userIds: people,
        documentId: delivery.document_id,
        params: {
          agency: recipient,
          recipient,
          reason: st.description,
          reference: delivery.reference,
          subject: delivery.subject,
        },
        at: now,
      });
      return false;
    }
    const status = code as keyof typeof STAMP;
    await trx
      .updateTable("deliveries")
      .set({ status, [STAMP[status]]: now, updated_at: now })
      .where("id", "=", delivery.id)
      .execute();
    await notify(trx, {
      code: "delivery.progress",
      agencyId: delivery.from_agency_id!,
      userIds: people,
      documentId: delivery.document_id,
      params: {
        status,
        agency: recipient,
        recipient,
        reference: delivery.reference,
        subject: delivery.subject,
      },
      at: now,
    });
    return false;
  });
  return { messageId: input.messageId, duplicate: dup, kind: "status", records: [] };
}
