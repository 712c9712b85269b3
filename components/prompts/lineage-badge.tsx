import Link from "next/link";
import { EVOL_OPERATIONS, type EvolOperation } from "@/lib/generation/synthesis/evol-operations";
import { Badge } from "../ui/badge";

const ORIGINS: Record<string, string> = { "topic-graph": "topic graph", "evol-instruct": "evolved" };

export function operationLabel(operation: string): string {
  return EVOL_OPERATIONS[operation as EvolOperation]?.label ?? operation;
}

/** How a prompt the teacher wrote came about: its topic, or its operation and parent. */
export function LineageBadge({
  setId,
  prompt,
}: {
  setId: string;
  prompt: { origin: string; topic: string | null; operation: string | null; parentPromptId: string | null };
}) {
  if (prompt.origin === "import") return null;
  return (
    <span className="mt-1 flex flex-wrap items-center gap-1 text-xs text-slate-500">
      <Badge tone="blue">{ORIGINS[prompt.origin] ?? prompt.origin}</Badge>
      {prompt.topic && <span>{prompt.topic}</span>}
      {prompt.operation && <span>{operationLabel(prompt.operation)}</span>}
      {prompt.parentPromptId && (
        <Link href={`/prompts/${setId}/${prompt.parentPromptId}`} className="text-indigo-700 hover:underline">
          parent
        </Link>
      )}
    </span>
  );
}
