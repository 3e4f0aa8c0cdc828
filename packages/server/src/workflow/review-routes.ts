/** A draft's review (trình ký) and its versions: wiring only (declared in contract/review.ts). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { approveDraft } from "./review-approve.ts";
import { diffVersions } from "./review-diff.ts";
import { forwardDraft } from "./review-forward.ts";
import { listReviewers } from "./review-reviewers.ts";
import { sendBackDraft } from "./review-send-back.ts";
import { submitDraft } from "./review-submit.ts";
import { listVersions } from "./review-versions.ts";

export function reviewRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/documents/:id/reviewers": async ({ actor, params, query }) =>
      listReviewers(ctx, actor, params.id, query.for),

    "POST /api/documents/:id/review/submit": async ({ actor, params, body }) =>
      submitDraft(ctx, actor, params.id, body),

    "POST /api/documents/:id/review/forward": async ({ actor, params, body }) =>
      forwardDraft(ctx, actor, params.id, body),

    "POST /api/documents/:id/review/approve": async ({ actor, params, body }) =>
      approveDraft(ctx, actor, params.id, body),

    "POST /api/documents/:id/review/send-back": async ({ actor, params, body }) =>
      sendBackDraft(ctx, actor, params.id, body),

    "GET /api/documents/:id/versions": async ({ actor, params }) =>
      listVersions(ctx, actor, params.id),

    "GET /api/documents/:id/versions/:from/diff/:to": async ({ actor, params }) =>
      diffVersions(ctx, actor, params.id, params.from, params.to),
  };
}
