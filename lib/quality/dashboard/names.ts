import "server-only";
import { db } from "../../db";
import type { DashboardNames, DashboardRows } from "./rows";

const unique = <T>(values: T[]) => [...new Set(values)];

/** Labels for the ids the rows hold, read by primary key: a handful of rows, whatever the traces. */
export async function dashboardNames(rows: DashboardRows): Promise<DashboardNames> {
  const client = db();
  const versionIds = unique(rows.traces.map((r) => r.versionId));
  const [jobs, versions, reasons, rubricVersions] = await Promise.all([
    client.job.findMany({
      where: { id: { in: unique(rows.traces.map((r) => r.jobId)) } },
      select: { id: true, name: true },
    }),
    client.systemMessageVersion.findMany({
      where: { id: { in: versionIds } },
      select: { id: true, version: true, message: { select: { name: true } } },
    }),
    client.rejectReason.findMany({
      where: { id: { in: unique(rows.reasons.flatMap((r) => (r.reasonId ? [r.reasonId] : []))) } },
      select: { id: true, label: true },
    }),
    client.judgeRubricVersion.findMany({
      where: { id: { in: unique(rows.judge.map((r) => r.rubricVersionId)) } },
      select: { id: true, version: true, scale: true, rubric: { select: { name: true } } },
    }),
  ]);
  return {
    jobs: new Map(jobs.map((j) => [j.id, j.name])),
    versions: new Map(versions.map((v) => [v.id, `${v.message.name} v${v.version}`])),
    reasons: new Map(reasons.map((r) => [r.id, r.label])),
    rubricVersions: new Map(
      rubricVersions.map((v) => [v.id, { label: `${v.rubric.name} v${v.version}`, scale: v.scale }]),
    ),
  };
}
