import { count, percent } from "@/lib/quality/dashboard/format";
import { verificationByMessageSummary, verificationSummary } from "@/lib/quality/dashboard/summaries";
import type { Dashboard, OutcomeCounts } from "@/lib/quality/dashboard/types";
import { OutcomeBars } from "./bars";
import { ChartFigure, NothingYet, Panel } from "./chart-card";

const row = (label: string, c: OutcomeCounts) => ({
  label,
  pass: c.pass,
  warn: c.warn,
  fail: c.fail,
  text: `${percent(c.rate)} · n=${count(c.total)}`,
});
const tableRow = (label: string, c: OutcomeCounts) => [
  label,
  percent(c.rate),
  c.pass,
  c.fail,
  c.warn,
  c.total,
];
const COLUMNS = ["Group", "Pass rate", "Passed", "Failed", "Needs a look", "Verified"];

/** Answers checked against their reference: overall and per system message, with best-of-K. */
export function VerificationPanel({
  verification,
  bestOfKNotSelected,
}: {
  verification: Dashboard["verification"];
  bestOfKNotSelected: number;
}) {
  const { overall, bySystemMessage } = verification;
  const filtered = overall.total > 0 || bestOfKNotSelected > 0;
  return (
    <Panel
      title="Verification"
      description="Traces whose final answer was compared with the prompt's reference answer (green passed, amber needs a look, red failed)."
    >
      {overall.total === 0 ? (
        <NothingYet>No verified traces: prompts need reference answers and traces a quality scan.</NothingYet>
      ) : (
        <>
          <ChartFigure
            testId="chart-verification"
            summary={verificationSummary(overall)}
            table={{ columns: COLUMNS, rows: [tableRow("All traces", overall)] }}
          >
            <OutcomeBars data={[row("All traces", overall)]} />
          </ChartFigure>
          <ChartFigure
            testId="chart-verification-by-message"
            summary={verificationByMessageSummary(bySystemMessage)}
            table={{ columns: COLUMNS, rows: bySystemMessage.map((g) => tableRow(g.label, g)) }}
          >
            <OutcomeBars data={bySystemMessage.map((g) => row(g.label, g))} />
          </ChartFigure>
        </>
      )}
      {bestOfKNotSelected > 0 && (
        <p className="text-sm text-slate-600" data-testid="best-of-k-count">
          Best-of-K: {count(bestOfKNotSelected)} samples not selected (a better sample of the same prompt was
          kept).
        </p>
      )}
      {filtered && (
        <p className="border-l-2 border-indigo-200 pl-3 text-sm text-slate-600" data-testid="filtering-note">
          Filtering by verification and best-of-K sharpens the teacher&apos;s distribution: the student learns
          the filtered teacher, not the raw one.
        </p>
      )}
    </Panel>
  );
}
