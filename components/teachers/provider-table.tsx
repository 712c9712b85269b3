"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";
import { deleteProviderAction } from "@/lib/actions/teachers";
import type { ProviderSummary } from "@/lib/teacher";
import { toastActionError } from "../ui/action-result";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { EmptyRow, Table, Td, Th } from "../ui/table";
import { toast } from "../ui/toast";
import { ConnectionResultNotice } from "./connection-result";
import { formatPrices, KIND_LABELS, limitParts } from "./format";
import { useConnectionTest } from "./use-connection-test";

export function ProviderTable({
  providers,
  canManage,
  onEdit,
}: {
  providers: ProviderSummary[];
  canManage: boolean;
  onEdit: (provider: ProviderSummary) => void;
}) {
  const router = useRouter();
  const connection = useConnectionTest();
  const [confirming, setConfirming] = useState<string>();
  const remove = useAction(deleteProviderAction, {
    onSuccess: () => {
      toast.success("Teacher deleted.");
      router.refresh();
    },
    onError: toastActionError("Could not delete the teacher."),
    onSettled: () => setConfirming(undefined),
  });
  const columns = canManage ? 5 : 4;

  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Model and base URL</Th>
          <Th>API key</Th>
          <Th>Price and limits</Th>
          {canManage && <Th className="text-right">Actions</Th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {providers.length === 0 && (
          <EmptyRow colSpan={columns}>No teachers yet. Add one to run generation jobs.</EmptyRow>
        )}
        {providers.map((p) => {
          // A result belongs to the settings it was obtained with: an edit hides it.
          const key = [p.id, p.kind, p.baseUrl, p.model, p.hasApiKey].join("|");
          return (
            <Fragment key={p.id}>
              <tr data-testid={`provider-${p.name}`}>
                <Td>
                  <div className="font-medium text-slate-900">{p.name}</div>
                  <div className="text-xs text-slate-500">{KIND_LABELS[p.kind]}</div>
                </Td>
                <Td className="font-mono text-xs">
                  <div className="text-slate-900">{p.model}</div>
                  <div className="break-all text-slate-500">{p.baseUrl ?? "provider default"}</div>
                </Td>
                <Td>{p.hasApiKey ? <Badge tone="green">key set</Badge> : <Badge>no key</Badge>}</Td>
                <Td className="text-xs whitespace-nowrap">
                  <div>{formatPrices(p) ?? <span className="text-slate-400">price not set</span>}</div>
                  {limitParts(p).map((part) => (
                    <div key={part} className="text-slate-500">
                      {part}
                    </div>
                  ))}
                </Td>
                {canManage && (
                  <Td>
                    <div className="flex justify-end gap-1.5">
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={connection.testing === key}
                        className="whitespace-nowrap"
                        onClick={() => void connection.run(key, { providerId: p.id, removeKey: false })}
                      >
                        {connection.testing === key ? "Testing..." : "Test connection"}
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => onEdit(p)}>
                        Edit
                      </Button>
                      {confirming === p.id ? (
                        <>
                          <Button
                            size="sm"
                            variant="danger"
                            disabled={remove.isPending}
                            onClick={() => remove.execute({ id: p.id })}
                          >
                            Confirm delete
                          </Button>
                          <Button size="sm" variant="ghost" onClick={() => setConfirming(undefined)}>
                            Keep
                          </Button>
                        </>
                      ) : (
                        <Button size="sm" variant="ghost" onClick={() => setConfirming(p.id)}>
                          Delete
                        </Button>
                      )}
                    </div>
                  </Td>
                )}
              </tr>
              {connection.results[key] && (
                <tr>
                  <td colSpan={columns} className="px-4 pb-3">
                    <ConnectionResultNotice result={connection.results[key]!} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </Table>
  );
}
