import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { InvalidInputError, NotFoundError } from "../errors";
import { contentHash } from "./content-hash";
import { cuid } from "./cuid";
import { batchLimits, insertStatement, runInsert, type NewPrompt } from "./insert-prompts";
import { parseRows, resolveFormat, where, type ImportSource, type ParsedRow } from "./parsers";
import {
  MAX_STORED_ERRORS,
  PromptRowSchema,
  type ImportFormat,
  type ImportMode,
  type ImportResult,
  type ImportRowError,
} from "./schemas";

export type { ImportSource } from "./parsers";

export type ImportInput = {
  promptSetId: string;
  fileName: string;
  format: ImportFormat | "auto";
  mode: ImportMode;
  source: ImportSource;
  actorId: string | null;
};

// The whole file is one transaction, so it may run as long as the upload and parse take.
const TRANSACTION = { timeout: 10 * 60_000, maxWait: 60_000 };

/** Thrown inside the transaction to roll back a rejected all-or-nothing import. */
class Rejected extends Error {}

/**
 * Streams a file into a prompt set in one transaction: rows are parsed, validated and inserted in
 * batches; a row whose content hash is already in the set (or earlier in the file) is skipped and
 * counted as a duplicate. "all-or-nothing" keeps nothing if any row is invalid but still reads to
 * the end to report every bad row; "skip-invalid" keeps the valid rows. Either way a PromptImport
 * row records the outcome.
 */
export async function importPrompts(input: ImportInput): Promise<ImportResult> {
  const format = resolveFormat(input.format, input.fileName);
  const set = await db().promptSet.findUnique({ where: { id: input.promptSetId }, select: { id: true } });
  if (!set) throw new NotFoundError("Prompt set", input.promptSetId);
  const run = new ImportRun(set.id, input, format);
  try {
    return await db().$transaction(async (tx) => {
      await run.read(tx);
      if (run.rejected) throw new Rejected();
      return run.record(tx);
    }, TRANSACTION);
  } catch (error) {
    if (error instanceof Rejected) return run.record(db());
    if (isInterrupted(error))
      throw new InvalidInputError("The upload stopped before the end of the file; nothing was imported.");
    throw error;
  }
}

const INTERRUPTED = new Set(["ECONNRESET", "ABORT_ERR", "ERR_STREAM_PREMATURE_CLOSE", "UND_ERR_ABORTED"]);
const isInterrupted = (error: unknown) =>
  error instanceof Error &&
  (error.name === "AbortError" || INTERRUPTED.has((error as { code?: string }).code ?? ""));

class ImportRun {
  rowsRead = 0;
  inserted = 0;
  duplicates = 0;
  invalid = 0;
  errors: ImportRowError[] = [];
  fileError: string | null = null;
  private pending: NewPrompt[] = [];
  private pendingChars = 0;
  private inFlight: Promise<void> | null = null;
  private readonly limits = batchLimits();
  private readonly startedAt = new Date();

  constructor(
    private readonly promptSetId: string,
    private readonly input: ImportInput,
    private readonly format: ImportFormat,
  ) {}

  get rejected(): boolean {
    return this.fileError !== null || (this.input.mode === "all-or-nothing" && this.invalid > 0);
  }

  async read(tx: Tx): Promise<void> {
    reading: for await (const rows of parseRows(this.format, this.input.source)) {
      for (const row of rows) {
        if (row.fatal) {
          this.fail(row);
          break reading;
        }
        this.take(row);
        if (this.pendingChars >= this.limits.chars || this.pending.length >= this.limits.rows)
          await this.flush(tx);
      }
    }
    if (this.fileError === null && this.rowsRead === 0) this.fail({ line: 1, error: "the file has no rows" });
    if (this.fileError === null) await this.flush(tx);
    await this.settle();
  }

  private take(row: ParsedRow): void {
    this.rowsRead++;
    if (row.error !== undefined) return this.reject(row, row.error);
    const parsed = PromptRowSchema.safeParse(row.value);
    if (!parsed.success) return this.reject(row, parsed.error.issues.map((i) => i.message).join("; "));
    const { text, referenceAnswer, category, externalId } = parsed.data;
    this.pendingChars += text.length + (referenceAnswer?.length ?? 0);
    this.pending.push({
      id: cuid(),
      promptSetId: this.promptSetId,
      text,
      referenceAnswer,
      category,
      externalId,
      source: this.input.fileName,
      contentHash: contentHash(text),
    });
  }

  private reject(row: ParsedRow, message: string): void {
    this.invalid++;
    if (this.errors.length < MAX_STORED_ERRORS)
      this.errors.push({ line: row.line, message: `${where(row)}: ${message}` });
  }

  private fail(row: ParsedRow): void {
    this.fileError = `${where(row)}: ${row.error}`;
    // The file-level error is always kept, even when the row errors filled the list.
    if (this.errors.length >= MAX_STORED_ERRORS) this.errors.pop();
    this.errors.push({ line: row.line, message: this.fileError });
  }

  /**
   * Sends the pending rows; the database skips those already in the set or earlier in the file.
   * The INSERT is left in flight while the next batch is parsed; the next flush waits for it, so
   * at most one batch is on its way and its errors still end the import. A rejected import keeps
   * inserting (all of it is rolled back) so that its duplicate count is exact too.
   */
  private async flush(tx: Tx): Promise<void> {
    const statement = this.pending.length ? insertStatement(this.pending, this.startedAt) : null;
    this.pending = [];
    this.pendingChars = 0;
    await this.settle();
    if (!statement) return;
    const sending = runInsert(tx, statement).then((count) => {
      this.inserted += count;
      this.duplicates += statement.rows - count;
    });
    sending.catch(() => {}); // observed by settle(), not reported as unhandled meanwhile
    this.inFlight = sending;
  }

  private async settle(): Promise<void> {
    const sending = this.inFlight;
    this.inFlight = null;
    await sending;
  }

  async record(client: Tx): Promise<ImportResult> {
    const status = this.rejected ? "rejected" : "imported";
    const inserted = status === "imported" ? this.inserted : 0;
    const counts = { rowsRead: this.rowsRead, inserted, duplicates: this.duplicates, invalid: this.invalid };
    const row = await client.promptImport.create({
      data: {
        promptSetId: this.promptSetId,
        fileName: this.input.fileName,
        format: this.format,
        mode: this.input.mode,
        status,
        ...counts,
        errors: this.errors,
        createdById: this.input.actorId,
      },
    });
    await recordAudit(
      {
        actorId: this.input.actorId,
        action: `prompts.import-${status}`,
        entityId: this.promptSetId,
        data: { importId: row.id, fileName: this.input.fileName, mode: this.input.mode, ...counts },
      },
      client,
    );
    const errorCount = this.invalid + (this.fileError ? 1 : 0);
    return {
      importId: row.id,
      status,
      mode: this.input.mode,
      format: this.format,
      ...counts,
      errors: this.errors,
      errorsTruncated: errorCount > this.errors.length,
      fileError: this.fileError,
    };
  }
}
