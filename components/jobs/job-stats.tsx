import type { JobProgress } from "@/lib/runner/progress";
import { formatCount } from "../ui/format";
import { formatDuration, formatUsd } from "./format";

type Stat = { label: string; value: string; testId: string; tone?: string; small?: boolean };

/** The job's numbers: items by state, rate, time left, tokens and cost so far. */
export function JobStats({
  progress,
  kind,
  priced,
}: {
  progress: JobProgress;
  /** The job's kind: traces count traces, other kinds items. */
  kind: string;
  priced: boolean;
}) {
  const { counts } = progress;
  const stats: Stat[] = [
    { label: "Done", value: formatCount(counts.done), testId: "count-done", tone: "text-emerald-700" },
    { label: "Failed", value: formatCount(counts.failed), testId: "count-failed", tone: "text-rose-700" },
    { label: "In flight", value: formatCount(counts.running), testId: "count-running", tone: "text-sky-700" },
    { label: "Pending", value: formatCount(counts.pending), testId: "count-pending" },
    {
      label: "Cancelled",
      value: formatCount(counts.cancelled),
      testId: "count-cancelled",
      tone: "text-amber-700",
    },
    {
      label: kind === "traces" ? "Traces / s" : "Items / s",
      value: progress.tracesPerSecond.toLocaleString("en-US"),
      testId: "job-rate",
    },
    { label: "Time left", value: formatDuration(progress.etaSeconds), testId: "job-eta" },
    {
      label: "Tokens in / out",
      value: `${formatCount(progress.tokens.input)} / ${formatCount(progress.tokens.output)}`,
      testId: "job-tokens",
      small: true,
    },
    {
      label: "Cost so far",
      value: priced ? formatUsd(progress.costUsd) : "no prices",
      testId: "job-cost",
      small: !priced,
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {stats.map((stat) => (
        <div key={stat.label} className="rounded-md bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-500">{stat.label}</dt>
          <dd
            className={`font-semibold tabular-nums ${stat.small ? "text-sm leading-7" : "text-lg"} ${stat.tone ?? "text-slate-700"}`}
            data-testid={stat.testId}
          >
            {stat.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
