import type { StrategyView } from "@/lib/review/trace-view";
import { Badge } from "../ui/badge";

const HOW: Record<Exclude<NonNullable<StrategyView>["chosenBy"], "fallback">, string> = {
  number: "by number",
  name: "by name",
  fuzzy: "by a close match of the name",
};

/** Which strategy the teacher chose in cautious mode, and what it replied when asked. */
export function StrategyNote({ strategy }: { strategy: NonNullable<StrategyView> }) {
  return (
    <div className="space-y-1 text-sm" data-testid="review-strategy">
      <p className="text-slate-700">
        <Badge tone={strategy.chosenBy === "fallback" ? "amber" : "indigo"}>cautious</Badge>{" "}
        {strategy.chosenBy === "fallback" ? (
          <>
            The teacher&apos;s reply named no strategy, so the plan&apos;s seeded choice was used:{" "}
            <span className="font-medium">
              {strategy.name} · v{strategy.version}
            </span>
            .
          </>
        ) : (
          <>
            The teacher chose{" "}
            <span className="font-medium">
              {strategy.name} · v{strategy.version}
            </span>{" "}
            ({HOW[strategy.chosenBy]}).
          </>
        )}
      </p>
      {strategy.reply && (
        <p className="text-xs text-slate-500">
          Its reply: <q className="whitespace-pre-wrap">{strategy.reply.slice(0, 300)}</q>
        </p>
      )}
    </div>
  );
}
