import "server-only";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, InvalidInputError, isUniqueViolation, NotFoundError } from "../errors";
import { tagsOf } from "./rows";
import {
  CreateMessageSchema,
  SaveVersionSchema,
  UpdateMetadataSchema,
  type CreateMessageInput,
  type SaveVersionInput,
  type UpdateMetadataInput,
} from "./schemas";
import { validate } from "./validate";

export function nameTaken(name: string): ConflictError {
  return new ConflictError(`A system message named "${name}" already exists. Choose another name.`);
}

/** A new message and its version 1. */
export async function createMessage(
  input: CreateMessageInput,
  actorId: string | null,
): Promise<{ id: string; version: number }> {
  const { note, content, ...meta } = validate(CreateMessageSchema, input);
  try {
    return await db().$transaction(async (tx) => {
      if (await tx.systemMessage.findUnique({ where: { name: meta.name }, select: { id: true } })) {
        throw nameTaken(meta.name);
      }
      const message = await tx.systemMessage.create({
        data: { ...meta, versions: { create: { version: 1, content, note, createdById: actorId } } },
      });
      await recordAudit({ actorId, action: "bank.message.created", entityId: message.id, data: meta }, tx);
      return { id: message.id, version: 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(meta.name);
    throw error;
  }
}

/**
 * Appends version N+1 with the new content; earlier versions are never touched. With
 * `baseVersion`, saving over a version someone else added meanwhile is refused.
 */
export async function saveVersion(
  input: SaveVersionInput,
  actorId: string | null,
): Promise<{ id: string; version: number }> {
  const { messageId, content, note, baseVersion } = validate(SaveVersionSchema, input);
  try {
    return await db().$transaction(async (tx) => {
      const latest = await lockAndReadLatest(tx, messageId);
      if (baseVersion !== undefined && latest.version !== baseVersion) {
        throw new ConflictError(
          `Someone else saved a new version (version ${latest.version}) while you were editing version ${baseVersion}. Reload to see it, then apply your change again.`,
        );
      }
      if (latest.content === content) {
        throw new InvalidInputError(
          `The content is the same as version ${latest.version}; there is nothing to save.`,
        );
      }
      const version = latest.version + 1;
      const created = await tx.systemMessageVersion.create({
        data: { messageId, version, content, note, createdById: actorId },
      });
      await recordAudit(
        {
          actorId,
          action: "bank.version.created",
          entityId: messageId,
          data: { version, note },
        },
        tx,
      );
      return { id: created.id, version };
    });
  } catch (error) {
    // A concurrent save took the same number: the unique key refused ours.
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        "Someone else saved a new version at the same moment. Reload to see it, then save again.",
      );
    }
    throw error;
  }
}

/**
 * Touching the message row first makes concurrent saves on PostgreSQL wait for each other's row
 * lock, so the second one reads the first one's version; SQLite already runs one writer at a time.
 */
export async function lockAndReadLatest(tx: Tx, messageId: string) {
  const touched = await tx.systemMessage.updateMany({
    where: { id: messageId },
    data: { updatedAt: new Date() },
  });
  if (touched.count === 0) throw new NotFoundError("System message", messageId);
  const latest = await tx.systemMessageVersion.findFirst({
    where: { messageId },
    orderBy: { version: "desc" },
    select: { version: true, content: true },
  });
  return latest ?? { version: 0, content: "" };
}

type Changes = Record<string, { from: unknown; to: unknown }>;

/** Name, tags, weight, enabled: metadata on the message, so no version is created. */
export async function updateMetadata(
  input: UpdateMetadataInput,
  actorId: string | null,
): Promise<{ changed: string[] }> {
  const { messageId, ...wanted } = validate(UpdateMetadataSchema, input);
  try {
    return await db().$transaction(async (tx) => {
      const current = await tx.systemMessage.findUnique({ where: { id: messageId } });
      if (!current) throw new NotFoundError("System message", messageId);
      const before = {
        name: current.name,
        tags: tagsOf(current.tags),
        weight: current.weight,
        enabled: current.enabled,
      };
      const changes: Changes = {};
      for (const key of ["name", "tags", "weight", "enabled"] as const) {
        const to = wanted[key];
        if (to !== undefined && JSON.stringify(to) !== JSON.stringify(before[key])) {
          changes[key] = { from: before[key], to };
        }
      }
      const changed = Object.keys(changes);
      if (!changed.length) return { changed };
      if (changes.name && (await tx.systemMessage.findUnique({ where: { name: wanted.name! } }))) {
        throw nameTaken(wanted.name!);
      }
      const data = Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to]));
      await tx.systemMessage.update({ where: { id: messageId }, data });
      await recordAudit(
        {
          actorId,
          action: "bank.message.updated",
          entityId: messageId,
          data: { changes },
        },
        tx,
      );
      return { changed };
    });
  } catch (error) {
    if (isUniqueViolation(error) && wanted.name) throw nameTaken(wanted.name);
    throw error;
  }
}
