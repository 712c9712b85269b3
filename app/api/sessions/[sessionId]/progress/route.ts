import { json, NoQuery, route } from "@/lib/next/route";
import { sessionProgress } from "@/lib/sessions";
import { SessionIdParamsSchema } from "@/lib/sessions/schemas";

export const dynamic = "force-dynamic";

// Polled every few seconds by each open session page; watchers share one count per 2 s.
export const GET = route(
  { permission: "read", params: SessionIdParamsSchema, query: NoQuery },
  async ({ params, user }) => json(await sessionProgress(params.sessionId, user, { maxAgeMs: 2_000 })),
);
