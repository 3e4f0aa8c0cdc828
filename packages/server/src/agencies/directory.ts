/**
 * The exchange's identifiers (issue 17): each hosted agency's mã định danh and contacts, and the
 * directory of agencies outside this installation, imported from a CSV (all rows or none) or
 * edited one by one by the installation admin. One identifier names one agency: a hosted one or
 * a directory entry, never both.
 */
import type { Kysely, Transaction } from "kysely";
import { ORGAN_ID_PROBLEMS_VI, normalizeOrganId, organIdProblem, readCsv } from "@vanthu/core";
import type { Database } from "@vanthu/db";
import type { DirectoryEntry, ExchangeIdentity } from "@vanthu/contract";
import { exchangeIdentitySchema } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { fail, type Issue } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { isUuid } from "../documents/access.ts";
import { authorityOf, INSTALLATION } from "./agency-identity.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Refuses an identifier another agency (hosted, or of the directory) already has. */
export async function assertOrganIdFree(
  db: Db,
  organId: string,
  exceptAgencyId: string | null,
): Promise<void> {
  const hosted = await db
    .selectFrom("agencies")
    .select(["id", "name"])
    .where("organ_id", "=", organId)
    .executeTakeFirst();
  const listed = await db
    .selectFrom("directory_entries")
    .select("name")
    .where("organ_id", "=", organId)
    .executeTakeFirst();
  const other = hosted && hosted.id !== exceptAgencyId ? hosted.name : listed?.name;
  if (other)
    throw fail("ORGAN_ID_TAKEN", `${organId} is ${other}'s`, [
      { path: "organId", message: `Mã định danh ${organId} là của “${other}”.` },
    ]);
}

/** An agency's identifier and contacts: its own admin, its parent's, or the installation admin. */
export async function setExchangeIdentity(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  input: ExchangeIdentity,
): Promise<void> {
  const v = exchangeIdentitySchema.parse(input);
  const authority = authorityOf(actor);
  if (!isUuid(agencyId)) throw fail("AGENCY_NOT_FOUND", `not an agency id: ${agencyId}`);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const agency = await trx
      .selectFrom("agencies")
      .selectAll()
      .where("id", "=", agencyId)
      .where("kind", "!=", INSTALLATION.kind)
      .forUpdate()
      .executeTakeFirst();
    if (!agency) throw fail("AGENCY_NOT_FOUND", `no agency ${agencyId}`);
    if (
      authority.scope === "agency" &&
      agency.id !== authority.agencyId &&
      agency.parent_id !== authority.agencyId
    )
      throw fail("AGENCY_NOT_OWNED", `${agencyId} is neither the admin's agency nor under it`);
    if (v.organId) await assertOrganIdFree(trx, v.organId, agencyId);
    const after = {
      organ_id: v.organId,
      address: v.address ?? null,
      email: v.email ?? null,
      telephone: v.telephone ?? null,
      website: v.website ?? null,
      ...(v.requireSignedPackages !== undefined
        ? { exchange_require_signed: v.requireSignedPackages }
        : {}),
    };
    await trx.updateTable("agencies").set(after).where("id", "=", agencyId).execute();
    await recordAudit(trx, {
      actor,
      action: "agency.exchange",
      entity: "agency",
      entityId: agencyId,
      before: {
        organ_id: agency.organ_id,
        address: agency.address,
        email: agency.email,
        telephone: agency.telephone,
        website: agency.website,
        exchange_require_signed: agency.exchange_require_signed,
      },
      after,
      at: now,
    });
  });
}

export async function listDirectory(ctx: AppContext): Promise<DirectoryEntry[]> {
  const hosted = await ctx.db
    .selectFrom("agencies as a")
    .leftJoin("agencies as p", "p.id", "a.parent_id")
    .select([
      "a.id",
      "a.organ_id",
      "a.name",
      "a.address",
      "a.email",
      "a.telephone",
      "a.website",
      "a.exchange_require_signed",
      "p.organ_id as parent_organ_id",
    ])
    .where("a.organ_id", "is not", null)
    .execute();
  const listed = await ctx.db.selectFrom("directory_entries").selectAll().execute();
  return [
    ...hosted.map((a) => ({
      organId: a.organ_id!,
      name: a.name,
      address: a.address,
      email: a.email,
      telephone: a.telephone,
      website: a.website,
      parentOrganId: a.parent_organ_id,
      hosted: true,
      agencyId: a.id,
      requireSignedPackages: a.exchange_require_signed,
      updatedAt: null,
    })),
    ...listed.map((e) => ({
      organId: e.organ_id,
      name: e.name,
      address: e.address,
      email: e.email,
      telephone: e.telephone,
      website: e.website,
      parentOrganId: e.parent_organ_id,
      hosted: false,
      agencyId: null,
      requireSignedPackages: null,
      updatedAt: e.updated_at.toISOString(),
    })),
  ].sort((a, b) => a.organId.localeCompare(b.organId));
}

