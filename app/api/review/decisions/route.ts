import { json, NoParams, NoQuery, route } from "@/lib/next/route";
import { decideFromQueue } from "@/lib/review/queue-actions";
import { QueueDecisionSchema } from "@/lib/review/queue-schemas";

export const dynamic = "force-dynamic";

/** One decision from the keyboard queue (sent in the background; a refusal is shown and undone). */
export const POST = route(
  { permission: "review:decide", params: NoParams, query: NoQuery, body: QueueDecisionSchema },
  async ({ body, user }) => json(await decideFromQueue(body, user.id)),
);
