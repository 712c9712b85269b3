import { cn } from "../ui/cn";

/** Settled share of a job's items: done green, failed red, cancelled amber. */
export function ProgressBar({
  percent,
  done,
  failed,
  cancelled = 0,
  total,
  label,
  className,
}: {
  percent: number;
  done: number;
  failed: number;
  cancelled?: number;
  total: number;
  label: string;
  className?: string;
}) {
  const share = (n: number) => (total > 0 ? `${(n / total) * 100}%` : "0%");
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% (${done} done, ${failed} failed of ${total})`}
      className={cn("flex h-2 w-full overflow-hidden rounded-full bg-slate-100", className)}
    >
      <div className="bg-emerald-500 transition-all" style={{ width: share(done) }} />
      <div className="bg-rose-500 transition-all" style={{ width: share(failed) }} />
      <div className="bg-amber-300 transition-all" style={{ width: share(cancelled) }} />
    </div>
  );
}
