import { SessionReview } from "../session-review";

export const metadata = { title: "Session review" };
export const dynamic = "force-dynamic";

export default async function SessionReviewPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  return <SessionReview sessionId={sessionId} />;
}
