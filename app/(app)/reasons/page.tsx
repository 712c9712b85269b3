import { ReasonsEditor } from "@/components/review/reasons-editor";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/next/current-user";
import { listRejectReasons } from "@/lib/review/reasons";

export const metadata = { title: "Reject reasons" };

export default async function ReasonsPage() {
  await requireUser("reasons:manage");
  const reasons = await listRejectReasons({ includeRetired: true });
  return (
    <>
      <PageHeader
        title="Reject reasons"
        description="The reasons reviewers reject by. The first nine active ones are keys 1–9 in review, in this order. Retiring a reason keeps it on the decisions that used it."
      />
      <Card>
        <ReasonsEditor reasons={reasons} />
      </Card>
    </>
  );
}
