import "server-only";
import { dbKind } from "../../db";
import { env } from "../../env";
import { logInfo } from "../../log";
import { createWorker, defaultWorkerId, type Worker } from "./index";
import { stopOnSignals } from "./shutdown";

/**
 * A worker as a process of its own (`npm run worker`): started at once, stopped gracefully on
 * SIGTERM or SIGINT (it stops leasing, calls in flight finish within TRACEBANK_SHUTDOWN_GRACE_MS,
 * the rest go back to the queue), at once on a second.
 * The caller registers the kinds it runs first (importing lib/jobs registers the application's).
 */
export function runWorkerProcess(): Worker {
  const worker = createWorker({ workerId: defaultWorkerId() });
  worker.start();
  logInfo(`worker ${worker.workerId} started (${dbKind()} database, pid ${process.pid})`);
  stopOnSignals({
    label: `worker ${worker.workerId}`,
    worker,
    graceMs: env().TRACEBANK_SHUTDOWN_GRACE_MS,
  });
  return worker;
}
