import { z } from "zod";

export const MAX_TAGS = 12;
export const MAX_CONTENT_CHARS = 20_000;
/** Server actions accept bodies up to 1 MB; a bank file is far smaller in practice. */
export const MAX_IMPORT_CHARS = 1_000_000;

export const MessageIdSchema = z.string().trim().min(1, "Missing message id.").max(100);

export const MessageNameSchema = z
  .string({ error: "expected a string" })
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Names have at most 120 characters.");

// Line endings normalised so a file saved on Windows does not count as a content change.
export const ContentSchema = z
  .string({ error: "expected a string" })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "The content is empty.")
      .max(MAX_CONTENT_CHARS, `Content has at most ${MAX_CONTENT_CHARS} characters.`),
  );

export const NoteSchema = z
  .string({ error: "expected a string" })
  .trim()
  .max(500, "Notes have at most 500 characters.")
  .transform((s) => s || undefined);

export const TagSchema = z
  .string({ error: "expected a string" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "tags are 1-40 lowercase letters, digits or hyphens");

export const TagsSchema = z
  .array(TagSchema, { error: "expected array of strings" })
  .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
  .transform((tags) => [...new Set(tags)]);

export const WeightSchema = z
  .number({ error: "expected a number" })
  .gt(0, "weight must be greater than 0 (disable a message to stop sampling it)")
  .max(100, "weight is at most 100");

export const CreateMessageSchema = z.object({
  name: MessageNameSchema,
  content: ContentSchema,
  tags: TagsSchema.default([]),
  weight: WeightSchema.default(1),
  enabled: z.boolean().default(true),
  note: NoteSchema.optional(),
});
export type CreateMessageInput = z.input<typeof CreateMessageSchema>;

export const SaveVersionSchema = z.object({
  messageId: MessageIdSchema,
  content: ContentSchema,
  note: NoteSchema.optional(),
  // The version the editor started from: saving on top of a newer one is refused.
  baseVersion: z.number().int().positive().optional(),
});
export type SaveVersionInput = z.input<typeof SaveVersionSchema>;

export const UpdateMetadataSchema = z
  .object({
    messageId: MessageIdSchema,
    name: MessageNameSchema.optional(),
    tags: TagsSchema.optional(),
    weight: WeightSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((v) => [v.name, v.tags, v.weight, v.enabled].some((x) => x !== undefined), "Nothing to change.");
export type UpdateMetadataInput = z.input<typeof UpdateMetadataSchema>;

export const ImportBankSchema = z.object({
  text: z
    .string()
    .min(1, "The file is empty.")
    .max(MAX_IMPORT_CHARS, "The file is larger than 1 MB; split it into smaller files."),
  fileName: z.string().trim().max(200).optional(),
});
export type ImportBankInput = z.input<typeof ImportBankSchema>;

export const MessageFilterSchema = z.object({
  tag: TagSchema.optional(),
  enabled: z.boolean().optional(),
});
export type MessageFilter = z.infer<typeof MessageFilterSchema>;

// ---------- the bank file (export / import) ----------

export const BANK_FILE_FORMAT = "tracebank.bank";
export const BANK_FILE_VERSION = 1;

const BankFileVersionSchema = z.strictObject({
  version: z.number({ error: "expected a whole number" }).int("expected a whole number").positive(),
  content: ContentSchema,
  note: NoteSchema.nullish().transform((n) => n ?? undefined),
  createdAt: z.iso
    .datetime({ offset: true, error: "expected an ISO 8601 date-time" })
    .transform((s) => new Date(s))
    .optional(),
});

const BankFileMessageSchema = z.strictObject({
  name: MessageNameSchema,
  tags: TagsSchema.default([]),
  weight: WeightSchema.default(1),
  enabled: z.boolean({ error: "expected true or false" }).default(true),
  versions: z
    .array(BankFileVersionSchema, { error: "expected an array of versions" })
    .min(1, "a message needs at least one version")
    .superRefine((versions, ctx) => {
      const seen = new Set<number>();
      versions.forEach((v, i) => {
        if (seen.has(v.version))
          ctx.addIssue({
            code: "custom",
            path: [i, "version"],
            message: `version ${v.version} appears twice`,
          });
        seen.add(v.version);
      });
    })
    .transform((versions) => [...versions].sort((a, b) => a.version - b.version)),
});

export const BankFileSchema = z
  .object({
    format: z.literal(BANK_FILE_FORMAT, { error: `expected "${BANK_FILE_FORMAT}"` }),
    version: z.literal(BANK_FILE_VERSION, {
      error: `this Tracebank reads bank file version ${BANK_FILE_VERSION}`,
    }),
    exportedAt: z.string().optional(),
    messages: z.array(BankFileMessageSchema, { error: "expected an array of messages" }),
  })
  .superRefine((file, ctx) => uniqueNames(file.messages, ctx, ["messages"]));

/** A hand-written file: a bare array of messages, one version each. */
export const BareBankFileSchema = z
  .array(
    z.strictObject({
      name: MessageNameSchema,
      content: ContentSchema,
      note: NoteSchema.optional(),
      tags: TagsSchema.default([]),
      weight: WeightSchema.default(1),
      enabled: z.boolean({ error: "expected true or false" }).default(true),
    }),
  )
  .superRefine((entries, ctx) => uniqueNames(entries, ctx, []));

function uniqueNames(entries: { name: string }[], ctx: z.RefinementCtx, at: (string | number)[]) {
  const first = new Map<string, number>();
  entries.forEach((entry, i) => {
    const earlier = first.get(entry.name);
    if (earlier === undefined) first.set(entry.name, i);
    else
      ctx.addIssue({
        code: "custom",
        path: [...at, i, "name"],
        message: `"${entry.name}" already appears at [${earlier}]; a name can appear once per file`,
      });
  });
}

/** One message to import, whichever shape the file had; versions oldest first. */
export type ImportedMessage = {
  name: string;
  tags: string[];
  weight: number;
  enabled: boolean;
  versions: { content: string; note?: string; createdAt?: Date }[];
};

export type BankFile = {
  format: typeof BANK_FILE_FORMAT;
  version: typeof BANK_FILE_VERSION;
  exportedAt: string;
  messages: {
    name: string;
    tags: string[];
    weight: number;
    enabled: boolean;
    versions: { version: number; content: string; note: string | null; createdAt: string }[];
  }[];
};
