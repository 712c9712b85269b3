import { reviewCounts } from "@/lib/review/queries";
import { TraceSelectionSchema } from "@/lib/review/schemas";
import { json, NoParams, route } from "@/lib/next/route";

export const dynamic = "force-dynamic";

/** The status tabs' counts under the rest of the selection (capped: see reviewCounts). */
export const GET = route(
  { permission: "read", params: NoParams, query: TraceSelectionSchema },
  async ({ query: { status: _status, ...selection } }) => json(await reviewCounts(selection)),
);
