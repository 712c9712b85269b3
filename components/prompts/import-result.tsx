"use client";

import type { ImportResult } from "@/lib/prompts/schemas";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { formatCount } from "./upload";

/** What an import did, the rows it refused with their lines, and the one-click retry. */
export function ImportResultView({
  result,
  fileName,
  onRetrySkipping,
  retrying,
}: {
  result: ImportResult;
  fileName: string;
  onRetrySkipping?: () => void;
  retrying?: boolean;
}) {
  const canRetry = result.status === "rejected" && !result.fileError && result.invalid > 0 && onRetrySkipping;
  return (
    <Notice
      tone={result.status === "imported" ? "success" : result.status === "failed" ? "error" : "warning"}
    >
      <div className="space-y-2" data-testid="import-result">
        <p className="font-medium">{headline(result, fileName)}</p>
        {result.error ? <p>{result.error}</p> : <p>{counts(result)}</p>}
        {result.errors.length > 0 && (
          <div>
            <p className="font-medium">
              {result.fileError ? "Problems" : "Invalid rows"}
              {result.errorsTruncated ? ` (the first ${result.errors.length})` : ""}:
            </p>
            <ul className="mt-1 max-h-64 list-disc space-y-0.5 overflow-y-auto pl-5 font-mono text-xs">
              {result.errors.map((e, i) => (
                <li key={`${e.line}-${i}`}>{e.message}</li>
              ))}
            </ul>
          </div>
        )}
        {canRetry && (
          <Button variant="secondary" size="sm" onClick={onRetrySkipping} disabled={retrying}>
            {retrying
              ? "Importing…"
              : `Import again, skipping the ${formatCount(result.invalid, "invalid row")}`}
          </Button>
        )}
      </div>
    </Notice>
  );
}

function counts(result: ImportResult): string {
  const read = `Read ${formatCount(result.rowsRead, "row")}`;
  const duplicates = formatCount(result.duplicates, "duplicate");
  const invalid = formatCount(result.invalid, "invalid row");
  if (result.status === "imported")
    return `${read}: ${formatCount(result.inserted, "new prompt")}, ${duplicates} and ${invalid} skipped.`;
  const valid = Math.max(0, result.rowsRead - result.duplicates - result.invalid);
  return `${read}: ${formatCount(valid, "valid new prompt")}, ${duplicates}, ${invalid}.`;
}

function headline(result: ImportResult, fileName: string): string {
  if (result.status === "imported")
    return `Imported ${formatCount(result.inserted, "prompt")} from ${fileName}.`;
  if (result.status === "cancelled") return `The import of ${fileName} was cancelled.`;
  if (result.status === "failed")
    return result.inserted > 0
      ? `The import of ${fileName} failed after writing ${formatCount(result.inserted, "prompt")}.`
      : `Nothing was imported from ${fileName}: the import failed. Upload it again.`;
  if (result.fileError)
    return `Nothing was imported from ${fileName}: the file could not be read. Fix it and upload it again.`;
  return (
    `Nothing was imported from ${fileName}: ${formatCount(result.invalid, "row is", "rows are")} invalid, ` +
    "and this import was all-or-nothing. Fix the rows below, or import again without them."
  );
}
