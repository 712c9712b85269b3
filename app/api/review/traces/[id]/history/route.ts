import { z } from "zod";
import { json, NoQuery, route } from "@/lib/next/route";
import { traceHistory } from "@/lib/review/history";

export const dynamic = "force-dynamic";

/** Everything the audit log holds about one trace: decisions, edits, flags, comments, bulk actions. */
export const GET = route(
  { permission: "read", params: z.object({ id: z.string().min(1).max(200) }), query: NoQuery },
  async ({ params }) => json(await traceHistory(params.id)),
);
