// Placeholder until the jobs domain lands.
export function startWorker(): void {}
