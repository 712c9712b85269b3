import { lengthSummary } from "@/lib/quality/dashboard/summaries";
import type { Dashboard } from "@/lib/quality/dashboard/types";
import { Columns } from "./bars";
import { ChartFigure, NothingYet, Panel } from "./chart-card";

/** Output length in tokens, in doubling buckets (from inclusive, to exclusive). */
export function LengthPanel({ lengths }: { lengths: Dashboard["lengths"] }) {
  const total = lengths.reduce((s, b) => s + b.count, 0);
  return (
    <Panel
      title="Trace length"
      description="Output tokens per trace; each bucket doubles the last (from inclusive, to exclusive)."
    >
      {total === 0 ? (
        <NothingYet>No traces in this selection.</NothingYet>
      ) : (
        <ChartFigure
          testId="chart-lengths"
          summary={lengthSummary(lengths)}
          table={{ columns: ["Output tokens", "Traces"], rows: lengths.map((b) => [b.label, b.count]) }}
        >
          <Columns data={lengths.map((b) => ({ label: b.label, value: b.count }))} />
        </ChartFigure>
      )}
    </Panel>
  );
}
