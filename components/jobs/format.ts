/** Planning, queued or running: a worker writes or leases its items. */
export function isActiveStatus(status: string | undefined): boolean {
  return status === "planning" || status === "queued" || status === "running";
}

/** Not over yet: active, or paused (calls in flight still finish; someone may resume it). */
export function isOpenStatus(status: string | undefined): boolean {
  return isActiveStatus(status) || status === "paused";
}

/** Ended (cancelled or failed) with items still being marked cancelled, in batches. */
export function isSettling(progress: {
  status: string;
  counts: { pending: number; running: number };
}): boolean {
  const ended = progress.status === "cancelled" || progress.status === "failed";
  return ended && progress.counts.pending + progress.counts.running > 0;
}

/** 42 s, 3 min 5 s, 2 h 10 min. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3_600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3_600)} h ${Math.floor((s % 3_600) / 60)} min`;
}

/** Dollars with cents, or more digits for amounts under a cent. */
export function formatUsd(amount: number): string {
  if (amount === 0) return "$0.00";
  return amount < 0.01 ? `$${amount.toPrecision(2)}` : `$${amount.toFixed(2)}`;
}
