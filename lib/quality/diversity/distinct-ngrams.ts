import { hashRun, SEED_A, SEED_B } from "./hash";
import { HyperLogLog } from "./hyperloglog";
import { WindowSet } from "./window-set";

/**
 * distinct-n two ways, both in bounded memory. `windowed`: distinct n-grams / n-grams counted
 * exactly within consecutive windows of `windowSize` n-grams and averaged over the full
 * windows (the partial last one only when there is no full one), so it does not fall as the
 * set grows and one floor fits any set size. `corpus`: distinct / total over the whole set,
 * with the distinct count estimated by HyperLogLog (~1% error).
 */
export class DistinctNgrams {
  private readonly window: WindowSet;
  private windowTotal = 0;
  private fullWindows = 0;
  private fullWindowRatioSum = 0;
  private total = 0;
  private readonly sketch = new HyperLogLog();

  constructor(
    readonly n: number,
    readonly windowSize: number,
  ) {
    this.window = new WindowSet(windowSize);
  }

  /** Adds the n-grams of one text, given its token hashes. */
  add(tokens: Uint32Array): void {
    for (let i = 0; i + this.n <= tokens.length; i += 1) {
      const a = hashRun(tokens, i, this.n, SEED_A);
      this.sketch.add(a, hashRun(tokens, i, this.n, SEED_B));
      this.total += 1;
      this.window.add(a);
      this.windowTotal += 1;
      if (this.windowTotal === this.windowSize) this.closeWindow();
    }
  }

  private closeWindow(): void {
    this.fullWindows += 1;
    this.fullWindowRatioSum += this.window.size / this.windowTotal;
    this.window.clear();
    this.windowTotal = 0;
  }

  /** Keys in the current window (at most `windowSize`, in a table allocated once). */
  get storedKeys(): number {
    return this.window.size;
  }

  summary() {
    const windowed =
      this.fullWindows > 0
        ? this.fullWindowRatioSum / this.fullWindows
        : this.windowTotal > 0
          ? this.window.size / this.windowTotal
          : 0;
    const distinct = Math.min(this.total, Math.round(this.sketch.estimate()));
    return {
      windowed,
      corpus: this.total > 0 ? distinct / this.total : 0,
      distinct,
      total: this.total,
      windows: this.fullWindows,
    };
  }
}
