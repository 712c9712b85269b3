import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/next/current-user";

export default async function OverviewPage() {
  const user = await requireUser();
  return (
    <PageHeader
      title={`Welcome, ${user.name}`}
      description="Bank → prompts → generation jobs → review → export."
    />
  );
}
