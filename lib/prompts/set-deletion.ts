import "server-only";
import { recordAudit } from "../audit";
import { db, dbKind, Prisma, type Tx } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { createJob } from "../runner";
import {
  DELETE_BATCH,
  DeletePromptSetSchema,
  OPEN_IMPORT_STATUSES,
  SetDeletionConfigSchema,
  type DeletePromptSetInput,
  type SetDeletion,
  type SetDeletionConfig,
} from "./schemas";
import { publishingInto } from "./import-queries";
import { setDeletionKind } from "./set-deletion-kind";

const TX = { maxWait: 30_000, timeout: 60_000 };
const OPEN_JOB = ["planning", "queued", "running", "paused"];
const plural = (n: number, one: string) => `${n.toLocaleString("en-US")} ${one}${n === 1 ? "" : "s"}`;

/**
 * Deletes a set with its prompts and import history, unless a job was launched from it (its
 * traces point at its prompts) or uses it as an Evol-Instruct source. A set of one batch goes at
 * once; a bigger one becomes a job that deletes it batch by batch in the background (each batch
 * one short transaction), the set itself last; meanwhile no launch or import may use the set.
 * A second request while that job runs gets the same job.
 */
export async function deletePromptSet(
  input: DeletePromptSetInput,
  actorId: string | null,
  options: { batch?: number } = {},
): Promise<SetDeletion> {
  const { id } = DeletePromptSetSchema.parse(input);
  const batch = options.batch ?? DELETE_BATCH;
  return db().$transaction(async (tx) => {
    const running = await deletionOf(id, tx);
    if (running) return { prompts: running.prompts, jobId: running.jobId };
    const set = await tx.promptSet.findUnique({
      where: { id },
      select: { name: true, _count: { select: { prompts: true } } },
    });
    if (!set) throw new NotFoundError("Prompt set", id);
    const refused = await refusal(tx, id, set.name);
    if (refused) throw new ConflictError(refused);
    const prompts = set._count.prompts;
    if (prompts <= batch) {
      await tx.promptSet.delete({ where: { id } });
      await recordAudit(
        { actorId, action: "prompt-set.deleted", entityId: id, data: { name: set.name, prompts } },
        tx,
      );
      return { prompts, jobId: null };
    }
    const config: SetDeletionConfig = {
      kind: "prompt-set-deletion",
      promptSet: { id, name: set.name },
      prompts,
      batch,
    };
    const name = `Delete prompt set ${set.name}`;
    const items = Math.ceil(prompts / config.batch);
    const jobId = await createJob(
      {
        kind: setDeletionKind,
        name,
        config,
        expectedItems: items,
        // Not the job's prompt set: that would keep the set from being deleted.
        promptSetId: null,
        actorId,
        audit: { name, itemCount: items, kind: "prompt-set-deletion", promptSetId: id },
      },
      tx,
    );
    return { prompts, jobId };
  }, TX);
}

/** Why the set cannot be deleted now, or null. */
async function refusal(tx: Tx, id: string, name: string): Promise<string | null> {
  const jobs = await tx.job.count({ where: { promptSetId: id } });
  if (jobs > 0)
    return (
      `"${name}" is used by ${plural(jobs, "job")}, whose traces point at its prompts: ` +
      "it cannot be deleted. Rename it instead if it should not be used again."
    );
  const sources = await evolJobsFrom(tx, id);
  if (sources > 0)
    return (
      `"${name}" is the source of ${plural(sources, "Evol-Instruct job")}, whose items point at its prompts: ` +
      "it cannot be deleted. Rename it instead if it should not be used again."
    );
  const importing = await tx.promptImport.count({
    where: { promptSetId: id, status: { in: [...OPEN_IMPORT_STATUSES] } },
  });
  if (importing > 0)
    return `An import into "${name}" is still running: cancel it or let it finish, then delete the set.`;
  return null;
}

/** Evol-Instruct jobs rewriting this set's prompts (their items reference them; their set is the target). */
async function evolJobsFrom(tx: Tx, id: string): Promise<number> {
  const source =
    dbKind() === "postgres"
      ? Prisma.sql`"config"->'synthesis'->>'sourcePromptSetId'`
      : Prisma.sql`json_extract("config", '$.synthesis.sourcePromptSetId')`;
  const [row] = await tx.$queryRaw<Array<{ n: number | bigint }>>`
    SELECT COUNT(*) AS "n" FROM "Job" WHERE "kind" = 'synthesis' AND ${source} = ${id}`;
  return Number(row?.n ?? 0);
}

/** The set's deletion still under way, if any: no launch or import may use the set meanwhile. */
export async function deletionOf(
  promptSetId: string,
  client: Pick<Tx, "job"> = db(),
): Promise<{ jobId: string; prompts: number } | null> {
  const open = await client.job.findMany({
    where: { kind: "prompt-set-deletion", status: { in: OPEN_JOB } },
    select: { id: true, config: true },
  });
  for (const job of open) {
    const config = SetDeletionConfigSchema.safeParse(job.config);
    if (config.success && config.data.promptSet.id === promptSetId)
      return { jobId: job.id, prompts: config.data.prompts };
  }
  return null;
}

export const BEING_DELETED = "This prompt set is being deleted: choose another one.";

/** Why a launch cannot take the set now (its deletion, or an import still running into it), or null. */
export async function launchRefusal(promptSetId: string): Promise<string | null> {
  if (await deletionOf(promptSetId)) return BEING_DELETED;
  return (await publishingInto(promptSetId))?.message ?? null;
}
