import "server-only";
import type { JobKind } from "../runner";
// Straight from the registry, not the runner's index: registering runs while modules load, and
// the index sits on an import cycle (the runner uses this domain's cuid).
import { registerKind } from "../runner";
import { endImport, recordOutcome, refuseCancelImport, type ImportOutcome } from "./import-end";
import { runImport } from "./import-run";
import { ImportJobConfigSchema, type ImportJobConfig } from "./schemas";

/**
 * Prompt import on the runner: one item per import, which reads the spooled upload, validates
 * it, then publishes it in checkpointed batches. No teacher; one at a time. Five attempts: a
 * worker that dies mid-import is followed by the next one, from the checkpoint.
 */
export const importKind = registerKind<JobKind<ImportJobConfig, ImportOutcome>>({
  name: "prompt-import",
  config: ImportJobConfigSchema,
  settings: () => ({ concurrency: 1, maxAttempts: 5, teacher: null, mode: "live" }),
  async *plan(_config, from) {
    if (from.planned === 0) yield { items: [{ payload: null }], cursor: "import" };
  },
  run: runImport,
  write: recordOutcome,
  refuseCancel: refuseCancelImport,
  finished: endImport,
});
