import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { json, route } from "@/lib/next/route";
import { queueTrace } from "@/lib/review/queue";
import { sessionQueueTrace } from "@/lib/sessions";

export const dynamic = "force-dynamic";

/** One trace as the queue holds it (after an edit, a comment or a refused decision). */
export const GET = route(
  {
    permission: "read",
    params: z.object({ id: z.string().min(1).max(200) }),
    query: z.object({ sessionId: z.string().min(1).max(200).optional() }),
  },
  async ({ params, query, user }) => {
    const trace = query.sessionId
      ? await sessionQueueTrace(query.sessionId, params.id, user.id)
      : await queueTrace(params.id, user.id);
    if (!trace) throw new NotFoundError("Trace", params.id);
    return json(trace);
  },
);
