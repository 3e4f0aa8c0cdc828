/**
 * Files attached to a report: photos (JPEG, PNG), PDF, Word and Excel files, text. The type is
 * read from the bytes, and must agree with the name; the reporting agency attaches, the reporting
 * and the issuing agency read.
 */
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { isUuid, taskVisibleTo } from "../documents/access.ts";

const TYPES: Array<{ ext: RegExp; media: string; magic: (b: Uint8Array) => boolean }> = [
  { ext: /\.pdf$/i, media: "application/pdf", magic: (b) => head(b, "%PDF-") },
  {
    ext: /\.jpe?g$/i,
    media: "image/jpeg",
    magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  { ext: /\.png$/i, media: "image/png", magic: (b) => head(b, "\x89PNG\r\n\x1a\n") },
  {
    ext: /\.docx$/i,
    media: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: (b) => head(b, "PK\x03\x04"),
  },
  {
    ext: /\.xlsx$/i,
    media: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: (b) => head(b, "PK\x03\x04"),
  },
  {
    ext: /\.(txt|csv|md)$/i,
    media: "text/plain; charset=utf-8",
    magic: (b) => {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(b.subarray(0, 64 * 1024));
        return !b.subarray(0, 64 * 1024).includes(0);
      } catch {
        return false;
      }
    },
  },
];

function head(b: Uint8Array, text: string): boolean {
  if (b.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * A file people attach (to a report, to a received document's handling): its name made safe, its
 * type from the name, checked against the bytes; refused when empty, too large or not what its
 * name says.
 */
export function acceptedFile(
  ctx: AppContext,
  file: { bytes: Uint8Array; fileName: string },
): { name: string; type: { media: string } } {
  const name = file.fileName.normalize("NFC").replace(/[/\\]/g, "_").slice(-200);
  const where = [{ path: "file", message: name }];
  const type = TYPES.find((t) => t.ext.test(name));
  if (!type) throw fail("UNSUPPORTED_FILE_TYPE", `attached file ${name}`, where);
  if (!file.bytes.length) throw fail("EMPTY_FILE", "empty", where);
  if (file.bytes.length > ctx.config.maxUploadBytes)
    throw fail("PAYLOAD_TOO_LARGE", "too large", where);
  if (!type.magic(file.bytes))
    throw fail("CORRUPT_FILE", `${name} is not what its name says`, where);
  return { name, type };
}

async function reportFor(ctx: AppContext, actor: Actor, reportId: string) {
  const report = isUuid(reportId)
    ? await ctx.db
        .selectFrom("reports")
        .innerJoin("tasks", "tasks.id", "reports.task_id")
        .select(["reports.id", "reports.agency_id", "tasks.issuer_agency_id"])
        .where("reports.id", "=", reportId)
        // The reporting or the issuing agency, and a reader who may see the task (access.ts).
        .where(taskVisibleTo(actor))
        .executeTakeFirst()
    : undefined;
  if (!report) throw fail("NOT_FOUND", `report ${reportId}`);
  return report;
}

export async function attachReportFile(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  file: { bytes: Uint8Array; fileName: string },
): Promise<{ name: string; size: number; mediaType: string }> {
  const report = await reportFor(ctx, actor, reportId);
  if (report.agency_id !== actor.agencyId)
    throw fail("FORBIDDEN", "only the reporter attaches files");
  const { name, type } = acceptedFile(ctx, file);
  const stored = await ctx.files.put(file.bytes);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("files")
      .values({ sha256: stored.sha256, size: stored.size, media_type: type.media })
      .onConflict((oc) => oc.column("sha256").doNothing())
      .execute();
    await trx
      .insertInto("report_files")
      .values({ report_id: report.id, name, sha256: stored.sha256, created_at: now })
      .onConflict((oc) =>
        oc.columns(["report_id", "name"]).doUpdateSet({ sha256: stored.sha256, created_at: now }),
      )
      .execute();
    await recordAudit(trx, {
      actor,
      action: "report.file",
      entity: "report",
      entityId: report.id,
      after: { name, sha256: stored.sha256, size: stored.size },
      at: now,
    });
  });
  return { name, size: stored.size, mediaType: type.media };
}

export async function readReportFile(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  name: string,
) {
  const report = await reportFor(ctx, actor, reportId);
  const row = await ctx.db
    .selectFrom("report_files")
    .innerJoin("files", "files.sha256", "report_files.sha256")
    .select(["files.sha256", "files.media_type", "report_files.name"])
    .where("report_id", "=", report.id)
    .where("report_files.name", "=", name)
    .executeTakeFirst();
  const bytes = row ? await ctx.files.get(row.sha256) : null;
  if (!row || !bytes) throw fail("FILE_NOT_FOUND", `no file ${name} on report ${reportId}`);
  return { bytes, mediaType: row.media_type, name: row.name };
}
