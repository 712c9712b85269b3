import Link from "next/link";
import { MessageWorkspace } from "@/components/bank/message-workspace";
import { MetadataForm } from "@/components/bank/metadata-form";
import { TagBadges } from "@/components/bank/tag-badges";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { getMessage } from "@/lib/bank";
import { requireUser } from "@/lib/next/current-user";
import { orNotFound } from "@/lib/next/or-not-found";

export const metadata = { title: "System message" };

export default async function BankMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const message = await orNotFound(getMessage(id));
  const canEdit = can(user.role, "bank:edit");
  return (
    <>
      <Link href="/bank" className="mb-2 inline-block text-sm text-slate-500 hover:text-slate-800">
        ← System messages
      </Link>
      <PageHeader
        title={message.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={message.enabled ? "green" : "slate"}>
              {message.enabled ? "enabled" : "disabled"}
            </Badge>
            <span>version {message.versions[0]?.version ?? 0}</span>
            <span>·</span>
            <span>weight {message.weight}</span>
            <span>·</span>
            <TagBadges tags={message.tags} />
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {message.versions.length === 0 ? (
            <Notice tone="warning">This message has no versions yet.</Notice>
          ) : (
            <MessageWorkspace
              messageId={message.id}
              canEdit={canEdit}
              versions={message.versions.map((v) => ({
                id: v.id,
                version: v.version,
                content: v.content,
                note: v.note,
                createdAt: v.createdAt.toISOString(),
                authorName: v.authorName,
              }))}
            />
          )}
        </div>
        <div>
          <MetadataForm
            messageId={message.id}
            canEdit={canEdit}
            metadata={{
              name: message.name,
              tags: message.tags,
              weight: message.weight,
              enabled: message.enabled,
            }}
          />
        </div>
      </div>
    </>
  );
}
