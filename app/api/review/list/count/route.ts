import { countExactly } from "@/lib/review/queries";
import { TraceSelectionSchema } from "@/lib/review/schemas";
import { json, NoParams, route } from "@/lib/next/route";

export const dynamic = "force-dynamic";

/** The exact count a bulk action asks its user to confirm. */
export const GET = route(
  { permission: "review:bulk", params: NoParams, query: TraceSelectionSchema },
  async ({ query }) => json({ count: await countExactly(query) }),
);
