import { json, NoParams, NoQuery, route } from "@/lib/next/route";
import { addComment } from "@/lib/review/comments";
import { CommentSchema } from "@/lib/review/queue-schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  { permission: "review:decide", params: NoParams, query: NoQuery, body: CommentSchema },
  async ({ body, user }) => json(await addComment(body, user.id)),
);
