import "server-only";
import type { Tx } from "../db";
import type { Attempt } from "../runner";
import { preparePrompt, RowReport, spooledRows } from "./import-rows";
import { encodePrompt } from "./insert-prompts";
import { PreparedWriter, preparedPath } from "./prepared-file";
import type { ImportJobConfig, ImportMode } from "./schemas";
import { SeenHashes } from "./seen-hashes";

export type ImportRow = {
  id: string;
  promptSetId: string;
  fileName: string;
  spoolPath: string;
  format: ImportJobConfig["format"];
  mode: ImportMode;
};

export type Validation = {
  rowsRead: number;
  /** Valid rows, each distinct: what publishing will send (the prepared file's lines). */
  validRows: number;
  invalid: number;
  /** Valid rows repeating an earlier one of the file: skipped here already. */
  duplicates: number;
  errors: RowReport["errors"];
  fileError: string | null;
  bytesRead: number;
  rejected: boolean;
};

const PROGRESS_EVERY_MS = 500;

/**
 * The first pass: reads the whole file, counting rows, recording the invalid ones by line and
 * writing each distinct valid row, ready to insert, to the prepared file; it writes nothing to
 * the set, only progress. "all-or-nothing" refuses the file for one invalid row; either mode
 * refuses it for a file-level error (not UTF-8, broken JSON, no text column, no rows). A crash
 * here costs only time: the next attempt validates again from the first byte.
 */
export async function validateImport(attempt: Attempt<ImportJobConfig>, row: ImportRow): Promise<Validation> {
  const report = new RowReport();
  const seen = new SeenHashes();
  const read = { bytes: 0 };
  let [validRows, duplicates] = [0, 0];
  const progress = (tx: Tx) =>
    tx.promptImport.update({
      where: { id: row.id },
      data: {
        bytesRead: read.bytes,
        rowsRead: report.rowsRead,
        validRows,
        invalid: report.invalid,
        duplicates,
      },
    });
  const zero = {
    bytesRead: 0,
    rowsRead: 0,
    validRows: 0,
    invalid: 0,
    publishedRows: 0,
    inserted: 0,
    duplicates: 0,
  };
  await attempt.fenced((tx) =>
    tx.promptImport.update({
      where: { id: row.id },
      data: { status: "validating", errors: [], error: null, ...zero },
    }),
  );
  const out = PreparedWriter.create(preparedPath(row.spoolPath));
  try {
    let lastWrite = performance.now();
    reading: for await (const rows of spooledRows(row.spoolPath, row.format, read)) {
      for (const parsed of rows) {
        if (parsed.fatal) {
          report.fail(parsed);
          break reading;
        }
        const fields = report.take(parsed);
        if (!fields) continue;
        const prompt = preparePrompt(fields);
        if (!seen.add(prompt.contentHash)) duplicates++;
        else {
          validRows++;
          out.add(encodePrompt(prompt));
        }
      }
      await out.flushIfFull();
      if (attempt.signal.aborted) throw attempt.signal.reason;
      if (performance.now() - lastWrite >= PROGRESS_EVERY_MS) {
        await attempt.fenced(progress);
        lastWrite = performance.now();
      }
    }
    await out.close();
  } catch (error) {
    out.discard();
    throw error;
  }
  if (report.fileError === null && report.rowsRead === 0)
    report.fail({ line: 1, error: "the file has no rows" });
  const rejected = report.fileError !== null || (row.mode === "all-or-nothing" && report.invalid > 0);
  const { rowsRead, invalid, errors, fileError } = report;
  return { rowsRead, validRows, invalid, duplicates, errors, fileError, bytesRead: read.bytes, rejected };
}

/**
 * The file is accepted: its counts and errors are kept and publishing starts, fenced, so a cancel
 * that got the item first wins (and one that comes later is refused: see refuseCancelImport).
 */
export async function startPublishing(
  attempt: Attempt<ImportJobConfig>,
  row: ImportRow,
  checked: Validation,
) {
  await attempt.fenced(async (tx) => {
    const moved = await tx.promptImport.updateMany({
      where: { id: row.id, status: "validating" },
      data: {
        status: "publishing",
        bytesRead: checked.bytesRead,
        rowsRead: checked.rowsRead,
        validRows: checked.validRows,
        invalid: checked.invalid,
        duplicates: checked.duplicates,
        errors: checked.errors,
        publishedRows: 0,
        inserted: 0,
      },
    });
    if (moved.count !== 1) throw new Error(`import ${row.id} is no longer validating`);
  });
}
