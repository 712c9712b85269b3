import { json, NoParams, route } from "@/lib/next/route";
import { reviewQueuePage } from "@/lib/review/queue";
import { QueueQuerySchema } from "@/lib/review/queue-schemas";

export const dynamic = "force-dynamic";

/** The next (or previous) traces of the reviewer's queue, with everything the review page shows. */
export const GET = route(
  { permission: "read", params: NoParams, query: QueueQuerySchema },
  async ({ query, user }) => json(await reviewQueuePage(query, user.id)),
);
