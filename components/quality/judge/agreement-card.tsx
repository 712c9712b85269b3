import type { JudgeAgreement, ScoreDistribution } from "@/lib/quality/judge";
import { formatCoefficient, formatShare } from "../../sessions/agreement-panel";
import { formatCount } from "../../ui/format";
import { Table, Td, Th } from "../../ui/table";

const traces = (n: number) => `${formatCount(n)} ${n === 1 ? "trace" : "traces"}`;

const NOT_DEFINED = {
  "no-items": "No trace has both a judge score and a person's decision yet.",
  "single-label": "κ not defined: the judge and people each gave one answer throughout",
  "too-few-texts": "κ not defined",
} as const;

/** "κ 0.62 on 140 traces", or why there is no κ yet. */
export function KappaLine({ agreement }: { agreement: JudgeAgreement }) {
  if (agreement.kappa === null)
    return (
      <p className="text-sm text-slate-500" data-testid="judge-kappa">
        {NOT_DEFINED[agreement.notDefined ?? "no-items"]}
        {agreement.n > 0 && ` (${traces(agreement.n)})`}
      </p>
    );
  return (
    <p className="text-sm" data-testid="judge-kappa">
      <span className="text-lg font-semibold text-slate-900">κ {formatCoefficient(agreement.kappa)}</span>{" "}
      <span className="text-slate-600">on {traces(agreement.n)}</span>
    </p>
  );
}

/**
 * The judge against people for one rubric version: κ and percent agreement, the 2×2 table (the
 * judge approves from the pass score up), and where its scores fall on what people approved and
 * rejected.
 */
export function AgreementCard({ agreement, passScore }: { agreement: JudgeAgreement; passScore: number }) {
  const { confusion, scores } = agreement;
  return (
    <div className="space-y-3">
      <KappaLine agreement={agreement} />
      {agreement.n > 0 && (
        <>
          <p className="text-sm text-slate-600">
            Agreement {agreement.percentAgreement === null ? "—" : formatShare(agreement.percentAgreement)}
            {agreement.conflicts > 0 && `; ${traces(agreement.conflicts)} left out (people split on them)`}.
          </p>
          <div className="grid gap-4 md:grid-cols-2">
            <Table>
              <thead>
                <tr>
                  <Th>People</Th>
                  <Th className="text-right">Judge approves (≥ {passScore})</Th>
                  <Th className="text-right">Judge rejects</Th>
                </tr>
              </thead>
              <tbody data-testid="judge-confusion">
                <tr>
                  <Td>Approved</Td>
                  <Td className="text-right font-medium text-emerald-700">
                    {formatCount(confusion.approved.approve)}
                  </Td>
                  <Td className="text-right text-rose-700">{formatCount(confusion.approved.reject)}</Td>
                </tr>
                <tr>
                  <Td>Rejected</Td>
                  <Td className="text-right text-rose-700">{formatCount(confusion.rejected.approve)}</Td>
                  <Td className="text-right font-medium text-emerald-700">
                    {formatCount(confusion.rejected.reject)}
                  </Td>
                </tr>
              </tbody>
            </Table>
            <Distribution approved={scores.approved} rejected={scores.rejected} />
          </div>
        </>
      )}
    </div>
  );
}

const mean = (d: ScoreDistribution) => (d.mean === null ? "—" : d.mean.toFixed(2));

function Distribution({ approved, rejected }: { approved: ScoreDistribution; rejected: ScoreDistribution }) {
  const top = Math.max(1, ...approved.counts, ...rejected.counts);
  const bar = (count: number, tone: string) => (
    <span className="flex items-center justify-end gap-2">
      <span className={`inline-block h-2 rounded-sm ${tone}`} style={{ width: `${(count / top) * 4}rem` }} />
      <span className="w-10 text-right tabular-nums">{formatCount(count)}</span>
    </span>
  );
  return (
    <Table>
      <thead>
        <tr>
          <Th>Score</Th>
          <Th className="text-right">People approved</Th>
          <Th className="text-right">People rejected</Th>
        </tr>
      </thead>
      <tbody data-testid="judge-distribution">
        {approved.counts.map((count, i) => (
          <tr key={i}>
            <Td>{i + 1}</Td>
            <Td>{bar(count, "bg-emerald-400")}</Td>
            <Td>{bar(rejected.counts[i] ?? 0, "bg-rose-400")}</Td>
          </tr>
        ))}
        <tr>
          <Td className="font-medium">Mean</Td>
          <Td className="text-right font-medium">{mean(approved)}</Td>
          <Td className="text-right font-medium">{mean(rejected)}</Td>
        </tr>
      </tbody>
    </Table>
  );
}
