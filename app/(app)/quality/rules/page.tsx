import { QualityNav } from "@/components/quality/quality-nav";
import { RulesEditor } from "@/components/quality/rules-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/next/current-user";
import { listRules } from "@/lib/quality";
import { listRejectReasons } from "@/lib/review";

export const metadata = { title: "Quality rules" };

export default async function QualityRulesPage() {
  await requireUser("quality:manage");
  const [rules, reasons] = await Promise.all([listRules(), listRejectReasons()]);
  return (
    <>
      <PageHeader
        title="Quality"
        description="Turn check verdicts into actions: a wrong answer rejected as such, a benchmark item rejected as contaminated, one of a cluster of duplicates kept. Every action is audited with the rule that made it."
      />
      <QualityNav current="/quality/rules" />
      <RulesEditor rules={rules} reasons={reasons} />
    </>
  );
}
