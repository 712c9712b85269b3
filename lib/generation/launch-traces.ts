import "server-only";
import { randomInt } from "node:crypto";
import { db } from "../db";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors";
import { launchRefusal } from "../prompts";
import { createJob, launchOnce } from "../runner";
import { tracesKind } from "./kinds";
import { frozenProvider, stamp } from "./launch-shared";
import { createPlanSampler, unmappedCategories, type PlanSelection } from "./sampling";
import { LaunchJobSchema, MAX_SEED, type LaunchJob, type LaunchJobInput, type TracesConfig } from "./schemas";

type JobConfig = TracesConfig;

/**
 * Validates and freezes the configuration and writes the job, which a worker then plans into
 * items (prompt x sample, with the system-message version drawn from the seed) in batches: the
 * launch itself takes the same time for ten prompts or a million. In cautious mode items get no
 * version: the teacher chooses one when the item runs.
 */
export async function launchJob(input: LaunchJobInput, actorId: string | null): Promise<string> {
  const options = LaunchJobSchema.parse(input);
  return launchOnce(options.launchKey, actorId, (launchKey) => launch(options, actorId, launchKey));
}

async function launch(options: LaunchJob, actorId: string | null, launchKey: string | null) {
  const client = db();
  const asOf = new Date();
  const promptSet = await client.promptSet.findUnique({ where: { id: options.promptSetId } });
  if (!promptSet) throw new NotFoundError("Prompt set", options.promptSetId);
  // A launch takes the set as it is now: not while an import into it is still running.
  const refused = await launchRefusal(promptSet.id);
  if (refused) throw new ConflictError(refused);
  const promptCount = await client.prompt.count({
    where: { promptSetId: promptSet.id, createdAt: { lte: asOf } },
  });
  if (promptCount === 0) {
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
  await checkCategories(promptSet.id, selection, systemMessages);
  // Throws now, not while planning, when no message can be drawn (every weight 0, say).
  createPlanSampler(systemMessages, selection);

  const config: JobConfig = {
    kind: "traces",
    promptSet: { id: promptSet.id, name: promptSet.name, promptCount, asOf: asOf.toISOString() },
    systemMessages,
    selection,
    provider,
    // Settled by the schema: defaults filled, absent options left out, no streaming in a batch.
    params: options.params,
    samplesPerPrompt: options.samplesPerPrompt,
    concurrency: options.concurrency,
    maxAttempts: options.maxAttempts,
    mode: options.mode,
    cautious: options.cautious ? { erasedSystemPrompt: options.erasedSystemPrompt } : null,
    synthesis: null,
    pricing,
  };
  const expectedItems = promptCount * options.samplesPerPrompt;
  const name = options.name ?? `${promptSet.name} × ${provider.model} ${stamp()}`;
  return createJob({
    kind: tracesKind,
    name,
    config,
    expectedItems,
    promptSetId: promptSet.id,
    actorId,
    launchKey,
    audit: {
      name,
      itemCount: expectedItems,
      promptSetId: promptSet.id,
      providerId: provider.id,
      seed: selection.seed,
      mode: options.mode,
      cautious: options.cautious,
    },
  });
}

/** Refuses a category map that leaves some prompts without a message, naming their categories. */
async function checkCategories(
  promptSetId: string,
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
  if (selection.mode !== "category") return;
  // The set's distinct categories, from the (promptSetId, category) index: cheap at any size.
  const categories = await db().$queryRaw<Array<{ category: string | null }>>`
    SELECT DISTINCT "category" FROM "Prompt" WHERE "promptSetId" = ${promptSetId}`;
  const missing = unmappedCategories(
    categories.map((p) => p.category),
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
