import { z } from "zod";

/** A count, or a [min, max] range drawn from uniformly (seeded); a single number n means [n, n]. */
const Count = (min: number) =>
  z
    .union([z.number().int().min(min), z.tuple([z.number().int().min(min), z.number().int().min(min)])])
    .transform((value): [number, number] => (typeof value === "number" ? [value, value] : value))
    .refine(([low, high]) => low <= high, "a range is [min, max] with min <= max");

/**
 * Runs of 429s, as a provider sends them once a per-minute window is spent: `gap` requests answered
 * as usual (before the first burst too), then `length` requests answered 429 at once with
 * Retry-After `retryAfterSeconds`, then the next gap. Both drawn per gap and per burst, seeded.
 */
export const Bursts429Schema = z.object({
  gap: Count(0),
  length: Count(1),
  retryAfterSeconds: z.number().min(0).default(1),
});
export type Bursts429 = z.output<typeof Bursts429Schema>;

/** Where the request sequence stands in the gap / burst / gap … pattern. */
export class BurstSchedule {
  private left: number;
  private bursting = false;
  private index = -1;

  constructor(
    private readonly config: Bursts429,
    private readonly random: () => number,
  ) {
    this.left = this.draw(config.gap);
  }

  /** Call once per request the schedule applies to: the burst it falls in, or undefined in a gap. */
  next(): { burst: number; retryAfterSeconds: number } | undefined {
    // A loop, not an if: a gap of 0 puts two bursts back to back.
    while (this.left === 0) {
      this.bursting = !this.bursting;
      if (this.bursting) this.index++;
      this.left = this.draw(this.bursting ? this.config.length : this.config.gap);
    }
    this.left--;
    return this.bursting
      ? { burst: this.index, retryAfterSeconds: this.config.retryAfterSeconds }
      : undefined;
  }

  private draw([min, max]: [number, number]): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
}
