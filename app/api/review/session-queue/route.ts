import { json, NoParams, NoQuery, route } from "@/lib/next/route";
import { SessionQueueSchema } from "@/lib/review/queue-schemas";
import { sessionQueuePage } from "@/lib/sessions";

export const dynamic = "force-dynamic";

/** The reviewer's next traces in a session: a POST, since taking them reserves them. */
export const POST = route(
  { permission: "review:decide", params: NoParams, query: NoQuery, body: SessionQueueSchema },
  async ({ body, user }) => json(await sessionQueuePage(body, user.id)),
);
