import "server-only";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, isUniqueViolation } from "../errors";
import { parseBankFile } from "./bank-file";
import { lockAndReadLatest } from "./mutations";
import { ImportBankSchema, type ImportBankInput, type ImportedMessage } from "./schemas";
import { validate } from "./validate";

export type ImportResult = { created: number; newVersions: number; unchanged: number };

/**
 * Imports a bank file in one transaction (all or nothing). A new name becomes a message with
 * the file's versions in order; a known name gets one new version when the file's latest content
 * differs from ours. History is never rewritten, and metadata of known messages is kept.
 */
export async function importBank(input: ImportBankInput, actorId: string | null): Promise<ImportResult> {
  const { text, fileName } = validate(ImportBankSchema, input);
  const incoming = parseBankFile(text);
  try {
    return await db().$transaction(
      async (tx) => {
        const existing = await tx.systemMessage.findMany({
          select: { id: true, name: true, versions: { orderBy: { version: "desc" }, take: 1 } },
        });
        const byName = new Map(existing.map((m) => [m.name, m]));
        const result: ImportResult = { created: 0, newVersions: 0, unchanged: 0 };
        for (const message of incoming) {
          const known = byName.get(message.name);
          if (!known) {
            const id = await createImported(tx, message);
            await recordAudit(
              {
                actorId,
                action: "bank.message.imported",
                entityId: id,
                data: { fileName, versions: message.versions.length },
              },
              tx,
            );
            result.created++;
            continue;
          }
          const latestIncoming = message.versions[message.versions.length - 1]!; // the schema requires one
          if (known.versions[0]?.content === latestIncoming.content) {
            result.unchanged++;
            continue;
          }
          const latest = await lockAndReadLatest(tx, known.id);
          const version = latest.version + 1;
          await tx.systemMessageVersion.create({
            data: {
              messageId: known.id,
              version,
              content: latestIncoming.content,
              note: latestIncoming.note ?? (fileName ? `imported from ${fileName}` : "imported"),
              createdById: actorId,
            },
          });
          await recordAudit(
            {
              actorId,
              action: "bank.version.imported",
              entityId: known.id,
              data: { fileName, version },
            },
            tx,
          );
          result.newVersions++;
        }
        await recordAudit(
          {
            actorId,
            action: "bank.imported",
            entityId: "bank",
            data: { fileName, ...result },
          },
          tx,
        );
        return result;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        "Someone changed the bank while this file was being imported, so nothing was imported. Try again.",
      );
    }
    throw error;
  }
}

async function createImported(tx: Tx, message: ImportedMessage) {
  const created = await tx.systemMessage.create({
    data: {
      name: message.name,
      tags: message.tags,
      weight: message.weight,
      enabled: message.enabled,
      versions: {
        create: message.versions.map((v, i) => ({
          version: i + 1,
          content: v.content,
          note: v.note,
          ...(v.createdAt ? { createdAt: v.createdAt } : {}),
        })),
      },
    },
    select: { id: true },
  });
  return created.id;
}
