// `npm run worker`: a generation worker in its own process. Run several against PostgreSQL to share
// jobs; set TRACEBANK_IN_PROCESS_WORKER=0 on the web server so it only serves.
import { dbKind, disconnectDb } from "../lib/db/client";
import { createWorker, defaultWorkerId } from "../lib/jobs";
import { logError, logInfo } from "../lib/log";

const worker = createWorker({ workerId: defaultWorkerId() });
worker.start();
logInfo(`generation worker ${worker.workerId} started (${dbKind()} database, pid ${process.pid})`);

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
