import { json, NoParams, NoQuery, route } from "@/lib/next/route";
import { releaseFromQueue } from "@/lib/review/queue-actions";
import { ReleaseSchema } from "@/lib/review/queue-schemas";

export const dynamic = "force-dynamic";

/** A skipped trace in a session: its reservation goes back so another reviewer may take it. */
export const POST = route(
  { permission: "review:decide", params: NoParams, query: NoQuery, body: ReleaseSchema },
  async ({ body, user }) => json(await releaseFromQueue(body, user.id)),
);
