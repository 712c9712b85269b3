import { json, NoParams, NoQuery, route } from "@/lib/next/route";
import { undoFromQueue } from "@/lib/review/queue-actions";
import { UndoSchema } from "@/lib/review/queue-schemas";
import { undoSessionFromQueue } from "@/lib/sessions";

export const dynamic = "force-dynamic";

/** Undo of a decision: the previous one put back, or mine taken back when there was none. */
export const POST = route(
  { permission: "review:decide", params: NoParams, query: NoQuery, body: UndoSchema },
  async ({ body, user }) =>
    json(
      body.sessionId
        ? await undoSessionFromQueue({ ...body, sessionId: body.sessionId }, user.id)
        : await undoFromQueue(body, user.id),
    ),
);
