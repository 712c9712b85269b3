import "server-only";
import { createReadStream } from "node:fs";
import { contentHash } from "./content-hash";
import { cuid } from "./cuid";
import type { PreparedPrompt } from "./insert-prompts";
import { parseRows, where, type ParsedRow } from "./parsers";
import {
  MAX_STORED_ERRORS,
  readPromptRow,
  type ImportFormat,
  type ImportRowError,
  type PromptRowFields,
} from "./schemas";

export type PromptFields = PromptRowFields;

/** A spooled file's records in batches; `read.bytes` counts the bytes read so far (progress). */
export function spooledRows(
  path: string,
  format: ImportFormat,
  read = { bytes: 0 },
): AsyncGenerator<ParsedRow[]> {
  async function* counted() {
    // Large reads: fewer trips to the thread pool; the parsers cut them into small pieces.
    for await (const chunk of createReadStream(path, {
      highWaterMark: 256 * 1024,
    }) as AsyncIterable<Buffer>) {
      read.bytes += chunk.length;
      yield chunk;
    }
  }
  return parseRows(format, counted());
}

/** A record as a prompt, or the reason it is not one (every pass over the file decides alike). */
export function checkRow(row: ParsedRow): { fields: PromptFields } | { problem: string } {
  if (row.error !== undefined) return { problem: row.error };
  return readPromptRow(row.value);
}

/** A valid record as publishing will insert it; ids are drawn once, here. */
export function preparePrompt(fields: PromptFields): PreparedPrompt {
  return { id: cuid(), ...fields, contentHash: contentHash(fields.text) };
}

/** What a read of the whole file found: the counts and the first errors, by line. */
export class RowReport {
  rowsRead = 0;
  invalid = 0;
  errors: ImportRowError[] = [];
  fileError: string | null = null;

  /** Counts a record: its fields when it is a valid prompt, null when it is not. */
  take(row: ParsedRow): PromptFields | null {
    this.rowsRead++;
    const checked = checkRow(row);
    if ("fields" in checked) return checked.fields;
    this.invalid++;
    if (this.errors.length < MAX_STORED_ERRORS)
      this.errors.push({ line: row.line, message: `${where(row)}: ${checked.problem}` });
    return null;
  }

  /** A file-level error: the file is refused whatever the mode. */
  fail(row: Pick<ParsedRow, "line" | "item" | "error">): void {
    this.fileError = `${where(row)}: ${row.error}`;
    // The file-level error is always kept, even when the row errors filled the list.
    if (this.errors.length >= MAX_STORED_ERRORS) this.errors.pop();
    this.errors.push({ line: row.line, message: this.fileError });
  }
}
