import "server-only";
import { randomInt } from "node:crypto";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, InvalidInputError, isUniqueViolation, NotFoundError } from "../errors";
import { BEING_DELETED, deletionOf, launchRefusal } from "../prompts";
import { createJob, launchOnce } from "../runner";
import { synthesisKind } from "./kinds";
import { frozenProvider, stamp } from "./launch-shared";
import {
  LaunchSynthesisSchema,
  MAX_SEED,
  type LaunchSynthesis,
  type LaunchSynthesisInput,
  type SynthesisConfig,
} from "./schemas";
import { evolInstruction } from "./synthesis/evol-operations";
import { parseTopics } from "./synthesis/topics";

type Plan = {
  synthesis: SynthesisConfig["synthesis"];
  itemCount: number;
};

/**
 * Launches a job whose items ask the teacher for prompts: one item per topic (topic graph) or per
 * source prompt and operation (Evol-Instruct). The prompts go into the target set, which is
 * created here when named new, with the job in one transaction; a worker plans the items.
 */
export async function launchSynthesis(input: LaunchSynthesisInput, actorId: string | null): Promise<string> {
  const options = LaunchSynthesisSchema.parse(input);
  return launchOnce(options.launchKey, actorId, (launchKey) => launch(options, actorId, launchKey));
}

async function launch(options: LaunchSynthesis, actorId: string | null, launchKey: string | null) {
  const target = options.targetSetId
    ? await db().promptSet.findUnique({
        where: { id: options.targetSetId },
        select: { id: true, name: true, _count: { select: { prompts: true } } },
      })
    : null;
  if (options.targetSetId && !target) throw new NotFoundError("Prompt set", options.targetSetId);
  if (target && (await deletionOf(target.id))) throw new ConflictError(BEING_DELETED);
  const plan = await planOf(options);
  const { provider, pricing } = await frozenProvider(options.providerId);
  const method = plan.synthesis.method;
  const asOf = new Date().toISOString();

  try {
    return await db().$transaction(async (tx) => {
      const set = target
        ? { id: target.id, name: target.name, promptCount: target._count.prompts }
        : await createSet(tx, options.newSetName!, actorId);
      const config: SynthesisConfig = {
        // asOf: an Evol-Instruct job rewrites the source set's prompts as they were at launch.
        promptSet: { ...set, asOf },
        systemMessages: [],
        selection: { mode: "uniform", seed: randomInt(0, MAX_SEED) },
        provider,
        params: options.params,
        samplesPerPrompt: 1,
        concurrency: options.concurrency,
        maxAttempts: options.maxAttempts,
        kind: "synthesis",
        mode: options.mode,
        cautious: null,
        synthesis: plan.synthesis,
        pricing,
      };
      const name = options.name ?? `${set.name} · ${method} × ${provider.model} ${stamp()}`;
      return createJob(
        {
          kind: synthesisKind,
          name,
          config,
          expectedItems: plan.itemCount,
          promptSetId: set.id,
          actorId,
          launchKey,
          audit: {
            name,
            kind: "synthesis",
            method,
            itemCount: plan.itemCount,
            promptSetId: set.id,
            providerId: provider.id,
          },
        },
        tx,
      );
    });
  } catch (error) {
    if (options.newSetName && isUniqueViolation(error)) {
      throw new ConflictError(
        `A prompt set named "${options.newSetName}" already exists: choose it as the target, or another name.`,
      );
    }
    throw error;
  }
}

async function planOf(options: LaunchSynthesis): Promise<Plan> {
  const s = options.synthesis;
  if (s.method === "topic-graph") {
    const topics = parseTopics(s.topics);
    const n = s.promptsPerTopic;
    return {
      synthesis: {
        method: "topic-graph",
        topics,
        template: s.template,
        promptsPerTopic: n,
        ...(s.category ? { category: s.category } : {}),
      },
      itemCount: topics.length,
    };
  }
  const source = await db().promptSet.findUnique({ where: { id: s.sourcePromptSetId } });
  if (!source) throw new NotFoundError("Prompt set", s.sourcePromptSetId);
  const refused = await launchRefusal(source.id);
  if (refused) throw new ConflictError(refused);
  const promptCount = await db().prompt.count({ where: { promptSetId: source.id } });
  if (promptCount === 0) {
    throw new InvalidInputError(`Prompt set "${source.name}" has no prompts to evolve. Import some first.`);
  }
  const operations = [...new Set(s.operations)];
  return {
    synthesis: {
      method: "evol-instruct",
      sourcePromptSetId: source.id,
      sourcePromptSetName: source.name,
      operations,
      instructions: Object.fromEntries(operations.map((op) => [op, evolInstruction(op)])),
    },
    itemCount: promptCount * operations.length,
  };
}

async function createSet(tx: Tx, name: string, actorId: string | null) {
  const set = await tx.promptSet.create({
    data: { name, description: "Prompts written by the teacher (synthesis job).", createdById: actorId },
    select: { id: true, name: true },
  });
  await recordAudit({ actorId, action: "prompt-set.created", entityId: set.id, data: { name } }, tx);
  return { ...set, promptCount: 0 };
}
