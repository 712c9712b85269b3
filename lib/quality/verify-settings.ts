import "server-only";
import { recordAudit } from "../audit";
import { db, type Prisma } from "../db";
import { NotFoundError } from "../errors";
import { SetVerifySettingsSchema } from "./schemas";

/** How a prompt set's answers are verified (method, pattern, tolerance); audited as a set update. */
export async function setVerifySettings(input: unknown, actorId: string): Promise<void> {
  const { promptSetId, settings } = SetVerifySettingsSchema.parse(input);
  await db().$transaction(async (tx) => {
    const set = await tx.promptSet.findUnique({ where: { id: promptSetId }, select: { name: true } });
    if (!set) throw new NotFoundError("Prompt set", promptSetId);
    await tx.promptSet.update({
      where: { id: promptSetId },
      data: { verifySettings: settings as Prisma.InputJsonObject },
    });
    await recordAudit(
      {
        actorId,
        action: "prompt-set.verify-settings-set",
        entityId: promptSetId,
        data: { name: set.name, settings: { ...settings } },
      },
      tx,
    );
  });
}
