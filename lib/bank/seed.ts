import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import { isUniqueViolation } from "../errors";
import { SEED_MESSAGES } from "./seed-messages";

export const SEED_NOTE = "seeded by Tracebank";

/**
 * Seeds the project's own system messages, only into an empty bank (a curator who removed them
 * from sampling by disabling must not see them come back). Idempotent, safe under concurrency.
 */
export async function seedBank(actorId: string | null = null): Promise<{ created: number }> {
  try {
    return await db().$transaction(
      async (tx) => {
        if ((await tx.systemMessage.count()) > 0) return { created: 0 };
        for (const m of SEED_MESSAGES) {
          await tx.systemMessage.create({
            data: {
              name: m.name,
              tags: m.tags,
              weight: m.weight,
              enabled: true,
              versions: { create: { version: 1, content: m.content, note: SEED_NOTE, createdById: actorId } },
            },
          });
        }
        await recordAudit(
          {
            actorId,
            action: "bank.seeded",
            entityId: "bank",
            data: { created: SEED_MESSAGES.length },
          },
          tx,
        );
        return { created: SEED_MESSAGES.length };
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  } catch (error) {
    // Another process seeded at the same moment; its transaction won.
    if (isUniqueViolation(error)) return { created: 0 };
    throw error;
  }
}
