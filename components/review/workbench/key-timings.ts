// Key → next trace on screen, measured in the page (bench:review and the e2e read it): from the
// keydown's timestamp to the first frame painted with the new trace.

type Timing = { key: string; ms: number };
declare global {
  interface Window {
    __reviewTimings?: Timing[];
  }
}

let started: { key: string; at: number; from: string | null } | null = null;

export function keyPressed(key: string, at: number, from: string | null): void {
  started = { key, at, from };
}

/** Called after a render that shows `traceId`; records once the frame is on screen. */
export function traceShown(traceId: string | null): void {
  const press = started;
  if (!press || press.from === traceId) return;
  started = null;
  requestAnimationFrame(() =>
    setTimeout(() => {
      const timings = (window.__reviewTimings ??= []);
      timings.push({ key: press.key, ms: performance.now() - press.at });
      if (timings.length > 1_000) timings.splice(0, timings.length - 1_000);
    }, 0),
  );
}
