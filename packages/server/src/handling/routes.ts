/** Handling received documents inside the agency (wiring only; contract/src/handling.ts). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { readUpload, sendFile } from "../http/files.ts";
import { registrationCheck } from "./find-duplicates.ts";
import { attachIncoming } from "./attach-incoming.ts";
import { readHandling, handlingPeople } from "./read-handling.ts";
import { presentDocument } from "./present-document.ts";
import { instructDocument } from "./instruct-document.ts";
import { assignHandler } from "./assign-handler.ts";
import { addHandlingNote, finishHandling, startHandling } from "./work-on-document.ts";
import { createReply } from "./create-reply.ts";
import { attachHandlingFile, readHandlingFile } from "./handling-files.ts";
import { listOverdue, sendReminder } from "./follow-up.ts";
import { forwardDocument } from "./forward-document.ts";
import { readDeadlineSettings, saveDeadlineRules, saveHolidays } from "./deadline-settings.ts";

export function handlingRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/documents/:id/duplicates": async ({ actor, params, query }) =>
      registrationCheck(ctx, actor, params.id, query),

    "POST /api/documents/:id/attach": async ({ actor, params, body }) =>
      attachIncoming(ctx, actor, params.id, body.toId),

    "GET /api/documents/:id/handling": async ({ actor, params }) =>
      readHandling(ctx, actor, params.id),

    "POST /api/documents/:id/present": async ({ actor, params, body }) =>
      presentDocument(ctx, actor, params.id, body),

    "POST /api/documents/:id/instructions": async ({ actor, params, body }) =>
      instructDocument(ctx, actor, params.id, body),

    "POST /api/documents/:id/assignments": async ({ actor, params, body }) =>
      assignHandler(ctx, actor, params.id, body),

    "POST /api/documents/:id/handling/progress": async ({ actor, params, body }) =>
      startHandling(ctx, actor, params.id, body.handlerId),

    "POST /api/documents/:id/handling/notes": async ({ actor, params, body }) =>
      addHandlingNote(ctx, actor, params.id, { text: body.text }),

    "POST /api/documents/:id/handling/files": async ({ actor, params, request }) =>
      attachHandlingFile(ctx, actor, params.id, await readUpload(request)),

    "GET /api/documents/:id/handling/files/:noteId": async ({ actor, params, reply }) =>
      sendFile(reply, await readHandlingFile(ctx, actor, params.id, params.noteId)),

    "POST /api/documents/:id/reply": async ({ actor, params }) =>
      createReply(ctx, actor, params.id),

    "POST /api/documents/:id/handling/done": async ({ actor, params, body }) =>
      finishHandling(ctx, actor, params.id, body),

    "POST /api/documents/:id/reminders": async ({ actor, params, body }) =>
      sendReminder(ctx, actor, params.id, body),

    "POST /api/documents/:id/forward": async ({ actor, params, body }) =>
      forwardDocument(ctx, actor, params.id, body),

    "GET /api/handling/overdue": async ({ actor }) => listOverdue(ctx, actor),

    "GET /api/handling/people": async ({ actor }) => handlingPeople(ctx, actor),

    "GET /api/admin/deadlines": async ({ actor }) => readDeadlineSettings(ctx, actor),

    "PUT /api/admin/deadline-rules": async ({ actor, body }) => {
      await saveDeadlineRules(ctx, actor, body.rules);
      return { ok: true };
    },

    "PUT /api/admin/holidays": async ({ actor, body }) => {
      await saveHolidays(ctx, actor, body.holidays);
      return { ok: true };
    },
  };
}
