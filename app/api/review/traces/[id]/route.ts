import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { json, route } from "@/lib/next/route";
import { queueTraceFor } from "@/lib/review/queue-actions";

export const dynamic = "force-dynamic";

/** One trace as the queue holds it (after an edit, a comment or a refused decision). */
export const GET = route(
  {
    permission: "read",
    params: z.object({ id: z.string().min(1).max(200) }),
    query: z.object({ sessionId: z.string().min(1).max(200).optional() }),
  },
  async ({ params, query, user }) => {
    const trace = await queueTraceFor(params.id, user.id, query.sessionId);
    if (!trace) throw new NotFoundError("Trace", params.id);
    return json(trace);
  },
);