/** The columns a directory CSV may have, by the folded names of their headers. */
const COLUMNS: Record<string, keyof Row> = {
  madinhdanh: "organId",
  ma: "organId",
  organid: "organId",
  code: "organId",
  ten: "name",
  tencoquan: "name",
  name: "name",
  diachi: "address",
  address: "address",
  email: "email",
  thudientu: "email",
  dienthoai: "telephone",
  sodienthoai: "telephone",
  telephone: "telephone",
  phone: "telephone",
  website: "website",
  trangweb: "website",
  macaptren: "parentOrganId",
  macoquancaptren: "parentOrganId",
  parent: "parentOrganId",
  parentorganid: "parentOrganId",
};

interface Row {
  organId: string;
  name: string;
  address: string | null;
  email: string | null;
  telephone: string | null;
  website: string | null;
  parentOrganId: string | null;
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_ROWS = 20_000;

/** The rows of a directory CSV, or every problem found, by line. */
export function readDirectoryCsv(csv: string): { rows: Row[]; issues: Issue[] } {
  const table = readCsv(csv, MAX_ROWS + 2);
  const issues: Issue[] = [];
  const header = table[0];
  const at = (header?.cells ?? []).map((h) => COLUMNS[fold(h)]);
  if (!header || !at.includes("organId") || !at.includes("name"))
    return {
      rows: [],
      issues: [
        {
          path: "csv.1",
          message: "Dòng đầu phải là tên cột, có ít nhất “Mã định danh” và “Tên cơ quan”.",
        },
      ],
    };
  if (table.length - 1 > MAX_ROWS)
    issues.push({ path: "csv", message: `Tệp có hơn ${MAX_ROWS} dòng.` });
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.slice(1, MAX_ROWS + 1)) {
    const v: Row = {
      organId: "",
      name: "",
      address: null,
      email: null,
      telephone: null,
      website: null,
      parentOrganId: null,
    };
    at.forEach((key, i) => {
      const cell = (cells[i] ?? "").trim().replace(/\s+/g, " ");
      if (key && cell) v[key] = cell;
    });
    const say = (message: string) =>
      issues.push({ path: `csv.${line}`, message: `Dòng ${line}: ${message}` });
    const problem = organIdProblem(v.organId);
    if (problem) say(ORGAN_ID_PROBLEMS_VI[problem]);
    v.organId = normalizeOrganId(v.organId);
    if (v.name.length < 2 || v.name.length > 300) say("tên cơ quan thiếu hoặc quá dài.");
    if (v.email && !EMAIL.test(v.email)) say(`thư điện tử “${v.email}” không hợp lệ.`);
    if (v.parentOrganId) {
      if (organIdProblem(v.parentOrganId)) say(`mã cấp trên “${v.parentOrganId}” không hợp lệ.`);
      v.parentOrganId = normalizeOrganId(v.parentOrganId);
    }
    for (const k of ["address", "telephone", "website"] as const)
      if ((v[k]?.length ?? 0) > 300) say("một ô quá dài.");
    const earlier = seen.get(v.organId);
    if (!problem && earlier) say(`mã ${v.organId} đã có ở dòng ${earlier}.`);
    seen.set(v.organId, line);
    rows.push(v);
  }
  return { rows, issues };
}

function requireInstaller(actor: Actor): void {
  if (authorityOf(actor).scope !== "installation")
    throw fail("FORBIDDEN", "the directory is the installation admin's");
}

