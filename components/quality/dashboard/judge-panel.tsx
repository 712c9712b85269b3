import { count } from "@/lib/quality/dashboard/format";
import { judgeSummary } from "@/lib/quality/dashboard/summaries";
import type { JudgeDistribution } from "@/lib/quality/dashboard/types";
import { Columns } from "./bars";
import { ChartFigure, NothingYet, Panel } from "./chart-card";

/** How an LLM judge scored the traces, one distribution per rubric version. */
export function JudgePanel({ judge }: { judge: JudgeDistribution[] }) {
  return (
    <Panel
      title="Judge scores"
      description="Traces per score, per rubric version (scores under different versions are not comparable)."
    >
      {judge.length === 0 ? (
        <NothingYet>No judge scores in this selection.</NothingYet>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          {judge.map((d) => (
            <div key={d.rubricVersionId}>
              <h3 className="text-sm font-medium text-slate-700">
                {d.label}{" "}
                <span className="font-normal text-slate-500">
                  · {count(d.total)} scored{d.mean !== null && ` · mean ${d.mean.toFixed(1)}`}
                </span>
              </h3>
              <ChartFigure
                testId="chart-judge"
                summary={judgeSummary(d)}
                table={{ columns: ["Score", "Traces"], rows: d.counts.map((n, i) => [String(i + 1), n]) }}
              >
                <Columns
                  height={150}
                  color="#8b5cf6"
                  data={d.counts.map((n, i) => ({ label: String(i + 1), value: n }))}
                />
              </ChartFigure>
            </div>
          ))}
        </div>
      )}
    </Panel>
  );
}
