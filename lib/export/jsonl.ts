import "server-only";
import { exportTraceBatch } from "../traces";
import { approvedWhere } from "./queries";
import { toExportRecord } from "./record";
import { DEFAULT_SHAPE, type ExportFilter, type ExportShape } from "./schemas";

export const EXPORT_BATCH = 500;

/**
 * Lines of JSONL ("...\n"), one per approved trace, ordered by trace id. Pages with a keyset on
 * the id so memory stays at one batch however large the export.
 */
export async function* exportApprovedJsonl(
  filter: ExportFilter = {},
  options: { batchSize?: number; shape?: ExportShape } = {},
): AsyncGenerator<string, void, undefined> {
  const batchSize = options.batchSize ?? EXPORT_BATCH;
  const shape = options.shape ?? DEFAULT_SHAPE;
  let cursor: string | undefined;
  for (;;) {
    const rows = await exportTraceBatch({ where: approvedWhere(filter), afterId: cursor, take: batchSize });
    for (const row of rows) yield `${JSON.stringify(toExportRecord(row, shape))}\n`;
    if (rows.length < batchSize) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

/** The first `n` lines, for the export page's preview. */
export async function previewApprovedJsonl(
  filter: ExportFilter,
  n = 3,
  shape: ExportShape = DEFAULT_SHAPE,
): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of exportApprovedJsonl(filter, { batchSize: n, shape })) {
    lines.push(line);
    if (lines.length >= n) break;
  }
  return lines;
}
