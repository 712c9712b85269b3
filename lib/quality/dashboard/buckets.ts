/**
 * Output-length buckets in tokens, doubling: reasoning traces run from a line to many pages, so
 * equal widths would put nearly every trace in the first bar. Lower edges; the last is open.
 */
export const LENGTH_EDGES = [0, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384] as const;

export type LengthBucket = { from: number; to: number | null; label: string };

const k = (n: number) => (n >= 1024 && n % 1024 === 0 ? `${n / 1024}k` : String(n));

export const LENGTH_BUCKETS: LengthBucket[] = LENGTH_EDGES.map((from, i) => {
  const next = LENGTH_EDGES[i + 1];
  return next === undefined
    ? { from, to: null, label: `${k(from)}+` }
    : { from, to: next, label: `${k(from)}–${k(next)}` };
});
