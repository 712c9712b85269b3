import { count, plural } from "@/lib/quality/dashboard/format";
import { duplicatesSummary } from "@/lib/quality/dashboard/summaries";
import type { Dashboard } from "@/lib/quality/dashboard/types";
import { HorizontalBars } from "./bars";
import { ChartFigure, Panel } from "./chart-card";

/** Traces a duplicate or contamination check failed: what a training set must not hold twice or at all. */
export function DuplicatesPanel({ duplicates: d }: { duplicates: Dashboard["duplicates"] }) {
  const bars = [
    { label: "Exact duplicates", value: d.exactDuplicates },
    { label: "Near duplicates", value: d.nearDuplicates },
    { label: "Contaminated", value: d.contaminated },
  ];
  return (
    <Panel
      title="Duplicates and contamination"
      description={`Traces besides the one kept of each cluster (${plural(d.clusters, "cluster")}), and traces with a benchmark item in their answer or prompt (${plural(d.contaminatedPrompts, "prompt")}).`}
    >
      <ChartFigure
        testId="chart-duplicates"
        summary={duplicatesSummary(d)}
        table={{
          columns: ["Flag", "Count"],
          rows: [
            ...bars.map((b) => [b.label, b.value]),
            ["Duplicate clusters", d.clusters],
            ["Contaminated prompts", d.contaminatedPrompts],
          ],
        }}
      >
        <HorizontalBars color="#f59e0b" data={bars.map((b) => ({ ...b, text: count(b.value) }))} />
      </ChartFigure>
    </Panel>
  );
}
