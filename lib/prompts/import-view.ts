import {
  ImportRowErrorsSchema,
  isFinalImport,
  type ImportFormat,
  type ImportMode,
  type ImportResult,
  type ImportRowError,
  type ImportStatus,
} from "./schemas";

/** One import as the prompt set's page shows it, live while it runs (JSON-safe). */
export type ImportView = {
  id: string;
  jobId: string | null;
  fileName: string;
  format: string;
  mode: string;
  status: ImportStatus;
  bytesTotal: number;
  bytesRead: number;
  rowsRead: number;
  validRows: number;
  publishedRows: number;
  inserted: number;
  duplicates: number;
  invalid: number;
  errors: ImportRowError[];
  error: string | null;
  /** Cancel is offered until publishing starts. */
  cancellable: boolean;
  /** The outcome once final, as an upload reports it. */
  result: ImportResult | null;
  createdAt: string;
  finishedAt: string | null;
  createdBy: string | null;
};

/** The columns of a PromptImport row that these views read. */
export type ImportRecord = {
  id: string;
  jobId: string | null;
  fileName: string;
  format: string;
  mode: string;
  status: string;
  bytesTotal: bigint;
  bytesRead: bigint;
  rowsRead: number;
  validRows: number;
  publishedRows: number;
  inserted: number;
  duplicates: number;
  invalid: number;
  errors: unknown;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

export function toImportView(row: ImportRecord, createdBy: string | null): ImportView {
  const status = row.status as ImportStatus;
  const errors = ImportRowErrorsSchema.parse(row.errors);
  return {
    id: row.id,
    jobId: row.jobId,
    fileName: row.fileName,
    format: row.format,
    mode: row.mode,
    status,
    bytesTotal: Number(row.bytesTotal),
    bytesRead: Number(row.bytesRead),
    rowsRead: row.rowsRead,
    validRows: row.validRows,
    publishedRows: row.publishedRows,
    inserted: row.inserted,
    duplicates: row.duplicates,
    invalid: row.invalid,
    errors,
    error: row.error,
    cancellable: status === "queued" || status === "validating",
    result: importResult(row),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdBy,
  };
}

/** A final import's outcome, as importPrompts returns it and the upload form shows it. */
export function importResult(row: ImportRecord): ImportResult | null {
  if (!isFinalImport(row.status)) return null;
  const errors = ImportRowErrorsSchema.parse(row.errors);
  const fileError = row.status === "rejected" ? row.error : null;
  return {
    importId: row.id,
    status: row.status,
    mode: row.mode as ImportMode,
    format: row.format as ImportFormat,
    rowsRead: row.rowsRead,
    inserted: row.inserted,
    duplicates: row.duplicates,
    invalid: row.invalid,
    errors,
    errorsTruncated: row.invalid + (fileError ? 1 : 0) > errors.length,
    fileError,
    error: row.status === "failed" || row.status === "cancelled" ? row.error : null,
  };
}
