/**
 * Where packages for an agency identifier go (issue 17): another vanthu installation's inbox over
 * HTTP, with a shared secret that authenticates requests both ways, or a folder another system
 * picks packages up from. The installation admin configures them (`/api/admin/exchange/peers`);
 * the secret is sealed by the installation's key (signing/secret-store.ts) and never shown again.
 */
import type { Kysely, Transaction } from "kysely";
import { normalizeOrganId, organIdProblem } from "@vanthu/core";
import type { Database } from "@vanthu/db";
import type { ExchangePeer, ExchangePeerInput } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { masterKey, seal, unseal } from "../signing/secret-store.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** A peer as the sender and the inbox use it: the secret opened. */
export interface Peer {
  organId: string;
  transport: "http" | "folder";
  address: string;
  secret: Buffer | null;
}

const purpose = (organId: string) => `exchange_peers.secret_sealed:${organId}`;

export async function peerFor(ctx: AppContext, db: Db, organId: string): Promise<Peer | null> {
  const row = await db
    .selectFrom("exchange_peers")
    .selectAll()
    .where("organ_id", "=", organId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    organId: row.organ_id,
    transport: row.transport,
    address: row.address,
    secret: row.secret_sealed
      ? unseal(masterKey(ctx.config), row.secret_sealed, purpose(row.organ_id))
      : null,
  };
}

export async function listPeers(ctx: AppContext): Promise<ExchangePeer[]> {
  const rows = await ctx.db
    .selectFrom("exchange_peers")
    .leftJoin("directory_entries", "directory_entries.organ_id", "exchange_peers.organ_id")
    .select([
      "exchange_peers.organ_id",
      "exchange_peers.transport",
      "exchange_peers.address",
      "exchange_peers.secret_sealed",
      "exchange_peers.updated_at",
      "directory_entries.name",
    ])
    .orderBy("exchange_peers.organ_id")
    .execute();
  return rows.map((r) => ({
    organId: r.organ_id,
    name: r.name,
    transport: r.transport,
    address: r.address,
    hasSecret: !!r.secret_sealed,
    updatedAt: r.updated_at.toISOString(),
  }));
}

/** Adds or changes a peer. An HTTP peer needs an https:// or http:// address and a secret. */
export async function putPeer(
  ctx: AppContext,
  actor: Actor,
  rawOrganId: string,
  input: ExchangePeerInput,
): Promise<ExchangePeer> {
  const organId = normalizeOrganId(rawOrganId);
  const problem = organIdProblem(organId);
  if (problem)
    throw fail("VALIDATION_FAILED", `bad organ id ${rawOrganId}`, [
      { path: "organId", message: `Mã định danh “${rawOrganId}” không đúng dạng.` },
    ]);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("exchange_peers")
      .selectAll()
      .where("organ_id", "=", organId)
      .forUpdate()
      .executeTakeFirst();
    if (input.transport === "http" && !input.secret && !before?.secret_sealed)
      throw fail("VALIDATION_FAILED", "an HTTP peer needs a shared secret", [
        { path: "secret", message: "Cần khóa bí mật dùng chung với hệ thống nhận." },
      ]);
    const secret_sealed = input.secret
      ? seal(masterKey(ctx.config), input.secret, purpose(organId))
      : input.transport === "folder"
        ? null
        : (before?.secret_sealed ?? null);
    const values = {
      transport: input.transport,
      address: input.address,
      secret_sealed,
      updated_by: actor.userId,
      updated_at: now,
    };
    await trx
      .insertInto("exchange_peers")
      .values({ organ_id: organId, ...values })
      .onConflict((oc) => oc.column("organ_id").doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actor,
      action: "exchange.peer.put",
      entity: "exchange_peer",
      entityId: organId,
      before: before ? { transport: before.transport, address: before.address } : null,
      after: { transport: input.transport, address: input.address, secret: !!secret_sealed },
      at: now,
    });
  });
  return (await listPeers(ctx)).find((p) => p.organId === organId)!;
}

export async function removePeer(ctx: AppContext, actor: Actor, organId: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom("exchange_peers")
      .where("organ_id", "=", organId)
      .returning(["transport", "address"])
      .executeTakeFirst();
    if (!gone) throw fail("PEER_NOT_FOUND", `no peer ${organId}`);
    await recordAudit(trx, {
      actor,
      action: "exchange.peer.remove",
      entity: "exchange_peer",
      entityId: organId,
      before: gone,
      after: null,
      at: now,
    });
  });
}
