import { recordAudit } from "../audit";
import { db } from "../db";
import { ConflictError, isUniqueViolation, NotFoundError } from "../errors";
import {
  CreatePromptSetSchema,
  UpdatePromptSetSchema,
  type CreatePromptSetInput,
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
