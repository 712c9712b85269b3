import { ReviewList } from "@/components/review/list/review-list";
import { selectionQuery } from "@/components/review/list/selection-query";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/next/current-user";
import { parseReviewFilter } from "@/lib/review/filter";
import { listReviewPage, reviewFilterChoices } from "@/lib/review/queries";

export const metadata = { title: "Review" };

export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { page: _page, ...filter } = parseReviewFilter(await searchParams);
  const [page, choices] = await Promise.all([listReviewPage(filter), reviewFilterChoices(filter)]);
  const full = { ...filter, page: 1 };
  return (
    <>
      <PageHeader
        title="Review"
        description="Filter and search the traces; open one to judge it (keys a / r / e / j / k there, ? for all). In the list, j / k move and Enter opens."
      />
      <ReviewList
        filter={full}
        choices={choices}
        initial={{ query: selectionQuery(full), page }}
        canBulk={can(user.role, "review:bulk")}
      />
    </>
  );
}
