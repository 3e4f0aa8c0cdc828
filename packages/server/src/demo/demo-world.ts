/**
 * The demo world created on first start with an empty database: the agencies of the seed
 * documents (Sở TT&TT Lạng Sơn and the press, radio/TV and district offices it writes to; LĐLĐ
 * Bắc Giang; Sở Công Thương and Sở TT&TT Hải Dương; the Party and People's Committee bodies they
 * cite), four users per agency, and five documents written for the project in their style
 * (packages/server/demo/). Real documents stay out of the repository.
 */
import { readdirSync, readFileSync } from "node:fs";
import { normalizeText, parseDocument } from "@vanthu/core";
import type { AppContext } from "../context.ts";
import { createAgency, type AgencyInput } from "../agencies/create-agency.ts";
import { ensureInstallationAdmin } from "../agencies/installation-admin.ts";
import { hashPassword } from "../auth/passwords.ts";
import { recordAudit } from "../audit.ts";
import { columnsOf, contentFromParsed } from "../documents/document-content.ts";
import { syncCitations } from "../links/sync-citations.ts";
import { seedDemoWorkflow } from "./demo-workflow.ts";
import { seedDemoSigning } from "./demo-signing.ts";
import { sendDeadlineNotices } from "../handling/deadline-job.ts";

const LS = { parentLine: "UBND tỉnh Lạng Sơn", place: "Lạng Sơn" };
const HD = { parentLine: "UBND tỉnh Hải Dương", place: "Hải Dương" };
const district = (code: string, where: string, organId: string): AgencyInput => ({
  code: `vhtt-${code}`,
  organId,
  name: `Phòng Văn hóa và Thông tin ${where}`,
  abbreviation: "VHTT",
  kind: "state",
  parentLine: `UBND ${where}`,
  place: "Lạng Sơn",
});

// Agency identifiers (mã định danh) of the demo: made up in the shape of QĐ 20/2020/QĐ-TTg's,
// the province's letters and number last (not the real codes of these agencies).
export const DEMO_AGENCIES: AgencyInput[] = [
  {
    code: "ubnd-ls",
    organId: "000.00.00.H37",
    name: "Ủy ban nhân dân tỉnh Lạng Sơn",
    abbreviation: "UBND",
    kind: "state",
    place: "Lạng Sơn",
    units: [{ name: "Khối Khoa giáo - Văn xã", abbreviation: "KGVX" }],
  },
  {
    code: "tu-ls",
    organId: "000.00.00.T37",
    name: "Tỉnh ủy Lạng Sơn",
    abbreviation: "TU",
    kind: "party",
    place: "Lạng Sơn",
    term: "2025-2030",
  },
  {
    code: "stttt-ls",
    organId: "000.00.21.H37",
    name: "Sở Thông tin và Truyền thông",
    abbreviation: "STTTT",
    kind: "state",
    parentCode: "ubnd-ls",
    ...LS,
    portalDomain: "stttt.langson.gov.vn",
    units: [
      { name: "Phòng Thông tin - Báo chí - Xuất bản", abbreviation: "TTBCXB" },
      { name: "Văn phòng", abbreviation: "VP" },
    ],
  },
  {
    code: "baolangson",
    organId: "000.00.41.H37",
    name: "Báo Lạng Sơn",
    abbreviation: "BLS",
    kind: "press",
    place: "Lạng Sơn",
    units: [
      { name: "Ban Thời sự", abbreviation: "TS" },
      { name: "Ban Thư ký tòa soạn", abbreviation: "TKTS" },
    ],
  },
  {
    code: "ptth-ls",
    organId: "000.00.42.H37",
    name: "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn",
    abbreviation: "PTTH",
    kind: "broadcaster",
    place: "Lạng Sơn",
  },
  district("tpls", "thành phố Lạng Sơn", "000.31.30.H37"),
  district("caoloc", "huyện Cao Lộc", "000.32.30.H37"),
  district("chilang", "huyện Chi Lăng", "000.33.30.H37"),
  // Commune radio stations, to which a district office passes a directive on.
  {
    code: "dtt-maipha",
    organId: "000.60.31.H37",
    name: "Đài Truyền thanh xã Mai Pha",
    abbreviation: "ĐTT",
    kind: "broadcaster",
    parentLine: "UBND xã Mai Pha",
    place: "Lạng Sơn",
  },
  {
    code: "dtt-hoangdong",
    organId: "000.61.31.H37",
    name: "Đài Truyền thanh xã Hoàng Đồng",
    abbreviation: "ĐTT",
    kind: "broadcaster",
    parentLine: "UBND xã Hoàng Đồng",
    place: "Lạng Sơn",
  },
  {
    code: "ldld-bg",
    organId: "000.00.00.L14",
    name: "Liên đoàn Lao động tỉnh Bắc Giang",
    abbreviation: "LĐLĐ",
    kind: "union",
    parentLine: "Tổng Liên đoàn Lao động Việt Nam",
    place: "Bắc Giang",
    units: [{ name: "Ban Tuyên giáo và Nữ công", abbreviation: "TG&NC" }],
  },
  {
    code: "btgtu-bg",
    organId: "000.00.02.T14",
    name: "Ban Tuyên giáo Tỉnh ủy Bắc Giang",
    abbreviation: "BTGTU",
    kind: "party",
    place: "Bắc Giang",
    term: "2025-2030",
  },
  {
    code: "ubnd-hd",
    organId: "000.00.00.H26",
    name: "Ủy ban nhân dân tỉnh Hải Dương",
    abbreviation: "UBND",
    kind: "state",
    place: "Hải Dương",
  },
  {
    code: "stttt-hd",
    organId: "000.00.21.H26",
    name: "Sở Thông tin và Truyền thông",
    abbreviation: "STTTT",
    kind: "state",
    parentCode: "ubnd-hd",
    ...HD,
    units: [{ name: "Phòng Thông tin - Báo chí - Xuất bản", abbreviation: "TTBCXB" }],
  },
  {
    code: "sct-hd",
    organId: "000.00.17.H26",
    name: "Sở Công Thương",
    abbreviation: "SCT",
    kind: "state",
    parentCode: "ubnd-hd",
    ...HD,
    units: [{ name: "Văn phòng", abbreviation: "VP" }],
  },
];

