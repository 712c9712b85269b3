import "server-only";
import type { JobKind, RunSettings } from "../runner";
import { prepareArrivalChecks, scanAfterGeneration } from "../quality";
import { registerKind } from "../runner";
import { estimateAttempt } from "./estimate-attempt";
import { executeItem, plannedCall } from "./execute";
import { outcomeOf } from "./outcome";
import { planSynthesis, planTraces } from "./plan-items";
import {
  SynthesisConfigSchema,
  TracesConfigSchema,
  type JobConfig,
  type SynthesisConfig,
  type TracesConfig,
} from "./schemas";
import type { ItemResult } from "./types";
import { writeResults } from "./write";

/** Both generation kinds call the job's frozen teacher, under its limits, live or in batches. */
function settings(config: JobConfig): RunSettings {
  return {
    concurrency: config.concurrency,
    maxAttempts: config.maxAttempts,
    teacher: { provider: config.provider, timeoutMs: config.params.timeoutMs },
    mode: config.mode,
  };
}

function generationKind<C extends JobConfig>(
  name: C["kind"],
  schema: JobKind<C, ItemResult>["config"],
  plan: JobKind<C, ItemResult>["plan"],
): JobKind<C, ItemResult> {
  return {
    name,
    config: schema,
    settings,
    plan,
    async run({ item, row, config, teacher, signal }) {
      if (!teacher) throw new Error(`a ${name} job needs a teacher`);
      // Outside the write transaction: the benchmark index is built once per process.
      if (name === "traces") await prepareArrivalChecks();
      return outcomeOf(await executeItem({ item, row, config, teacher, signal }), config);
    },
    write: (tx, done, config) => writeResults(tx, done, config),
    estimate: estimateAttempt,
    batch: {
      request(item, row, config) {
        const { stream: _stream, timeoutMs: _timeout, ...body } = plannedCall(item, row, config).request;
        return body;
      },
      outcome: (item, row, config, completion) =>
        outcomeOf(plannedCall(item, row, config).toResult(completion), config),
    },
  };
}

/**
 * Trace generation: each item is a prompt answered under a system message (or a chosen strategy).
 * Once done, a quality scan looks for what needs all of the job's traces (duplicates, best-of-K).
 */
export const tracesKind = registerKind({
  ...generationKind<TracesConfig>("traces", TracesConfigSchema, planTraces),
  async finished(tx, job) {
    if (job.status !== "completed") return;
    const { createdById } = await tx.job.findUniqueOrThrow({
      where: { id: job.id },
      select: { createdById: true },
    });
    await scanAfterGeneration(tx, job.id, createdById);
  },
});

/** Prompt synthesis: each item is a topic or a source prompt the teacher writes prompts from. */
export const synthesisKind = registerKind(
  generationKind<SynthesisConfig>("synthesis", SynthesisConfigSchema, planSynthesis),
);
