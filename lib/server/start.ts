import { prepareAccounts } from "../auth";
import { env } from "../env";
import { startWorker, stopOnSignals } from "../jobs";
import { logError, logInfo } from "../log";
import { sweepSpool } from "../prompts";

const SWEEP_MS = 15 * 60_000;

/**
 * Runs once per web-server process, from instrumentation.ts. The database was migrated and seeded
 * before the server started (scripts/start.mjs runs scripts/prepare-database.ts).
 */
export function startWebProcess(): void {
  void prepareAccounts();
  // Uploads cut off mid-way (a closed browser, a killed server) leave a partial file behind.
  setInterval(
    () => void sweepSpool().catch((error) => logError("sweeping the upload spool", error)),
    SWEEP_MS,
  ).unref();
  const worker = env().TRACEBANK_IN_PROCESS_WORKER ? startWorker() : null;
  if (worker)
    logInfo("runner worker running inside the web server (TRACEBANK_IN_PROCESS_WORKER=0 to turn off)");
  stopOnSignalsOnce(worker);
}

// Kept on globalThis: register() may run again in one process (dev reloads), the handlers once.
const holder = globalThis as unknown as { __tracebankSignals?: boolean };

/**
 * With NEXT_MANUAL_SIG_HANDLE set (scripts/start.mjs sets it) Next leaves SIGTERM/SIGINT to us:
 * the worker stops like a standalone one (calls in flight finish within the grace) before the
 * process exits. Without it (`next dev`, a bare `next start`) Next exits on its own and calls in
 * flight go back to the queue when their leases expire.
 */
function stopOnSignalsOnce(worker: ReturnType<typeof startWorker> | null): void {
  if (!env().NEXT_MANUAL_SIG_HANDLE || holder.__tracebankSignals) return;
  holder.__tracebankSignals = true;
  stopOnSignals({
    label: worker ? `the web server and its worker ${worker.workerId}` : "the web server",
    worker,
    graceMs: env().TRACEBANK_SHUTDOWN_GRACE_MS,
  });
}
