import "server-only";
import { cuid, db, Prisma, type Tx } from "../../db";
import { ExactDuplicateIndex, NearDuplicateIndex } from "../duplicates";
import type { ScanScope } from "../schemas";
import { writeVerdicts, type NewVerdict } from "../verdict-store";
import { promptIdPage, scopePrompts, scopeTraces, traceIdPage } from "./scope";

const READ = 2_000;

export type Cluster = {
  id: string;
  check: "exact-duplicate" | "near-duplicate";
  subject: "trace" | "prompt";
  ids: string[];
  similarity: number;
};

/**
 * Exact and near duplicates among the scope's traces (their answers) and among its prompts,
 * streamed through the indexes a page at a time: only signatures are held, never the texts.
 * The first member of a cluster (the oldest: pages are read oldest first) is the one to keep.
 */
export async function findDuplicates(scope: ScanScope, signal: AbortSignal): Promise<Cluster[]> {
  const exact = new ExactDuplicateIndex();
  const near = new NearDuplicateIndex();
  for await (const rows of traceTexts(scope, signal)) {
    for (const row of rows) {
      exact.add(row.id, row.text);
      near.add(row.id, row.text);
    }
  }
  const promptNear = new NearDuplicateIndex();
  const where = await scopePrompts(scope);
  for (let after: string | null = null; ;) {
    signal.throwIfAborted();
    const ids = await promptIdPage(where, after, READ);
    if (ids.length === 0) break;
    const rows = await db().prompt.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } });
    const text = new Map(rows.map((r) => [r.id, r.text]));
    for (const id of ids) promptNear.add(id, text.get(id) ?? "");
    after = ids.at(-1)!;
  }
  const clusters: Cluster[] = [];
  const push = (check: Cluster["check"], subject: Cluster["subject"], ids: string[], similarity: number) =>
    ids.length > 1 && clusters.push({ id: cuid(), check, subject, ids, similarity });
  for (const group of exact.groups()) push("exact-duplicate", "trace", group.ids, 1);
  for (const cluster of near.clusters()) push("near-duplicate", "trace", cluster.ids, cluster.similarity);
  for (const cluster of promptNear.clusters())
    push("near-duplicate", "prompt", cluster.ids, cluster.similarity);
  return clusters;
}

/** The scope's traces oldest first, a page at a time, with the text a duplicate is judged on. */
async function* traceTexts(scope: ScanScope, signal: AbortSignal) {
  const pages: string[][] = [];
  for (let from: { createdAt: Date; id: string } | null = null; ;) {
    signal.throwIfAborted();
    const page = await traceIdPage(scope, from, READ);
    if (page.ids.length === 0) break;
    pages.push(page.ids);
    from = page.last;
  }
  // Newest first was the cheap walk; duplicates keep the oldest, so read the pages backwards.
  for (const ids of pages.reverse()) {
    signal.throwIfAborted();
    const rows = await db().trace.findMany({
      where: { id: { in: ids } },
      select: { id: true, content: true },
    });
    const text = new Map(rows.map((r) => [r.id, r.content]));
    yield [...ids].reverse().map((id) => ({ id, text: text.get(id) ?? "" }));
  }
}

/** Replaces the scope's duplicate verdicts and clusters with these; returns the verdicts written. */
export async function writeDuplicates(
  tx: Tx,
  scope: ScanScope,
  clusters: Cluster[],
  jobId: string,
): Promise<NewVerdict[]> {
  const checks = ["exact-duplicate", "near-duplicate"];
  await tx.qualityVerdict.deleteMany({ where: { check: { in: checks }, trace: scopeTraces(scope) } });
  await tx.qualityVerdict.deleteMany({
    where: { check: "near-duplicate", prompt: await scopePromptsIn(tx, scope) },
  });
  await tx.$executeRaw`DELETE FROM "QualityCluster" WHERE NOT EXISTS (SELECT 1 FROM "QualityVerdict" v WHERE v."clusterId" = "QualityCluster"."id")`;
  const written: NewVerdict[] = [];
  for (let i = 0; i < clusters.length; i += 500) {
    const chunk = clusters.slice(i, i + 500);
    await tx.qualityCluster.createMany({
      data: chunk.map((c) => ({
        id: c.id,
        check: c.check,
        subject: c.subject,
        size: c.ids.length,
        similarity: c.similarity,
        representativeId: c.ids[0]!,
        jobId,
      })),
    });
    const verdicts = chunk.flatMap((c) => clusterVerdicts(c, jobId));
    await writeVerdicts(tx, verdicts);
    written.push(...verdicts);
  }
  return written;
}

async function scopePromptsIn(tx: Tx, scope: ScanScope): Promise<Prisma.PromptWhereInput> {
  if (scope.jobId) {
    const job = await tx.job.findUnique({ where: { id: scope.jobId }, select: { promptSetId: true } });
    return { promptSetId: job?.promptSetId ?? "" };
  }
  return scope.promptSetId ? { promptSetId: scope.promptSetId } : {};
}

/** The kept member passes, the others fail, each naming the cluster and the one kept. */
function clusterVerdicts(cluster: Cluster, jobId: string): NewVerdict[] {
  const [kept, ...others] = cluster.ids;
  const kind = cluster.check === "exact-duplicate" ? "exact duplicate" : "near duplicate";
  const subject = (id: string) => (cluster.subject === "trace" ? { traceId: id } : { promptId: id });
  const evidence = {
    clusterId: cluster.id,
    representativeId: kept!,
    size: cluster.ids.length,
    similarity: cluster.similarity,
  };
  return [
    {
      subject: subject(kept!),
      check: cluster.check,
      clusterId: cluster.id,
      jobId,
      result: {
        outcome: "pass",
        summary: `Kept: ${others.length === 1 ? `1 other ${cluster.subject} is a ${kind}` : `${others.length} other ${cluster.subject}s are ${kind}s`} of this one`,
        score: cluster.similarity,
        evidence,
      },
    },
    ...others.map((id): NewVerdict => ({
      subject: subject(id),
      check: cluster.check,
      clusterId: cluster.id,
      jobId,
      result: {
        outcome: "fail",
        summary: `A ${kind} of ${cluster.subject} ${kept} (similarity ${cluster.similarity.toFixed(2)}, ${cluster.ids.length} in the cluster)`,
        score: cluster.similarity,
        evidence,
      },
    })),
  ];
}
