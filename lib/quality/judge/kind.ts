import "server-only";
import { InvalidInputError } from "../../errors";
import { NO_USAGE, registerKind, type Estimate, type JobKind } from "../../runner";
import { judgeOutcome, type JudgeResult } from "./outcome";
import { JudgePayloadSchema, planJudge } from "./plan";
import { judgeMessages, judgeSystem } from "./prompt";
import { QualityJudgeConfigSchema, type QualityJudgeConfig } from "./schemas";
import { judgeSubjects } from "./subjects";
import { writeJudgeResults } from "./write";

// Chat framing the provider counts on top of the texts; and a trace's size when it is not known yet.
const FRAMING_TOKENS = 16;
const ASSUMED_TRACE_CHARS = 6_000;

/**
 * The LLM-as-judge on the runner: one item per trace of the scope, scored by the job's frozen
 * teacher under one rubric version, live or through the provider's batch API. Each score is
 * stored (JudgeScore) with the trace's "judge" verdict in the transaction that marks its item
 * done, so a crash never scores a trace twice or loses one.
 */
export const judgeKind = registerKind<JobKind<QualityJudgeConfig, JudgeResult>>({
  name: "quality-judge",
  config: QualityJudgeConfigSchema,
  settings: (config) => ({
    concurrency: config.concurrency,
    maxAttempts: config.maxAttempts,
    teacher: { provider: config.provider, timeoutMs: config.params.timeoutMs },
    mode: config.mode,
  }),
  plan: planJudge,
  async run({ item, row, config, teacher, signal }) {
    if (!teacher) throw new Error("a quality-judge job needs a teacher");
    const { traceId } = JudgePayloadSchema.parse(row.payload);
    const subject = (await judgeSubjects([traceId])).get(traceId);
    // Deleted since planning: nothing to judge, and nothing wrong with the item.
    if (!subject) return { result: { kind: "gone", traceId }, usage: NO_USAGE };
    const { system, prompt } = judgeMessages(config.rubric, subject);
    const completion = await teacher.complete({ ...config.params, system, prompt, signal });
    return judgeOutcome(traceId, completion, config, item);
  },
  write: writeJudgeResults,
  estimate: (config, input) => estimateJudge(config, JudgePayloadSchema.safeParse(input.payload).data?.user),
  batch: {
    request(_item, row, config) {
      const { user } = JudgePayloadSchema.parse(row.payload);
      if (user === undefined)
        throw new InvalidInputError("This item was planned for a live run, not a batch.");
      const { stream: _stream, timeoutMs: _timeout, ...params } = config.params;
      return { ...params, system: judgeSystem(config.rubric), prompt: user };
    },
    outcome: (item, row, config, completion) =>
      judgeOutcome(JudgePayloadSchema.parse(row.payload).traceId, completion, config, item),
  },
});

/** At most one token per two characters of text, plus the whole output allowance (see generation). */
function estimateJudge(config: QualityJudgeConfig, user: string | undefined): Estimate {
  const chars = judgeSystem(config.rubric).length + (user?.length ?? ASSUMED_TRACE_CHARS);
  return { requests: 1, tokens: Math.ceil(chars / 2) + config.params.maxTokens + FRAMING_TOKENS };
}
