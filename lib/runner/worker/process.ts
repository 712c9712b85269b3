import "server-only";
import { dbKind, disconnectDb } from "../../db";
import { logError, logInfo } from "../../log";
import { createWorker, defaultWorkerId, type Worker } from "./index";

/**
 * A worker as a process of its own (`npm run worker`): started at once, stopped gracefully on
 * SIGTERM or SIGINT (it stops leasing, calls in flight go back to the queue), at once on a second.
 * The caller registers the kinds it runs first (importing lib/jobs registers the application's).
 */
export function runWorkerProcess(): Worker {
  const worker = createWorker({ workerId: defaultWorkerId() });
  worker.start();
  logInfo(`worker ${worker.workerId} started (${dbKind()} database, pid ${process.pid})`);
  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) {
      logInfo(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    logInfo(`${signal}: stopping worker ${worker.workerId} (calls in flight go back to the queue)`);
    try {
      await worker.stop();
      await disconnectDb();
      process.exit(0);
    } catch (error) {
      logError("worker shutdown", error);
      process.exit(1);
    }
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  return worker;
}
