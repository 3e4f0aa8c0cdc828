/** The signing routes: the admin's signers and images, and one's own signer (wiring only). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import {
  configureSigner,
  deleteSigner,
  mySigner,
  signingOverview,
  uploadImage,
} from "./admin-signing.ts";

export function signingRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/admin/signing": async ({ actor }) => signingOverview(ctx, actor),
    "POST /api/admin/signing/agency": async ({ actor, body }) =>
      configureSigner(ctx, actor, null, body),
    "DELETE /api/admin/signing/agency": async ({ actor }) => {
      await deleteSigner(ctx, actor, null);
      return { ok: true };
    },
    "POST /api/admin/signing/seal": async ({ actor, body }) =>
      uploadImage(ctx, actor, null, body.png),
    "POST /api/admin/users/:id/signer": async ({ actor, params, body }) =>
      configureSigner(ctx, actor, params.id, body),
    "DELETE /api/admin/users/:id/signer": async ({ actor, params }) => {
      await deleteSigner(ctx, actor, params.id);
      return { ok: true };
    },
    "POST /api/admin/users/:id/signature-image": async ({ actor, params, body }) =>
      uploadImage(ctx, actor, params.id, body.png),
    "GET /api/signing/me": async ({ actor }) => mySigner(ctx, actor),
  };
}
