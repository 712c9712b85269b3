import { SessionReview } from "../../session-review";

export const metadata = { title: "Session review" };
export const dynamic = "force-dynamic";

export default async function SessionTracePage({
  params,
}: {
  params: Promise<{ sessionId: string; traceId: string }>;
}) {
  const { sessionId, traceId } = await params;
  return <SessionReview sessionId={sessionId} traceId={traceId} />;
}
