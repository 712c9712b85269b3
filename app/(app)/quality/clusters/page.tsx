import Link from "next/link";
import { ClustersList } from "@/components/quality/clusters-list";
import { QualityNav } from "@/components/quality/quality-nav";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth";
import { requireUser } from "@/lib/next/current-user";
import { listClusters } from "@/lib/quality";
import { ClusterQuerySchema } from "@/lib/quality/schemas";

export const metadata = { title: "Duplicate clusters" };

export default async function ClustersPage(props: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser("read");
  const parsed = ClusterQuerySchema.safeParse(await props.searchParams);
  const query = parsed.success ? parsed.data : ClusterQuerySchema.parse({});
  const { clusters, total } = await listClusters(query);
  const page = (n: number) =>
    `?${new URLSearchParams({ ...(query.check && { check: query.check }), ...(query.subject && { subject: query.subject }), page: String(n) })}`;
  return (
    <>
      <PageHeader
        title="Quality"
        description="Traces (and prompts) that say the same thing: MinHash over word 5-grams, 14 bands of 8 rows, confirmed at an estimated Jaccard similarity of 0.8. Many near-identical traces teach a student one template."
      />
      <QualityNav current="/quality/clusters" />
      <p className="mb-4 text-sm text-slate-600">{total.toLocaleString("en-US")} unresolved clusters</p>
      <ClustersList clusters={clusters} canResolve={can(user.role, "quality:manage")} />
      <div className="mt-4 flex gap-3 text-sm">
        {query.page > 1 && (
          <Link className="text-indigo-700 hover:underline" href={page(query.page - 1)}>
            ← Bigger clusters
          </Link>
        )}
        {query.page * 20 < total && (
          <Link className="text-indigo-700 hover:underline" href={page(query.page + 1)}>
            Smaller clusters →
          </Link>
        )}
      </div>
    </>
  );
}
