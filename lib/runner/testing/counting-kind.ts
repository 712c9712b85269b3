// A kind that calls no teacher and has no prompt set, for the runner's own tests (not used by the
// app): each item waits a little and writes one audit row as its result, which has no unique key,
// so a result written twice would show.
import { z } from "zod";
import type { JobKind } from "../kind";
import { NO_USAGE } from "../kind";
import { registerKind } from "../registry";

export const CountingConfigSchema = z.object({
  kind: z.literal("test-counting"),
  items: z.number().int().min(1),
  delayMs: z.number().int().min(0),
});
export type CountingConfig = z.infer<typeof CountingConfigSchema>;

const STEP = 100;

export const countingKind: JobKind<CountingConfig, { n: number }> = registerKind({
  name: "test-counting",
  config: CountingConfigSchema,
  settings: () => ({ concurrency: 8, maxAttempts: 20, teacher: null, mode: "live" }),
  async *plan(config, from) {
    for (let start = from.planned; start < config.items; start += STEP) {
      const items = [];
      for (let n = start; n < Math.min(config.items, start + STEP); n++) items.push({ payload: { n } });
      yield { items, cursor: start + items.length };
    }
  },
  async run({ row, config, signal }) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, config.delayMs);
      signal.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    });
    return { result: { n: (row.payload as { n: number }).n }, usage: NO_USAGE };
  },
  async write(tx, done) {
    // Straight into the audit table (not recordAudit: "test.counted" is no action of the app's).
    for (const { item, result } of done) {
      await tx.auditEvent.create({
        data: {
          actorId: null,
          action: "test.counted",
          entityType: "job-item",
          entityId: item.id,
          data: result,
        },
      });
    }
  },
});
