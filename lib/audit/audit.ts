import { db, type Tx } from "../db/client";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: unknown;
};

/** Append-only: nothing updates or deletes audit events. Pass `tx` to commit with the change. */
export async function recordAudit(entry: AuditEntry, tx?: Tx): Promise<void> {
  await (tx ?? db()).auditEvent.create({
    data: { ...entry, data: (entry.data ?? {}) as object },
  });
}
