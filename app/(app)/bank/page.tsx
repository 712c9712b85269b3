import { BankView } from "@/components/bank/bank-view";
import type { EnabledFilter } from "@/components/bank/types";
import { can } from "@/lib/auth/roles";
import { listMessages } from "@/lib/bank";
import { requireUser } from "@/lib/next/current-user";

export const metadata = { title: "System messages" };

export default async function BankPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const [messages, query] = await Promise.all([listMessages(), searchParams]);
  const tag = typeof query.tag === "string" ? query.tag : null;
  const enabled: EnabledFilter =
    query.enabled === "enabled" || query.enabled === "disabled" ? query.enabled : "all";
  return (
    <BankView
      canEdit={can(user.role, "bank:edit")}
      initialTag={tag}
      initialEnabled={enabled}
      messages={messages.map((m) => ({
        id: m.id,
        name: m.name,
        tags: m.tags,
        weight: m.weight,
        enabled: m.enabled,
        currentVersion: m.currentVersion,
        versionCount: m.versionCount,
        updatedAt: m.updatedAt.toISOString(),
      }))}
    />
  );
}
