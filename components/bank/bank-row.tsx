"use client";

import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateMetadataAction } from "@/lib/actions/bank";
import { actionErrorMessage } from "../ui/action-result";
import { cn } from "../ui/cn";
import { formatUtc } from "../ui/format";
import { Td } from "../ui/table";
import { toast } from "../ui/toast";
import { EnabledSwitch } from "./enabled-switch";
import { formatWeight } from "./format";
import { TagBadges } from "./tag-badges";
import type { MessageRow } from "./types";

export function BankRow({ message: m, canEdit }: { message: MessageRow; canEdit: boolean }) {
  const router = useRouter();
  // Flips at once; the server's answer (or a refusal) settles it.
  const [enabled, setEnabled] = useState(m.enabled);
  const toggle = useAction(updateMetadataAction, {
    onSuccess: ({ input }) => {
      toast.success(`"${m.name}" ${input.enabled ? "enabled" : "disabled"}.`);
      router.refresh();
    },
    onError: ({ error }) => {
      setEnabled(m.enabled);
      toast.error(actionErrorMessage(error) ?? "Could not change it.");
    },
  });

  return (
    <tr className={cn("hover:bg-slate-50", !enabled && "text-slate-400")}>
      <Td className="font-medium">
        <Link
          href={`/bank/${m.id}`}
          className={cn("hover:underline", enabled ? "text-indigo-700" : "text-slate-500")}
        >
          {m.name}
        </Link>
      </Td>
      <Td>
        <TagBadges tags={m.tags} />
      </Td>
      <Td className="text-right tabular-nums">{formatWeight(m.weight)}</Td>
      <Td>
        <EnabledSwitch
          label={`Enabled: ${m.name}`}
          checked={enabled}
          disabled={!canEdit || toggle.isPending}
          onChange={(next) => {
            setEnabled(next);
            toggle.execute({ messageId: m.id, enabled: next });
          }}
        />
      </Td>
      <Td className="tabular-nums">v{m.currentVersion}</Td>
      <Td className="text-right tabular-nums">{m.versionCount}</Td>
      <Td className="whitespace-nowrap text-slate-500">{formatUtc(m.updatedAt)}</Td>
    </tr>
  );
}
