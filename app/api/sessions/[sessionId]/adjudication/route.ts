import { json, route } from "@/lib/next/route";
import { listAdjudicationQueue } from "@/lib/sessions";
import { AdjudicationQuerySchema, SessionIdParamsSchema } from "@/lib/sessions/schemas";

export const dynamic = "force-dynamic";

// The adjudication queue, a keyset page at a time (?after=<position>&state=disputed|resolved).
export const GET = route(
  { permission: "read", params: SessionIdParamsSchema, query: AdjudicationQuerySchema },
  async ({ params, query, user }) => json(await listAdjudicationQueue(params.sessionId, user, query)),
);
