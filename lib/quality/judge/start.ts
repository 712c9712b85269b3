import "server-only";
import { db } from "../../db";
import { InvalidInputError, NotFoundError } from "../../errors";
import { createJob, launchOnce } from "../../runner";
import { getProvider } from "../../teacher";
import type { ScanScope } from "../schemas";
import { scopeTraces } from "../scan/scope";
import { judgeKind } from "./kind";
import { frozenRubric } from "./rubrics";
import { StartJudgeSchema, type QualityJudgeConfig, type StartJudgeInput } from "./schemas";

/**
 * Starts a judge run on the runner: the rubric version, the teacher (endpoint, model and prices
 * as they are now) and the request parameters are frozen into the job; a worker plans one item
 * per trace of the scope. A launch key makes a double submit start one job. Returns its id.
 */
export async function startJudge(input: StartJudgeInput, actorId: string | null): Promise<string> {
  const options = StartJudgeSchema.parse(input);
  return launchOnce(options.launchKey, actorId, async (launchKey) => {
    const rubric = await frozenRubric(options.rubricVersionId);
    const what = await scopeName(options.scope);
    const p = await getProvider(options.providerId);
    const expectedItems = await db().trace.count({ where: scopeTraces(options.scope) });
    if (expectedItems === 0) throw new InvalidInputError(`There are no traces to judge in ${what}.`);
    const config: QualityJudgeConfig = {
      kind: "quality-judge",
      rubricVersionId: options.rubricVersionId,
      rubric,
      scope: options.scope,
      provider: { id: p.id, name: p.name, kind: p.kind, baseUrl: p.baseUrl, model: p.model },
      pricing: { inputPerMTok: p.inputPricePerMTok, outputPerMTok: p.outputPricePerMTok },
      params: options.params,
      concurrency: options.concurrency,
      maxAttempts: options.maxAttempts,
      mode: options.mode,
      onlyPending: options.onlyPending,
      actorId,
      batch: 500,
    };
    const name = `Judge: ${rubric.name} v${rubric.version} on ${what} by ${p.model}`;
    return createJob({
      kind: judgeKind,
      name,
      config,
      expectedItems,
      actorId,
      launchKey,
      audit: { name, itemCount: expectedItems, kind: "quality-judge", providerId: p.id, mode: options.mode },
    });
  });
}

async function scopeName(scope: ScanScope): Promise<string> {
  if (scope.jobId) {
    const job = await db().job.findUnique({ where: { id: scope.jobId }, select: { name: true } });
    if (!job) throw new NotFoundError("Job", scope.jobId);
    return `job "${job.name}"`;
  }
  if (scope.promptSetId) {
    const set = await db().promptSet.findUnique({ where: { id: scope.promptSetId }, select: { name: true } });
    if (!set) throw new NotFoundError("Prompt set", scope.promptSetId);
    return `prompt set "${set.name}"`;
  }
  return "all traces";
}
