import "server-only";
import { disconnectDb } from "../../db";
import { logError, logInfo } from "../../log";
import type { Worker } from "./index";

export type ShutdownOptions = {
  /** What stops, for the log ("worker host-123", "the web server"). */
  label: string;
  /** The worker to stop gracefully; null for a process without one (it simply exits). */
  worker: Worker | null;
  /** How long calls in flight may take to finish before their items go back to the queue. */
  graceMs: number;
  /** Tests replace it; a process exits. */
  exit?: (code: number) => void;
};

// One keystroke reaches a process several times (the terminal's process group, then npm and
// scripts/start.mjs forwarding it): a repeat this soon is the same request, not "hurry up".
const SAME_SIGNAL_MS = 1_000;

/**
 * A process's graceful stop on SIGTERM or SIGINT, for the standalone worker and the web server
 * alike: its worker stops leasing, calls in flight finish within the grace, the rest go back to
 * the queue, the database is disconnected and the process exits 0. A second signal (after the
 * first second) exits at once with 1: items still leased then run again once their lease expires.
 * Returns a function that removes the handlers.
 */
export function stopOnSignals(options: ShutdownOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let firstAt: number | null = null;
  const shutdown = async (signal: string) => {
    if (firstAt !== null) {
      if (performance.now() - firstAt < SAME_SIGNAL_MS) return;
      logInfo(`${signal} again: exiting without waiting (leased items run again when their lease expires)`);
      return exit(1);
    }
    firstAt = performance.now();
    const seconds = Math.round(options.graceMs / 100) / 10;
    logInfo(
      options.worker
        ? `${signal}: stopping ${options.label}: no new items are leased; calls in flight have ${seconds} s ` +
            "to finish, then go back to the queue"
        : `${signal}: stopping ${options.label}`,
    );
    try {
      await options.worker?.stop({ graceMs: options.graceMs });
      await disconnectDb();
      logInfo(`${options.label} stopped`);
      exit(0);
    } catch (error) {
      logError(`stopping ${options.label}`, error);
      exit(1);
    }
  };
  const onSigint = () => void shutdown("SIGINT");
  const onSigterm = () => void shutdown("SIGTERM");
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigterm);
  return () => {
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigterm);
  };
}
