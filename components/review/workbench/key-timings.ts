// Key → next trace on screen, measured in the page (bench:review and the e2e read it): from each
// moving key's keydown to the first frame painted with a trace other than the one it left.

type Timing = { key: string; ms: number };
declare global {
  interface Window {
    __reviewTimings?: Timing[];
  }
}

const waiting: Array<{ key: string; at: number; from: string | null }> = [];

/** A key that moves (or will move, once traces load) away from `from`. */
export function keyPressed(key: string, at: number, from: string | null): void {
  waiting.push({ key, at, from });
}

/** Called after a render that shows `traceId`: every key that left another trace is done at the next frame. */
export function traceShown(traceId: string | null): void {
  const done: typeof waiting = [];
  for (let i = 0; i < waiting.length;) {
    if (waiting[i]!.from !== traceId) done.push(...waiting.splice(i, 1));
    else i++;
  }
  if (!done.length) return;
  requestAnimationFrame(() =>
    setTimeout(() => {
      const timings = (window.__reviewTimings ??= []);
      const now = performance.now();
      for (const press of done) timings.push({ key: press.key, ms: now - press.at });
      if (timings.length > 1_000) timings.splice(0, timings.length - 1_000);
    }, 0),
  );
}
