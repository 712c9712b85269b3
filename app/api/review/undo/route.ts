import { json, NoParams, NoQuery, route } from "@/lib/next/route";
import { undoFromQueue } from "@/lib/review/queue-actions";
import { UndoSchema } from "@/lib/review/queue-schemas";

export const dynamic = "force-dynamic";

/** Undo of a decision: the previous one put back, or mine taken back when there was none. */
export const POST = route(
  { permission: "review:decide", params: NoParams, query: NoQuery, body: UndoSchema },
  async ({ body, user }) => json(await undoFromQueue(body, user.id)),
);
