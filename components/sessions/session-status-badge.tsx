import { Badge } from "../ui/badge";
import { STATUS_TONES } from "./format";

export function SessionStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <Badge tone={STATUS_TONES[status] ?? "slate"}>
      <span data-testid={testId}>{status}</span>
    </Badge>
  );
}
