import { BenchmarksEditor } from "@/components/quality/benchmarks-editor";
import { QualityNav } from "@/components/quality/quality-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/next/current-user";
import { listBenchmarks } from "@/lib/quality";

export const metadata = { title: "Benchmarks" };

export default async function BenchmarksPage() {
  await requireUser("quality:manage");
  const benchmarks = await listBenchmarks();
  return (
    <>
      <PageHeader
        title="Quality"
        description="Benchmarks whose items must not leak into training data. Prompts and traces are checked for their word 13-grams (as Phi-1 and NeMo Curator do), ignoring n-grams found in more than 10 items; numbers count as one word, so a copy with changed numbers is still found."
      />
      <QualityNav current="/quality/benchmarks" />
      <BenchmarksEditor benchmarks={benchmarks} />
    </>
  );
}
