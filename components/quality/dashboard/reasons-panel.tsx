import { count } from "@/lib/quality/dashboard/format";
import { reasonsSummary } from "@/lib/quality/dashboard/summaries";
import type { Dashboard } from "@/lib/quality/dashboard/types";
import { HorizontalBars } from "./bars";
import { ChartFigure, NothingYet, Panel } from "./chart-card";

/** Why reviewers reject, by the taxonomy's labels. */
export function ReasonsPanel({ reasons }: { reasons: Dashboard["rejectReasons"] }) {
  const total = reasons.reduce((s, r) => s + r.count, 0);
  return (
    <Panel
      title="Reject reasons"
      description={`${count(total)} rejections, by the reason picked from the list.`}
    >
      {reasons.length === 0 ? (
        <NothingYet>No rejections in this selection.</NothingYet>
      ) : (
        <ChartFigure
          testId="chart-reject-reasons"
          summary={reasonsSummary(reasons)}
          table={{ columns: ["Reason", "Rejections"], rows: reasons.map((r) => [r.label, r.count]) }}
        >
          <HorizontalBars
            color="#f43f5e"
            data={reasons.map((r) => ({ label: r.label, value: r.count, text: count(r.count) }))}
          />
        </ChartFigure>
      )}
    </Panel>
  );
}