/** Imports a directory CSV: every row, or none when one cannot be read (DIRECTORY_INVALID). */
export async function importDirectory(
  ctx: AppContext,
  actor: Actor,
  csv: string,
): Promise<{ added: number; updated: number; unchanged: number }> {
  requireInstaller(actor);
  const { rows, issues } = readDirectoryCsv(csv);
  if (issues.length)
    throw fail(
      "DIRECTORY_INVALID",
      `${issues.length} problems in the directory CSV`,
      issues.slice(0, 200),
    );
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const hosted = new Map(
      (
        await trx
          .selectFrom("agencies")
          .select(["organ_id", "name"])
          .where("organ_id", "is not", null)
          .execute()
      ).map((a) => [a.organ_id!, a.name]),
    );
    const clash = rows.filter((r) => hosted.has(r.organId));
    if (clash.length)
      throw fail(
        "ORGAN_ID_TAKEN",
        `${clash.length} identifiers are agencies hosted here`,
        clash.slice(0, 200).map((r) => ({
          path: "csv",
          message: `Mã định danh ${r.organId} là của “${hosted.get(r.organId)}”, cơ quan trong hệ thống.`,
        })),
      );
    const had = new Map(
      (await trx.selectFrom("directory_entries").selectAll().execute()).map((e) => [e.organ_id, e]),
    );
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).filter((r) => {
        const e = had.get(r.organId);
        const same =
          !!e &&
          e.name === r.name &&
          e.address === r.address &&
          e.email === r.email &&
          e.telephone === r.telephone &&
          e.website === r.website &&
          e.parent_organ_id === r.parentOrganId;
        if (same) unchanged++;
        else if (e) updated++;
        else added++;
        return !same;
      });
      if (chunk.length)
        await trx
          .insertInto("directory_entries")
          .values(chunk.map((r) => entryRow(r, actor, now)))
          .onConflict((oc) =>
            oc.column("organ_id").doUpdateSet((eb) => ({
              name: eb.ref("excluded.name"),
              address: eb.ref("excluded.address"),
              email: eb.ref("excluded.email"),
              telephone: eb.ref("excluded.telephone"),
              website: eb.ref("excluded.website"),
              parent_organ_id: eb.ref("excluded.parent_organ_id"),
              updated_by: eb.ref("excluded.updated_by"),
              updated_at: eb.ref("excluded.updated_at"),
            })),
          )
          .execute();
    }
    await recordAudit(trx, {
      actor,
      action: "directory.import",
      entity: "directory",
      entityId: "directory",
      after: { rows: rows.length, added, updated, unchanged },
      at: now,
    });
    return { added, updated, unchanged };
  });
}

const entryRow = (r: Row, actor: Actor, at: Date) => ({
  organ_id: r.organId,
  name: r.name,
  address: r.address,
  email: r.email,
  telephone: r.telephone,
  website: r.website,
  parent_organ_id: r.parentOrganId,
  updated_by: actor.userId,
  updated_at: at,
});

export async function putDirectoryEntry(
  ctx: AppContext,
  actor: Actor,
  organIdParam: string,
  body: Omit<Row, "organId" | "address" | "email" | "telephone" | "website" | "parentOrganId"> &
    Partial<Row>,
): Promise<void> {
  requireInstaller(actor);
  const problem = organIdProblem(organIdParam);
  if (problem)
    throw fail("VALIDATION_FAILED", `not an identifier: ${organIdParam}`, [
      { path: "organId", message: ORGAN_ID_PROBLEMS_VI[problem] },
    ]);
  const organId = normalizeOrganId(organIdParam);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const hosted = await trx
      .selectFrom("agencies")
      .select("name")
      .where("organ_id", "=", organId)
      .executeTakeFirst();
    if (hosted)
      throw fail("ORGAN_ID_TAKEN", `${organId} is hosted here`, [
        { path: "organId", message: `Mã định danh ${organId} là của “${hosted.name}”.` },
      ]);
    const row = entryRow(
      {
        organId,
        name: body.name,
        address: body.address ?? null,
        email: body.email ?? null,
        telephone: body.telephone ?? null,
        website: body.website ?? null,
        parentOrganId: body.parentOrganId ?? null,
      },
      actor,
      now,
    );
    const { organ_id: _key, ...set } = row;
    await trx
      .insertInto("directory_entries")
      .values(row)
      .onConflict((oc) => oc.column("organ_id").doUpdateSet(set))
      .execute();
    await recordAudit(trx, {
      actor,
      action: "directory.put",
      entity: "directory",
      entityId: organId,
      after: set,
      at: now,
    });
  });
}

export async function removeDirectoryEntry(
  ctx: AppContext,
  actor: Actor,
  organIdParam: string,
): Promise<void> {
  requireInstaller(actor);
  const organId = normalizeOrganId(organIdParam);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom("directory_entries")
      .where("organ_id", "=", organId)
      .returning("name")
      .executeTakeFirst();
    if (!gone) throw fail("NOT_FOUND", `${organId} is not in the directory`);
    await recordAudit(trx, {
      actor,
      action: "directory.remove",
      entity: "directory",
      entityId: organId,
      before: { name: gone.name },
      at: now,
    });
  });
}
