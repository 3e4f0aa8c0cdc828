/** The exchange with other systems: the inbox, the log, peers, recall (wiring only). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { receiveHttp } from "./inbox.ts";
import { listExchangeLog, retryExchangeMessage } from "./exchange-log.ts";
import { listPeers, putPeer, removePeer } from "./peers.ts";
import { answerRecall, recallDocument } from "./recall.ts";

export function exchangeRoutes(ctx: AppContext, wake: () => void): RouteTable {
  return {
    "POST /api/exchange/inbox": async ({ request }) => {
      const r = await receiveHttp(ctx, request);
      // The 01 (and anything else this made) leaves now, not at the next tick.
      wake();
      return {
        messageId: r.messageId,
        duplicate: r.duplicate,
        kind: r.kind,
        records: r.records.length,
      };
    },
    "GET /api/exchange/messages": async ({ actor, query }) => listExchangeLog(ctx, actor, query),
    "POST /api/exchange/messages/:id/retry": async ({ actor, params }) => {
      await retryExchangeMessage(ctx, actor, params.id);
      wake();
      return { ok: true };
    },
    "GET /api/admin/exchange/peers": async () => ({ items: await listPeers(ctx) }),
    "PUT /api/admin/exchange/peers/:organId": async ({ actor, params, body }) =>
      putPeer(ctx, actor, params.organId, body),
    "DELETE /api/admin/exchange/peers/:organId": async ({ actor, params }) => {
      await removePeer(ctx, actor, params.organId);
      return { ok: true };
    },
    "POST /api/documents/:id/recall": async ({ actor, params, body }) => {
      const r = await recallDocument(ctx, actor, params.id, body.reason);
      wake();
      return r;
    },
    "POST /api/documents/:id/recall-answer": async ({ actor, params, body }) => {
      await answerRecall(ctx, actor, params.id, body.accept, body.reason ?? null);
      wake();
      return { ok: true };
    },
  };
}
