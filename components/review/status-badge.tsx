import type { ReviewStatus } from "@/lib/review/schemas";
import { Badge, type BadgeTone } from "../ui/badge";

const TONES: Record<ReviewStatus, BadgeTone> = {
  pending: "slate",
  approved: "green",
  rejected: "red",
  conflict: "amber",
};

export const STATUS_LABELS: Record<ReviewStatus | "all", string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
  conflict: "Conflict",
  all: "All",
};

export function StatusBadge({ status, testId }: { status: ReviewStatus; testId?: string }) {
  return (
    <Badge tone={TONES[status]}>
      <span data-testid={testId}>{status}</span>
    </Badge>
  );
}
