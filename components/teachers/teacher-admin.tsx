"use client";

import { useState } from "react";
import type { ProviderSummary } from "@/lib/teacher";
import { Card, CardBody, CardHeader } from "../ui/card";
import { ProviderForm } from "./provider-form";
import { ProviderTable } from "./provider-table";

export function TeacherAdmin({ providers, canManage }: { providers: ProviderSummary[]; canManage: boolean }) {
  const [editingId, setEditingId] = useState<string>();
  const editing = providers.find((p) => p.id === editingId);

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className={canManage ? "lg:col-span-2" : "lg:col-span-3"}>
        <CardHeader
          title="Teachers"
          description="Each job runs against one teacher. A teacher used by a job cannot be deleted."
        />
        <ProviderTable providers={providers} canManage={canManage} onEdit={(p) => setEditingId(p.id)} />
      </Card>
      {canManage && (
        <Card>
          <CardHeader
            title={editing ? `Edit ${editing.name}` : "Add a teacher"}
            description={
              editing
                ? "Endpoint, model and prices apply to jobs launched from now on; limits apply at once, to running jobs too."
                : "Pick a preset, name the model, and test the connection before saving."
            }
          />
          <CardBody>
            <ProviderForm
              key={editing?.id ?? "new"}
              editing={editing}
              onDone={() => setEditingId(undefined)}
            />
          </CardBody>
        </Card>
      )}
    </div>
  );
}
