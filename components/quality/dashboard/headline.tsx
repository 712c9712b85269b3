import { compact, count, percent, usd } from "@/lib/quality/dashboard/format";
import type { Headline } from "@/lib/quality/dashboard/types";

/** The row of figures at the top: how much there is, how much of it is good. */
export function HeadlineFigures({ headline: h }: { headline: Headline }) {
  const figures = [
    {
      id: "traces",
      label: "Traces",
      value: compact(h.traces),
      detail: `${count(h.checked)} checked automatically`,
    },
    {
      id: "decided",
      label: "Decided",
      value: compact(h.decided),
      detail: h.conflict ? `${count(h.conflict)} in conflict` : "approved or rejected",
    },
    {
      id: "acceptance",
      label: "Acceptance rate",
      value: percent(h.acceptanceRate),
      detail: "approved of decided",
    },
    {
      id: "verification",
      label: "Verification pass rate",
      value: percent(h.verificationPassRate),
      detail: "answers matching the reference",
    },
    {
      id: "contaminated",
      label: "Contaminated",
      value: count(h.contaminated),
      detail: "traces with a benchmark item",
    },
    {
      id: "near-duplicates",
      label: "Near-duplicates",
      value: count(h.nearDuplicates),
      detail: "traces besides the one kept",
    },
    { id: "cost", label: "Cost", value: usd(h.costUsd), detail: "teacher spend" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7">
      {figures.map((f) => (
        <div key={f.id} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-xs">
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{f.label}</dt>
          <dd
            className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums"
            data-testid={`figure-${f.id}`}
          >
            {f.value}
          </dd>
          <dd className="text-xs text-slate-500">{f.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
