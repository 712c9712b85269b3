import "server-only";
import { randomInt } from "node:crypto";
import { db } from "../db/client";
import { InvalidInputError, NotFoundError } from "../errors";
import { createJob, frozenParams, frozenProvider, LAUNCH_TX, stamp, type NewItem } from "./launch-shared";
import { createPlanSampler, unmappedCategories, type PlanSelection } from "./sampling";
import { LaunchJobSchema, MAX_SEED, type JobConfig, type LaunchJob, type LaunchJobInput } from "./schemas";

/**
 * Freezes the configuration, expands it into items (prompt x sample, with the system-message
 * version drawn from the seed) and writes the job with all its items in one transaction. In
 * cautious mode items get no version: the teacher chooses one when the item runs.
 */
export async function launchJob(input: LaunchJobInput, actorId: string | null): Promise<string> {
  const options = LaunchJobSchema.parse(input);
  const client = db();
  const promptSet = await client.promptSet.findUnique({ where: { id: options.promptSetId } });
  if (!promptSet) throw new NotFoundError("Prompt set", options.promptSetId);
  const prompts = await client.prompt.findMany({
    where: { promptSetId: promptSet.id },
    select: { id: true, category: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (prompts.length === 0) {
    throw new InvalidInputError(
      `Prompt set "${promptSet.name}" has no prompts. Import prompts into it before launching a job.`,
    );
  }
  const { provider, pricing } = await frozenProvider(options.providerId);
  const systemMessages = await chosenMessages(options.systemMessageIds);
  if (options.cautious && systemMessages.filter((m) => m.weight > 0).length < 2) {
    throw new InvalidInputError(
      "Cautious reasoning lets the teacher choose among strategies: choose at least two system messages (with weight above 0).",
    );
  }
  const selection: PlanSelection = {
    mode: options.selection,
    seed: options.seed ?? randomInt(0, MAX_SEED),
    ...(options.selection === "category" ? { categoryMap: options.categoryMap } : {}),
  };
  checkCategories(prompts, selection, systemMessages);
  // Drawn in cautious mode too: it checks every prompt can be served, and is the fallback later.
  const sample = createPlanSampler(systemMessages, selection);

  const config: JobConfig = {
    promptSet: { id: promptSet.id, name: promptSet.name, promptCount: prompts.length },
    systemMessages,
    selection,
    provider,
    params: frozenParams(options),
    samplesPerPrompt: options.samplesPerPrompt,
    concurrency: options.concurrency,
    maxAttempts: options.maxAttempts,
    kind: "traces",
    mode: options.mode,
    cautious: options.cautious ? { erasedSystemPrompt: options.erasedSystemPrompt } : null,
    synthesis: null,
    pricing,
  };
  const itemCount = prompts.length * options.samplesPerPrompt;
  const name = options.name ?? `${promptSet.name} × ${provider.model} ${stamp()}`;
  function* items(): Generator<NewItem> {
    for (const prompt of prompts) {
      for (let sampleIndex = 0; sampleIndex < options.samplesPerPrompt; sampleIndex++) {
        const versionId = sample(prompt, sampleIndex);
        yield {
          promptId: prompt.id,
          sampleIndex,
          systemMessageVersionId: options.cautious ? null : versionId,
        };
      }
    }
  }

  return client.$transaction(
    (tx) =>
      createJob(tx, { name, config, itemCount, actorId }, items(), {
        name,
        itemCount,
        promptSetId: promptSet.id,
        providerId: provider.id,
        seed: selection.seed,
        mode: options.mode,
        cautious: options.cautious,
      }),
    LAUNCH_TX,
  );
}

/** Refuses a category map that leaves some prompts without a message, naming their categories. */
function checkCategories(
  prompts: Array<{ category: string | null }>,
  selection: PlanSelection,
  messages: JobConfig["systemMessages"],
) {
  for (const [category, ids] of Object.entries(selection.categoryMap ?? {})) {
    if (ids.every((id) => messages.some((m) => m.messageId === id))) continue;
    throw new InvalidInputError(
      `The category map entry "${category}" names a system message that is not chosen for this job. ` +
        "Include that message, or remove it from the entry.",
    );
  }
  const missing = unmappedCategories(
    prompts.map((p) => p.category),
    selection,
  );
  if (missing.length === 0) return;
  const names = missing.slice(0, 5).map((c) => (c === null ? "(no category)" : `"${c}"`));
  const more = missing.length > 5 ? ` and ${missing.length - 5} more` : "";
  throw new InvalidInputError(
    `The category map gives no system message to prompts in ${names.join(", ")}${more}. ` +
      'Map each of these categories to at least one message, or add a "*" fallback.',
  );
}

/** The current version of each chosen message (default: every enabled one), checked usable. */
async function chosenMessages(ids: LaunchJob["systemMessageIds"]): Promise<JobConfig["systemMessages"]> {
  const rows = await db().systemMessage.findMany({
    where: ids ? { id: { in: ids } } : { enabled: true },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    orderBy: { name: "asc" },
  });
  if (ids) {
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw new NotFoundError("System message", missing[0]);
    const disabled = rows.filter((r) => !r.enabled).map((r) => `"${r.name}"`);
    if (disabled.length) {
      throw new InvalidInputError(
        `System message ${disabled.join(", ")} is disabled. Enable it in the bank or leave it out of the job.`,
      );
    }
  }
  if (rows.length === 0) {
    throw new InvalidInputError("The bank has no enabled system messages. Add or enable one first.");
  }
  return rows.map((row) => {
    const current = row.versions[0];
    if (!current) throw new InvalidInputError(`System message "${row.name}" has no text yet. Edit it first.`);
    return {
      messageId: row.id,
      name: row.name,
      versionId: current.id,
      version: current.version,
      weight: row.weight,
      content: current.content,
    };
  });
}
