/**
 * The trust anchors signatures are checked against: the files named by TRUST_ANCHORS (the
 * installation's configuration, read once a process) and the roots the installation admin
 * uploaded (`trust_anchors`, read on each verification so that every process sees a change at
 * once). No network lookups: a chain that ends elsewhere is "unknown".
 */
import { createHash } from "node:crypto";
import { trustAnchorsFrom } from "@vanthu/extract";
import { loadTrustAnchors } from "@vanthu/signatures";
import type { TrustAnchorEntry } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";

export interface Anchors {
  ders: Uint8Array[];
  /** Names this set of anchors: a file verified against another set is verified again. */
  key: string;
}

const sha256 = (der: Uint8Array) => createHash("sha256").update(der).digest("hex");

interface ConfiguredAnchor {
  der: Uint8Array;
  sha256: string;
  subject: string;
  notBefore: string | null;
  notAfter: string | null;
}

const configured = new WeakMap<AppContext["config"], ConfiguredAnchor[]>();

function describe(der: Uint8Array): Omit<ConfiguredAnchor, "der" | "sha256"> {
  const [a] = trustAnchorsFrom(der);
  const iso = (s: string | undefined) => (s ? new Date(s).toISOString() : null);
  return {
    subject: a?.cert.subject.replace(/\n/g, ", ") ?? "",
    notBefore: iso(a?.cert.validFrom),
    notAfter: iso(a?.cert.validTo),
  };
}

/** The anchors of the TRUST_ANCHORS files; files that hold no certificate are logged once. */
function fromConfig(ctx: Pick<AppContext, "config">): ConfiguredAnchor[] {
  let found = configured.get(ctx.config);
  if (!found) {
    const { anchors, problems } = loadTrustAnchors(ctx.config.trustAnchorPaths);
    if (problems.length)
      console.warn(`TRUST_ANCHORS: no certificate read from ${problems.join(", ")}`);
    found = anchors.map((a) => ({ der: a.der, sha256: sha256(a.der), ...describe(a.der) }));
    configured.set(ctx.config, found);
  }
  return found;
}

export async function currentAnchors(ctx: Pick<AppContext, "db" | "config">): Promise<Anchors> {
  const rows = await ctx.db.selectFrom("trust_anchors").select(["sha256", "der"]).execute();
  const all = new Map<string, Uint8Array>();
  for (const a of fromConfig(ctx)) all.set(a.sha256, a.der);
  for (const r of rows) all.set(r.sha256, r.der);
  const shas = [...all.keys()].sort();
  return {
    ders: shas.map((s) => all.get(s)!),
    key: shas.length ? createHash("sha256").update(shas.join(",")).digest("hex") : "none",
  };
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** Certificates one upload may hold (a bundle of every Vietnamese root is a few dozen). */
const MAX_UPLOADED_ANCHORS = 200;

export async function listTrustAnchors(ctx: AppContext): Promise<TrustAnchorEntry[]> {
  const rows = await ctx.db
    .selectFrom("trust_anchors")
    .select(["sha256", "subject", "not_before", "not_after", "added_at"])
    .orderBy("subject")
    .execute();
  return [
    ...fromConfig(ctx).map((a) => ({
      sha256: a.sha256,
      subject: a.subject,
      notBefore: a.notBefore,
      notAfter: a.notAfter,
      source: "config" as const,
      addedAt: null,
    })),
    ...rows.map((r) => ({
      sha256: r.sha256,
      subject: r.subject,
      notBefore: iso(r.not_before),
      notAfter: iso(r.not_after),
      source: "uploaded" as const,
      addedAt: iso(r.added_at),
    })),
  ];
}

/** The certificates of a file as uploaded: PEM text, else DER in base64. */
function certificateBytes(data: string): Uint8Array {
  const text = data.trim();
  if (text.includes("-----BEGIN")) return new TextEncoder().encode(text);
  if (!/^[A-Za-z0-9+/=\s]+$/.test(text))
    throw fail("CERTIFICATE_INVALID", "neither PEM nor base64", [{ path: "data", message: "" }]);
  return Buffer.from(text, "base64");
}

/** Trusts the certificates of `data`; one already trusted is kept once. */
export async function addTrustAnchors(
  ctx: AppContext,
  actor: Actor,
  data: string,
): Promise<TrustAnchorEntry[]> {
  // Counted before anything is parsed: a bundle of thousands would hold the event loop.
  const pems = data.split("-----BEGIN CERTIFICATE-----").length - 1;
  if (pems > MAX_UPLOADED_ANCHORS)
    throw fail("CERTIFICATE_INVALID", `${pems} certificates in one upload`, [
      {
        path: "data",
        message: `Tệp có ${pems} chứng thư số; mỗi lần thêm tối đa ${MAX_UPLOADED_ANCHORS}.`,
      },
    ]);
  let found: ReturnType<typeof trustAnchorsFrom>;
  try {
    found = trustAnchorsFrom(certificateBytes(data));
  } catch {
    found = [];
  }
  if (!found.length)
    throw fail("CERTIFICATE_INVALID", "no certificate in the upload", [
      { path: "data", message: "" },
    ]);
  // A root vouches for others only as a CA: a person's or an agency's own certificate is no anchor.
  const notCa = found.filter((a) => !a.cert.ca);
  if (notCa.length)
    throw fail(
      "CERTIFICATE_INVALID",
      "not a CA certificate",
      notCa.slice(0, 20).map((a) => ({
        path: "data",
        message: `“${a.cert.subject.replace(/\n/g, ", ")}” không phải chứng thư số của tổ chức cấp chứng thư số (CA).`,
      })),
    );
  const now = ctx.now();
  const added = await ctx.db.transaction().execute(async (trx) => {
    const out: TrustAnchorEntry[] = [];
    for (const a of found) {
      const d = describe(a.der);
      const sha = sha256(a.der);
      await trx
        .insertInto("trust_anchors")
        .values({
          sha256: sha,
          subject: d.subject,
          not_before: d.notBefore ? new Date(d.notBefore) : null,
          not_after: d.notAfter ? new Date(d.notAfter) : null,
          der: a.der,
          added_by: actor.userId,
          added_at: now,
        })
        .onConflict((oc) => oc.column("sha256").doNothing())
        .execute();
      out.push({ sha256: sha, ...d, source: "uploaded", addedAt: now.toISOString() });
    }
    await recordAudit(trx, {
      actor,
      action: "trust-anchor.add",
      entity: "trust-anchor",
      entityId: out[0]!.sha256,
      after: { anchors: out.map((a) => ({ sha256: a.sha256, subject: a.subject })) },
      at: now,
    });
    return out;
  });
  return added;
}

export async function removeTrustAnchor(ctx: AppContext, actor: Actor, sha: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom("trust_anchors")
      .where("sha256", "=", sha.toLowerCase())
      .returning(["sha256", "subject"])
      .executeTakeFirst();
    if (!gone) throw fail("NOT_FOUND", `no uploaded trust anchor ${sha}`);
    await recordAudit(trx, {
      actor,
      action: "trust-anchor.remove",
      entity: "trust-anchor",
      entityId: gone.sha256,
      before: { subject: gone.subject },
      at: now,
    });
  });
}
