import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { exportFileName } from "./file-name";
import { exportApprovedJsonl } from "./jsonl";
import { DEFAULT_SHAPE, type ExportQuery, type ExportShape } from "./schemas";
import { linesToStream } from "./stream";

export type ExportDownload = { fileName: string; contentType: string; body: ReadableStream<Uint8Array> };

/** Starts a download of approved traces: checks the job, audits who exported what, streams the lines. */
export async function startExportDownload(
  request: Pick<ExportQuery, "jobId" | "format"> &
    Partial<ExportShape> &
    Partial<Pick<ExportQuery, "includeContaminated" | "contaminationReason">>,
  actorId: string,
): Promise<ExportDownload> {
  const query = { ...DEFAULT_SHAPE, ...request };
  const job = query.jobId
    ? await db().job.findUnique({ where: { id: query.jobId }, select: { id: true, name: true } })
    : null;
  if (query.jobId && !job) throw new NotFoundError("Job", query.jobId);
  const fileName = exportFileName(job?.name ?? null);
  await recordAudit({
    actorId,
    action: "export.downloaded",
    entityId: job?.id ?? "all",
    data: {
      jobId: job?.id ?? null,
      jobName: job?.name ?? null,
      format: query.format,
      fileName,
      erase: query.erase,
      reasoning: query.reasoning,
      reasoningTag: query.reasoningTag,
      contaminationOverride: query.includeContaminated ? (query.contaminationReason ?? null) : null,
    },
  });
  return {
    fileName,
    contentType: "application/x-ndjson; charset=utf-8",
    body: linesToStream(
      exportApprovedJsonl(
        { jobId: job?.id, includeContaminated: query.includeContaminated ?? false },
        { shape: query },
      ),
    ),
  };
}
