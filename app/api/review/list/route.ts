import { listReviewPage } from "@/lib/review/queries";
import { ReviewListQuerySchema } from "@/lib/review/schemas";
import { json, NoParams, route } from "@/lib/next/route";

export const dynamic = "force-dynamic";

/** One keyset page of the review list: `?status=…&q=…&after=<cursor>` (see ReviewListQuerySchema). */
export const GET = route(
  { permission: "read", params: NoParams, query: ReviewListQuerySchema },
  async ({ query: { after, before, limit, ...selection } }) =>
    json(await listReviewPage(selection, { after, before, limit })),
);
