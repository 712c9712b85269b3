import { Badge, type BadgeTone } from "../ui/badge";

const TONES: Record<string, BadgeTone> = {
  planning: "slate",
  queued: "slate",
  running: "blue",
  paused: "indigo",
  completed: "green",
  failed: "red",
  cancelled: "amber",
};

export function JobStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <Badge tone={TONES[status] ?? "slate"}>
      <span data-testid={testId}>{status}</span>
    </Badge>
  );
}
