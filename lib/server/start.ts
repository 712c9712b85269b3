import { prepareAccounts } from "../auth";
import { env } from "../env";
import { startWorker } from "../jobs";
import { logInfo } from "../log";

/**
 * Runs once per web-server process, from instrumentation.ts. The database was migrated and seeded
 * before the server started (scripts/start.mjs runs scripts/prepare-database.ts).
 */
export function startWebProcess(): void {
  void prepareAccounts();
  if (!env().TRACEBANK_IN_PROCESS_WORKER) return;
  startWorker();
  logInfo("runner worker running inside the web server (TRACEBANK_IN_PROCESS_WORKER=0 to turn off)");
}
