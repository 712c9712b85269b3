import { json, NoParams, NoQuery, route } from "@/lib/next/route";
import { FlagSchema } from "@/lib/review/queue-schemas";
import { setTraceFlag } from "@/lib/traces";

export const dynamic = "force-dynamic";

export const POST = route(
  { permission: "review:decide", params: NoParams, query: NoQuery, body: FlagSchema },
  async ({ body, user }) => json(await setTraceFlag(body, user.id)),
);