/** The demo documents and the agency that wrote each. */
const DEMO_DOCUMENTS: Record<string, string> = {
  "01-stttt-ls-tuyen-truyen-quy-iv.txt": "stttt-ls",
  "02-stttt-ls-phong-chong-lua-dao.txt": "stttt-ls",
  "03-ldld-bg-thong-tin-doi-ngoai.txt": "ldld-bg",
  "04-stttt-hd-nhiem-vu-chinh-tri.txt": "stttt-hd",
  "05-sct-hd-trien-khai.txt": "sct-hd",
};

export const DEMO_ROLES = [
  ["vanthu", "clerk", "Văn thư"],
  ["chuyenvien", "specialist", "Chuyên viên"],
  ["lanhdao", "leader", "Lãnh đạo"],
  ["admin", "admin", "Quản trị"],
] as const;
export const DEMO_PASSWORD = "demo";

/**
 * The people of an agency with units, besides the four above: the specialist sits in the first
 * unit, whose head (Trưởng phòng, or Trưởng ban) reviews its drafts and passes its documents on;
 * a second specialist in the second unit; a deputy leader to whom the leader delegates; the clerk
 * follows up late work (đôn đốc).
 */
export const DEMO_UNIT_PEOPLE = [
  { suffix: "truongphong", role: "specialist", title: "Trưởng phòng", unit: 0, head: true },
  { suffix: "chuyenvien2", role: "specialist", title: "Chuyên viên", unit: 1, head: false },
  { suffix: "pholanhdao", role: "leader", title: "Phó Lãnh đạo", unit: null, head: false },
] as const;

/** The directory's agencies of other systems (the two identifiers QCVN 102's users all know). */
const DEMO_DIRECTORY = [
  {
    organ_id: "000.00.00.G22",
    name: "Văn phòng Chính phủ",
    address: "1 Hoàng Hoa Thám, Ba Đình, Hà Nội",
    email: null,
    telephone: null,
    website: "https://vpcp.chinhphu.vn",
    parent_organ_id: null,
  },
  {
    organ_id: "000.00.00.H41",
    name: "Ủy ban nhân dân tỉnh Nghệ An",
    address: "Thành phố Vinh, Nghệ An",
    email: null,
    telephone: null,
    website: "https://www.nghean.gov.vn",
    parent_organ_id: null,
  },
];

/** True when the database has no agency yet. */
export async function isEmpty(ctx: AppContext): Promise<boolean> {
  return !(await ctx.db.selectFrom("agencies").select("id").limit(1).executeTakeFirst());
}

