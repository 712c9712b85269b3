import { z } from "zod";

export const IMPORT_FORMATS = ["jsonl", "csv", "json"] as const;
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

export const IMPORT_MODES = ["all-or-nothing", "skip-invalid"] as const;
export const ImportModeSchema = z.enum(IMPORT_MODES);
export type ImportMode = z.infer<typeof ImportModeSchema>;

/**
 * queued: spooled, waiting for a worker; validating: read to the end, nothing written;
 * publishing: accepted, written in batches; then one of the final statuses.
 */
export const IMPORT_STATUSES = [
  "queued",
  "validating",
  "publishing",
  "imported",
  "rejected",
  "failed",
  "cancelled",
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const FINAL_IMPORT_STATUSES = ["imported", "rejected", "failed", "cancelled"] as const;
export type FinalImportStatus = (typeof FINAL_IMPORT_STATUSES)[number];
export const isFinalImport = (status: string): status is FinalImportStatus =>
  (FINAL_IMPORT_STATUSES as readonly string[]).includes(status);
/** Still running: a launch on the set must wait (its prompts could appear mid-plan). */
export const OPEN_IMPORT_STATUSES = ["queued", "validating", "publishing"] as const;

/** How many row errors an import keeps (the total is always counted). */
export const MAX_STORED_ERRORS = 100;

// ---------- one row of an import file ----------

/** Accepted keys per prompt field, in order of preference (matched case-insensitively). */
export const PROMPT_FIELDS = {
  text: ["text", "prompt", "question", "instruction"],
  referenceAnswer: ["reference_answer", "referenceAnswer", "reference", "answer", "target", "output"],
  category: ["category", "task", "type"],
  externalId: ["id", "external_id", "externalId", "task_id"],
} as const;
type Field = keyof typeof PROMPT_FIELDS;

export const MAX_TEXT_CHARS = 100_000;
const MAX_LABEL_CHARS = 200;

const ALIAS_INDEX = new Map<string, { field: Field; rank: number }>(
  (Object.keys(PROMPT_FIELDS) as Field[]).flatMap((field) =>
    PROMPT_FIELDS[field].map((alias, rank) => [alias.toLowerCase(), { field, rank }] as const),
  ),
);

/** A valid row's prompt fields. */
export type PromptRowFields = {
  text: string;
  referenceAnswer: string | null;
  category: string | null;
  externalId: string | null;
};

/**
 * A row mapped to a prompt. Self-instruct/Alpaca rows: a non-empty `input` (top-level, or
 * `instances[0].input`) is appended to `instruction` after a blank line, and `instances[0].output`
 * is the reference answer when no reference key is present. Problems read "\"text\" is missing
 * (...)", several joined by "; ". A plain function, not a schema: an import calls it for every row,
 * and V8 comes to allocate zod's per-parse objects straight into the old generation (allocation-site
 * pretenuring), where each keeps its parsed row reachable until a full collection: 100,000 rows
 * left about 90 MB of garbage in the old generation, and in the peak RSS.
 */
export function readPromptRow(value: unknown): { fields: PromptRowFields } | { problem: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { problem: `expected an object with a "text" field, found ${describeValue(value)}` };
  const record = value as Record<string, unknown>;
  const keys = pickKeys(record);
  const problems: string[] = [];
  const text = readText(record, keys.text, problems);
  const referenceAnswer =
    readLabel(record, keys.referenceAnswer, problems, MAX_TEXT_CHARS) ?? instance(record, "output");
  const category = readLabel(record, keys.category, problems, MAX_LABEL_CHARS);
  const externalId = readLabel(record, keys.externalId, problems, MAX_LABEL_CHARS);
  if (problems.length || text === null) return { problem: problems.join("; ") };
  return { fields: { text, referenceAnswer, category, externalId } };
}

/** readPromptRow as a schema (the same fields, the same messages). */
export const PromptRowSchema = z
  .custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), {
    error: (issue) => `expected an object with a "text" field, found ${describeValue(issue.input)}`,
  })
  .transform((record, ctx) => {
    const read = readPromptRow(record);
    if ("problem" in read) {
      ctx.addIssue({ code: "custom", message: read.problem, input: record });
      return z.NEVER;
    }
    return read.fields;
  });

function pickKeys(record: Record<string, unknown>): Partial<Record<Field, string>> {
  const keys: Partial<Record<Field, string>> = {};
  const ranks: Partial<Record<Field, number>> = {};
  for (const key in record) {
    const hit = ALIAS_INDEX.get(key.toLowerCase());
    if (!hit || record[key] === undefined || record[key] === null) continue;
    if (ranks[hit.field] === undefined || hit.rank < ranks[hit.field]!) {
      ranks[hit.field] = hit.rank;
      keys[hit.field] = key;
    }
  }
  return keys;
}

function readText(record: Record<string, unknown>, key: string | undefined, problems: string[]) {
  if (key === undefined) {
    problems.push(`"text" is missing (expected one of ${PROMPT_FIELDS.text.join(", ")})`);
    return null;
  }
  const value = record[key];
  if (typeof value !== "string") {
    problems.push(`"${key}" must be a string, not ${describeValue(value)}`);
    return null;
  }
  let text = value.trim();
  if (key.toLowerCase() === "instruction") {
    const extra = typeof record.input === "string" ? record.input.trim() : instance(record, "input");
    if (extra) text = text ? `${text}\n\n${extra}` : extra;
  }
  if (!text) problems.push(`"${key}" is empty`);
  else if (text.includes("\u0000")) problems.push(nulCharacter(key));
  else if (!text.isWellFormed()) problems.push(loneSurrogate(key));
  else if (text.length > MAX_TEXT_CHARS)
    problems.push(`"${key}" is too long (${fmt(text.length)} characters; at most ${fmt(MAX_TEXT_CHARS)})`);
  else return text;
  return null;
}

