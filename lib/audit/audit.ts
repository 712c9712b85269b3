import { db, type Tx } from "../db";
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from "./schemas";

export type { AuditAction, AuditEntry } from "./schemas";

/**
 * Append-only: nothing updates or deletes audit events. The action names the entity type and the
 * payload's schema (lib/audit/schemas.ts); a payload that does not match is refused, so the log
 * holds only what its schema says. Pass `tx` to commit with the change.
 */
export async function recordAudit<A extends AuditAction>(entry: AuditEntry<A>, tx?: Tx): Promise<void> {
  const { entityType, data } = AUDIT_ACTIONS[entry.action];
  await (tx ?? db()).auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType,
      entityId: entry.entityId,
      data: data.parse(entry.data) as object,
    },
  });
}
