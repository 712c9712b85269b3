"use client";

import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { resolveClusterAction } from "@/lib/actions/quality";
import type { ClusterView } from "@/lib/quality/clusters";
import { checkLabel } from "@/lib/quality/labels";
import { toastActionError } from "../ui/action-result";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { toast } from "../ui/toast";

/** Clusters of duplicates, biggest first: keep one, reject the rest (audited as one action). */
export function ClustersList({ clusters, canResolve }: { clusters: ClusterView[]; canResolve: boolean }) {
  const router = useRouter();
  const resolve = useAction(resolveClusterAction, {
    onSuccess: ({ data }) => {
      toast.success(`Kept one; ${data?.rejected ?? 0} rejected as duplicates.`);
      router.refresh();
    },
    onError: toastActionError("Not resolved; try again."),
  });
  if (clusters.length === 0)
    return <p className="text-sm text-slate-500">No duplicate clusters: run a scan to look for them.</p>;
  return (
    <ul className="space-y-4" data-testid="clusters">
      {clusters.map((cluster) => (
        <li
          key={cluster.id}
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
          data-testid="cluster"
        >
          <div className="mb-2 flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-900">{checkLabel(cluster.check)}</span>
            <Badge tone="slate">
              {cluster.size} {cluster.subject}s
            </Badge>
            <span className="text-slate-500">similarity ≥ {cluster.similarity.toFixed(2)}</span>
            {cluster.resolvedAt && <Badge tone="green">resolved</Badge>}
          </div>
          <ol className="space-y-1">
            {cluster.members.map((member) => (
              <li key={member.id} className="flex items-start gap-2">
                {member.id === cluster.representativeId && <Badge tone="indigo">kept</Badge>}
                {cluster.subject === "trace" ? (
                  <Link
                    href={`/review/${member.id}?status=all`}
                    className="flex-1 text-slate-700 hover:underline"
                  >
                    {member.preview}
                  </Link>
                ) : (
                  <span className="flex-1 text-slate-700">{member.preview}</span>
                )}
                {member.reviewStatus && <span className="text-xs text-slate-500">{member.reviewStatus}</span>}
                {canResolve && !cluster.resolvedAt && cluster.subject === "trace" && (
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={resolve.isPending}
                    onClick={() => resolve.execute({ clusterId: cluster.id, keepId: member.id })}
                  >
                    Keep this, reject the rest
                  </Button>
                )}
              </li>
            ))}
            {cluster.size > cluster.members.length && (
              <li className="text-xs text-slate-500">and {cluster.size - cluster.members.length} more</li>
            )}
          </ol>
        </li>
      ))}
    </ul>
  );
}