function readLabel(
  record: Record<string, unknown>,
  key: string | undefined,
  problems: string[],
  max: number,
) {
  if (key === undefined) return null;
  const value = record[key];
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    problems.push(`"${key}" must be a string or a number, not ${describeValue(value)}`);
    return null;
  }
  const text = String(value).trim();
  if (text.includes("\u0000")) {
    problems.push(nulCharacter(key));
    return null;
  }
  if (!text.isWellFormed()) {
    problems.push(loneSurrogate(key));
    return null;
  }
  if (text.length > max) {
    problems.push(`"${key}" is too long (${fmt(text.length)} characters; at most ${fmt(max)})`);
    return null;
  }
  return text || null;
}

function instance(record: Record<string, unknown>, key: "input" | "output"): string | null {
  const first: unknown = Array.isArray(record.instances) ? record.instances[0] : undefined;
  if (typeof first !== "object" || first === null) return null;
  const value = (first as Record<string, unknown>)[key];
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

// PostgreSQL text cannot hold U+0000; refusing the row on both databases keeps them alike.
const nulCharacter = (key: string) => `"${key}" contains a NUL character (\\u0000)`;
// An unpaired \uD800-\uDFFF escape is no character: PostgreSQL refuses it, so both refuse the row.
const loneSurrogate = (key: string) => `"${key}" contains an unpaired surrogate (a \\uD800-\\uDFFF escape)`;

const fmt = (n: number) => n.toLocaleString("en-US");

export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "a boolean";
  return typeof value;
}

// ---------- HTTP and action inputs ----------

export const PromptSetIdSchema = z.string().trim().min(1, "Missing prompt set id.").max(100);

export const ImportParamsSchema = z.object({ id: PromptSetIdSchema });

/** A running import, for the cancel action. */
export const ImportRefSchema = z.object({
  importId: z.string().trim().min(1, "Which import? The import id is missing.").max(100),
});
export type ImportRef = z.infer<typeof ImportRefSchema>;

export const ImportQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255).default("upload"),
  format: z.enum([...IMPORT_FORMATS, "auto"]).default("auto"),
  mode: ImportModeSchema.default("all-or-nothing"),
});
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

export const SetNameSchema = z
  .string({ error: "expected a string" })
  .trim()
  .min(1, "Enter a name for the prompt set.")
  .max(120, "Prompt set names have at most 120 characters.");

export const SetDescriptionSchema = z
  .string({ error: "expected a string" })
  .trim()
  .max(2000, "Descriptions have at most 2,000 characters.")
  .nullish()
  .transform((s) => s || null);

export const CreatePromptSetSchema = z.object({
  name: SetNameSchema,
  description: SetDescriptionSchema,
});
export type CreatePromptSetInput = z.input<typeof CreatePromptSetSchema>;

export const UpdatePromptSetSchema = z.object({
  id: PromptSetIdSchema,
  name: SetNameSchema,
  description: SetDescriptionSchema,
});
export type UpdatePromptSetInput = z.input<typeof UpdatePromptSetSchema>;

export const DeletePromptSetSchema = z.object({ id: PromptSetIdSchema });
export type DeletePromptSetInput = z.input<typeof DeletePromptSetSchema>;

export const PROMPTS_PAGE_SIZE = 50;

/** The category filter's value for prompts without a category. */
export const UNCATEGORISED = "__none__";

const optionalFilter = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined)
  .catch(undefined);

/** The prompt list's search params (/prompts/[id]?q=&category=&page=). */
export const PromptListQuerySchema = z.object({
  q: optionalFilter,
  category: optionalFilter,
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type PromptListQuery = z.infer<typeof PromptListQuerySchema>;

// ---------- results ----------

export type ImportRowError = { line: number; message: string };

export type ImportResult = {
  importId: string;
  status: FinalImportStatus;
  mode: ImportMode;
  format: ImportFormat;
  rowsRead: number;
  inserted: number;
  duplicates: number;
  invalid: number;
  errors: ImportRowError[];
  errorsTruncated: boolean;
  /** A problem with the file as a whole (unreadable, no text column, broken JSON): nothing was imported. */
  fileError: string | null;
  /** Why a failed or cancelled import ended (nothing was imported either way). */
  error: string | null;
};

export const ImportRowErrorsSchema = z.array(z.object({ line: z.number(), message: z.string() })).catch([]);

// ---------- the import job ----------

/**
 * The frozen config of a prompt-import job: which import (its row holds the spooled file and the
 * progress), and what it was launched with, for the jobs list.
 */
export const ImportJobConfigSchema = z.object({
  kind: z.literal("prompt-import"),
  importId: z.string().min(1),
  promptSet: z.object({ id: z.string().min(1), name: z.string() }),
  fileName: z.string(),
  format: ImportFormatSchema,
  mode: ImportModeSchema,
});
export type ImportJobConfig = z.infer<typeof ImportJobConfigSchema>;

/** Prompts one step of a set's deletion removes: each step is one short transaction. */
export const DELETE_BATCH = 5_000;

/** A big set's deletion on the runner: one item per batch of prompts, then the set itself. */
export const SetDeletionConfigSchema = z.object({
  kind: z.literal("prompt-set-deletion"),
  promptSet: z.object({ id: z.string().min(1), name: z.string() }),
  /** The set's prompts when the deletion began. */
  prompts: z.number().int().min(0),
  batch: z.number().int().min(1).default(DELETE_BATCH),
});
export type SetDeletionConfig = z.infer<typeof SetDeletionConfigSchema>;

/** What deleting a set did: deleted at once, or started as a job (a big set) that runs in the background. */
export type SetDeletion = { prompts: number; jobId: string | null };
