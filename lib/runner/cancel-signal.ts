type Listener = (jobId: string) => void;

// Shared by every worker in this process (kept across dev hot reloads) so a cancel aborts at once.
const holder = globalThis as unknown as { __tracebankJobCancelListeners?: Set<Listener> };
const listeners = (holder.__tracebankJobCancelListeners ??= new Set());

export function onJobCancelled(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceJobCancelled(jobId: string): void {
  for (const listener of listeners) listener(jobId);
}
