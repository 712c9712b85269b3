import { recordAudit } from "../audit";
import { db } from "../db";
import { ConflictError, isUniqueViolation, NotFoundError } from "../errors";
import {
  CreatePromptSetSchema,
  DeletePromptSetSchema,
  OPEN_IMPORT_STATUSES,
  UpdatePromptSetSchema,
  type CreatePromptSetInput,
  type DeletePromptSetInput,
  type UpdatePromptSetInput,
} from "./schemas";

const nameTaken = (name: string) =>
  new ConflictError(
    `A prompt set named "${name}" already exists: choose another name or import into that set.`,
  );

export async function createPromptSet(
  input: CreatePromptSetInput,
  actorId: string | null,
): Promise<{ id: string; name: string }> {
  const { name, description } = CreatePromptSetSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const set = await tx.promptSet.create({
        data: { name, description: description, createdById: actorId },
        select: { id: true, name: true },
      });
      await recordAudit({ actorId, action: "prompt-set.created", entityId: set.id, data: { name } }, tx);
      return set;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function updatePromptSet(input: UpdatePromptSetInput, actorId: string | null): Promise<void> {
  const { id, name, description } = UpdatePromptSetSchema.parse(input);
  try {
    await db().$transaction(async (tx) => {
      const found = await tx.promptSet.findUnique({ where: { id }, select: { name: true } });
      if (!found) throw new NotFoundError("Prompt set", id);
      await tx.promptSet.update({ where: { id }, data: { name, description: description } });
      await recordAudit(
        {
          actorId,
          action: "prompt-set.updated",
          entityId: id,
          data: { from: found.name, name, description: description },
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** Deletes a set with its prompts and import history, unless a job was launched from it. */
export async function deletePromptSet(input: DeletePromptSetInput, actorId: string | null): Promise<void> {
  const { id } = DeletePromptSetSchema.parse(input);
  await db().$transaction(async (tx) => {
    const set = await tx.promptSet.findUnique({
      where: { id },
      select: { name: true, _count: { select: { jobs: true, prompts: true } } },
    });
    if (!set) throw new NotFoundError("Prompt set", id);
    const jobs = set._count.jobs;
    if (jobs > 0)
      throw new ConflictError(
        `"${set.name}" is used by ${jobs} job${jobs === 1 ? "" : "s"}, whose traces point at its prompts: ` +
          "it cannot be deleted. Rename it instead if it should not be used again.",
      );
    const importing = await tx.promptImport.count({
      where: { promptSetId: id, status: { in: [...OPEN_IMPORT_STATUSES] } },
    });
    if (importing > 0)
      throw new ConflictError(
        `An import into "${set.name}" is still running: cancel it or let it finish, then delete the set.`,
      );
    await tx.promptSet.delete({ where: { id } });
    await recordAudit(
      {
        actorId,
        action: "prompt-set.deleted",
        entityId: id,
        data: { name: set.name, prompts: set._count.prompts },
      },
      tx,
    );
  });
}
