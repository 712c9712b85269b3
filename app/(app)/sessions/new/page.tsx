import { SessionForm } from "@/components/sessions/session-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/next/current-user";
import { parseReviewFilter } from "@/lib/review/filter";
import { sessionFormChoices } from "@/lib/sessions";

export const metadata = { title: "New session" };

const day = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : "");

// The traces' filter may come from the review list's query string (?status=...&jobId=...).
export default async function NewSessionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("sessions:manage");
  const filter = parseReviewFilter(await searchParams);
  const { people, jobs, reasons } = await sessionFormChoices();
  return (
    <>
      <PageHeader
        title="New session"
        description="The traces are fixed when the session is planned; each is reviewed by exactly k of the chosen reviewers."
      />
      <SessionForm
        people={people}
        jobs={jobs}
        reasons={reasons}
        initialSelection={{
          status: filter.status,
          jobId: filter.jobId ?? "",
          category: filter.category ?? "",
          reasonId: filter.reasonId ?? "",
          minTokens: filter.minTokens?.toString() ?? "",
          maxTokens: filter.maxTokens?.toString() ?? "",
          from: day(filter.from),
          to: day(filter.to),
          flagged: filter.flagged === undefined ? "" : filter.flagged ? "1" : "0",
        }}
      />
    </>
  );
}
