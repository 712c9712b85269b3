import type { z } from "zod";
import { InvalidInputError } from "../errors";
import {
  BANK_FILE_FORMAT,
  BANK_FILE_VERSION,
  BankFileSchema,
  BareBankFileSchema,
  type BankFile,
  type ImportedMessage,
} from "./schemas";

const MAX_REPORTED_ISSUES = 5;

/**
 * Reads an export (`{ format: "tracebank.bank", ... }`) or a hand-written bare array of
 * `{ name, content, ... }`. Throws InvalidInputError naming every bad field (up to a few).
 */
export function parseBankFile(text: string): ImportedMessage[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new InvalidInputError(
      `Nothing was imported: the file is not valid JSON (${(error as Error).message}).`,
    );
  }
  if (Array.isArray(raw)) {
    const parsed = BareBankFileSchema.safeParse(raw);
    if (!parsed.success) throw rejected(parsed.error);
    return parsed.data.map(({ content, note, ...meta }) => ({ ...meta, versions: [{ content, note }] }));
  }
  if (raw && typeof raw === "object" && ("format" in raw || "messages" in raw)) {
    const parsed = BankFileSchema.safeParse(raw);
    if (!parsed.success) throw rejected(parsed.error);
    return parsed.data.messages.map((m) => ({
      ...m,
      versions: m.versions.map(({ content, note, createdAt }) => ({ content, note, createdAt })),
    }));
  }
  throw new InvalidInputError(
    `Nothing was imported: expected a Tracebank bank export ({"format": "${BANK_FILE_FORMAT}", "version": ${BANK_FILE_VERSION}, "messages": [...]}) or an array of {"name", "content"} objects.`,
  );
}

function rejected(error: z.ZodError): InvalidInputError {
  const issues = error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  const shown = issues.slice(0, MAX_REPORTED_ISSUES).join("; ");
  const more =
    issues.length > MAX_REPORTED_ISSUES ? ` (and ${issues.length - MAX_REPORTED_ISSUES} more)` : "";
  return new InvalidInputError(`Nothing was imported. ${shown}${more}.`);
}

/** `["messages", 3, "tags"]` -> `messages[3].tags`, the way people point into JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += (out ? "." : "") + String(part);
  }
  return out || "file";
}

type ExportRow = {
  name: string;
  tags: string[];
  weight: number;
  enabled: boolean;
  versions: { version: number; content: string; note: string | null; createdAt: Date }[];
};

export function toBankFile(messages: ExportRow[], exportedAt: Date): BankFile {
  return {
    format: BANK_FILE_FORMAT,
    version: BANK_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    messages: messages.map((m) => ({
      name: m.name,
      tags: m.tags,
      weight: m.weight,
      enabled: m.enabled,
      versions: m.versions.map((v) => ({
        version: v.version,
        content: v.content,
        note: v.note,
        createdAt: v.createdAt.toISOString(),
      })),
    })),
  };
}

/** tracebank-bank-YYYY-MM-DD.json, the date in UTC. */
export function bankFileName(at: Date): string {
  return `tracebank-bank-${at.toISOString().slice(0, 10)}.json`;
}
