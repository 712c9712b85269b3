// Numbers as the dashboard writes them, in its charts' labels and in its text alike.

export const count = (n: number) => n.toLocaleString("en-US");

/** 0.823 → "82%"; null → "—" (nothing to divide by). */
export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** Cents below $100, whole dollars above. */
export const usd = (n: number) =>
  n.toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: n >= 100 ? 0 : 2,
    minimumFractionDigits: n >= 100 ? 0 : 2,
  });

/** 1_234_567 → "1.2M", 45_300 → "45.3k". */
export function compact(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return count(n);
}

export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