export async function seedDemoWorld(
  ctx: AppContext,
  /**
   * `signing`: a development CA, each agency's and leader's PKCS#12 and images
   * (demo-signing.ts); `serve` seeds them, tests that sign configure their own.
   */
  options: { signing?: boolean } = {},
): Promise<{ agencies: number; users: number; documents: number; signers: number }> {
  const at = ctx.now();
  for (const a of DEMO_AGENCIES) await createAgency(ctx.db, null, a, at);
  // Agencies of other systems on the exchange, in the directory (not hosted here).
  await ctx.db
    .insertInto("directory_entries")
    .values(DEMO_DIRECTORY.map((e) => ({ ...e, updated_by: null, updated_at: at })))
    .onConflict((oc) => oc.column("organ_id").doNothing())
    .execute();
  // One hash for every demo account: they share the password anyway.
  const hash = await hashPassword(DEMO_PASSWORD);
  const agencies = await ctx.db
    .selectFrom("agencies")
    .select(["id", "code", "name"])
    .where("kind", "!=", "installation")
    .execute();
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const units = await ctx.db
    .selectFrom("units")
    .select(["id", "agency_id", "name", "abbreviation"])
    .orderBy("abbreviation")
    .execute();
  // The units in the order the agency lists them.
  const unitsOf = (agency: { id: string; code: string }) => {
    const listed = DEMO_AGENCIES.find((d) => d.code === agency.code)?.units ?? [];
    return listed.map((u) =>
      units.find((r) => r.agency_id === agency.id && r.abbreviation === u.abbreviation)!,
    );
  };
  let users = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const a of agencies) {
      const own = unitsOf(a);
      for (const [suffix, role, title] of DEMO_ROLES) {
        await trx
          .insertInto("users")
          .values({
            agency_id: a.id,
            unit_id: role === "specialist" ? (own[0]?.id ?? null) : null,
            username: `${a.code}.${suffix}`,
            full_name: `${title} ${a.name}`,
            title,
            roles: [role],
            password_hash: hash,
            follows_up: role === "clerk" && own.length > 0,
            created_at: at,
          })
          .execute();
        users++;
      }
      if (own.length === 0) continue;
      for (const p of DEMO_UNIT_PEOPLE) {
        const unit = p.unit === null ? null : (own[p.unit] ?? own[0]!);
        const title = unit && p.head && /^Ban /.test(unit.name) ? "Trưởng ban" : p.title;
        await trx
          .insertInto("users")
          .values({
            agency_id: a.id,
            unit_id: unit?.id ?? null,
            username: `${a.code}.${p.suffix}`,
            full_name: `${title} ${unit ? unit.abbreviation : a.name}`,
            title,
            roles: [p.role],
            unit_head: p.head,
            password_hash: hash,
            created_at: at,
          })
          .execute();
        users++;
      }
    }
  });
  // The installation admin of the demo ("admin", password demo): its pages can be tried too.
  await ensureInstallationAdmin(ctx, { password: DEMO_PASSWORD, passwordHash: hash });
  const dir = new URL("../../demo/", import.meta.url);
  let documents = 0;
  for (const file of readdirSync(dir)
    .filter((f) => f in DEMO_DOCUMENTS)
    .sort()) {
    const agency = byCode.get(DEMO_DOCUMENTS[file]!)!;
    const text = normalizeText(readFileSync(new URL(file, dir), "utf8"));
    const parsed = parseDocument(text);
    const content = contentFromParsed(parsed);
    const issued = !!parsed.number && !!parsed.date;
    await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("documents")
        .values({
          ...columnsOf(content, text),
          reference: issued ? parsed.reference : null,
          agency_id: agency.id,
          direction: "outgoing",
          status: issued ? "issued" : "draft",
          is_public: issued,
          issued_at: issued ? new Date(`${parsed.date}T09:00:00+07:00`) : null,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await syncCitations(trx, row.id, text, parsed.reference);
      await recordAudit(trx, {
        actor: null,
        action: "demo.document",
        entity: "document",
        entityId: row.id,
        after: { file, reference: parsed.reference },
        at,
      });
    });
    documents++;
  }
  documents += (await seedDemoWorkflow(ctx)).documents;
  // The late and near deadlines told at once, as the job would on its next run: a newcomer's
  // bell already says what is overdue.
  await sendDeadlineNotices(ctx);
  const signers = options.signing ? (await seedDemoSigning(ctx)).signers : 0;
  return { agencies: agencies.length, users, documents, signers };
}
