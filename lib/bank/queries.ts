import "server-only";
import { userNames } from "../auth";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { toBankFile } from "./bank-file";
import { byName, tagsOf } from "./rows";
import type { BankFile, MessageFilter } from "./schemas";

export type MessageSummary = {
  id: string;
  name: string;
  tags: string[];
  weight: number;
  enabled: boolean;
  currentVersion: number;
  versionCount: number;
  createdAt: Date;
  updatedAt: Date;
};

export type VersionDetail = {
  id: string;
  version: number;
  content: string;
  note: string | null;
  createdAt: Date;
  createdById: string | null;
  authorName: string | null;
};

export type MessageDetail = Omit<MessageSummary, "currentVersion" | "versionCount"> & {
  versions: VersionDetail[]; // newest first
};

export type CurrentVersion = {
  messageId: string;
  name: string;
  tags: string[];
  weight: number;
  versionId: string;
  version: number;
  content: string;
};

/** Every message with its current version number, by name; tag and enabled filters optional. */
export async function listMessages(filter: MessageFilter = {}): Promise<MessageSummary[]> {
  const rows = await db().systemMessage.findMany({
    where: filter.enabled === undefined ? {} : { enabled: filter.enabled },
    include: {
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } },
      _count: { select: { versions: true } },
    },
  });
  // Tags live in a JSON column; filtering them in SQL is not portable, and the bank is small.
  return rows
    .map((m) => ({
      id: m.id,
      name: m.name,
      tags: tagsOf(m.tags),
      weight: m.weight,
      enabled: m.enabled,
      currentVersion: m.versions[0]?.version ?? 0,
      versionCount: m._count.versions,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    }))
    .filter((m) => !filter.tag || m.tags.includes(filter.tag))
    .sort(byName);
}

export async function getMessage(id: string): Promise<MessageDetail> {
  const m = await db().systemMessage.findUnique({
    where: { id },
    include: { versions: { orderBy: { version: "desc" } } },
  });
  if (!m) throw new NotFoundError("System message", id);
  const nameOf = await userNames(m.versions.map((v) => v.createdById));
  return {
    id: m.id,
    name: m.name,
    tags: tagsOf(m.tags),
    weight: m.weight,
    enabled: m.enabled,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    versions: m.versions.map((v) => ({
      id: v.id,
      version: v.version,
      content: v.content,
      note: v.note,
      createdAt: v.createdAt,
      createdById: v.createdById,
      authorName: v.createdById ? (nameOf.get(v.createdById) ?? null) : null,
    })),
  };
}

/** Enabled messages with their newest version: what a job launched now would sample from. */
export async function currentVersionsOfEnabledMessages(): Promise<CurrentVersion[]> {
  const rows = await db().systemMessage.findMany({
    where: { enabled: true },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  return rows
    .flatMap((m) => {
      const v = m.versions[0];
      if (!v) return [];
      return [
        {
          messageId: m.id,
          name: m.name,
          tags: tagsOf(m.tags),
          weight: m.weight,
          versionId: v.id,
          version: v.version,
          content: v.content,
        },
      ];
    })
    .sort(byName);
}

/** The whole bank, every version oldest first, in the export file's shape. */
export async function exportBank(now = new Date()): Promise<BankFile> {
  const rows = await db().systemMessage.findMany({
    include: { versions: { orderBy: { version: "asc" } } },
  });
  return toBankFile(rows.map((m) => ({ ...m, tags: tagsOf(m.tags) })).sort(byName), now);
}
