import "server-only";
import { recordAudit } from "../audit";
import { cuid, db } from "../db";
import { InvalidInputError, NotFoundError } from "../errors";
import { applyBulk } from "../review";
import { traceContentPreviews } from "../traces";
import { DUPLICATE_REASON_ID, ResolveClusterSchema, type ClusterQuery } from "./schemas";

export type ClusterView = {
  id: string;
  check: string;
  subject: string;
  size: number;
  similarity: number;
  representativeId: string;
  resolvedAt: string | null;
  members: Array<{ id: string; preview: string; reviewStatus: string | null }>;
};

const PAGE = 20;
const MEMBERS_SHOWN = 12;

/** Duplicate clusters, biggest first (unresolved ones unless asked), each with its members' previews. */
export async function listClusters(query: ClusterQuery): Promise<{ clusters: ClusterView[]; total: number }> {
  const where = {
    ...(query.check && { check: query.check }),
    ...(query.subject && { subject: query.subject }),
    ...(!query.resolved && { resolvedAt: null }),
  };
  const [rows, total] = await Promise.all([
    db().qualityCluster.findMany({
      where,
      orderBy: [{ size: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * PAGE,
      take: PAGE,
    }),
    db().qualityCluster.count({ where }),
  ]);
  const members = await db().qualityVerdict.findMany({
    where: { clusterId: { in: rows.map((r) => r.id) } },
    select: { clusterId: true, traceId: true, promptId: true },
  });
  const traceIds = members.flatMap((m) => (m.traceId ? [m.traceId] : []));
  const promptIds = members.flatMap((m) => (m.promptId ? [m.promptId] : []));
  const [traces, prompts] = await Promise.all([
    traceIds.length ? traceContentPreviews(traceIds) : Promise.resolve([]),
    promptIds.length
      ? db().prompt.findMany({ where: { id: { in: promptIds } }, select: { id: true, text: true } })
      : Promise.resolve([]),
  ]);
  const preview = new Map<string, { preview: string; reviewStatus: string | null }>([
    ...traces.map((t) => [t.id, { preview: t.preview, reviewStatus: t.reviewStatus }] as const),
    ...prompts.map((p) => [p.id, { preview: p.text.slice(0, 200), reviewStatus: null }] as const),
  ]);
  return {
    total,
    clusters: rows.map((c) => {
      const ids = members.filter((m) => m.clusterId === c.id).map((m) => (m.traceId ?? m.promptId)!);
      // The kept one first.
      ids.sort((a, b) => Number(b === c.representativeId) - Number(a === c.representativeId));
      return {
        id: c.id,
        check: c.check,
        subject: c.subject,
        size: c.size,
        similarity: c.similarity,
        representativeId: c.representativeId,
        resolvedAt: c.resolvedAt?.toISOString() ?? null,
        members: ids
          .slice(0, MEMBERS_SHOWN)
          .map((id) => ({ id, ...(preview.get(id) ?? { preview: "", reviewStatus: null }) })),
      };
    }),
  };
}

/**
 * Keep one, reject the rest: every other trace of the cluster is rejected as a duplicate by the
 * person resolving it (their decision, audited once with the count), the cluster marked resolved.
 */
export async function resolveCluster(input: unknown, actorId: string): Promise<{ rejected: number }> {
  const { clusterId, keepId } = ResolveClusterSchema.parse(input);
  return db().$transaction(async (tx) => {
    const cluster = await tx.qualityCluster.findUnique({ where: { id: clusterId } });
    if (!cluster) throw new NotFoundError("Cluster", clusterId);
    if (cluster.subject !== "trace")
      throw new InvalidInputError("Prompt clusters are resolved on the prompt set's page.");
    if (cluster.resolvedAt) throw new InvalidInputError("This cluster was resolved already.");
    const members = await tx.qualityVerdict.findMany({ where: { clusterId }, select: { traceId: true } });
    const ids = members.map((m) => m.traceId!).filter(Boolean);
    if (!ids.includes(keepId)) throw new InvalidInputError("The trace to keep is not in this cluster.");
    const reason = await tx.rejectReason.findUnique({
      where: { id: DUPLICATE_REASON_ID },
      select: { label: true },
    });
    const others = ids.filter((id) => id !== keepId);
    const rejected = await applyBulk(tx, others, {
      bulkActionId: `cluster-${clusterId}-${cuid()}`,
      actorId,
      decision: "rejected",
      reasonId: reason ? DUPLICATE_REASON_ID : null,
      reason: `${reason?.label ?? "Duplicate"}: kept trace ${keepId}`,
    });
    await tx.qualityCluster.update({
      where: { id: clusterId },
      data: { resolvedAt: new Date(), resolvedById: actorId },
    });
    await recordAudit(
      {
        actorId,
        action: "quality.cluster-resolved",
        entityId: clusterId,
        data: { kept: keepId, rejected, reasonId: reason ? DUPLICATE_REASON_ID : null },
      },
      tx,
    );
    return { rejected };
  });
}
